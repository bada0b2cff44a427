import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Transport } from '../network/index.ts'
import { readFrames } from '../network/index.ts'
import { formatDigest } from './digest.ts'
import { drained } from '../network/index.ts'
import { BadBlobFrameError } from './errors.ts'
import { BLOB_PROTOCOL, BlobOp, MAX_REQUEST_FRAME, decodeRequest, makeBitmap, responseFrame, type BlobRequest, type BlobResponse } from './wire.ts'
import type { BlobDescriptor } from './types.ts'

/** What the server reads blobs from: a BlobStore, or anything that answers the same. */
export interface BlobSource {
  descriptor (digest: string): BlobDescriptor | undefined
  hasChunk (digest: string, index: number): boolean
  readChunk (digest: string, index: number): Promise<Buffer>
}

/** What a BlobServer uses. */
export interface BlobServerComponents {
  transport: Transport
  store: BlobSource
  logger: Logger
}

/** Limits of a BlobServer. */
export interface BlobServerInit {
  /** Requests one stream may have waiting or being answered; more closes the stream. Default 32. */
  maxQueued?: number
  /** Chunks read from disk at once for one stream. Default 2. */
  concurrency?: number
}

/** Counters of a BlobServer, for tests and metrics. */
export interface BlobServerStats {
  streams: number
  requests: number
  chunksServed: number
  bytesServed: number
  /** Streams closed because a frame could not be decoded, was too large, or overran the queue. */
  garbage: number
}

const DEFAULT_MAX_QUEUED = 32
const DEFAULT_CONCURRENCY = 2
const EMPTY = Buffer.alloc(0)

/**
 * Serves `/trellis/blob/1`: chunks of the blobs this node holds, whole or in
 * part (a node still fetching shares what it has), and which chunks it holds.
 * Requests on a stream are answered as they complete, a few read at once;
 * writes wait for the stream to drain, so a slow fetcher holds back only its
 * own stream. A malformed frame or a flood closes its stream; the node stays up.
 */
export class BlobServer {
  readonly #transport: Transport
  readonly #store: BlobSource
  readonly #log: Logger
  readonly #maxQueued: number
  readonly #concurrency: number
  readonly #streams = new Set<Duplex>()
  readonly #stats: BlobServerStats = { streams: 0, requests: 0, chunksServed: 0, bytesServed: 0, garbage: 0 }
  #started = false
  #closing?: Promise<void>

  constructor (components: BlobServerComponents, init: BlobServerInit = {}) {
    this.#transport = components.transport
    this.#store = components.store
    this.#log = components.logger.child({ component: 'blob-server' })
    this.#maxQueued = init.maxQueued ?? DEFAULT_MAX_QUEUED
    this.#concurrency = init.concurrency ?? DEFAULT_CONCURRENCY
  }

  /** Starts answering the protocol; idempotent. */
  start (): void {
    if (this.#started || this.#closing !== undefined) return
    this.#started = true
    this.#transport.handle(BLOB_PROTOCOL, (stream, from) => { this.#accept(stream, from) })
  }

  stats (): BlobServerStats {
    return { ...this.#stats }
  }

  /** Stops accepting streams and destroys open ones; the same promise however often called. */
  close (): Promise<void> {
    this.#closing ??= Promise.resolve().then(() => {
      if (this.#started) this.#transport.unhandle(BLOB_PROTOCOL)
      for (const s of this.#streams) s.destroy()
      this.#streams.clear()
    })
    return this.#closing
  }

  #accept (stream: Duplex, from: string): void {
    if (this.#closing !== undefined) { stream.destroy(); return }
    this.#stats.streams++
    this.#streams.add(stream)
    const log = this.#log.child({ peer: from })
    stream.on('error', () => {})
    const queue: BlobRequest[] = []
    let active = 0
    let ended = false
    // A fetcher that ends its side gets the answers it asked for, then our end.
    const endIfDone = (): void => { if (ended && active === 0 && queue.length === 0 && !stream.destroyed) stream.end() }
    const pump = (): void => {
      while (active < this.#concurrency && queue.length > 0) {
        const req = queue.shift() as BlobRequest
        active++
        void this.#answer(stream, req).finally(() => { active--; pump(); endIfDone() })
      }
    }
    readFrames(stream, MAX_REQUEST_FRAME, payload => {
      const req = decodeRequest(payload)
      if (queue.length + active >= this.#maxQueued) throw new BadBlobFrameError(`more than ${this.#maxQueued} requests in flight`)
      this.#stats.requests++
      queue.push(req)
      pump()
    }).then(() => {
      ended = true
      endIfDone()
    }, (err: unknown) => {
      const code = (err as { code?: string }).code
      if (code === 'ERR_BAD_BLOB_FRAME' || code === 'ERR_FRAME_TOO_LARGE') {
        this.#stats.garbage++
        log.warn({ err }, 'closed a blob stream that sent a malformed frame')
      }
      queue.length = 0
      stream.destroy()
    })
    stream.once('close', () => {
      queue.length = 0
      this.#streams.delete(stream)
    })
  }

  async #answer (stream: Duplex, req: BlobRequest): Promise<void> {
    const digest = formatDigest(req.hex)
    let res: BlobResponse
    try {
      const d = this.#store.descriptor(digest)
      if (d === undefined) {
        res = { id: req.id, op: req.op, error: 'ERR_UNKNOWN_BLOB', payload: EMPTY }
      } else if (req.op === BlobOp.have) {
        res = { id: req.id, op: req.op, error: '', payload: makeBitmap(d.chunks.length, i => this.#store.hasChunk(digest, i)) }
      } else {
        const data = await this.#store.readChunk(digest, req.index)
        this.#stats.chunksServed++
        this.#stats.bytesServed += data.length
        res = { id: req.id, op: req.op, error: '', payload: data }
      }
    } catch (err) {
      const code = (err as { code?: unknown }).code
      res = { id: req.id, op: req.op, error: code === 'ERR_MISSING_CHUNK' || code === 'ERR_UNKNOWN_BLOB' ? code : 'ERR_BLOB_INTERNAL', payload: EMPTY }
      if (res.error === 'ERR_BLOB_INTERNAL') this.#log.warn({ err, digest, index: req.index }, 'could not serve a chunk')
    }
    if (stream.destroyed || stream.writableEnded) return
    // Two writes in one turn: no other answer can come between them.
    const [head, payload] = responseFrame(res)
    let ok = stream.write(head)
    if (payload.length > 0) ok = stream.write(payload)
    if (!ok) await drained(stream)
  }
}
