import type { Logger } from 'pino'
import type { Message } from '../../controller/raft/index.ts'
import { MAX_DATAGRAM_PAYLOAD, type Datagrams } from '../network/index.ts'
import { decodeMessage, encodeMessage } from './codec.ts'

/** After a datagram heartbeat goes unanswered, this many go by stream before datagrams are tried again. */
const STREAM_AFTER_LOSS = 8

/** Counters, for status and tests. */
export interface HeartbeatDatagramStats {
  /** Heartbeats and answers sent as datagrams. */
  sent: number
  /** Taken from datagrams and handed to Raft. */
  received: number
  /** Datagram heartbeats that went unanswered, each followed by STREAM_AFTER_LOSS by stream. */
  unanswered: number
  /** Datagrams refused, by reason: garbled, impostor, misdirected, not-a-heartbeat, stale (a replay, or overtaken). */
  refused: Record<string, number>
}

interface Follower {
  /** The newest datagram heartbeat sent and not yet answered (term, round); round 0 when none is waiting. */
  term: number
  round: number
  /** Heartbeats still to go by stream after a loss. */
  streamLeft: number
}

/**
 * Raft's idle heartbeats and their answers as datagrams, beside the Raft
 * streams (peer-link.ts) that carry everything else. A heartbeat round
 * every 300 ms, each a write through the mux and the cipher of the libp2p
 * connection at both ends, was the largest share of an idle node's CPU
 * (docs/benchmarks.md, Idle daemon); a datagram is one HMAC and one
 * sendmsg. Raft is built for a network that loses and reorders, and a
 * heartbeat only says what the stream already may: the leader's term, a
 * commit index no further than the follower is known to hold, and a round.
 *
 * Which messages: a heartbeat that confirms no read (reads want their round
 * answered at once, and a lost datagram would hold them for a whole round),
 * and the answer to a heartbeat that came by datagram, by the same way. A
 * datagram heartbeat left unanswered by the next round sends the following
 * STREAM_AFTER_LOSS by stream: where UDP is blocked or lossy, a follower
 * misses at most one heartbeat in a row this way, never the two an
 * election waits for (docs/field.md). Stale or replayed datagrams (a term
 * and round no newer than the last taken from that peer) are refused, so
 * a replay cannot stand in for a live follower's answer.
 */
export class HeartbeatDatagrams {
  readonly #datagrams: Datagrams
  readonly #logger: Logger
  readonly #onMessage: (m: Message) => void
  readonly #followers = new Map<string, Follower>()
  /** The round of each leader's newest heartbeat, when it came by datagram: its answer goes the same way. */
  readonly #byDatagram = new Map<string, number>()
  /** The newest (term, round) taken by datagram from each peer, by message type. */
  readonly #newest = new Map<string, { term: number, round: number }>()
  readonly #stats: HeartbeatDatagramStats = { sent: 0, received: 0, unanswered: 0, refused: {} }
  #off: (() => void) | undefined

  constructor (components: { datagrams: Datagrams, logger: Logger }, init: { onMessage: (m: Message) => void }) {
    this.#datagrams = components.datagrams
    this.#logger = components.logger
    this.#onMessage = init.onMessage
  }

  start (): void {
    this.#off ??= this.#datagrams.onMessage('raft', (from, data) => { this.#receive(from, data) })
  }

  stop (): void {
    this.#off?.()
  }

  stats (): HeartbeatDatagramStats {
    return { ...this.#stats, refused: { ...this.#stats.refused } }
  }

  /** Sends `m` as a datagram if it should go as one; false leaves it to the stream. */
  send (m: Message): boolean {
    if (m.type === 'heartbeat') return this.#sendHeartbeat(m)
    if (m.type !== 'heartbeat-response' || m.round === undefined || m.round === 0) return false
    if (this.#byDatagram.get(m.to) !== m.round) return false
    return this.#put(m)
  }

  /** A message that came by stream: a heartbeat so its answer goes back by stream, an answer so the round counts as answered. */
  heardOnStream (m: Message): void {
    if (m.type === 'heartbeat') this.#byDatagram.delete(m.from)
    else if (m.type === 'heartbeat-response') this.#answered(m.from, m.term, m.round ?? 0)
  }

  #sendHeartbeat (m: Message & { type: 'heartbeat' }): boolean {
    const round = m.round ?? 0
    if (round === 0 || m.context.byteLength > 0 || !this.#datagrams.canSend(m.to)) return false
    let f = this.#followers.get(m.to)
    if (f === undefined) {
      f = { term: 0, round: 0, streamLeft: 0 }
      this.#followers.set(m.to, f)
    }
    if (f.streamLeft > 0) {
      f.streamLeft--
      return false
    }
    if (f.round > 0 && f.term === m.term) {
      this.#stats.unanswered++
      f.round = 0
      f.streamLeft = STREAM_AFTER_LOSS - 1
      return false
    }
    if (!this.#put(m)) return false
    f.term = m.term
    f.round = round
    return true
  }

  #put (m: Message): boolean {
    const bytes = encodeMessage(m)
    if (bytes.byteLength > MAX_DATAGRAM_PAYLOAD) return false
    this.#datagrams.send(m.to, 'raft', bytes)
    this.#stats.sent++
    return true
  }

  #answered (peer: string, term: number, round: number): void {
    const f = this.#followers.get(peer)
    if (f !== undefined && (term > f.term || (term === f.term && round >= f.round))) f.round = 0
  }

  #receive (from: string, data: Uint8Array): void {
    let m: Message
    try {
      m = decodeMessage(data, MAX_DATAGRAM_PAYLOAD)
    } catch (err) {
      this.#refuse('garbled', from, err)
      return
    }
    if (m.from !== from) return this.#refuse('impostor', from)
    if (m.to !== this.#datagrams.selfId) return this.#refuse('misdirected', from)
    if (m.type !== 'heartbeat' && m.type !== 'heartbeat-response') return this.#refuse('not-a-heartbeat', from)
    const round = m.round ?? 0
    const key = `${m.type} ${from}`
    const newest = this.#newest.get(key)
    if (round === 0 || (newest !== undefined && (m.term < newest.term || (m.term === newest.term && round <= newest.round)))) return this.#refuse('stale', from)
    this.#newest.set(key, { term: m.term, round })
    if (m.type === 'heartbeat') this.#byDatagram.set(from, round)
    else this.#answered(from, m.term, round)
    this.#stats.received++
    this.#onMessage(m)
  }

  #refuse (reason: string, from: string, err?: unknown): void {
    this.#stats.refused[reason] = (this.#stats.refused[reason] ?? 0) + 1
    this.#logger.debug({ peer: from, reason, err }, 'raft datagram refused')
  }
}
