/** Test fixtures: a store in a temporary directory behind an NbdServer, torn down with the test. */
import type { Test } from 'tap'
import { execFile, spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { openSparseFileStore, type BlockStore, type SparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import { NbdServer, type NbdExport, type NbdServerInit } from '../../../../daemon/volumes/nbd/index.ts'

export const MiB = 1024 * 1024 // bytes

/** Whether a command is on PATH. */
export function has (command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/** The skip reason when any of the commands is missing, else false. */
export function needs (...commands: string[]): string | false {
  const missing = commands.filter(c => !has(c))
  return missing.length === 0 ? false : `needs ${missing.join(', ')} (Debian: qemu-utils, libnbd-bin)`
}

export interface Served {
  dir: string
  store: SparseFileStore
  server: NbdServer
  port: number
  socketPath: string
  uri: string
}

/** A SparseFileStore exported as "vol" on TCP and on a Unix socket. */
export async function serve (t: Test, options: { size?: number, wrap?: (s: BlockStore) => BlockStore, exp?: Partial<NbdExport>, init?: NbdServerInit } = {}): Promise<Served> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-nbd-'))
  const store = await openSparseFileStore({}, { dir: join(dir, 'vol'), size: options.size ?? 64 * MiB })
  const server = new NbdServer({ logger: pino({ level: 'silent' }) }, options.init)
  server.addExport({ name: 'vol', store: options.wrap?.(store) ?? store, generation: 1, ...options.exp })
  const tcp = await server.listen({ port: 0 })
  const socketPath = join(dir, 'nbd.sock')
  await server.listen({ path: socketPath })
  t.teardown(async () => {
    await server.close()
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })
  const port = 'port' in tcp ? tcp.port : 0
  return { dir, store, server, port, socketPath, uri: `nbd://127.0.0.1:${port}/vol` }
}

/** Runs a command (asynchronously: the server lives in this process); returns stdout, failing the test with stderr when it exits non-zero. */
export async function run (t: Test, command: string, args: string[]): Promise<string> {
  const r = await attempt(command, args)
  if (r.status !== 0) t.fail(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return r.stdout
}

/** Runs a command and returns its exit status and output without judging. */
export async function attempt (command: string, args: string[]): Promise<{ status: number | null, stdout: string, stderr: string }> {
  return await new Promise(resolve => {
    execFile(command, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * MiB }, (err, stdout, stderr) => {
      const status = err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : null
      resolve({ status, stdout, stderr })
    })
  })
}
