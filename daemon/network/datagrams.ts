/**
 * Small messages straight to one peer, each on its own: no relay, no
 * retransmission, no order, no answer. For heartbeats, where a lost one is
 * replaced by the next and TCP's retransmissions would only make loss look
 * like death on a lossy link. The UDP implementation tags each datagram
 * with the pair's key (daemon/mesh/udp-datagrams.ts); the in-memory one
 * rides MemoryGossipNetwork, whose cuts it shares.
 */
export interface Datagrams {
  /** This node's id, as `from` names it on other nodes. */
  readonly selfId: string
  /** Where a peer listens (its advert's listen addresses); replaces what was known of it. */
  learn (peer: string, addresses: string[]): void
  /** A peer removed from the grid: nothing more is sent to it or taken from it, and what gossip says of its address later is ignored. */
  revoke (peer: string): void
  /** Whether a datagram to `peer` would leave: its address is known (which says nothing of its arrival). */
  canSend (peer: string): boolean
  /** Sends to a peer on a channel; dropped when its address is not known yet, when the message is too large, or on the way. Never throws. */
  send (peer: string, channel: DatagramChannel, data: Uint8Array): void
  /** Calls handler with each datagram on `channel` from another node, `from` authenticated. Returns the unsubscribe function. */
  onMessage (channel: DatagramChannel, handler: (from: string, data: Uint8Array) => void): () => void
  /**
   * Lets `channel` ride in what is sent to a peer on the other channels: at
   * each such send `take(peer, room)` may give what it would have sent that
   * peer soon anyway, at most `room` bytes, and it goes in the same packet,
   * to be handed to the channel's readers as if sent on its own. One packet
   * instead of two is a wake-up fewer at each end, which is most of what an
   * idle node spends. One taker per channel; returns the function that
   * removes it.
   */
  ride (channel: DatagramChannel, take: (peer: string, room: number) => Uint8Array | undefined): () => void
  /** Datagrams refused before any handler saw them, by reason (unknown-sender, bad-tag, garbled, …). */
  readonly dropped: Readonly<Record<string, number>>
}

/** The largest payload any implementation carries: a datagram stays far below any path's MTU. */
export const MAX_DATAGRAM_PAYLOAD = 460 // bytes

/**
 * What a datagram carries, so each receiver reads only its own: the failure
 * detector's heartbeats, and Raft's idle heartbeats and their answers
 * (daemon/consensus/heartbeat-datagrams.ts). The number on the wire is the
 * index here: append, never reorder.
 */
export const DATAGRAM_CHANNELS = ['detector', 'raft'] as const
export type DatagramChannel = typeof DATAGRAM_CHANNELS[number]

/** One channel's payload in a datagram: the one it was sent with, or one riding along (Datagrams.ride). */
export interface DatagramPart { channel: DatagramChannel, data: Uint8Array }

/** What each part after the first costs on the wire: its channel and its length. */
export const RIDER_OVERHEAD = 3 // bytes

/** The channels that ride along, for the implementations. */
export class Riders {
  readonly #takers = new Map<DatagramChannel, (peer: string, room: number) => Uint8Array | undefined>()

  add (channel: DatagramChannel, take: (peer: string, room: number) => Uint8Array | undefined): () => void {
    this.#takers.set(channel, take)
    return () => { if (this.#takers.get(channel) === take) this.#takers.delete(channel) }
  }

  /** `data` on `channel`, then whatever rides with it to `peer`: never its own channel, all within MAX_DATAGRAM_PAYLOAD. */
  parts (peer: string, channel: DatagramChannel, data: Uint8Array): DatagramPart[] {
    const parts: DatagramPart[] = [{ channel, data }]
    let room = MAX_DATAGRAM_PAYLOAD - data.byteLength - RIDER_OVERHEAD
    for (const [other, take] of this.#takers) {
      if (other === channel || room <= 0) continue
      const rider = take(peer, room)
      if (rider === undefined || rider.byteLength > room) continue
      parts.push({ channel: other, data: rider })
      room -= rider.byteLength + RIDER_OVERHEAD
    }
    return parts
  }
}

/** Handlers by channel, for the implementations. */
export class ChannelHandlers {
  readonly #handlers = new Map<DatagramChannel, Set<(from: string, data: Uint8Array) => void>>()

  add (channel: DatagramChannel, handler: (from: string, data: Uint8Array) => void): () => void {
    let set = this.#handlers.get(channel)
    if (set === undefined) { set = new Set(); this.#handlers.set(channel, set) }
    set.add(handler)
    return () => { set.delete(handler) }
  }

  /** Hands the datagram to the channel's handlers; false when none listens. */
  deliver (channel: DatagramChannel, from: string, data: Uint8Array): boolean {
    const set = this.#handlers.get(channel)
    if (set === undefined || set.size === 0) return false
    for (const handler of [...set]) handler(from, data)
    return true
  }
}
