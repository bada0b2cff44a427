/** Test fixtures: a SparseFileStore behind an NbdServer on a Unix socket, and a work dir and target for mounting it. */
import type { Test } from 'tap'
import { mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { openSparseFileStore, type SparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import { cleanupStaleMounts, type MountVolumeInit } from '../../../../daemon/volumes/mount/index.ts'
import { NbdServer } from '../../../../daemon/volumes/nbd/index.ts'

export const MiB = 1024 * 1024 // bytes
export const SIZE = 64 * MiB // bytes
export const logger = pino({ level: 'silent' })

export interface Rig {
  dir: string
  store: SparseFileStore
  server: NbdServer
  /** What mountVolume takes for this rig's export. */
  init: MountVolumeInit
}

/**
 * One ordered teardown, whatever the test did: undo any mount first (while
 * the server still answers, so unmount can flush), then the server, then files.
 */
export async function rig (t: Test): Promise<Rig> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'trellis-mount-')))
  const store = await openSparseFileStore({}, { dir: join(dir, 'vol'), size: SIZE })
  const server = new NbdServer({ logger })
  server.addExport({ name: 'vol', store, generation: 1 })
  const socketPath = join(dir, 'nbd.sock')
  await server.listen({ path: socketPath })
  const workDir = join(dir, 'work')
  t.teardown(async () => {
    await cleanupStaleMounts(workDir).catch(err => { t.fail(`cleanup: ${String(err)}`) })
    await server.close()
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })
  return { dir, store, server, init: { nbd: { path: socketPath }, exportName: 'vol', workDir, target: join(dir, 'mnt'), sizeBytes: SIZE, method: 'nbdfuse-loop' } }
}

/** Mount points under dir, from the kernel's table. */
export async function mountsUnder (dir: string): Promise<string[]> {
  const text = await readFile('/proc/self/mounts', 'utf8')
  return text.split('\n').map(l => l.split(' ')[1] ?? '').filter(p => p.startsWith(dir + '/'))
}

/** Loop devices whose backing file lies under dir. */
export async function loopsUnder (dir: string): Promise<string[]> {
  const found: string[] = []
  for (const name of (await readdir('/sys/block')).filter(n => n.startsWith('loop'))) {
    const backing = await readFile(`/sys/block/${name}/loop/backing_file`, 'utf8').catch(() => '')
    if (backing.startsWith(dir + '/')) found.push(name)
  }
  return found
}

/** Live processes whose command line mentions dir. */
export async function processesMentioning (dir: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter(n => /^\d+$/.test(n)).map(Number).filter(p => p !== process.pid)
  const found: number[] = []
  for (const pid of pids) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (cmdline.includes(dir)) found.push(pid)
  }
  return found
}
