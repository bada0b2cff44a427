/**
 * Raft snapshots on a stream of their own, in acknowledged pieces.
 *
 * A follower too far behind the leader's log gets the whole state. Sent as
 * one message on the Raft stream it would hold every heartbeat and append
 * behind it for as long as it takes to cross the link (minutes on a radio),
 * and it could not exceed the stream's 4 MiB backlog at all. Instead the
 * leader opens `/trellis/raft-snapshot/1` (a bulk protocol: over the TLS
 * channel where the peer has one) and sends the encoded snapshot message
 * in pieces; the follower acknowledges each, and hands the message to its
 * Raft node once whole. With a LinkPacer the pieces go at its slots, so a
 * snapshot takes a share of a slow link like a volume catch-up does, and
 * the acknowledgements are what the pacer measures the link by.
 *
 * Each acknowledged piece tells the core the transfer is alive
 * (`onProgress`, RaftNode.reportSnapshotProgress), so a long transfer is not
 * abandoned and restarted while it moves; one that stalls for `stallMs`
 * is cut and reported failed, and the core sends a fresh snapshot later.
 *
 * Wire (frames of daemon/network frames.ts; integers big-endian):
 *   leader   → follower: header [u8 version = 1][u32 total bytes], then
 *                        pieces of 1..MAX_PIECE_BYTES bytes summing to total
 *   follower → leader:   after each piece [u32 bytes received so far]; the
 *                        last (= total) only once the message was decoded,
 *                        checked and given to Raft
 * The message is the snapshot's ordinary Raft encoding (codec.ts); its
 * sender must be the stream's peer, as on the Raft stream.
 */
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Clock } from '../../controller/clock/index.ts'
import type { Message } from '../../controller/raft/index.ts'
import type { LinkPacer, PieceTicket, Transport } from '../network/index.ts'
import { drained, frame, readFrames } from '../network/index.ts'
import { MAX_MESSAGE_BYTES, decodeMessage, encodeMessage } from './codec.ts'
import { BadRaftMessageError } from './errors.ts'

/** The protocol snapshots travel on, one stream per snapshot. */
export const SNAPSHOT_PROTOCOL = '/trellis/raft-snapshot/1'

const VERSION = 1
const HEADER_BYTES = 5 // bytes
const ACK_BYTES = 4 // bytes
/** Largest piece; without a pacer every piece is this big. */
export const MAX_PIECE_BYTES = 1024 * 1024 // bytes
/** Pieces sent and not yet acknowledged: enough to cover a round trip, few enough that a stall is seen soon. */
const PIECES_IN_FLIGHT = 4
/** A transfer with no piece acknowledged for this long is cut. */
const DEFAULT_STALL_MS = 30_000 // ms

type SnapshotMessage = Extract<Message, { type: 'snapshot' }>

/** What the transfers tell the Raft driver. */
export interface SnapshotTransferEvents {
  /** A whole snapshot from a peer, checked: step it like any message. Must not throw. */
  onMessage: (message: Message) => void
  /** A piece of the snapshot to `to` was acknowledged. */
  onProgress: (to: string) => void
  /** The transfer to `to` ended: `ok` once the follower's Raft has the snapshot. */
  onDone: (to: string, ok: boolean) => void
  /** For a peer without the snapshot protocol (an older version): sends the message on the Raft stream, true if written. */
  fallback?: (message: Message) => boolean
}

/** Options of the transfers. */
export interface SnapshotTransfersInit extends SnapshotTransferEvents {
  /** The pacer of the link to a peer, when transfers are paced. */
  pacerFor?: (peer: string) => LinkPacer | undefined
  /** No acknowledgement for this long cuts a transfer, ms. Default 30 s. */
  stallMs?: number
  /** Largest snapshot message accepted, bytes. Default MAX_MESSAGE_BYTES. */
  maxMessageBytes?: number
}

/** Counters, for status and tests. */
export interface SnapshotTransferStats {
  sent: number
  failed: number
  superseded: number
  received: number
  /** Incoming transfers cut for bad input. */
  garbled: number
}

interface Outgoing {
  index: number
  term: number
  abort: AbortController
}

/**
 * Sends snapshots to peers, at most one per peer at a time, and receives
 * theirs. A newer snapshot (higher term, or index in the same term) for a
 * peer cuts the one under way; an older or equal one is dropped, because
 * the one already moving answers the same need.
 */
export class SnapshotTransfers {
  readonly #transport: Transport
  readonly #clock: Clock
  readonly #logger: Logger
  readonly #init: SnapshotTransfersInit
  readonly #stallMs: number
  readonly #maxMessage: number
  readonly #out = new Map<string, Outgoing>()
  readonly #inbound = new Set<Duplex>()
  readonly #stats: SnapshotTransferStats = { sent: 0, failed: 0, superseded: 0, received: 0, garbled: 0 }
  #started = false
  #stopped = false

