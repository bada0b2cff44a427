/**
 * The geometry of a sparse-file volume: block and extent sizes, the check of
 * a size and block size, and the creation of its files.
 */
import { mkdir, open } from 'node:fs/promises'
import { join } from 'node:path'
import { ENTRY_BYTES } from './checksum-table.ts'
import { InvalidBlockGeometryError } from './errors.ts'
import { FILES, FORMAT_VERSION, writeMeta } from './meta.ts'
import { isPowerOfTwo } from './range.ts'

export const KiB = 1024 // bytes
export const MiB = 1024 * KiB // bytes

/** Request alignment: the 512-byte sector every NBD client already honours. */
export const MIN_BLOCK_SIZE = 512 // bytes
/**
 * Default checksum block for new volumes, and the unit rebuilds compare: a
 * page, so a 4 KiB write is never a read-modify-write. Costs 2 MiB of table
 * file and 1.25 MiB of RAM per GiB. Existing volumes keep theirs (block.json).
 */
export const DEFAULT_BLOCK_SIZE = 4 * KiB // bytes
/** Smallest and largest checksum blocks accepted. */
export const BLOCK_SIZE_RANGE = [4 * KiB, 1 * MiB] as const // bytes
/** Activity-log extent: what one crash makes recovery re-checksum at most per marked bit. */
export const EXTENT_SIZE = 4 * MiB // bytes

/** Creates an empty volume's files; block.json last, so its presence means the rest is complete. */
export async function createVolumeFiles (dir: string, size: number, blockSize: number): Promise<void> {
  checkGeometry(size, blockSize)
  await mkdir(dir, { recursive: true })
  const blocks = Math.ceil(size / blockSize)
  // Truncated files are holes: all-zero table entries mean "zero block", so a new volume costs no disk.
  const lengths: Array<[string, number]> = [[FILES.data, size], [FILES.table, blocks * ENTRY_BYTES], [FILES.activity, Math.ceil(Math.ceil(size / EXTENT_SIZE) / 8)]]
  for (const [name, length] of lengths) {
    const fh = await open(join(dir, name), 'w')
    try { await fh.truncate(length); await fh.sync() } finally { await fh.close() }
  }
  // block.json last: its presence means the other files are complete.
  await writeMeta(dir, { format: FORMAT_VERSION, size, blockSize, extentSize: EXTENT_SIZE, generation: 0 })
}

/** Throws InvalidBlockGeometryError unless size and block size make a valid volume. */
export function checkGeometry (size: number, blockSize: number): void {
  if (!Number.isSafeInteger(size) || size <= 0 || size % MIN_BLOCK_SIZE !== 0) {
    throw new InvalidBlockGeometryError(`volume size ${size} is not a positive multiple of ${MIN_BLOCK_SIZE} bytes`)
  }
  if (!isPowerOfTwo(blockSize) || blockSize < BLOCK_SIZE_RANGE[0] || blockSize > BLOCK_SIZE_RANGE[1] || EXTENT_SIZE % blockSize !== 0) {
    throw new InvalidBlockGeometryError(`block size ${blockSize} is not a power of two in ${BLOCK_SIZE_RANGE[0]}..${BLOCK_SIZE_RANGE[1]}`)
  }
}
