import type { Duplex } from 'node:stream'
import type { Clock, Timer } from '../../controller/clock/index.ts'
import type { Transport } from '../network/index.ts'
import { frame, readFrames } from '../network/index.ts'
import { BadBlobFrameError } from './errors.ts'
import {
  BLOB_PROTOCOL, MAX_RESPONSE_FRAME, decodeResponse, encodeRequest, type BlobOpCode, type BlobResponse
} from './wire.ts'

/** Why a link failed, as a fetch reports it. */
export type LinkFailure = 'unreachable' | 'stalled' | 'protocol'

/** A link that failed: every request in flight on it rejects with this. */
export class LinkError extends Error {
  readonly code = 'ERR_BLOB_LINK'
  override name = 'LinkError'
  readonly reason: LinkFailure
  constructor (reason: LinkFailure, message: string, options?: ErrorOptions) {
    super(message, options)
    this.reason = reason
  }
}

interface Pending {
  op: BlobOpCode
  resolve: (res: BlobResponse) => void
  reject: (err: Error) => void
}

/** Request ids wrap at 32 bits; far more than can be in flight. */
const ID_LIMIT = 2 ** 32

/**
 * A fetcher's one stream to one holder: requests pipelined, answers matched
 * by id. Fails as a whole — every request in flight rejects with a LinkError —
 * when the stream breaks, an answer is garbled, or no byte arrives for
 * stallMs while something is asked (a holder that is alive but not serving).
 */
export class PeerLink {
  readonly node: string
  readonly #transport: Transport
  readonly #clock: Clock
  readonly #stallMs: number
  readonly #pending = new Map<number, Pending>()
  #stream?: Duplex
  #nextId = 1
  #lastData = 0
  #stallTimer?: Timer
  #failed?: LinkError

  constructor (components: { transport: Transport, clock: Clock }, init: { node: string, stallMs: number }) {
    this.node = init.node
    this.#transport = components.transport
    this.#clock = components.clock
    this.#stallMs = init.stallMs
  }

  /** Dials the holder; rejects with a LinkError('unreachable') or the signal's reason. */
  async open (signal?: AbortSignal): Promise<void> {
    let stream: Duplex
    try {
      stream = await this.#transport.dial(this.node, BLOB_PROTOCOL, { signal })
    } catch (err) {
      if (signal?.aborted === true) throw err
      throw new LinkError('unreachable', `cannot reach ${this.node}: ${(err as Error).message}`, { cause: err })
    }
    if (this.#failed !== undefined) { stream.destroy(); throw this.#failed }
    this.#stream = stream
    stream.on('error', () => {})
    stream.on('data', () => { this.#lastData = this.#clock.now() })
    readFrames(stream, MAX_RESPONSE_FRAME, payload => { this.#onFrame(payload) }).then(
      () => { this.fail(new LinkError('unreachable', `${this.node} closed the stream`)) },
      (err: unknown) => {
        const code = (err as { code?: string }).code
        const garbled = code === 'ERR_BAD_BLOB_FRAME' || code === 'ERR_FRAME_TOO_LARGE'
        this.fail(new LinkError(garbled ? 'protocol' : 'unreachable', `${this.node}: ${(err as Error).message}`, { cause: err }))
      }
    )
  }

  /** Sends one request; resolves with the answer (refusals included), rejects with a LinkError. */
  request (op: BlobOpCode, hex: string, index: number): Promise<BlobResponse> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed)
    const stream = this.#stream
    if (stream === undefined) return Promise.reject(new LinkError('unreachable', 'the link is not open'))
    const id = this.#nextId
    this.#nextId = this.#nextId + 1 >= ID_LIMIT ? 1 : this.#nextId + 1
    if (this.#pending.size === 0) {
      // Time spent with nothing asked is not the holder's silence.
      this.#lastData = this.#clock.now()
      this.#armStall(this.#stallMs)
    }
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { op, resolve, reject })
      stream.write(frame(encodeRequest({ id, op, hex, index })))
    })
  }

  /** Fails the link (idempotent): destroys the stream and rejects what is in flight. */
  fail (err: LinkError): void {
    if (this.#failed !== undefined) return
    this.#failed = err
    this.#stallTimer?.cancel()
    this.#stream?.destroy()
    for (const p of this.#pending.values()) p.reject(err)
    this.#pending.clear()
  }

  #onFrame (payload: Buffer): void {
    const res = decodeResponse(payload)
    const p = this.#pending.get(res.id)
    if (p === undefined) throw new BadBlobFrameError(`answer to unknown request ${res.id}`)
    if (p.op !== res.op) throw new BadBlobFrameError(`answer of op ${res.op} to a request of op ${p.op}`)
    this.#pending.delete(res.id)
    if (this.#pending.size === 0) this.#stallTimer?.cancel()
    p.resolve(res)
  }

  #armStall (ms: number): void {
    this.#stallTimer?.cancel()
    this.#stallTimer = this.#clock.setTimeout(() => {
      if (this.#pending.size === 0 || this.#failed !== undefined) return
      const quiet = this.#clock.now() - this.#lastData
      if (quiet >= this.#stallMs) this.fail(new LinkError('stalled', `${this.node} sent nothing for ${quiet} ms`))
      else this.#armStall(this.#stallMs - quiet)
    }, ms)
  }
}
