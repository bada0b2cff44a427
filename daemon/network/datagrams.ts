/**
 * Small messages straight to one peer, each on its own: no relay, no
 * retransmission, no order, no answer. For heartbeats, where a lost one is
 * replaced by the next and TCP's retransmissions would only make loss look
 * like death on a lossy link. The UDP implementation signs each datagram
 * with the sender's node key (daemon/mesh/udp-datagrams.ts); the in-memory
 * one rides MemoryGossipNetwork, whose cuts it shares.
 */
export interface Datagrams {
  /** This node's id, as `from` names it on other nodes. */
  readonly selfId: string
  /** Where a peer listens (its advert's listen addresses); replaces what was known of it. */
  learn (peer: string, addresses: string[]): void
  /** A peer removed from the grid: nothing more is sent to it or taken from it, and what gossip says of its address later is ignored. */
  revoke (peer: string): void
  /** Sends to a peer; dropped when its address is not known yet, when the message is too large, or on the way. Never throws. */
  send (peer: string, data: Uint8Array): void
  /** Calls handler with each datagram from another node, `from` authenticated. Returns the unsubscribe function. */
  onMessage (handler: (from: string, data: Uint8Array) => void): () => void
  /** Datagrams refused before any handler saw them, by reason (unknown-sender, bad-tag, garbled, …). */
  readonly dropped: Readonly<Record<string, number>>
}
