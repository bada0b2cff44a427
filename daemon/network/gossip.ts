/**
 * Spreads small messages to every node that listens on a topic: soft state
 * (adverts, heartbeats, instance reports) that a newer message replaces. The
 * libp2p implementation rides gossipsub (daemon/mesh/libp2p-gossip.ts); the
 * in-memory one (memory-gossip.ts) lets the directory and the reports run
 * under a virtual clock in tests. tests/daemon/network/gossip-compliance.ts
 * holds both to this contract.
 */

/** What a validator says of a message: deliver it, drop it and blame the relayer, or drop it quietly. */
export type GossipVerdict = 'accept' | 'reject' | 'ignore'

/** One message as a node receives it. */
export interface GossipMessage {
  topic: string
  /** The node that published it; authenticated (gossipsub checks the publisher's signature). */
  from: string
  /** The neighbour that passed it on; the publisher itself when it came straight from it. */
  relayedBy: string
  data: Uint8Array
}

export interface Gossip {
  /** This node's id, as `from` names it on other nodes. */
  readonly selfId: string
  /**
   * Sends a message to every other node subscribed to the topic. Soft state:
   * it resolves once the message is handed to the network, whether or not
   * anyone hears it, and never rejects for want of listeners.
   */
  publish (topic: string, data: Uint8Array): Promise<void>
  /**
   * Calls handler with every accepted message on the topic from another node
   * (never this node's own). Returns the unsubscribe function; the node
   * leaves the topic when its last handler goes.
   */
  subscribe (topic: string, handler: (message: GossipMessage) => void): () => void
  /**
   * Sets the topic's validator, run on every message before any handler and
   * before the message is passed on; one per topic, a second call replaces
   * it. Handlers receive the very object the validator accepted, so a
   * validator may keep what it decoded in a WeakMap keyed by it.
   */
  validate (topic: string, validator: (message: GossipMessage) => GossipVerdict): void
  /** Nodes this one knows to be subscribed to the topic. */
  subscribers (topic: string): string[]
  /**
   * Calls handler with each node this one newly learns is subscribed to the
   * topic (a node that joined, or whose gossip stream to this one opened),
   * so soft state it lacks can be sent again at once rather than at the
   * next periodic round. Returns the function that stops it.
   */
  onSubscribed (topic: string, handler: (node: string) => void): () => void
}
