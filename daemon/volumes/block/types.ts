/**
 * The block layer's contract: a fixed-size array of bytes that the NBD server
 * (and later the replication layer) reads and writes. Every change carries the
 * writer's generation so that a deposed primary is fenced at the replica.
 */

/** Options of every request that changes data. */
export interface ChangeOptions {
  /** The writer's volume generation; older than the highest accepted → ERR_VOLUME_FENCED. */
  generation: number
  /** Force unit access: the change is on stable storage before the promise resolves. */
  fua?: boolean
}

/** Options of writeZeroes. */
export interface ZeroOptions extends ChangeOptions {
  /** The zeroed range must stay allocated (NBD_CMD_FLAG_NO_HOLE): zeroes are written, not just recorded. */
  noHole?: boolean
}

/** Checksums of whole checksum blocks, comparable between replicas whatever their on-disk layout. */
export interface BlockChecksums {
  /** Bytes per checksum block. */
  blockSize: number
  /** Index of the block crcs[0] describes. */
  firstBlock: number
  /** CRC-32 of each block's content; a block that reads as zeroes has the CRC of zeroes. */
  crcs: Uint32Array
}

/** Counters a store keeps, for tests and metrics. */
export interface BlockStoreStats {
  reads: number
  writes: number
  zeroes: number
  flushes: number
  fdatasyncs: number
  bytesRead: number
  bytesWritten: number
}

/** A fixed-size block device. Offsets and lengths are bytes and must be multiples of `minBlockSize`. */
export interface BlockStore {
  /** Volume size in bytes. */
  readonly size: number
  /** Alignment every request must keep, in bytes. */
  readonly minBlockSize: number
  /** Size at which requests are cheapest (the checksum block), in bytes. */
  readonly preferredBlockSize: number
  /** The highest generation accepted so far (persisted). */
  readonly generation: number
  /** Whether every change is refused. */
  readonly readOnly: boolean
  /**
   * Reads `length` bytes at `offset`, verifying checksums (ERR_CHECKSUM_MISMATCH
   * names the block). With `into` (exactly `length` bytes) a store may read
   * straight into it and return it; the caller uses what is returned either way.
   * Once the promise settles the store keeps no reference to `into` (the NBD
   * server hands it to the next read once the reply has left).
   */
  read (offset: number, length: number, into?: Buffer): Promise<Buffer>
  /**
   * Writes `data` at `offset`. Once the promise resolves, `data` is the
   * caller's again: a store keeps no reference to it and has no I/O on it in
   * flight (the NBD and replica servers hand the buffer to the next request).
   */
  write (offset: number, data: Uint8Array, options: ChangeOptions): Promise<void>
  /** Makes the range read as zeroes. */
  writeZeroes (offset: number, length: number, options: ZeroOptions): Promise<void>
  /** Discards the range; afterwards it reads as zeroes. */
  trim (offset: number, length: number, options: ChangeOptions): Promise<void>
  /** Every change that resolved before this call is on stable storage when it resolves. */
  flush (): Promise<void>
  /** Raises the highest accepted generation without writing, so older writers are refused from now on. */
  fence (generation: number): Promise<void>
  /** Checksums of the blocks that the range touches, for rebuild comparison. */
  checksums (offset: number, length: number): Promise<BlockChecksums>
  /** Counters since open. */
  stats (): BlockStoreStats
  /** Waits for requests under way, flushes and releases the files; the same promise however often called. */
  close (): Promise<void>
}
