/** Types shared across the image component; see docs/images.md. */
import type { ImageManifest } from '../../controller/catalog/index.ts'

/** What a node needs to fetch and check a blob: its digest, size and chunk hashes (digest.ts says what each is the hash of). */
export interface BlobDescriptor {
  /** "sha256:" + hex sha256 of the whole canonical tar. */
  digest: string
  /** Bytes of the canonical tar. */
  size: number
  /** Bytes per chunk; CHUNK_SIZE. */
  chunkSize: number
  /** Hex sha256 of each chunk, in order. */
  chunks: string[]
}

/** What an import produces, and what the grid records of an image (the lead stores this in the Raft state). */
export interface ImageRecord extends BlobDescriptor {
  name: string
  version: string
  /** The parsed manifest; `dir` is '' here: each node learns its own from unpack(). */
  manifest: ImageManifest
  /** manifest.yaml as it is in the bundle, so any node can parse it again. */
  manifestText: string
}

/** The image a blob holds, as far as its store knows (absent for a blob being fetched without it). */
export interface BlobImage {
  name: string
  version: string
}

/** One blob in a node's store. */
export interface BlobInfo {
  digest: string
  size: number
  /** Every chunk is held and the whole was checked against the digest. */
  complete: boolean
  chunks: number
  /** Chunks held now; equals `chunks` once complete. */
  chunksHeld: number
  image?: BlobImage
}

/** Limits an import enforces; every field has a default (bundle.ts). */
export interface BundleLimits {
  /** Largest total of file bytes. Default 64 GiB. */
  maxBytes?: number
  /** Most entries (files, directories, symlinks). Default 200,000. */
  maxEntries?: number
  /** Largest manifest.yaml. Default 1 MiB. */
  maxManifestBytes?: number
}

/** How a source stands in a fetch. */
export interface SourceProgress {
  node: string
  state: 'active' | 'dropped'
  /** Bytes of verified chunks this source served in this fetch. */
  bytes: number
  chunks: number
  /** Why it was dropped (see DroppedSource). */
  reason?: string
}

/** What a fetch reports as it goes, for `trellis image describe` and the app's events. */
export interface FetchProgress {
  digest: string
  phase: 'fetching' | 'verifying' | 'done'
  /** Bytes of the blob held now, including chunks held before this fetch began. */
  bytesDone: number
  bytesTotal: number
  /** Bytes fetched in this run. */
  bytesFetched: number
  /** Bytes per second over the last RATE_WINDOW_MS (fetch-meter.ts). */
  rate: number
  sources: SourceProgress[]
}
