import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Clock } from '../../controller/clock/index.ts'
import type { Message } from '../../controller/raft/index.ts'
import type { Transport } from '../network/index.ts'
import { MAX_MESSAGE_BYTES, decodeMessage, encodeMessage } from './codec.ts'
import { BadRaftMessageError } from './errors.ts'
import { frame, readFrames } from '../network/index.ts'

/** The protocol Raft messages travel on: a one-way stream of 32-bit-length frames, one Message each. */
export const RAFT_PROTOCOL = '/trellis/raft/1'

/** Bytes queued toward one peer before further messages are dropped; Raft resends what it needs. */
const MAX_BACKLOG = 4 * 1024 * 1024 // bytes
/** First wait before redialling a peer that could not be reached; doubles up to MAX_REDIAL_MS. */
const MIN_REDIAL_MS = 50 // ms
const MAX_REDIAL_MS = 2000 // ms

/** Counters kept by the links, for status and tests. */
export interface PeerLinkStats {
  /** Messages written to a stream or queued behind a dial. */
  sent: number
  /** Messages dropped before sending, by reason: `backlog` (stream backed up), `unreachable` (no stream, dial failing). */
  dropped: Record<string, number>
  /** Messages received and handed to the driver. */
  received: number
  /** Inbound streams closed for a garbled or oversized frame, or a sender that is not the stream's peer. */
  garbled: number
}

/** Options of the links. */
export interface PeerLinksInit {
  /** Called with each well-formed message received; must not throw. */
  onMessage: (message: Message) => void
  /** Bytes buffered toward one peer before messages are dropped. Default 4 MiB. */
  maxBacklogBytes?: number
  /** Largest message accepted. Default MAX_MESSAGE_BYTES. */
  maxMessageBytes?: number
}

interface Outbound {
  stream: Duplex | undefined
  /** Frames for the open stream, written together once the current task is done. */
  pending: Buffer[]
  pendingBytes: number
  dialing: boolean
  /** Frames waiting for a dial in progress. */
  queued: Buffer[]
  queuedBytes: number
  /** No dial before this time (clock ms), after a failure. */
  redialAt: number
  redialMs: number
}

/**
 * Messages that may wait for the end of the event-loop turn (setImmediate)
 * rather than go after the current task: appends without entries, which only
 * carry the leader's commit index (or probe). A leader sends them as a
 * proposal commits, and answering its proposer first (microtasks that would
 * otherwise queue behind their encoding, encryption and, in one process,
 * the followers' handling) is worth more than the followers learning the
 * index a fraction of a millisecond sooner. Anything else, and these with
 * it, goes at once.
 */
function mayWait (m: Message): boolean {
  return m.type === 'append' && m.entries.length === 0
}

/**
 * Raft's message links: one long-lived outbound stream per peer, dialled on
 * first use and redialled with backoff after a failure, and a handler for
 * the streams peers open to us. Messages are never buffered without bound:
 * when a stream is backed up or a peer is unreachable, a message is dropped
 * and counted, and send() says so, because Raft retransmits on its own and
 * stale messages are worth less than fresh ones.
 */
export class PeerLinks {
  readonly #transport: Transport
  readonly #clock: Clock
  readonly #logger: Logger
  readonly #onMessage: (message: Message) => void
  readonly #maxBacklog: number
  readonly #maxMessage: number
  readonly #out = new Map<string, Outbound>()
  readonly #inbound = new Set<Duplex>()
  readonly #abort = new AbortController()
  readonly #stats: PeerLinkStats = { sent: 0, dropped: {}, received: 0, garbled: 0 }
  #started = false
  #stopped = false
  /** A flush is queued as a microtask. */
  #flushing = false
  /** A flush is queued for the end of this event-loop turn. */
  #flushingLater = false

  constructor (components: { transport: Transport, clock: Clock, logger: Logger }, init: PeerLinksInit) {
    this.#transport = components.transport
    this.#clock = components.clock
    this.#logger = components.logger
    this.#onMessage = init.onMessage
    this.#maxBacklog = init.maxBacklogBytes ?? MAX_BACKLOG
    this.#maxMessage = init.maxMessageBytes ?? MAX_MESSAGE_BYTES
  }

