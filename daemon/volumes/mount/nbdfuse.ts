/** nbdfuse: the NBD export as a file in a FUSE mount, for a loop device to sit on. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { findCommand } from './commands.ts'
import { MountTimeoutError, MountUnsupportedError } from './errors.ts'
import { processMatches } from './system.ts'

const POLL_MS = 25 // ms
/** How long nbdfuse gets to exit on its own after its fuse dir is unmounted, before SIGTERM. */
export const EXIT_GRACE_MS = 5_000 // ms
/** How long nbdfuse gets after SIGTERM. */
const TERM_GRACE_MS = 2_000 // ms

/** A running nbdfuse. */
export interface Nbdfuse {
  pid: number
  /** Resolves when the process has exited. */
  exited: Promise<void>
  /** How it exited, once it has. */
  status: () => string | undefined
}

/** The NBD URI naming the export (unlike --unix, which only reaches the default export ""). */
export function nbdUri (socketPath: string, exportName: string): string {
  return `nbd+unix:///${encodeURIComponent(exportName)}?socket=${encodeURIComponent(socketPath)}`
}

/** The last lines nbdfuse wrote, for error messages. */
async function logTail (logPath: string): Promise<string> {
  const text = await readFile(logPath, 'utf8').catch(() => '')
  return text.trim().split('\n').slice(-10).join('\n')
}

/** Where nbdfuse puts things, and what it serves. */
export interface NbdfuseInit {
  fuseDir: string
  file: string
  pidFile: string
  log: string
  uri: string
}

/**
 * Starts nbdfuse on fuseDir/nbd. Its output goes to a log file, not a pipe,
 * so it survives (and stays readable after) a daemon crash.
 */
export async function spawnNbdfuse (init: NbdfuseInit): Promise<Nbdfuse> {
  const path = await findCommand('nbdfuse')
  if (path === undefined) throw new MountUnsupportedError('nbdfuse is not installed (Debian: libnbd-bin)')
  await mkdir(init.fuseDir, { recursive: true })
  await rm(init.pidFile, { force: true })
  const log = await open(init.log, 'w')
  let child: ChildProcess
  try {
    // Own process group: a Ctrl-C meant for the daemon must not kill nbdfuse under a mounted filesystem before the daemon unmounts it.
    child = spawn(path, ['-P', init.pidFile, init.file, init.uri], { stdio: ['ignore', log.fd, log.fd], detached: true })
  } finally {
    await log.close()
  }
  let status: string | undefined
  const exited = new Promise<void>(resolve => {
    child.once('exit', (code, signal) => { status = signal ?? `code ${code}`; resolve() })
    child.once('error', err => { status = err.message; resolve() })
  })
  child.unref()
  if (child.pid === undefined) {
    await exited
    throw new MountUnsupportedError(`nbdfuse could not start: ${status}`)
  }
  return { pid: child.pid, exited, status: () => status }
}

/** Waits until init.file exists with exactly sizeBytes; fails fast when nbdfuse dies or the size is wrong. */
export async function waitForFile (proc: Nbdfuse, init: NbdfuseInit, sizeBytes: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = proc.status()
    if (status !== undefined) {
      throw new MountTimeoutError(`nbdfuse exited (${status}) before ${init.file} appeared: ${await logTail(init.log)}`)
    }
    // The pid file is written once nbdfuse serves; only then does stat reach it rather than the empty dir.
    const ready = await stat(init.pidFile).then(() => true, () => false)
    const size = ready ? await stat(init.file).then(s => s.size, () => undefined) : undefined
    if (size === sizeBytes) return
    if (size !== undefined) throw new MountTimeoutError(`${init.file} has ${size} bytes, expected ${sizeBytes}`)
    if (Date.now() >= deadline) {
      throw new MountTimeoutError(`${init.file} did not appear within ${timeoutMs} ms: ${await logTail(init.log)}`)
    }
    await sleep(POLL_MS)
  }
}

/**
 * Waits up to waitMs for nbdfuse to exit by itself (it does once its fuse
 * dir is unmounted), then asks with SIGTERM (libfuse then unmounts and
 * exits), then kills it.
 */
export async function stopNbdfuse (proc: Nbdfuse, waitMs = EXIT_GRACE_MS): Promise<void> {
  if (await exitsWithin(proc, waitMs)) return
  try { process.kill(proc.pid, 'SIGTERM') } catch {}
  if (await exitsWithin(proc, TERM_GRACE_MS)) return
  try { process.kill(proc.pid, 'SIGKILL') } catch {}
  await proc.exited
}

async function exitsWithin (proc: Nbdfuse, ms: number): Promise<boolean> {
  if (proc.status() !== undefined) return true
  const abort = new AbortController()
  const timer = sleep(ms, false, { signal: abort.signal }).catch(() => true)
  const exited = await Promise.race([proc.exited.then(() => true), timer])
  abort.abort()
  return exited
}

/** Stops an nbdfuse left by an earlier process, if pid is still one serving fuseDir. */
export async function stopStrayNbdfuse (pid: number, fuseDir: string, graceMs = TERM_GRACE_MS): Promise<boolean> {
  if (!await processMatches(pid, ['nbdfuse', fuseDir])) return false
  try { process.kill(pid, 'SIGTERM') } catch {}
  const deadline = Date.now() + graceMs
  while (Date.now() < deadline) {
    if (!await processMatches(pid, ['nbdfuse', fuseDir])) return true
    await sleep(POLL_MS)
  }
  try { process.kill(pid, 'SIGKILL') } catch {}
  // Bounded: a process stuck in the kernel outlives SIGKILL, and cleanup must not hang on it.
  for (let i = 0; i < 40 && await processMatches(pid, ['nbdfuse', fuseDir]); i++) await sleep(POLL_MS)
  return true
}
