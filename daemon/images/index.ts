/**
 * Images as the grid stores them: bundles imported into content-addressed
 * blobs (canonical tar, 4 MiB chunks, sha256), a store per node, the
 * `/trellis/blob/1` protocol that serves chunks and fetches them from several
 * holders at once, and the planner that keeps every image on N nodes.
 * Reference: docs/images.md.
 */
export type { BlobDescriptor, BlobImage, BlobInfo, BundleLimits, FetchProgress, ImageRecord, SourceProgress } from './types.ts'
export { CHUNK_SIZE, DIGEST_PREFIX, assertDescriptor, chunkCount, digestHex, formatDigest } from './digest.ts'
export { BlobStore, openBlobStore } from './store.ts'
export type { BlobStoreComponents, BlobStoreInit } from './store.ts'
export { DEFAULT_MAX_BUNDLE_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_MANIFEST_BYTES, MANIFEST_ENTRY } from './import.ts'
export { BlobServer } from './server.ts'
export type { BlobServerComponents, BlobServerInit, BlobServerStats, BlobSource } from './server.ts'
export { BlobFetcher, DEFAULT_FETCH_RATE } from './fetcher.ts'
export type { BlobFetcherComponents, BlobFetcherInit, FetchOptions, FetchResult } from './fetcher.ts'
export type { FetchStore } from './fetch-run.ts'
export { BLOB_PROTOCOL } from './wire.ts'
export { DEFAULT_IMAGE_REPLICAS, DEFAULT_RESERVE_BYTES, planReplication } from './replication.ts'
export type { PlannedFetch, ReplicationBlob, ReplicationNode, ReplicationOptions, ReplicationPlan, ReplicationShortfall } from './replication.ts'
export {
  BadBlobFrameError, BadLinkError, BadManifestError, BadTarError, BlobIncompleteError, BundleChangedError, BundleError,
  BundleTooLargeError, ChunkMismatchError, DigestMismatchError, FetchFailedError, InvalidDescriptorError, MissingChunkError,
  PathConflictError, SymlinkEscapeError, UnknownBlobError, UnsafePathError, UnsupportedEntryError
} from './errors.ts'
export type { DroppedSource } from './errors.ts'
export { NodeImages, ImageConflictError } from './node-images.ts'
export type { ImageNode, ImportOutcome, NodeImagesComponents, NodeImagesInit } from './node-images.ts'
