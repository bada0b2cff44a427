export type { BlockChecksums, BlockStore, BlockStoreStats, ChangeOptions, ZeroOptions } from './types.ts'
export type { SparseFileStoreComponents } from './sparse-file.ts'
export type { SparseFileStoreInit } from './open-store.ts'
export { BLOCK_SIZE_RANGE, DEFAULT_BLOCK_SIZE, EXTENT_SIZE, MIN_BLOCK_SIZE, SparseFileStore } from './sparse-file.ts'
export { DEFAULT_ACTIVITY_LOG_EXTENTS, openSparseFileStore } from './open-store.ts'
export { FILES as BLOCK_STORE_FILES } from './meta.ts'
export { checkRange } from './range.ts'
export {
  BlockAlignmentError, BlockRangeError, BlockStoreCorruptError, ChecksumMismatchError,
  InvalidBlockGeometryError, StoreClosedError, StoreReadOnlyError, VolumeFencedError
} from './errors.ts'
