import { ChannelHandlers, MAX_DATAGRAM_PAYLOAD, Riders, type DatagramChannel, type DatagramPart, type Datagrams } from './datagrams.ts'
import type { Gossip, GossipMessage, GossipVerdict } from './gossip.ts'

/**
 * Gossip between nodes in one process, for tests and simulation. Messages
 * arrive in a later microtask (as from a network, never inside publish), in
 * the order they were published, at every other node subscribed to the topic
 * and not cut off from the publisher.
 */
export class MemoryGossipNetwork {
  readonly #nodes = new Map<string, MemoryGossip>()
  readonly #cuts = new Set<string>()
  /** One-way cuts, `from>to`. */
  readonly #muted = new Set<string>()
  /** One-way cuts of datagrams only, `from>to`. */
  readonly #noDatagrams = new Set<string>()
  readonly #datagrams = new Map<string, MemoryDatagrams>()
  /** Messages delivered to handlers, by topic (`datagram` for each datagram's part), over the network's life. */
  readonly delivered = new Map<string, number>()
  /** Datagrams that reached a node, however many parts each carried: the wake-ups UDP would cost. */
  datagramPackets = 0

  /** A node on this network; ids are unique. */
  join (id: string): MemoryGossip {
    if (this.#nodes.has(id)) throw new Error(`node ${id} is on this gossip network already`)
    const node = new MemoryGossip(this, id)
    this.#nodes.set(id, node)
    return node
  }

  /** Takes a node off the network: it hears nothing and reaches nobody. */
  leave (id: string): void {
    this.#nodes.delete(id)
  }

  /** Nothing passes between a and b, either way, until heal. */
  cut (a: string, b: string): void {
    this.#cuts.add(pair(a, b))
  }

  heal (a: string, b: string): void {
    if (!this.#cuts.delete(pair(a, b))) return
    this.#nodes.get(a)?.learnSubscriptions(b)
    this.#nodes.get(b)?.learnSubscriptions(a)
  }

  /**
   * Messages from `from` stop reaching `to`, while `to` still reaches
   * `from`: as when one side's gossip stream to the other is not open yet.
   */
  mute (from: string, to: string, muted = true): void {
    if (muted) this.#muted.add(`${from}>${to}`)
    else if (this.#muted.delete(`${from}>${to}`)) this.#nodes.get(from)?.learnSubscriptions(to)
  }

  /** `id`'s datagrams on this network (sharing its cuts); one per node. */
  datagrams (id: string): MemoryDatagrams {
    let d = this.#datagrams.get(id)
    if (d === undefined) { d = new MemoryDatagrams(this, id); this.#datagrams.set(id, d) }
    return d
  }

  /** Datagrams from `from` stop reaching `to`, gossip still passes: a firewall that drops UDP. */
  blockDatagrams (from: string, to: string, blocked = true): void {
    if (blocked) this.#noDatagrams.add(`${from}>${to}`)
    else this.#noDatagrams.delete(`${from}>${to}`)
  }

  /** @internal Hands a datagram (its parts together) to its recipient after the present task, unless cut off or unknown to the sender. */
  sendDatagram (from: string, to: string, parts: DatagramPart[]): void {
    const target = this.#datagrams.get(to)
    if (target === undefined || !this.#nodes.has(to) || this.#blocked(from, to) || this.#noDatagrams.has(`${from}>${to}`)) return
    const copies = parts.map(p => ({ channel: p.channel, data: new Uint8Array(p.data) }))
    queueMicrotask(() => {
      if (!this.#nodes.has(to) || this.#blocked(from, to)) return
      this.datagramPackets++
      for (const p of copies) if (target.receive(from, p.channel, p.data)) this.delivered.set('datagram', (this.delivered.get('datagram') ?? 0) + 1)
    })
  }

  /** Cuts `id` off from every other node, or heals all its cuts. */
  isolate (id: string, isolated = true): void {
    for (const other of this.#nodes.keys()) if (other !== id) isolated ? this.cut(id, other) : this.heal(id, other)
  }

  /** @internal Hands a published message to every reachable subscriber, after the present task. */
  send (from: string, topic: string, data: Uint8Array): void {
    const copy = new Uint8Array(data)
    for (const node of this.#nodes.values()) {
      if (node.selfId === from || !node.listens(topic) || this.#blocked(from, node.selfId)) continue
      queueMicrotask(() => {
        if (this.#nodes.get(node.selfId) !== node || this.#blocked(from, node.selfId)) return
        if (node.receive({ topic, from, relayedBy: from, data: copy })) this.delivered.set(topic, (this.delivered.get(topic) ?? 0) + 1)
      })
    }
  }

  /** @internal Tells every node `id` can reach that it subscribed to `topic`. */
  subscribed (id: string, topic: string): void {
    for (const node of this.#nodes.values()) if (node.selfId !== id && !this.#blocked(node.selfId, id)) node.learnSubscription(id, topic)
  }

  /** @internal The topics `id` is subscribed to. */
  topicsOf (id: string): string[] {
    return this.#nodes.get(id)?.topics() ?? []
  }

  /** @internal Nodes subscribed to a topic, reachable from `from`. */
  listeners (from: string, topic: string): string[] {
    return [...this.#nodes.values()].filter(n => n.selfId !== from && n.listens(topic) && !this.#blocked(from, n.selfId)).map(n => n.selfId)
  }

  #blocked (from: string, to: string): boolean {
    return this.#cuts.has(pair(from, to)) || this.#muted.has(`${from}>${to}`)
  }
}

/** One node's side of a MemoryGossipNetwork. */
export class MemoryGossip implements Gossip {
  readonly selfId: string
  readonly #network: MemoryGossipNetwork
  readonly #handlers = new Map<string, Set<(message: GossipMessage) => void>>()
  readonly #validators = new Map<string, (message: GossipMessage) => GossipVerdict>()
  readonly #subscribed = new Map<string, Set<(node: string) => void>>()

  constructor (network: MemoryGossipNetwork, id: string) {
    this.#network = network
    this.selfId = id
  }

  async publish (topic: string, data: Uint8Array): Promise<void> {
    this.#network.send(this.selfId, topic, data)
  }

  subscribe (topic: string, handler: (message: GossipMessage) => void): () => void {
    let set = this.#handlers.get(topic)
    const first = set === undefined
    if (set === undefined) { set = new Set(); this.#handlers.set(topic, set) }
    set.add(handler)
    if (first) this.#network.subscribed(this.selfId, topic)
    return () => {
      set.delete(handler)
      if (set.size === 0 && this.#handlers.get(topic) === set) this.#handlers.delete(topic)
    }
  }

  validate (topic: string, validator: (message: GossipMessage) => GossipVerdict): void {
    this.#validators.set(topic, validator)
  }

  subscribers (topic: string): string[] {
    return this.#network.listeners(this.selfId, topic)
  }

  onSubscribed (topic: string, handler: (node: string) => void): () => void {
    let set = this.#subscribed.get(topic)
    if (set === undefined) { set = new Set(); this.#subscribed.set(topic, set) }
    set.add(handler)
    return () => { set.delete(handler) }
  }

  /** @internal Tells the onSubscribed handlers of `topic` about `node`, after the present task. */
  learnSubscription (node: string, topic: string): void {
    const handlers = this.#subscribed.get(topic)
    if (handlers === undefined || handlers.size === 0) return
    queueMicrotask(() => { for (const handler of [...handlers]) handler(node) })
  }

  /** @internal Learns every topic `node` is subscribed to: its messages can reach us now. */
  learnSubscriptions (node: string): void {
    for (const topic of this.#network.topicsOf(node)) this.learnSubscription(node, topic)
  }

  /** @internal */
  topics (): string[] {
    return [...this.#handlers.keys()]
  }

  /** @internal */
  listens (topic: string): boolean {
    return this.#handlers.has(topic)
  }

  /** @internal Validates and delivers; true when handlers got it. */
  receive (message: GossipMessage): boolean {
    const verdict = this.#validators.get(message.topic)?.(message) ?? 'accept'
    if (verdict !== 'accept') return false
    for (const handler of [...this.#handlers.get(message.topic) ?? []]) handler(message)
    return true
  }
}

/** One node's datagrams on a MemoryGossipNetwork: a peer is reachable once learnt, as with UDP. */
export class MemoryDatagrams implements Datagrams {
  readonly selfId: string
  readonly #network: MemoryGossipNetwork
  readonly #known = new Set<string>()
  readonly #revoked = new Set<string>()
  readonly #handlers = new ChannelHandlers()
  readonly #riders = new Riders()
  readonly dropped: Record<string, number> = {}

  constructor (network: MemoryGossipNetwork, id: string) {
    this.#network = network
    this.selfId = id
  }

  learn (peer: string, addresses: string[]): void {
    if (addresses.length > 0 && !this.#revoked.has(peer)) this.#known.add(peer)
  }

  revoke (peer: string): void {
    this.#revoked.add(peer)
    this.#known.delete(peer)
  }

  canSend (peer: string): boolean {
    return this.#known.has(peer)
  }

  send (peer: string, channel: DatagramChannel, data: Uint8Array): void {
    if (this.#known.has(peer) && data.byteLength <= MAX_DATAGRAM_PAYLOAD) this.#network.sendDatagram(this.selfId, peer, this.#riders.parts(peer, channel, data))
  }

  onMessage (channel: DatagramChannel, handler: (from: string, data: Uint8Array) => void): () => void {
    return this.#handlers.add(channel, handler)
  }

  ride (channel: DatagramChannel, take: (peer: string, room: number) => Uint8Array | undefined): () => void {
    return this.#riders.add(channel, take)
  }

  /** @internal True when a handler got it. As over UDP, only from a peer learnt. */
  receive (from: string, channel: DatagramChannel, data: Uint8Array): boolean {
    if (!this.#known.has(from)) { this.#drop('unknown-sender'); return false }
    if (this.#handlers.deliver(channel, from, data)) return true
    this.#drop('unheard-channel')
    return false
  }

  #drop (reason: string): void {
    this.dropped[reason] = (this.dropped[reason] ?? 0) + 1
  }
}

function pair (a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
}
