import type { GossipSub, Message, SubscriptionChangeData, TopicValidatorResult } from '@libp2p/gossipsub'
import type { Logger } from 'pino'
import type { Gossip, GossipMessage, GossipVerdict } from '../network/index.ts'

/**
 * gossipsub's TopicValidatorResult members by their string values: importing
 * the enum itself would load gossipsub on a node outside any grid, which
 * never builds a mesh host (host.ts imports the stack when it does).
 */
const RESULT = { accept: 'accept', reject: 'reject', ignore: 'ignore' } as const satisfies Record<GossipVerdict, `${TopicValidatorResult}`>

/**
 * Gossip over a mesh host's gossipsub. Only signed messages pass (the host
 * signs and checks every message, so `from` is the publisher's peer id,
 * proven); an unsigned one is rejected before any validator sees it. A
 * rejected message also costs its relayer gossipsub score.
 */
export class Libp2pGossip implements Gossip {
  readonly selfId: string
  readonly #pubsub: GossipSub
  readonly #log: Logger
  readonly #handlers = new Map<string, Set<(message: GossipMessage) => void>>()
  /** The object each validated message was handed to its validator as, so handlers get the same one. */
  readonly #seen = new WeakMap<Message, GossipMessage>()
  readonly #validated = new Set<string>()
  readonly #listener = (event: CustomEvent<Message>): void => { this.#deliver(event.detail) }
  readonly #subscribed = new Map<string, Set<(node: string) => void>>()
  readonly #subscriptionListener = (event: CustomEvent<SubscriptionChangeData>): void => {
    const node = event.detail.peerId.toString()
    for (const s of event.detail.subscriptions) {
      if (!s.subscribe) continue
      for (const handler of [...this.#subscribed.get(s.topic) ?? []]) handler(node)
    }
  }

  constructor (components: { pubsub: GossipSub, selfId: string, logger: Logger }) {
    this.#pubsub = components.pubsub
    this.selfId = components.selfId
    this.#log = components.logger
    this.#pubsub.addEventListener('message', this.#listener)
    this.#pubsub.addEventListener('subscription-change', this.#subscriptionListener)
  }

  async publish (topic: string, data: Uint8Array): Promise<void> {
    try {
      await this.#pubsub.publish(topic, data)
    } catch (err) {
      // Soft state: the next message replaces this one.
      this.#log.debug({ err, topic }, 'gossip message not published')
    }
  }

  subscribe (topic: string, handler: (message: GossipMessage) => void): () => void {
    let set = this.#handlers.get(topic)
    if (set === undefined) {
      set = new Set()
      this.#handlers.set(topic, set)
      this.#pubsub.subscribe(topic)
    }
    set.add(handler)
    return () => {
      set.delete(handler)
      if (set.size > 0 || this.#handlers.get(topic) !== set) return
      this.#handlers.delete(topic)
      this.#pubsub.unsubscribe(topic)
    }
  }

  validate (topic: string, validator: (message: GossipMessage) => GossipVerdict): void {
    this.#validated.add(topic)
    this.#pubsub.topicValidators.set(topic, (peer, msg) => {
      if (msg.type !== 'signed') return RESULT.reject as TopicValidatorResult
      const message: GossipMessage = { topic, from: msg.from.toString(), relayedBy: peer.toString(), data: msg.data }
      const verdict = validator(message)
      if (verdict === 'accept') this.#seen.set(msg, message)
      return RESULT[verdict] as TopicValidatorResult
    })
  }

  subscribers (topic: string): string[] {
    return this.#pubsub.getSubscribers(topic).map(p => p.toString())
  }

  onSubscribed (topic: string, handler: (node: string) => void): () => void {
    let set = this.#subscribed.get(topic)
    if (set === undefined) { set = new Set(); this.#subscribed.set(topic, set) }
    set.add(handler)
    return () => { set.delete(handler) }
  }

  /** Stops delivering; the host's gossipsub stops with the host. */
  close (): void {
    this.#pubsub.removeEventListener('message', this.#listener)
    this.#pubsub.removeEventListener('subscription-change', this.#subscriptionListener)
    this.#subscribed.clear()
    for (const topic of this.#validated) this.#pubsub.topicValidators.delete(topic)
    for (const topic of this.#handlers.keys()) this.#pubsub.unsubscribe(topic)
    this.#handlers.clear()
    this.#validated.clear()
  }

  #deliver (msg: Message): void {
    const handlers = this.#handlers.get(msg.topic)
    if (handlers === undefined || msg.type !== 'signed') return
    const message = this.#seen.get(msg) ?? { topic: msg.topic, from: msg.from.toString(), relayedBy: msg.from.toString(), data: msg.data }
    for (const handler of [...handlers]) handler(message)
  }
}
