import type { Datagrams } from '../network/index.ts'
import { encodeDatagramHeartbeat, type Heartbeat } from '../resources/index.ts'
import { DatagramReach } from './datagram-reach.ts'

/** Heartbeat periods within which a peer's datagram counts as lately heard: two may be lost in a row. */
const REACH_BEATS = 3
/**
 * A peer whose last beat rode out with another datagram less than this
 * many heartbeat periods ago gets none of its own at the next beat. Under
 * one, so a rider that stops (Raft busy, its heartbeats back on the
 * stream) leaves a gap under two periods, which the detectors' allowances
 * (a full second or more) absorb.
 */
const RIDDEN_WITHIN = 0.9

/**
 * This node's heartbeats by datagram, and who hears whom that way. A beat
 * goes to each peer every heartbeat period, on its own or riding in a
 * datagram that goes to the peer anyway (Raft's idle heartbeats and their
 * answers, Datagrams.ride): the peer hears from us as often, and neither
 * end wakes for a packet of its own, which is most of what an idle node
 * spends (docs/benchmarks.md, idle daemon).
 */
export class DatagramBeats {
  /** Who hears whom by datagram: what the beats say, and whether gossip must carry them too. */
  readonly reach: DatagramReach
  readonly #datagrams: Datagrams
  readonly #heartbeatMs: number
  readonly #now: () => number
  /** When a beat last went to each peer, on its own or riding along. */
  readonly #sent = new Map<string, number>()

  constructor (datagrams: Datagrams, init: { heartbeatMs: number, now: () => number }) {
    this.#datagrams = datagrams
    this.#heartbeatMs = init.heartbeatMs
    this.#now = init.now
    this.reach = new DatagramReach({ windowMs: REACH_BEATS * init.heartbeatMs })
  }

  /**
   * Lets beats ride to peers from now on: `beat(peer)` is the beat to carry
   * (a fresh stamp each time), or undefined for a peer that gets none.
   * Returns the function that stops it.
   */
  ride (beat: (peer: string) => Heartbeat | undefined): () => void {
    return this.#datagrams.ride('detector', (peer, room) => {
      const b = beat(peer)
      if (b === undefined) return undefined
      const now = this.#now()
      const bytes = encodeDatagramHeartbeat(this.reach.hears(peer, now) ? { ...b, heard: true } : b)
      if (bytes.byteLength > room) return undefined
      this.#sent.set(peer, now)
      return bytes
    })
  }

  /** One beat to each of `peers`, but those a beat rode out to lately; a leave goes to all. */
  send (peers: readonly string[], beat: Heartbeat): void {
    const now = this.#now()
    // Encoded when first needed: a settled grid sends only the "heard" form.
    let deaf: Uint8Array | undefined
    let heard: Uint8Array | undefined
    const ridden = now - RIDDEN_WITHIN * this.#heartbeatMs
    for (const peer of peers) {
      if (beat.leaving !== true && (this.#sent.get(peer) ?? -Infinity) > ridden) continue
      this.#sent.set(peer, now)
      this.#datagrams.send(peer, 'detector', this.reach.hears(peer, now)
        ? (heard ??= encodeDatagramHeartbeat({ ...beat, heard: true }))
        : (deaf ??= encodeDatagramHeartbeat(beat)))
    }
  }
}
