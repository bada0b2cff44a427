/**
 * Errors of the block layer. Callers and tests switch on `code`, which never
 * changes; the message is for people and may.
 */

/** Thrown when a request reaches past the end of the volume or starts before it; nothing is touched. */
export class BlockRangeError extends Error {
  readonly code = 'ERR_BLOCK_RANGE'
  override name = 'BlockRangeError'

  constructor (message = 'request lies outside the volume', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when an offset or length is not a whole number of the store's minimum block; nothing is touched. */
export class BlockAlignmentError extends Error {
  readonly code = 'ERR_BLOCK_ALIGNMENT'
  override name = 'BlockAlignmentError'

  constructor (message = 'request is not aligned to the minimum block size', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a block's data no longer matches its stored checksum: the disk returned something other than what was written. */
export class ChecksumMismatchError extends Error {
  readonly code = 'ERR_CHECKSUM_MISMATCH'
  override name = 'ChecksumMismatchError'
  /** Index of the first bad block (byte offset = block × blockSize). */
  readonly block: number

  constructor (block: number, message = `checksum mismatch in block ${block}`, options?: ErrorOptions) {
    super(message, options)
    this.block = block
  }
}

/** Thrown when a write carries a generation older than the highest the store has accepted: a newer primary exists. */
export class VolumeFencedError extends Error {
  readonly code = 'ERR_VOLUME_FENCED'
  override name = 'VolumeFencedError'
  readonly generation: number
  readonly highest: number

  constructor (generation: number, highest: number, options?: ErrorOptions) {
    super(`write from generation ${generation} refused: generation ${highest} has been accepted`, options)
    this.generation = generation
    this.highest = highest
  }
}

/** Thrown when a store is used after close() or was opened read-only and is asked to change. */
export class StoreClosedError extends Error {
  readonly code = 'ERR_STORE_CLOSED'
  override name = 'StoreClosedError'

  constructor (message = 'block store is closed', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a write reaches a store opened read-only. */
export class StoreReadOnlyError extends Error {
  readonly code = 'ERR_STORE_READ_ONLY'
  override name = 'StoreReadOnlyError'

  constructor (message = 'block store is read-only', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a store's files are missing, of the wrong size, or its metadata cannot be parsed. */
export class BlockStoreCorruptError extends Error {
  readonly code = 'ERR_BLOCK_STORE_CORRUPT'
  override name = 'BlockStoreCorruptError'

  constructor (message = 'block store files are corrupt', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a store is created with a size or block size it cannot hold. */
export class InvalidBlockGeometryError extends Error {
  readonly code = 'ERR_INVALID_BLOCK_GEOMETRY'
  override name = 'InvalidBlockGeometryError'

  constructor (message = 'invalid volume size or block size', options?: ErrorOptions) {
    super(message, options)
  }
}
