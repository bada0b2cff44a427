/**
 * Fetches blobs from the nodes that hold them over `/trellis/blob/1`.
 *
 *   fetch(descriptor, sources) ─▶ store.begin ─▶ missing chunks ─▶ FetchRun (fetch-run.ts)
 *        each source: PeerLink ─▶ have? ─▶ window of chunk requests ─▶ writeChunk (hash-checked)
 *        ─▶ token bucket ─▶ next request … ─▶ store.complete (whole digest) ─▶ FetchResult
 *
 * One token bucket per fetcher, so all fetches of a node together keep to
 * its rate, as volume rebuilds do; with a link share, one LinkPacer per
 * holder besides, so a fetch over a slow link keeps to a share of what that
 * link was measured to carry (chunks are the pieces: 4 MiB each).
 */
import type { Logger } from 'pino'
import type { Clock } from '../../controller/clock/index.ts'
import { fnv1a, mulberry32, type Rng } from '../../controller/random/index.ts'
import type { Transport } from '../network/index.ts'
import { TokenBucket } from '../volumes/index.ts'
import { LinkPacers, type LinkPacer } from '../network/index.ts'
import { CHUNK_SIZE, assertDescriptor } from './digest.ts'
import type { DroppedSource } from './errors.ts'
import { FetchRun, type FetchStore } from './fetch-run.ts'
import type { BlobDescriptor, BlobImage, FetchProgress, SourceProgress } from './types.ts'

/** What a BlobFetcher uses. */
export interface BlobFetcherComponents {
  transport: Transport
  store: FetchStore
  clock: Clock
  logger: Logger
  /** Orders chunks differently on every node, so fetchers sharing a holder ask for different chunks first; seeded from the node id when absent. */
  rng?: Rng
}

/** How a BlobFetcher fetches. */
export interface BlobFetcherInit {
  /** Bytes per second over all fetches of this fetcher, averaged; 0 does not throttle. Default 64 MiB/s, as volume rebuilds. */
  bytesPerSecond?: number
  /**
   * Share of each holder's link, as measured from the fetch itself, that
   * fetches may use (daemon/network link-pacer.ts); 0 (the default) paces by
   * the fixed rate alone. The fixed rate stays the ceiling over all fetches.
   */
  linkShare?: number
  /** Chunk requests in flight to one holder. Default 3. */
  window?: number
  /** A holder asked for something that sends no byte for this long is dropped as stalled. Default 30 s. */
  stallMs?: number
  /** How often a partial holder is asked again which chunks it has. Default 250 ms. */
  haveRefreshMs?: number
}

/** Options of one fetch. */
export interface FetchOptions {
  /** Nodes that hold the whole blob. Required; this node's own id is skipped. */
  sources: string[]
  /** Nodes fetching the same blob: they serve what they have so far (optional, as Kraken's peers do). */
  peers?: string[]
  /** The image's name and version, recorded with the blob for list(). */
  image?: BlobImage
  /** Aborting stops the fetch; what was stored stays for a resume. */
  signal?: AbortSignal
  /** Called after every chunk stored, every source dropped, and at the end. */
  onProgress?: (progress: FetchProgress) => void
}

/** What a finished fetch did. */
export interface FetchResult {
  digest: string
  /** Bytes fetched in this run (not counting chunks held before). */
  bytesFetched: number
  chunksFetched: number
  /** Chunks already held when the fetch began (a resume). */
  chunksHeldBefore: number
  /** Milliseconds from start to the whole digest checked, on the fetcher's clock. */
  ms: number
  sources: SourceProgress[]
  /** Sources dropped on the way, with why: a corrupt one is named here. */
  dropped: DroppedSource[]
}

/** Copy rate when none is asked for: the same as a volume rebuild's. */
export const DEFAULT_FETCH_RATE = 64 * 1024 * 1024 // bytes per second
const DEFAULT_WINDOW = 3
const DEFAULT_STALL_MS = 30_000
const DEFAULT_HAVE_REFRESH_MS = 250

