/**
 * Pure checks of a request's range against a volume. Every store entry point
 * runs them before touching a file, so a bad request can never write outside
 * the volume.
 */
import { BlockAlignmentError, BlockRangeError } from './errors.ts'

/** Throws ERR_BLOCK_RANGE or ERR_BLOCK_ALIGNMENT unless [offset, offset+length) is a whole-block range inside the volume. */
export function checkRange (offset: number, length: number, size: number, minBlockSize: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new BlockRangeError(`bad range offset=${offset} length=${length}`)
  }
  // Compared without adding, so a huge offset cannot wrap round into the volume.
  if (offset > size || length > size - offset) {
    throw new BlockRangeError(`range ${offset}+${length} ends past the volume size ${size}`)
  }
  if (offset % minBlockSize !== 0 || length % minBlockSize !== 0) {
    throw new BlockAlignmentError(`range ${offset}+${length} is not a multiple of ${minBlockSize} bytes`)
  }
}

/** The checksum blocks [first, last] that a non-empty range touches. */
export function blocksOf (offset: number, length: number, blockSize: number): { first: number, last: number } {
  return { first: Math.floor(offset / blockSize), last: Math.floor((offset + length - 1) / blockSize) }
}

/** Whether n is a power of two. */
export function isPowerOfTwo (n: number): boolean {
  return Number.isSafeInteger(n) && n > 0 && (n & (n - 1)) === 0
}
