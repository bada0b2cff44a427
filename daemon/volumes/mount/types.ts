/** Types of the volume mount chain's public face. */
import type { Logger } from 'pino'

/** How a volume becomes a block device: the kernel's nbd driver, or nbdfuse's file behind a loop device. */
export type MountMethod = 'kernel-nbd' | 'nbdfuse-loop'

/** What probeMountSupport found; `why` lists what is missing when not ok. */
export interface MountSupport {
  ok: boolean
  method?: MountMethod
  why?: string
}

/** What mountVolume uses. */
export interface MountComponents {
  logger: Logger
}

/** One volume to mount. */
export interface MountVolumeInit {
  /** The NbdServer's Unix socket. */
  nbd: { path: string }
  exportName: string
  /** Private to this mount: fuse dir, pid and state files. One mount per work dir. */
  workDir: string
  /** Where the filesystem appears; created if absent. */
  target: string
  /** The export's size; the device must show exactly this many bytes. */
  sizeBytes: number
  /** Defaults to what probeMountSupport picks. */
  method?: MountMethod
  /** Bound on waiting for the device to appear (default 10 s). */
  readyTimeoutMs?: number
}

/** A mounted volume. */
export interface MountedVolume {
  path: string
  device: string
  method: MountMethod
  /**
   * nbdfuse + loop: whether the loop device writes the FUSE file directly
   * (asked for always; losetup falls back to the page cache where the file
   * refuses O_DIRECT). Absent for kernel nbd.
   */
  loopDirectIo?: boolean
  /** Whether this mount created the filesystem (the volume was blank). */
  formatted: boolean
  /** Sync, unmount, detach, stop the NBD client. Idempotent; a failed call can be retried. */
  unmount: () => Promise<void>
}

/** What a mount has set up so far, kept in the work dir so a later process can undo it. */
export interface MountState {
  version: 1
  method: MountMethod
  socketPath: string
  exportName: string
  target: string
  /** nbdfuse-loop: where nbdfuse mounts its file. */
  fuseDir?: string
  /** nbdfuse-loop: the nbdfuse process. */
  pid?: number
  /** The loop or nbd device, once attached. */
  device?: string
}