/** Fetches blobs into a store; one per node. */
export class BlobFetcher {
  readonly #components: BlobFetcherComponents
  readonly #log: Logger
  readonly #rng: Rng
  readonly #bucket?: TokenBucket
  readonly #pacers?: LinkPacers
  readonly #window: number
  readonly #stallMs: number
  readonly #haveRefreshMs: number
  readonly #running = new Map<string, Promise<FetchResult>>()
  readonly #runs = new Map<string, FetchRun>()

  constructor (components: BlobFetcherComponents, init: BlobFetcherInit = {}) {
    this.#components = components
    this.#log = components.logger.child({ component: 'blob-fetcher' })
    this.#rng = components.rng ?? mulberry32(fnv1a(components.transport.nodeId))
    const rate = init.bytesPerSecond ?? DEFAULT_FETCH_RATE
    if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`bytesPerSecond must be a number >= 0, not ${rate}`)
    if (rate > 0) this.#bucket = new TokenBucket(components.clock, { bytesPerSecond: rate, burst: 2 * CHUNK_SIZE })
    const share = init.linkShare ?? 0
    if (share > 0) this.#pacers = new LinkPacers(components.clock, { ceilingBytesPerSecond: rate, share, minPieceBytes: CHUNK_SIZE, maxPieceBytes: CHUNK_SIZE, probePieces: 1 })
    this.#window = init.window ?? DEFAULT_WINDOW
    this.#stallMs = init.stallMs ?? DEFAULT_STALL_MS
    this.#haveRefreshMs = init.haveRefreshMs ?? DEFAULT_HAVE_REFRESH_MS
  }

  readonly #pacerFor = (node: string): LinkPacer | undefined => this.#pacers?.for(node)

  /**
   * Fetches the chunks of a blob this node lacks from its sources, checks
   * each against its hash and the whole against the digest, and marks the
   * blob complete. A fetch already running for the digest is joined (its
   * options win). Rejects with FetchFailedError when the sources run out
   * (what was fetched stays, so a later fetch resumes), InvalidDescriptorError
   * for a bad descriptor, or the signal's reason.
   */
  fetch (descriptor: BlobDescriptor, options: FetchOptions): Promise<FetchResult> {
    const running = this.#running.get(descriptor.digest)
    if (running !== undefined) return running
    const p = this.#fetch(descriptor, options).finally(() => { this.#running.delete(descriptor.digest) })
    this.#running.set(descriptor.digest, p)
    return p
  }

  /** Where a fetch running on this node stands (bytes, rate, sources); undefined when none runs for the digest. */
  progress (digest: string): FetchProgress | undefined {
    return this.#runs.get(digest)?.progress()
  }

  async #fetch (descriptor: BlobDescriptor, options: FetchOptions): Promise<FetchResult> {
    assertDescriptor(descriptor)
    const { store, transport, clock } = this.#components
    await store.begin(descriptor, options.image)
    const self = transport.nodeId
    const sources = [...new Set(options.sources)].filter(n => n !== self)
    const peers = [...new Set(options.peers ?? [])].filter(n => n !== self && !sources.includes(n))
    const run = new FetchRun({ transport, store, clock, logger: this.#log.child({ digest: descriptor.digest }), bucket: this.#bucket, pacerFor: this.#pacerFor }, {
      descriptor,
      sources,
      peers,
      window: this.#window,
      stallMs: this.#stallMs,
      haveRefreshMs: this.#haveRefreshMs,
      order: shuffled(descriptor.chunks.length, this.#rng),
      signal: options.signal,
      onProgress: options.onProgress
    })
    this.#runs.set(descriptor.digest, run)
    try {
      return await run.done
    } finally {
      this.#runs.delete(descriptor.digest)
    }
  }
}

/** 0..n-1 in a random order (Fisher–Yates). */
function shuffled (n: number, rng: Rng): number[] {
  const out = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const t = out[i] as number
    out[i] = out[j] as number
    out[j] = t
  }
  return out
}
