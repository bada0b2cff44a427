/**
 * Errors of volume mounting. Callers and tests switch on `code`, which never
 * changes; the message is for people and may.
 */

/** Thrown when a command of the mount chain fails; carries its exit status and stderr. */
export class MountCommandError extends Error {
  readonly code = 'ERR_MOUNT_COMMAND'
  override name = 'MountCommandError'
  readonly command: string
  readonly exitCode: number | null
  readonly stderr: string

  constructor (message: string, detail: { command: string, exitCode: number | null, stderr: string }, options?: ErrorOptions) {
    super(message, options)
    this.command = detail.command
    this.exitCode = detail.exitCode
    this.stderr = detail.stderr
  }
}

/** Thrown when the NBD-backed device did not show up (or showed up wrong) within the bound. */
export class MountTimeoutError extends Error {
  readonly code = 'ERR_MOUNT_TIMEOUT'
  override name = 'MountTimeoutError'

  constructor (message = 'volume device did not appear in time', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when this node lacks what mounting needs; the message says what. */
export class MountUnsupportedError extends Error {
  readonly code = 'ERR_MOUNT_UNSUPPORTED'
  override name = 'MountUnsupportedError'

  constructor (message = 'volume mounting is not supported here', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when the work dir or target is still in use by another (or a crashed) mount; run cleanupStaleMounts first. */
export class MountBusyError extends Error {
  readonly code = 'ERR_MOUNT_BUSY'
  override name = 'MountBusyError'

  constructor (message = 'mount work dir or target is in use', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown instead of formatting a volume that holds something other than ext2/3/4. */
export class ForeignFilesystemError extends Error {
  readonly code = 'ERR_MOUNT_FOREIGN_FILESYSTEM'
  override name = 'ForeignFilesystemError'

  constructor (message = 'volume holds data that is not an ext4 filesystem', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown by cleanupStaleMounts when something it should have undone is still there. */
export class MountCleanupError extends Error {
  readonly code = 'ERR_MOUNT_CLEANUP'
  override name = 'MountCleanupError'

  constructor (message = 'stale mount could not be fully removed', options?: ErrorOptions) {
    super(message, options)
  }
}
