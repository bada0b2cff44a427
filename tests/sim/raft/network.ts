import type { Message, NodeId } from '../../../controller/raft/index.ts'
import type { SeededRandom } from '../../../controller/random/index.ts'

/** How the links misbehave; every probability is per message. */
export interface LinkFaults {
  loss: number
  duplicate: number
  /** Delivery takes a uniform number of ticks in [minDelay, maxDelay]; a spread reorders messages. */
  minDelay: number
  maxDelay: number
  /** Replace the message with a malformed copy that every node must refuse. */
  garble: number
}

/** Counters of what the network did. */
export interface NetworkStats {
  sent: number
  lost: number
  duplicated: number
  garbled: number
  delivered: number
  /** Dropped at delivery: partitioned, or the recipient was down. */
  blocked: number
}

/** A message in flight, with its real addresses (a garbled body may have lost them). */
export interface Envelope {
  from: NodeId
  to: NodeId
  body: unknown
  garbled: boolean
}

/**
 * An in-memory network on a virtual clock of ticks. Messages wait in
 * per-tick buckets; each tick's bucket is delivered in a shuffled order.
 * Partitions are checked at delivery, so a message in flight when a
 * partition starts is lost and one sent across it just before a heal may
 * still arrive.
 */
export class Network {
  now = 0
  faults: LinkFaults
  readonly stats: NetworkStats = { sent: 0, lost: 0, duplicated: 0, garbled: 0, delivered: 0, blocked: 0 }
  readonly #rng: SeededRandom
  readonly #buckets = new Map<number, Envelope[]>()
  readonly #group = new Map<NodeId, number>()
  /** One-way cuts, as `from→to`. */
  readonly #cut = new Set<string>()

  constructor (rng: SeededRandom, faults: LinkFaults) {
    this.#rng = rng
    this.faults = faults
  }

  send (m: Message): void {
    const f = this.faults
    const rng = this.#rng
    this.stats.sent++
    if (rng.chance(f.loss)) {
      this.stats.lost++
      return
    }
    const env: Envelope = { from: m.from, to: m.to, body: m, garbled: false }
    if (rng.chance(f.garble)) {
      env.body = garble(m, rng)
      env.garbled = true
      this.stats.garbled++
    }
    this.#enqueue(env)
    if (rng.chance(f.duplicate)) {
      this.stats.duplicated++
      this.#enqueue(env)
    }
  }

  /** Holds a message until tick `at` (its recipient is stalled). */
  defer (env: Envelope, at: number): void {
    this.#enqueue(env, at)
  }

  #enqueue (env: Envelope, at = this.now + this.#rng.between(this.faults.minDelay, this.faults.maxDelay)): void {
    let bucket = this.#buckets.get(at)
    if (bucket === undefined) {
      bucket = []
      this.#buckets.set(at, bucket)
    }
    bucket.push(env)
  }

  /** Takes the messages due now, shuffled; undefined when none are left for this tick. */
  takeDue (): Envelope[] | undefined {
    const bucket = this.#buckets.get(this.now)
    if (bucket === undefined) return undefined
    this.#buckets.delete(this.now)
    const rng = this.#rng
    for (let i = bucket.length - 1; i > 0; i--) {
      const j = rng.int(i + 1)
      const t = bucket[i]!
      bucket[i] = bucket[j]!
      bucket[j] = t
    }
    return bucket
  }

  /** May a message from → to get through right now? */
  allows (from: NodeId, to: NodeId): boolean {
    return (this.#group.get(from) ?? 0) === (this.#group.get(to) ?? 0) && !this.#cut.has(`${from}→${to}`)
  }

  /** Splits the nodes into groups that cannot reach each other; unlisted nodes join group 0. */
  partition (groups: NodeId[][]): void {
    this.#group.clear()
    groups.forEach((g, i) => { for (const id of g) this.#group.set(id, i) })
  }

  /** Cuts the link one way only (the other way still works). */
  cut (from: NodeId, to: NodeId): void {
    this.#cut.add(`${from}→${to}`)
  }

  heal (): void {
    this.#group.clear()
    this.#cut.clear()
  }

  get partitioned (): boolean {
    return this.#group.size > 0 || this.#cut.size > 0
  }

  /** Messages waiting in the future, for the end-of-run drain. */
  get inFlight (): number {
    let n = 0
    for (const b of this.#buckets.values()) n += b.length
    return n
  }
}

/**
 * A malformed copy of m that no correct node may accept: each variant breaks
 * a rule the validator enforces (type, ranges, contiguity, addresses).
 */
export function garble (m: Message, rng: SeededRandom): unknown {
  const c: Record<string, unknown> = { ...m }
  switch (rng.int(9)) {
    case 0: c.type = 'bogus'; break
    case 1: c.term = -1; break
    case 2: c.term = m.term + 0.5; break
    case 3: c.from = ''; break
    case 4: c.to = `${m.to}?`; break
    case 5: c.term = Number.MAX_SAFE_INTEGER * 4; break
    case 6:
      if (m.type === 'append' && m.entries.length > 0) {
        c.entries = m.entries.map((e, i) => i === 0 ? { ...e, index: e.index + 1 } : e)
      } else {
        c.type = 42
      }
      break
    case 7:
      if (m.type === 'append' || m.type === 'append-response' || m.type === 'vote' || m.type === 'pre-vote' || m.type === 'read-index-response') c.index = -7
      else if (m.type === 'snapshot') c.snapshot = { ...m.snapshot, index: -1 }
      else c.from = 7
      break
    default:
      return rng.chance(0.5) ? null : 'not a message'
  }
  return c
}
