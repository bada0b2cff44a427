/**
 * One fetch of one blob: which chunk to ask which holder for, what to do
 * with each answer, when the fetch is done or stuck.
 *
 * Pull, not push: each holder gets `window` requests; a fast holder answers
 * sooner and so is asked more, and a slow one keeps only what it already has
 * in hand. Which chunk to ask for next (rarest first, then endgame) is
 * fetch-pick.ts's. A holder is dropped when its link fails or stalls (its
 * chunks go back to the pool) or when it serves bytes that fail their hash
 * (nothing of them is kept).
 */
import type { Logger } from 'pino'
import type { Clock, Timer } from '../../controller/clock/index.ts'
import type { LinkPacer, PieceTicket, Transport } from '../network/index.ts'
import type { TokenBucket } from '../volumes/index.ts'
import { chunkLength, digestHex } from './digest.ts'
import { FetchFailedError, type DroppedSource } from './errors.ts'
import { FetchMeter } from './fetch-meter.ts'
import { hasChunk, pickChunk, type ChunkHolder, type PickState } from './fetch-pick.ts'
import type { FetchResult } from './fetcher.ts'
import { LinkError, PeerLink } from './peer-link.ts'
import type { BlobDescriptor, BlobImage, FetchProgress, SourceProgress } from './types.ts'
import { BlobOp, hasBit, type BlobResponse } from './wire.ts'

/** What a fetch needs of the store: a BlobStore. */
export interface FetchStore {
  begin (descriptor: BlobDescriptor, image?: BlobImage): Promise<void>
  missing (digest: string): number[]
  writeChunk (digest: string, index: number, data: Uint8Array): Promise<boolean>
  complete (digest: string): Promise<void>
}

interface Peer extends ChunkHolder {
  node: string
  /** A holder of the whole blob (a source), or a fetcher sharing what it has (a peer). */
  source: boolean
  link: PeerLink
  /** Chunks asked of it and not yet answered. */
  asking: Set<number>
  /** Waiting on the token bucket before asking more. */
  paused: boolean
  refresh?: Timer
  bytes: number
  chunks: number
  reason?: string
}

/** Components of a FetchRun (the fetcher's). */
export interface FetchRunComponents {
  transport: Transport
  store: FetchStore
  clock: Clock
  logger: Logger
  bucket?: TokenBucket
  /** The pacer of the link from a holder: each chunk is asked for at its slot (a share of the measured rate). */
  pacerFor?: (node: string) => LinkPacer | undefined
}

/** One fetch's inputs. */
export interface FetchRunInit {
  descriptor: BlobDescriptor
  sources: string[]
  peers: string[]
  window: number
  stallMs: number
  haveRefreshMs: number
  /** Every chunk index, in this node's preferred order. */
  order: number[]
  signal?: AbortSignal
  onProgress?: (p: FetchProgress) => void
}

/** Runs as soon as it is made; `done` settles with the result. */
export class FetchRun {
  readonly done: Promise<FetchResult>
  readonly #c: FetchRunComponents
  readonly #init: FetchRunInit
  readonly #d: BlobDescriptor
  readonly #hex: string
  readonly #peers: Peer[]
  readonly #need: Set<number>
  /** Chunk → holders it is asked of now. */
  readonly #asked = new Map<number, Set<Peer>>()
  readonly #askedAt = new Map<number, number>()
  /** What a pick reads: the collections above, live. */
  readonly #pickState: PickState
  readonly #dropped: DroppedSource[] = []
  readonly #started: number
  readonly #heldBefore: number
  readonly #bytesBefore: number
  readonly #meter: FetchMeter
  readonly #halt = new AbortController()
  #phase: FetchProgress['phase'] = 'fetching'
  #writes = 0
  #finished = false
  #resolve!: (r: FetchResult) => void
  #reject!: (err: unknown) => void

