/**
 * Undoing a mount, step by step in the reverse order of setup: filesystem,
 * block device, fuse mount, nbdfuse. Each step looks at what the kernel
 * actually has, so running it again (or after a crash) redoes only what is left.
 */
import { rm, rmdir } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'pino'
import { attempt, commandError, run } from './commands.ts'
import { MountCleanupError } from './errors.ts'
import { detachKernelNbd } from './kernel-nbd.ts'
import { EXIT_GRACE_MS, stopNbdfuse, stopStrayNbdfuse, type Nbdfuse } from './nbdfuse.ts'
import { removeState, workPaths } from './state.ts'
import { isMounted, loopAttached, loopDevicesBackedBy, processMatches, readMounts, type MountEntry } from './system.ts'
import type { MountState } from './types.ts'

/** How long a strict teardown retries unmounting the fuse dir while the kernel lets go of the loop device. */
const FUSE_BUSY_RETRY_MS = 3_000 // ms

export interface TeardownOptions {
  /** unmount(): fail (and keep the state) when the filesystem is busy. Otherwise detach lazily and carry on. */
  strict: boolean
  /** Our own nbdfuse child, when this process started it. */
  proc?: Nbdfuse
}

/** Unmounts path: plainly; when lenient and that fails, lazily (detached now, released when its last user goes). */
async function unmountPath (log: Logger, what: string, path: string, strict: boolean): Promise<void> {
  const r = await attempt('umount', [path])
  if (r.exitCode === 0 || !await isMounted(path)) return
  if (strict) throw commandError(what, 'umount', [path], r)
  log.warn({ path, stderr: r.stderr.trim() }, 'umount failed; detaching lazily')
  await run(`${what} (lazily)`, 'umount', ['-l', path])
}

/** Unmounts the fuse dir; when strict, retries while the kernel lets go of the loop device that held its file. */
async function unmountFuse (log: Logger, fuseDir: string, strict: boolean): Promise<void> {
  if (!strict) { await unmountPath(log, 'unmounting the nbdfuse dir', fuseDir, false); return }
  const deadline = Date.now() + FUSE_BUSY_RETRY_MS
  for (;;) {
    const r = await attempt('umount', [fuseDir])
    if (r.exitCode === 0 || !await isMounted(fuseDir)) return
    if (Date.now() >= deadline) throw commandError('unmounting the nbdfuse dir', 'umount', [fuseDir], r)
    await sleep(50)
  }
}

/**
 * Mounts of our device. A loop device counts if the kernel says its file is
 * under workDir. A recorded /dev/loopN or /dev/nbdN alone may be someone
 * else's by now, so otherwise the recorded device counts only where it is
 * mounted on our recorded target: a kernel nbd device, and a loop device whose
 * file's mount went away under it (nbdfuse stopped by a signal unmounts its
 * fuse dir on its way out, and the kernel then names the file "/nbd").
 */
async function ourMounts (workDir: string, state: MountState | undefined): Promise<MountEntry[]> {
  const loops = new Set(await loopDevicesBackedBy(workDir))
  const recorded = state?.device
  return (await readMounts()).filter(m => loops.has(m.source) || (recorded !== undefined && m.source === recorded && m.target === state?.target))
}

/** Undoes what state records plus anything else the kernel shows backed by workDir. */
export async function teardown (log: Logger, workDir: string, state: MountState | undefined, options: TeardownOptions): Promise<void> {
  const paths = workPaths(workDir)
  const fuseDir = state?.fuseDir ?? paths.fuseDir
  const loops = await loopDevicesBackedBy(workDir)
  const mounts = await ourMounts(workDir, state)
  // The recorded loop device mounted on our target is ours even when its file no longer names workDir (see ourMounts).
  for (const m of mounts) if (/^\/dev\/loop\d+$/.test(m.source) && !loops.includes(m.source)) loops.push(m.source)

  // 1. The filesystem, wherever it is mounted (normally just state.target).
  for (const m of [...mounts].reverse()) {
    if (options.strict) {
      const s = await attempt('sync', ['-f', m.target])
      if (s.exitCode !== 0) log.warn({ target: m.target, stderr: s.stderr.trim() }, 'sync before unmount failed')
    }
    await unmountPath(log, 'unmounting the volume', m.target, options.strict)
  }

  // 2. The block device.
  const nbd = state?.method === 'kernel-nbd' ? state.device : undefined
  // Still mounted elsewhere means the device was reused by someone else since the record was written.
  if (nbd !== undefined && !(await readMounts()).some(m => m.source === nbd)) {
    if (options.strict) await detachKernelNbd(nbd)
    else await detachKernelNbd(nbd).catch(err => { log.warn({ err }, 'nbd-client -d failed') })
  }
  for (const loop of loops) {
    const r = await attempt('losetup', ['-d', loop])
    if (r.exitCode !== 0 && await loopAttached(loop)) {
      if (options.strict) throw commandError('detaching the loop device', 'losetup', ['-d', loop], r)
      log.warn({ loop, stderr: r.stderr.trim() }, 'losetup -d failed')
    }
  }

  // 3. The fuse mount, then nbdfuse, which exits by itself once its dir is unmounted.
  const fuseWasMounted = await isMounted(fuseDir)
  if (fuseWasMounted) await unmountFuse(log, fuseDir, options.strict)
  const pid = options.proc?.pid ?? state?.pid
  // Not mounted yet means a start that failed early: nbdfuse will not exit unasked.
  if (options.proc !== undefined) await stopNbdfuse(options.proc, fuseWasMounted ? EXIT_GRACE_MS : 0)
  else if (pid !== undefined && await stopStrayNbdfuse(pid, fuseDir)) log.info({ pid }, 'stopped a stray nbdfuse')
  // An nbdfuse stopped mid-start may have mounted after the check above.
  if (await isMounted(fuseDir)) await unmountFuse(log, fuseDir, options.strict)

  if (!options.strict) await verifyGone(workDir, state, fuseDir, pid)
  await removeState(workDir)
  await rm(paths.pidFile, { force: true })
  await rmdir(fuseDir).catch(() => {})
}

/** Throws when a mount or nbdfuse of workDir survived a lenient teardown. */
async function verifyGone (workDir: string, state: MountState | undefined, fuseDir: string, pid: number | undefined): Promise<void> {
  const left: string[] = (await ourMounts(workDir, state)).map(m => `mount at ${m.target}`)
  if (await isMounted(fuseDir)) left.push(`fuse mount at ${fuseDir}`)
  if (pid !== undefined && await processMatches(pid, ['nbdfuse', fuseDir])) left.push(`nbdfuse pid ${pid}`)
  if (left.length > 0) throw new MountCleanupError(`could not remove ${left.join(', ')}`)
}