  /** Starts accepting peers' streams. Idempotent. */
  start (): void {
    if (this.#started || this.#stopped) return
    this.#started = true
    this.#transport.handle(RAFT_PROTOCOL, (stream, from) => { this.#accept(stream, from) })
  }

  /** Stops accepting, destroys every stream. Idempotent. */
  stop (): void {
    if (this.#stopped) return
    this.#stopped = true
    if (this.#started) this.#transport.unhandle(RAFT_PROTOCOL)
    this.#abort.abort()
    for (const out of this.#out.values()) out.stream?.destroy()
    for (const s of this.#inbound) s.destroy()
    this.#out.clear()
    this.#inbound.clear()
  }

  /** A copy of the counters. */
  stats (): PeerLinkStats {
    return { ...this.#stats, dropped: { ...this.#stats.dropped } }
  }

  /**
   * Sends a message, or drops it. True when it was written (or queued behind
   * a dial under way); false when dropped — tell the core the peer is unreachable.
   */
  send (message: Message): boolean {
    if (this.#stopped) return false
    const bytes = frame(encodeMessage(message))
    const out = this.#outbound(message.to)
    if (out.stream !== undefined && !out.stream.writable) out.stream = undefined
    if (out.stream !== undefined) {
      if (out.stream.writableLength + out.pendingBytes + bytes.length > this.#maxBacklog) return this.#drop('backlog')
      out.pending.push(bytes)
      out.pendingBytes += bytes.length
      this.#scheduleFlush(!mayWait(message))
      this.#stats.sent++
      return true
    }
    if (!out.dialing) {
      if (this.#clock.now() < out.redialAt) return this.#drop('unreachable')
      this.#dial(message.to, out)
    }
    if (out.queuedBytes + bytes.length > this.#maxBacklog) return this.#drop('backlog')
    out.queued.push(bytes)
    out.queuedBytes += bytes.length
    this.#stats.sent++
    return true
  }

  /**
   * Writes each peer's pending frames as one chunk after the current task (or at the
   * end of the turn, when all may wait): a
   * Ready's messages to a peer (and those of the Readys around it) cost one
   * stream write, one mux frame and one encryption rather than one each.
   */
  #scheduleFlush (now: boolean): void {
    if (this.#flushing) return
    if (now) {
      this.#flushing = true
      queueMicrotask(() => { this.flush() })
      return
    }
    if (this.#flushingLater) return
    this.#flushingLater = true
    setImmediate(() => {
      this.#flushingLater = false
      if (!this.#stopped) this.flush()
    })
  }

  /**
   * Writes the frames sent so far now, each peer's as one chunk, rather than
   * after the current task (the driver does before it starts a disk write:
   * replication should not wait for it).
   */
  flush (): void {
    this.#flushing = false
    for (const out of this.#out.values()) {
      if (out.pending.length === 0) continue
      const chunk = out.pending.length === 1 ? out.pending[0]! : Buffer.concat(out.pending, out.pendingBytes)
      out.pending = []
      out.pendingBytes = 0
      // A stream lost meanwhile takes its frames with it: Raft resends.
      if (out.stream !== undefined && out.stream.writable) out.stream.write(chunk)
    }
  }

  #drop (reason: string): false {
    this.#stats.dropped[reason] = (this.#stats.dropped[reason] ?? 0) + 1
    return false
  }

  #outbound (peer: string): Outbound {
    let out = this.#out.get(peer)
    if (out === undefined) {
      out = { stream: undefined, pending: [], pendingBytes: 0, dialing: false, queued: [], queuedBytes: 0, redialAt: 0, redialMs: MIN_REDIAL_MS }
      this.#out.set(peer, out)
    }
    return out
  }

  #dial (peer: string, out: Outbound): void {
    out.dialing = true
    this.#transport.dial(peer, RAFT_PROTOCOL, { signal: this.#abort.signal }).then(stream => {
      out.dialing = false
      if (this.#stopped) { stream.destroy(); return }
      out.stream = stream
      out.redialMs = MIN_REDIAL_MS
      const lost = (err?: Error): void => {
        if (out.stream !== stream) return
        out.stream = undefined
        this.#logger.debug({ peer, err }, 'raft stream to peer lost')
      }
      stream.on('error', lost)
      stream.once('close', () => { lost() })
      // Peers never write on our outbound stream; reading lets us see its end.
      stream.resume()
      if (out.queued.length > 0) stream.write(Buffer.concat(out.queued, out.queuedBytes))
      out.queued = []
      out.queuedBytes = 0
    }, (err: unknown) => {
      out.dialing = false
      this.#stats.dropped.unreachable = (this.#stats.dropped.unreachable ?? 0) + out.queued.length
      out.queued = []
      out.queuedBytes = 0
      out.redialAt = this.#clock.now() + out.redialMs
      out.redialMs = Math.min(out.redialMs * 2, MAX_REDIAL_MS)
      if (!this.#stopped) this.#logger.debug({ peer, err }, 'raft dial failed')
    })
  }

  #accept (stream: Duplex, from: string): void {
    if (this.#stopped) { stream.destroy(); return }
    this.#inbound.add(stream)
    stream.once('close', () => this.#inbound.delete(stream))
    readFrames(stream, this.#maxMessage, payload => {
      const message = decodeMessage(payload, this.#maxMessage)
      // The transport authenticates the peer; a message claiming another sender is forged or garbled.
      if (message.from !== from) throw new BadRaftMessageError(`message from ${message.from} on ${from}'s stream`)
      this.#stats.received++
      try {
        this.#onMessage(message)
      } catch (err) {
        this.#logger.error({ err, from }, 'raft message handler failed')
      }
    }).catch((err: unknown) => {
      const code = (err as { code?: string } | null)?.code
      if (code === 'ERR_BAD_RAFT_MESSAGE' || code === 'ERR_FRAME_TOO_LARGE') {
        this.#stats.garbled++
        this.#logger.warn({ from, err }, 'garbled raft stream closed')
      }
    })
  }
}
