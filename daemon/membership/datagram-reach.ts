/**
 * Who hears whom by datagram, so that heartbeats can leave gossip. Each
 * datagram heartbeat tells its recipient whether the sender has lately heard
 * the recipient's own datagrams. A node whose every live peer says so stops
 * gossiping its heartbeats: the datagrams carry them, one small packet per
 * peer with no relay and no TCP acknowledgement. A peer that stops saying so
 * (UDP blocked, a one-way loss, a newcomer) puts the gossip back at the next
 * beat, so the failure detector never goes without a channel.
 */
export class DatagramReach {
  readonly #windowMs: number
  /** When each peer's datagram last arrived. */
  readonly #from = new Map<string, number>()
  /** When each peer last said it hears our datagrams. */
  readonly #heardBy = new Map<string, number>()

  /** `windowMs`: how recent "lately" is; a few heartbeats, so that one lost datagram changes nothing. */
  constructor (init: { windowMs: number }) {
    this.#windowMs = init.windowMs
  }

  /** A datagram heartbeat from `peer` arrived at `now`, saying whether it hears ours. */
  arrived (peer: string, heard: boolean, now: number): void {
    this.#from.set(peer, now)
    if (heard) this.#heardBy.set(peer, now)
    else this.#heardBy.delete(peer)
  }

  /** Whether our datagrams to `peer` say we hear it. */
  hears (peer: string, now: number): boolean {
    return now - (this.#from.get(peer) ?? -Infinity) <= this.#windowMs
  }

  /** Whether every one of `peers` hears us by datagram; never for none (a lone node gossips, so newcomers hear it). */
  heardByAll (peers: readonly string[], now: number): boolean {
    return peers.length > 0 && peers.every(p => now - (this.#heardBy.get(p) ?? -Infinity) <= this.#windowMs)
  }

  forget (peer: string): void {
    this.#from.delete(peer)
    this.#heardBy.delete(peer)
  }
}
