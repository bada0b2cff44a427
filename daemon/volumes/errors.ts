/**
 * Errors of the volumes component. Callers and tests switch on `code`, which
 * never changes; the message is for people and may.
 */

/** Thrown when a volume id is not `[a-z0-9][a-z0-9._-]{0,127}`; nothing is touched. */
export class InvalidVolumeIdError extends Error {
  readonly code = 'ERR_INVALID_VOLUME_ID'
  override name = 'InvalidVolumeIdError'

  constructor (message = 'invalid volume id', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a volume size is not a positive whole number of bytes. */
export class InvalidVolumeSizeError extends Error {
  readonly code = 'ERR_INVALID_VOLUME_SIZE'
  override name = 'InvalidVolumeSizeError'

  constructor (message = 'invalid volume size', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a volume is created again with a different size. */
export class VolumeExistsError extends Error {
  readonly code = 'ERR_VOLUME_EXISTS'
  override name = 'VolumeExistsError'

  constructor (message = 'volume exists with another size', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when attaching a volume that does not exist. */
export class VolumeNotFoundError extends Error {
  readonly code = 'ERR_VOLUME_NOT_FOUND'
  override name = 'VolumeNotFoundError'

  constructor (message = 'no such volume', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when removing a volume that is attached. */
export class VolumeAttachedError extends Error {
  readonly code = 'ERR_VOLUME_ATTACHED'
  override name = 'VolumeAttachedError'

  constructor (message = 'volume is attached', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a volume's stored state is missing or unreadable, so nothing about it can be trusted. */
export class VolumeCorruptError extends Error {
  readonly code = 'ERR_VOLUME_CORRUPT'
  override name = 'VolumeCorruptError'

  constructor (message = 'volume state is corrupt', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a volume is asked for as a block device (a VM's disk) of a backend that has no block form (a lone node's directories). */
export class BlockVolumeUnsupportedError extends Error {
  readonly code = 'ERR_BLOCK_VOLUME_UNSUPPORTED'
  override name = 'BlockVolumeUnsupportedError'

  constructor (message = 'this backend cannot attach volumes as block devices', options?: ErrorOptions) {
    super(message, options)
  }
}