  constructor (components: { transport: Transport, clock: Clock, logger: Logger }, init: SnapshotTransfersInit) {
    this.#transport = components.transport
    this.#clock = components.clock
    this.#logger = components.logger
    this.#init = init
    this.#stallMs = init.stallMs ?? DEFAULT_STALL_MS
    this.#maxMessage = init.maxMessageBytes ?? MAX_MESSAGE_BYTES
  }

  /** Starts accepting peers' snapshots. Idempotent. */
  start (): void {
    if (this.#started || this.#stopped) return
    this.#started = true
    this.#transport.handle(SNAPSHOT_PROTOCOL, (stream, from) => { this.#accept(stream, from) })
  }

  /** Stops accepting and cuts every transfer, without reporting them. Idempotent. */
  stop (): void {
    if (this.#stopped) return
    this.#stopped = true
    if (this.#started) this.#transport.unhandle(SNAPSHOT_PROTOCOL)
    for (const o of this.#out.values()) o.abort.abort()
    this.#out.clear()
    for (const s of this.#inbound) s.destroy()
    this.#inbound.clear()
  }

  /** A copy of the counters. */
  stats (): SnapshotTransferStats {
    return { ...this.#stats }
  }

  /** Starts sending a snapshot message; the outcome comes through onDone, unless a newer one for the same peer supersedes it. */
  send (m: SnapshotMessage): void {
    if (this.#stopped) return
    const running = this.#out.get(m.to)
    if (running !== undefined) {
      const newer = m.term > running.term || (m.term === running.term && m.snapshot.index > running.index)
      if (!newer) return
      this.#stats.superseded++
      running.abort.abort()
    }
    const o: Outgoing = { index: m.snapshot.index, term: m.term, abort: new AbortController() }
    this.#out.set(m.to, o)
    this.#transfer(m, o).then(() => {
      this.#stats.sent++
      this.#finish(m.to, o, true)
    }, (err: unknown) => {
      if (o.abort.signal.aborted && this.#out.get(m.to) !== o) return
      if ((err as { code?: string } | null)?.code === 'ERR_NO_HANDLER' && this.#init.fallback !== undefined) {
        this.#finish(m.to, o, this.#init.fallback(m))
        return
      }
      this.#stats.failed++
      if (!this.#stopped) this.#logger.info({ peer: m.to, index: m.snapshot.index, err }, 'raft snapshot transfer failed')
      this.#finish(m.to, o, false)
    })
  }

  #finish (to: string, o: Outgoing, ok: boolean): void {
    if (this.#out.get(to) !== o) return
    this.#out.delete(to)
    if (!this.#stopped) this.#init.onDone(to, ok)
  }

  async #transfer (m: SnapshotMessage, o: Outgoing): Promise<void> {
    const bytes = encodeMessage(m)
    const signal = o.abort.signal
    const stream = await this.#transport.dial(m.to, SNAPSHOT_PROTOCOL, { signal })
    const pacer = this.#init.pacerFor?.(m.to)
    const started = this.#clock.now()
    const flight = new Flight(pacer, started)
    const cut = (): void => { stream.destroy() }
    signal.addEventListener('abort', cut, { once: true })
    const check = (): void => {
      if (this.#clock.now() - flight.lastAckAt > this.#stallMs) o.abort.abort(new Error(`no piece acknowledged in ${this.#stallMs} ms`))
      else watchdog = this.#clock.setTimeout(check, this.#stallMs / 2)
    }
    let watchdog = this.#clock.setTimeout(check, this.#stallMs / 2)
    // Acknowledgements, checked against the pieces out; the stream ending or failing before the last one fails the transfer.
    readFrames(stream, ACK_BYTES, ack => {
      if (ack.length !== ACK_BYTES) throw new BadRaftMessageError(`snapshot acknowledgement of ${ack.length} bytes`)
      flight.acked(ack.readUInt32BE(0), this.#clock.now())
      this.#init.onProgress(m.to)
    }).then(() => {
      if (!flight.complete(bytes.byteLength)) o.abort.abort(new Error('the follower closed the stream before the whole snapshot was acknowledged'))
    }, (err: unknown) => { o.abort.abort(err) })
    try {
      const header = Buffer.alloc(HEADER_BYTES)
      header.writeUInt8(VERSION, 0)
      header.writeUInt32BE(bytes.byteLength, 1)
      stream.write(frame(header))
      let at = 0
      while (at < bytes.byteLength) {
        signal.throwIfAborted()
        await flight.room(signal)
        const size = Math.min(bytes.byteLength - at, pacer?.pieceBytes() ?? MAX_PIECE_BYTES, MAX_PIECE_BYTES)
        const ticket = pacer === undefined ? undefined : await pacer.slot(size, signal)
        if (ticket !== undefined) pacer!.leaving(ticket)
        flight.sent(at + size, ticket)
        const more = stream.write(frame(bytes.subarray(at, at + size)))
        at += size
        // Cut meanwhile, it closes rather than drains: the next round sees the abort.
        if (!more) await drained(stream)
      }
      await flight.all(bytes.byteLength, signal)
      this.#logger.info({ peer: m.to, index: m.snapshot.index, bytes: bytes.byteLength, ms: this.#clock.now() - started }, 'raft snapshot sent')
      stream.end()
    } catch (err) {
      flight.lose()
      stream.destroy()
      throw signal.aborted && signal.reason instanceof Error ? signal.reason : err
    } finally {
      watchdog.cancel()
      signal.removeEventListener('abort', cut)
    }
  }

  #accept (stream: Duplex, from: string): void {
    if (this.#stopped) { stream.destroy(); return }
    this.#inbound.add(stream)
    stream.once('close', () => this.#inbound.delete(stream))
    let total = -1
    const parts: Buffer[] = []
    let received = 0
    const ack = (n: number): void => {
      const b = Buffer.allocUnsafe(ACK_BYTES)
      b.writeUInt32BE(n, 0)
      stream.write(frame(b))
    }
    readFrames(stream, MAX_PIECE_BYTES, piece => {
      if (total < 0) {
        if (piece.length !== HEADER_BYTES || piece.readUInt8(0) !== VERSION) throw new BadRaftMessageError(`snapshot header of ${piece.length} bytes, version ${piece.readUInt8(0)}`)
        total = piece.readUInt32BE(1)
        if (total === 0 || total > this.#maxMessage) throw new BadRaftMessageError(`snapshot of ${total} bytes (largest accepted ${this.#maxMessage})`)
        return
      }
      if (received + piece.length > total) throw new BadRaftMessageError(`snapshot pieces run past its ${total} bytes`)
      parts.push(piece)
      received += piece.length
      if (received < total) { ack(received); return }
      const message = decodeMessage(Buffer.concat(parts, total), this.#maxMessage)
      parts.length = 0
      if (message.type !== 'snapshot') throw new BadRaftMessageError(`a ${message.type} message on the snapshot stream`)
      if (message.from !== from) throw new BadRaftMessageError(`snapshot from ${message.from} on ${from}'s stream`)
      this.#stats.received++
      try {
        this.#init.onMessage(message)
      } catch (err) {
        this.#logger.error({ err, from }, 'raft snapshot handler failed')
      }
      ack(received)
    }).then(() => {
      // The leader ends the stream once it has the last acknowledgement; an end before the whole snapshot is a cut transfer.
      if (received < total || total < 0) this.#logger.debug({ from, received, total }, 'raft snapshot stream ended early')
      stream.end()
    }, (err: unknown) => {
      const code = (err as { code?: string } | null)?.code
      if (code === 'ERR_BAD_RAFT_MESSAGE' || code === 'ERR_FRAME_TOO_LARGE') {
        this.#stats.garbled++
        this.#logger.warn({ from, err }, 'garbled raft snapshot stream closed')
      }
      stream.destroy()
    })
  }
}

/** The pieces of one transfer between sending and acknowledgement, with their pacer tickets. */
class Flight {
  readonly #pacer: LinkPacer | undefined
  /** Per piece in flight: the byte count the acknowledgement covering it carries, and its ticket. */
  readonly #pieces: Array<{ end: number, ticket: PieceTicket | undefined }> = []
  #acked = 0
  /** When the last acknowledgement came (the start, before the first). */
  lastAckAt: number
  #wake: (() => void) | undefined

  constructor (pacer: LinkPacer | undefined, now: number) {
    this.#pacer = pacer
    this.lastAckAt = now
  }

  sent (end: number, ticket: PieceTicket | undefined): void {
    this.#pieces.push({ end, ticket })
  }

  acked (n: number, now: number): void {
    const front = this.#pieces[0]
    if (front === undefined || n !== front.end) throw new BadRaftMessageError(`snapshot acknowledgement of ${n} bytes, expected ${front?.end ?? 'none'}`)
    this.#pieces.shift()
    this.#acked = n
    this.lastAckAt = now
    if (front.ticket !== undefined) this.#pacer!.acked(front.ticket, now)
    this.#wake?.()
  }

  /** Tells the pacer the pieces still out will never be answered. */
  lose (): void {
    for (const p of this.#pieces.splice(0)) if (p.ticket !== undefined) this.#pacer!.lost(p.ticket)
  }

  /** Resolves once fewer than PIECES_IN_FLIGHT pieces are out. */
  async room (signal: AbortSignal): Promise<void> {
    while (this.#pieces.length >= PIECES_IN_FLIGHT) await this.#next(signal)
  }

  /** Whether all `total` bytes are acknowledged. */
  complete (total: number): boolean {
    return this.#acked >= total
  }

  /** Resolves once `total` bytes are acknowledged. */
  async all (total: number, signal: AbortSignal): Promise<void> {
    while (this.#acked < total) await this.#next(signal)
  }

  #next (signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      signal.throwIfAborted()
      const onAbort = (): void => { reject(signal.reason) }
      signal.addEventListener('abort', onAbort, { once: true })
      this.#wake = () => { this.#wake = undefined; signal.removeEventListener('abort', onAbort); resolve() }
    })
  }
}
