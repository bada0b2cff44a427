import { NotLeaderError, RaftError } from '../../../controller/raft/index.ts'
import type { Entry, NodeId, ReadState } from '../../../controller/raft/index.ts'
import type { Host } from './host.ts'
import type { Invariants } from './invariants.ts'
import { encodeWrite, writeId } from './machine.ts'
import type { SeededRandom } from '../../../controller/random/index.ts'

/**
 * The simulated clients: they propose writes and ask for linearizable reads
 * at random nodes, follow a NotLeader hint once, and keep score. A write is
 * acknowledged when the node it was proposed to applies it at the index and
 * term it was given — exactly when a real daemon would answer its client.
 */
export class Clients {
  proposals = 0
  /** Ids of acknowledged writes, and the highest index any of them was applied at. */
  readonly acknowledged: number[] = []
  readonly #ackedIds = new Set<number>()
  ackedMaxIndex = 0
  readsIssued = 0
  readsConfirmed = 0
  readonly errors: Record<string, number> = {}
  #nextWrite = 1
  #nextRead = 1
  /** Per host: index → the write proposed there (id, term). */
  readonly #pending = new Map<NodeId, Map<number, { id: number, term: number }>>()
  /** Read id → the least index its answer may carry (highest write acknowledged before it was asked). */
  readonly #reads = new Map<number, number>()
  readonly #rng: SeededRandom
  readonly #hosts: Map<NodeId, Host>
  /** Whether a client can reach a host now (up, and not stalled). */
  readonly #reachable: (h: Host) => boolean

  constructor (rng: SeededRandom, hosts: Map<NodeId, Host>, reachable: (h: Host) => boolean) {
    this.#rng = rng
    this.#hosts = hosts
    this.#reachable = reachable
  }

  /** Proposes one write at host, following a NotLeader hint once; the proposal's id, or 0 if refused. */
  propose (host: Host, pad: number): number {
    const id = this.#nextWrite++
    this.proposals++
    const data = encodeWrite(id, pad)
    for (let hop = 0; hop < 2; hop++) {
      try {
        const p = host.node!.propose(data)
        this.#track(host.id, p.index, id, p.term)
        return id
      } catch (err) {
        this.#count(err)
        const next = err instanceof NotLeaderError && err.leader !== null ? this.#hosts.get(err.leader) : undefined
        if (next === undefined || !this.#reachable(next)) return 0
        host = next
      }
    }
    return 0
  }

  /** Proposes several writes at once at a leader (the liveness check's batch); their ids. */
  proposeBatch (host: Host, count: number): Array<{ id: number, index: number }> {
    const ids = Array.from({ length: count }, () => this.#nextWrite++)
    this.proposals += count
    try {
      const placed = host.node!.proposeBatch(ids.map(id => encodeWrite(id)))
      placed.forEach((p, i) => this.#track(host.id, p.index, ids[i]!, p.term))
      return placed.map((p, i) => ({ id: ids[i]!, index: p.index }))
    } catch (err) {
      this.#count(err)
      return []
    }
  }

  #track (host: NodeId, index: number, id: number, term: number): void {
    let m = this.#pending.get(host)
    if (m === undefined) {
      m = new Map()
      this.#pending.set(host, m)
    }
    m.set(index, { id, term })
  }

  /** A host applied e: acknowledge the write proposed there, if this is it. */
  applied (host: Host, e: Entry): boolean {
    const m = this.#pending.get(host.id)
    const p = m?.get(e.index)
    if (p === undefined) return false
    m!.delete(e.index)
    if (e.term !== p.term || writeId(e) !== p.id) return false
    this.acknowledged.push(p.id)
    this.#ackedIds.add(p.id)
    if (e.index > this.ackedMaxIndex) this.ackedMaxIndex = e.index
    return true
  }

  /** Was write id acknowledged? */
  isAcked (id: number): boolean {
    return this.#ackedIds.has(id)
  }

  /**
   * A host installed a snapshot: writes proposed there at or below its index
   * will never be applied one by one, so their clients get no answer (they
   * may well have committed; a real client would retry or read).
   */
  restored (host: Host, index: number): void {
    const m = this.#pending.get(host.id)
    if (m === undefined) return
    for (const i of m.keys()) if (i <= index) m.delete(i)
  }

  /** A crashed host forgets its clients: their writes are never acknowledged (they may still commit). */
  crashed (host: Host): void {
    this.#pending.delete(host.id)
  }

  /** Asks host for a linearizable read. */
  read (host: Host): void {
    const id = this.#nextRead++
    try {
      host.node!.readIndex(encodeWrite(id))
      this.#reads.set(id, this.ackedMaxIndex)
      this.readsIssued++
    } catch (err) {
      this.#count(err)
    }
  }

  /** A read was confirmed: it must not miss any write acknowledged before it was asked. */
  readState (host: Host, rs: ReadState, inv: Invariants): void {
    if (rs.context.byteLength !== 4) return
    const id = new DataView(rs.context.buffer, rs.context.byteOffset, 4).getUint32(0, true)
    const least = this.#reads.get(id)
    if (least === undefined) return
    this.readsConfirmed++
    if (rs.index < least) inv.fail(`linearizability: read ${id} at ${host.id} got index ${rs.index}, but a write at ${least} was acknowledged before it`)
  }

  #count (err: unknown): void {
    const code = err instanceof RaftError ? err.code : 'unexpected'
    this.errors[code] = (this.errors[code] ?? 0) + 1
    if (!(err instanceof RaftError)) throw err
  }

  /** A random payload padding, so appends vary in size and hit the byte limit now and then. */
  pad (): number {
    return this.#rng.chance(0.1) ? this.#rng.int(2048) : this.#rng.int(16)
  }
}