  constructor (components: FetchRunComponents, init: FetchRunInit) {
    this.#c = components
    this.#init = init
    this.#d = init.descriptor
    this.#hex = digestHex(this.#d.digest)
    this.done = new Promise((resolve, reject) => { this.#resolve = resolve; this.#reject = reject })
    this.#started = components.clock.now()
    this.#meter = new FetchMeter(this.#started)
    const missing = components.store.missing(this.#d.digest)
    this.#need = new Set(missing)
    this.#heldBefore = this.#d.chunks.length - missing.length
    this.#bytesBefore = this.#d.size - missing.reduce((sum, i) => sum + chunkLength(this.#d, i), 0)
    const make = (node: string, source: boolean): Peer => ({
      node,
      source,
      link: new PeerLink({ transport: components.transport, clock: components.clock }, { node, stallMs: init.stallMs }),
      state: 'connecting',
      full: false,
      asking: new Set(),
      paused: false,
      bytes: 0,
      chunks: 0
    })
    this.#peers = [...init.sources.map(n => make(n, true)), ...init.peers.map(n => make(n, false))]
    this.#pickState = { peers: this.#peers, order: init.order, need: this.#need, asked: this.#asked, askedAt: this.#askedAt }
    this.#start()
  }

  #start (): void {
    const signal = this.#init.signal
    if (signal?.aborted === true) { this.#fail(signal.reason); return }
    signal?.addEventListener('abort', this.#onAbort, { once: true })
    if (this.#need.size === 0) { void this.#finish(); return }
    if (this.#init.sources.length === 0) { this.#fail(new FetchFailedError(this.#d.digest, this.#need.size, [])); return }
    for (const p of this.#peers) void this.#connect(p)
  }

  readonly #onAbort = (): void => { this.#fail(this.#init.signal?.reason) }

  async #connect (p: Peer): Promise<void> {
    try {
      await p.link.open(this.#halt.signal)
    } catch (err) {
      this.#linkFailed(p, err)
      return
    }
    await this.#refreshHave(p)
  }

  async #refreshHave (p: Peer): Promise<void> {
    p.refresh = undefined
    let res: BlobResponse
    try {
      res = await p.link.request(BlobOp.have, this.#hex, 0)
    } catch (err) {
      this.#linkFailed(p, err)
      return
    }
    if (this.#finished || p.state === 'dropped') return
    if (res.error === 'ERR_UNKNOWN_BLOB' && p.source) { this.#drop(p, 'no-blob', `${p.node} does not hold the blob`); return }
    if (res.error !== '' && res.error !== 'ERR_UNKNOWN_BLOB') { this.#drop(p, 'refused', `${p.node} answered ${res.error}`); return }
    const bytes = Math.ceil(this.#d.chunks.length / 8)
    if (res.error === '' && res.payload.length !== bytes) { this.#drop(p, 'protocol', `${p.node} answered a have bitmap of ${res.payload.length} bytes, not ${bytes}`); return }
    p.bitmap = res.error === '' ? res.payload : new Uint8Array(bytes)
    p.full = this.#d.chunks.every((_, i) => hasBit(p.bitmap as Uint8Array, i))
    p.state = 'active'
    this.#pump(p)
    this.#checkStuck()
  }

  #pump (p: Peer): void {
    if (this.#finished || p.state !== 'active' || p.paused) return
    while (p.asking.size < this.#init.window) {
      const i = pickChunk(p, this.#pickState)
      if (i === undefined) break
      this.#ask(p, i)
    }
    if (p.asking.size === 0 && !p.full && p.refresh === undefined) {
      p.refresh = this.#c.clock.setTimeout(() => { void this.#refreshHave(p) }, this.#init.haveRefreshMs)
    }
  }

  #pumpAll (): void {
    for (const p of this.#peers) this.#pump(p)
  }

  #ask (p: Peer, i: number): void {
    p.asking.add(i)
    const holders = this.#asked.get(i) ?? new Set<Peer>()
    if (holders.size === 0) this.#askedAt.set(i, this.#c.clock.now())
    holders.add(p)
    this.#asked.set(i, holders)
    this.#request(p, i).then(
      res => this.#onChunk(p, i, res),
      (err: unknown) => { this.#release(p, i); this.#linkFailed(p, err) }
    ).catch((err: unknown) => { this.#fail(err) })
  }

  /** Asks a holder for a chunk, at the pacer's slot for its link when there is one; the answer is the piece's acknowledgement. */
  async #request (p: Peer, i: number): Promise<BlobResponse> {
    const pacer = this.#c.pacerFor?.(p.node)
    if (pacer === undefined) return await p.link.request(BlobOp.chunk, this.#hex, i)
    const ticket: PieceTicket = await pacer.slot(chunkLength(this.#d, i), this.#halt.signal)
    pacer.leaving(ticket)
    try {
      const res = await p.link.request(BlobOp.chunk, this.#hex, i)
      pacer.done(ticket)
      return res
    } catch (err) {
      pacer.lost(ticket)
      throw err
    }
  }

  #release (p: Peer, i: number): void {
    if (!p.asking.delete(i)) return
    const holders = this.#asked.get(i)
    holders?.delete(p)
    if (holders?.size === 0) { this.#asked.delete(i); this.#askedAt.delete(i) }
  }

  async #onChunk (p: Peer, i: number, res: BlobResponse): Promise<void> {
    this.#release(p, i)
    if (this.#finished || p.state === 'dropped') return
    if (res.error === 'ERR_MISSING_CHUNK' || (res.error === 'ERR_UNKNOWN_BLOB' && !p.source)) {
      // A holder that lost the chunk (or a peer that dropped the blob): ask it again once it says what it has.
      p.full = false
      if (p.bitmap !== undefined) p.bitmap = Uint8Array.from(p.bitmap, (b, at) => at === i >> 3 ? b & ~(0x80 >> (i & 7)) : b)
      this.#pumpAll()
      this.#checkStuck()
      return
    }
    if (res.error !== '') { this.#drop(p, res.error === 'ERR_UNKNOWN_BLOB' ? 'no-blob' : 'refused', `${p.node} answered ${res.error}`); return }
    if (!this.#need.has(i)) { this.#pump(p); return } // the other copy of an endgame request won
    this.#need.delete(i)
    this.#writes++
    try {
      await this.#c.store.writeChunk(this.#d.digest, i, res.payload)
    } catch (err) {
      this.#writes--
      this.#need.add(i)
      if ((err as { code?: string }).code !== 'ERR_CHUNK_MISMATCH') { this.#fail(err); return }
      this.#drop(p, 'corrupt', `${p.node} served chunk ${i} with bytes that fail its sha256: ${(err as Error).message}`)
      return
    }
    this.#writes--
    if (this.#finished) return // aborted while the chunk was being written; it stays for a resume
    const length = res.payload.length
    p.bytes += length
    p.chunks++
    this.#meter.add(this.#c.clock.now(), length)
    this.#report('fetching')
    if (this.#need.size === 0 && this.#writes === 0) { await this.#finish(); return }
    if (this.#c.bucket !== undefined) {
      p.paused = true
      try {
        await this.#c.bucket.take(length, this.#halt.signal)
      } catch {
        return
      }
      p.paused = false
    }
    this.#pump(p)
  }

  #linkFailed (p: Peer, err: unknown): void {
    if (this.#finished) return
    const reason = err instanceof LinkError ? err.reason : 'unreachable'
    this.#drop(p, reason, (err as Error | undefined)?.message ?? String(err))
  }

  #drop (p: Peer, reason: DroppedSource['reason'], message: string): void {
    if (p.state === 'dropped' || this.#finished) return
    p.state = 'dropped'
    p.reason = reason
    p.refresh?.cancel()
    for (const i of [...p.asking]) this.#release(p, i)
    p.link.fail(new LinkError('unreachable', `dropped: ${message}`))
    this.#dropped.push({ node: p.node, reason, message })
    this.#c.logger.warn({ node: p.node, reason, err: message }, 'dropped a blob source')
    this.#report('fetching')
    this.#pumpAll()
    this.#checkStuck()
  }

  /**
   * Fails once nothing can bring a needed chunk: no source is left and
   * nothing under way can, or every live peer has said what it holds and one
   * needed chunk is held by none of them (a holder lacks a chunk only when
   * its copy rotted on disk: waiting for it brings nothing).
   */
  #checkStuck (): void {
    if (this.#finished || this.#need.size === 0) return
    const live = this.#peers.filter(p => p.state !== 'dropped')
    if (this.#writes > 0 || live.some(p => p.state === 'connecting')) return
    const reported = live.every(p => p.full || p.bitmap !== undefined)
    const nowhere = reported && [...this.#need].some(i => !live.some(p => hasChunk(p, i) || p.asking.has(i)))
    if (!nowhere) {
      if (live.some(p => p.source)) return
      if (live.some(p => p.asking.size > 0)) return
      if (live.some(p => [...this.#need].some(i => hasChunk(p, i)))) return
    }
    this.#fail(new FetchFailedError(this.#d.digest, this.#need.size, this.#dropped))
  }

  async #finish (): Promise<void> {
    if (this.#finished) return
    this.#finished = true
    this.#stop()
    try {
      this.#report('verifying')
      await this.#c.store.complete(this.#d.digest)
    } catch (err) {
      this.#reject(err)
      return
    }
    this.#report('done')
    this.#resolve({
      digest: this.#d.digest,
      bytesFetched: this.#meter.bytes,
      chunksFetched: this.#meter.chunks,
      chunksHeldBefore: this.#heldBefore,
      ms: this.#c.clock.now() - this.#started,
      sources: this.#sourceProgress(),
      dropped: [...this.#dropped]
    })
  }

  #fail (err: unknown): void {
    if (this.#finished) return
    this.#finished = true
    this.#stop()
    this.#reject(err)
  }

  /** Ends every link and timer; stored chunks stay for a resume. */
  #stop (): void {
    this.#init.signal?.removeEventListener('abort', this.#onAbort)
    this.#halt.abort(new Error('fetch ended'))
    for (const p of this.#peers) {
      p.refresh?.cancel()
      p.link.fail(new LinkError('unreachable', 'fetch ended'))
    }
  }

  #sourceProgress (): SourceProgress[] {
    return this.#peers.map(p => ({
      node: p.node,
      state: p.state === 'dropped' ? 'dropped' : 'active',
      bytes: p.bytes,
      chunks: p.chunks,
      ...(p.reason === undefined ? {} : { reason: p.reason })
    }))
  }

  /** The fetch as it stands, for `trellis image describe`. */
  progress (): FetchProgress {
    return this.#snapshot(this.#phase)
  }

  #report (phase: FetchProgress['phase']): void {
    this.#phase = phase
    const onProgress = this.#init.onProgress
    if (onProgress === undefined) return
    try {
      onProgress(this.#snapshot(phase))
    } catch (err) {
      this.#c.logger.warn({ err }, 'a progress callback threw')
    }
  }

  #snapshot (phase: FetchProgress['phase']): FetchProgress {
    return {
      digest: this.#d.digest,
      phase,
      bytesDone: this.#bytesBefore + this.#meter.bytes,
      bytesTotal: this.#d.size,
      bytesFetched: this.#meter.bytes,
      rate: this.#meter.rate(this.#c.clock.now()),
      sources: this.#sourceProgress()
    }
  }
}
