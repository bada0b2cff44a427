import type { Entry, NodeId, Ready, Snapshot } from '../../../controller/raft/index.ts'
import { mix } from './hash.ts'
import type { Host } from './host.ts'
import { writeId } from './machine.ts'

/** Per host: hashes of its persisted log prefixes, mirroring its disk. */
interface LogMirror {
  /** Index of prefix[0] (the host's snapshot index when it installed one). */
  base: number
  /** prefix[k] = hash of the whole log up to index base + k. */
  prefix: number[]
  term: number
  commit: number
  votes: Map<number, NodeId>
}

/**
 * The Raft safety properties (Raft paper, Figure 3), checked as the run
 * goes, each time the state they speak of changes:
 *
 * - election safety: at most one leader per term;
 * - log matching: two persisted logs with an entry of the same index and
 *   term agree on every entry up to it (checked through prefix hashes);
 * - leader completeness: a new leader holds every entry committed in an
 *   earlier term;
 * - state-machine safety: no two nodes apply different entries at one index,
 *   and their states agree there;
 * - and the persistence rules behind them: a node's term and commit never go
 *   back, and it never votes twice in a term, across crashes.
 */
export class Invariants {
  readonly violations: string[] = []
  now = 0
  readonly #mirrors = new Map<NodeId, LogMirror>()
  readonly #leaders = new Map<number, NodeId>()
  /** (index, term) → prefix hash, over every entry any node ever persisted. */
  readonly #entryPrefix = new Map<number, number>()
  /** index → prefix hash of the committed log up to it. */
  readonly #committedPrefix = new Map<number, number>()
  /** term → highest index some node learned committed while in that term. */
  readonly #commitByTerm = new Map<number, number>()
  /** index → identity of the entry applied there (term, write id). */
  readonly #appliedEntry = new Map<number, number>()
  /** index → state-machine hash after applying it. */
  readonly #stateAt = new Map<number, number>()
  /** Distinct terms that had a leader. */
  get elections (): number { return this.#leaders.size }

  fail (what: string): void {
    if (this.violations.length < 50) this.violations.push(`tick ${this.now}: ${what}`)
  }

  /** A host's disk as it stands before the run (bootstrapped or empty). */
  track (host: Host): void {
    const snap = host.disk.snapshot()
    const m: LogMirror = { base: snap.index, prefix: [this.#prefixOfSnapshot(snap)], term: 0, commit: 0, votes: new Map() }
    this.#mirrors.set(host.id, m)
    const first = host.disk.firstIndex()
    const last = host.disk.lastIndex()
    if (last >= first) this.#appendEntries(host.id, m, host.disk.entries(first, last + 1, Infinity))
    this.#hardState(host.id, m, host.disk.hardState)
  }

  /**
   * Called once a Ready's writes are on disk (synchronous mode: before its
   * messages leave). `term` is the node's term when the Ready was given out.
   */
  persisted (host: Host, rd: Ready, term: number): void {
    const m = this.#mirrors.get(host.id)!
    if (rd.snapshot !== undefined) {
      m.base = rd.snapshot.index
      m.prefix = [this.#prefixOfSnapshot(rd.snapshot)]
    }
    if (rd.entries.length > 0) this.#appendEntries(host.id, m, rd.entries)
    if (rd.hardState !== undefined) this.#hardState(host.id, m, rd.hardState)
    if (rd.softState?.role === 'leader') this.#newLeader(host, m, term)
  }

  /** Election safety, as soon as a node says it leads (with asynchronous writes, before its Ready is written). */
  leaderSeen (host: Host, term: number): void {
    const prev = this.#leaders.get(term)
    if (prev !== undefined && prev !== host.id) this.fail(`election safety: ${prev} and ${host.id} both lead term ${term}`)
    this.#leaders.set(term, host.id)
  }

  applied (host: Host, e: Entry): void {
    const key = e.term * 4294967296 + (writeId(e) + 3)
    const seen = this.#appliedEntry.get(e.index)
    if (seen === undefined) this.#appliedEntry.set(e.index, key)
    else if (seen !== key) this.fail(`state-machine safety: ${host.id} applied a different entry at ${e.index}`)
    const machine = host.machine!
    const state = this.#stateAt.get(e.index)
    if (state === undefined) this.#stateAt.set(e.index, machine.hash)
    else if (state !== machine.hash) this.fail(`state-machine safety: ${host.id} state at ${e.index} differs`)
  }

  /** A host restored its state machine from a snapshot (or rebooted from one). */
  restored (host: Host, snap: Snapshot): void {
    const machine = host.machine!
    const state = this.#stateAt.get(snap.index)
    if (state === undefined) this.#stateAt.set(snap.index, machine.hash)
    else if (state !== machine.hash) this.fail(`state-machine safety: ${host.id} restored a snapshot at ${snap.index} with a different state`)
  }

  /** Checks a host's apply order: every applied entry follows the previous one. */
  checkApplyOrder (host: Host, e: Entry, before: number): void {
    if (e.index !== before + 1) this.fail(`${host.id} applied ${e.index} after ${before}`)
  }

  #prefixOfSnapshot (snap: Snapshot): number {
    if (snap.index === 0) return 0
    const p = this.#entryPrefix.get(key(snap.index, snap.term))
    if (p === undefined) {
      this.fail(`snapshot at (${snap.index}, ${snap.term}) ends at an entry no node ever persisted`)
      return 0
    }
    return p
  }

  #appendEntries (id: NodeId, m: LogMirror, ents: readonly Entry[]): void {
    const from = ents[0]!.index
    if (from <= m.base) {
      // Entries below our snapshot are skipped by the disk as well.
      ents = ents.filter(e => e.index > m.base)
      if (ents.length === 0) return
    }
    const start = ents[0]!.index
    if (start > m.base + m.prefix.length) {
      this.fail(`${id} persisted entries from ${start} leaving a gap after ${m.base + m.prefix.length - 1}`)
      return
    }
    m.prefix.length = start - m.base
    let h = m.prefix[m.prefix.length - 1]!
    for (const e of ents) {
      h = mix(mix(h, e.term), writeId(e) + 3)
      m.prefix.push(h)
      const k = key(e.index, e.term)
      const seen = this.#entryPrefix.get(k)
      if (seen === undefined) this.#entryPrefix.set(k, h)
      else if (seen !== h) this.fail(`log matching: ${id} has (${e.index}, ${e.term}) with a different history`)
    }
  }

  #hardState (id: NodeId, m: LogMirror, hs: { term: number, vote: NodeId | null, commit: number }): void {
    if (hs.term < m.term) this.fail(`${id} persisted term ${hs.term} after ${m.term}`)
    if (hs.vote !== null) {
      const prev = m.votes.get(hs.term)
      if (prev !== undefined && prev !== hs.vote) this.fail(`${id} voted for ${prev} and ${hs.vote} in term ${hs.term}`)
      m.votes.set(hs.term, hs.vote)
    }
    if (hs.commit < m.commit) this.fail(`${id} persisted commit ${hs.commit} after ${m.commit}`)
    for (let i = Math.max(m.commit + 1, m.base); i <= hs.commit; i++) {
      const p = m.prefix[i - m.base]
      if (p === undefined) {
        this.fail(`${id} committed ${i} beyond its persisted log`)
        break
      }
      const seen = this.#committedPrefix.get(i)
      if (seen === undefined) this.#committedPrefix.set(i, p)
      else if (seen !== p) this.fail(`committed logs differ at ${i} (${id})`)
    }
    if (hs.commit > m.commit && hs.commit > (this.#commitByTerm.get(hs.term) ?? 0)) this.#commitByTerm.set(hs.term, hs.commit)
    m.term = hs.term
    m.commit = Math.max(m.commit, hs.commit)
  }

  #newLeader (host: Host, m: LogMirror, term: number): void {
    this.leaderSeen(host, term)
    // Leader completeness: everything committed in earlier terms is in our log.
    let c = 0
    for (const [t, index] of this.#commitByTerm) if (t < term && index > c) c = index
    if (c === 0) return
    const at = Math.max(c, m.base)
    const mine = m.prefix[at - m.base]
    const want = this.#committedPrefix.get(at)
    if (mine === undefined) this.fail(`leader completeness: ${host.id} leads term ${term} without committed index ${c}`)
    else if (want !== undefined && want !== mine) this.fail(`leader completeness: ${host.id} leads term ${term} with a log that differs from the committed one at ${at}`)
  }
}

function key (index: number, term: number): number {
  return index * 1048576 + term
}
