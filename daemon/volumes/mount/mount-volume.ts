/**
 * Gives an appliance its volume as a mounted ext4 filesystem:
 * NbdServer socket → block device (kernel nbd, or nbdfuse file + loop) → ext4 → target.
 */
import { mkdir, realpath } from 'node:fs/promises'
import { resolve } from 'node:path'
import { run } from './commands.ts'
import { MountBusyError, MountUnsupportedError } from './errors.ts'
import { ensureExt4 } from './filesystem.ts'
import { attachKernelNbd } from './kernel-nbd.ts'
import { nbdUri, spawnNbdfuse, waitForFile, type Nbdfuse } from './nbdfuse.ts'
import { probeMountSupport } from './probe.ts'
import { readState, workPaths, writeState } from './state.ts'
import { isMounted, loopDirectIo } from './system.ts'
import { teardown } from './teardown.ts'
import type { MountComponents, MountedVolume, MountState, MountVolumeInit } from './types.ts'

/** Default bound on waiting for the NBD-backed file or device. */
export const DEFAULT_READY_TIMEOUT_MS = 10_000 // ms
// errors=remount-ro: once the NBD path fails, stop writing rather than pile damage onto a broken journal.
const MOUNT_OPTIONS = 'errors=remount-ro'
/**
 * The loop device reads and writes the FUSE file with direct I/O: buffered,
 * every block was cached twice (the filesystem's page cache, then the FUSE
 * file's), and an fsync first wrote the second copy back through FUSE. A
 * 256 MiB copy onto a 2-replica volume went from 69–80 to 99–116 MB/s, and
 * pgbench from 406–459 to 495–540 tps (docs/benchmarks.md).
 */
const LOOP_OPTIONS = ['--direct-io=on']

/**
 * Mounts the export at init.target, formatting it as ext4 only if it is
 * blank. On failure everything set up so far is undone before the error is
 * thrown. fsync in the appliance reaches the NBD server as a FLUSH.
 */
export async function mountVolume (components: MountComponents, init: MountVolumeInit): Promise<MountedVolume> {
  const method = init.method ?? await chooseMethod()
  await mkdir(init.workDir, { recursive: true })
  await mkdir(init.target, { recursive: true })
  // Real paths: the kernel reports mounts and loop backing files that way.
  const workDir = await realpath(init.workDir)
  const target = await realpath(resolve(init.target))
  const log = components.logger.child({ component: 'volume-mount', exportName: init.exportName, target })
  const paths = workPaths(workDir)

  if (await readState(workDir) !== undefined) throw new MountBusyError(`${workDir} records a mount; unmount it or run cleanupStaleMounts first`)
  if (await isMounted(target)) throw new MountBusyError(`something is already mounted at ${target}`)
  if (method === 'nbdfuse-loop' && await isMounted(paths.fuseDir)) throw new MountBusyError(`${paths.fuseDir} is still mounted; run cleanupStaleMounts first`)

  const state: MountState = { version: 1, method, socketPath: init.nbd.path, exportName: init.exportName, target }
  let proc: Nbdfuse | undefined
  let device: string
  let formatted: boolean
  let directIo: boolean | undefined
  try {
    await writeState(workDir, state)
    if (method === 'nbdfuse-loop') {
      const fuse = { fuseDir: paths.fuseDir, file: paths.file, pidFile: paths.pidFile, log: paths.log, uri: nbdUri(init.nbd.path, init.exportName) }
      state.fuseDir = paths.fuseDir
      proc = await spawnNbdfuse(fuse)
      state.pid = proc.pid
      await writeState(workDir, state)
      await waitForFile(proc, fuse, init.sizeBytes, init.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS)
      state.device = (await run('attaching the loop device', 'losetup', ['--find', '--show', ...LOOP_OPTIONS, paths.file])).trim()
    } else {
      state.device = await attachKernelNbd(init.nbd.path, init.exportName)
    }
    await writeState(workDir, state)
    device = state.device
    if (method === 'nbdfuse-loop') directIo = await loopDirectIo(device)
    formatted = await ensureExt4(log, device, init.exportName)
    await run('mounting the volume', 'mount', ['-t', 'ext4', '-o', MOUNT_OPTIONS, device, target])
    log.info({ device, method, formatted, loopDirectIo: directIo }, 'volume mounted')
  } catch (err) {
    await teardown(log, workDir, state, { strict: false, proc }).catch(undoErr => {
      log.error({ err: undoErr }, 'could not undo a failed mount; cleanupStaleMounts will retry')
    })
    throw err
  }

  let unmounting: Promise<void> | undefined
  return {
    path: target,
    device,
    method,
    ...(directIo === undefined ? {} : { loopDirectIo: directIo }),
    formatted,
    unmount: async () => {
      unmounting ??= teardown(log, workDir, state, { strict: true, proc }).then(() => {
        log.info({ device: state.device }, 'volume unmounted')
      }, err => {
        unmounting = undefined // a busy filesystem may be free next time
        throw err
      })
      await unmounting
    }
  }
}

async function chooseMethod (): Promise<'kernel-nbd' | 'nbdfuse-loop'> {
  const support = await probeMountSupport()
  if (!support.ok || support.method === undefined) throw new MountUnsupportedError(`cannot mount volumes here: ${support.why ?? 'unknown'}`)
  return support.method
}
