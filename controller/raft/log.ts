import { limitSize } from './storage.ts'
import type { Storage } from './storage.ts'
import type { Entry, Snapshot } from './types.ts'
import { Unstable } from './unstable.ts'

/** What maybeAppend did with an append message. */
export type AppendOutcome =
  | { kind: 'appended', lastNew: number, written: Entry[] }
  | { kind: 'mismatch' }
  /** The message would overwrite a committed entry: only a garbled or malicious sender can cause this. */
  | { kind: 'conflicts-with-committed' }

/**
 * The log as the core sees it: stable storage plus the unstable tail, and the
 * commit and apply marks over both (etcd's raftLog, in the same spirit).
 */
export class RaftLog {
  readonly storage: Storage
  readonly unstable: Unstable
  /** Highest index known committed by a quorum. */
  committed: number
  /** Highest index the driver has applied (its Ready advanced). */
  applied: number
  /** Highest index handed to the driver to apply; above `applied` while such a Ready is out. */
  applying: number

  constructor (storage: Storage, committed: number, applied: number) {
    this.storage = storage
    this.unstable = new Unstable(storage.lastIndex() + 1)
    this.committed = committed
    this.applied = applied
    this.applying = applied
  }

  firstIndex (): number {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex()
  }

  lastIndex (): number {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex()
  }

  /** Term at i, or undefined when i is compacted away or beyond the log. */
  term (i: number): number | undefined {
    if (i < this.firstIndex() - 1 || i > this.lastIndex()) return undefined
    const t = this.unstable.maybeTerm(i)
    if (t !== undefined) return t
    try {
      return this.storage.term(i)
    } catch {
      return undefined
    }
  }

  /**
   * The last index of the log that is on stable storage, every entry up to it
   * matching the log as it stands: below the unstable tail, which may shadow
   * (truncate) stored entries. Only a leader asks, for its own acknowledgement.
   */
  persistedIndex (): number {
    if (this.unstable.snapshot !== undefined) return 0
    if (this.unstable.entries.length > 0) return this.unstable.offset - 1
    return this.storage.lastIndex()
  }

  lastTerm (): number {
    return this.term(this.lastIndex()) ?? 0
  }

  matchTerm (i: number, t: number): boolean {
    return this.term(i) === t
  }

  /** Raft §5.4.1: is a log ending at (index, term) at least as up to date as ours? */
  isUpToDate (index: number, term: number): boolean {
    const lastTerm = this.lastTerm()
    return term > lastTerm || (term === lastTerm && index >= this.lastIndex())
  }

  /**
   * Entries [lo, hi) within maxBytes (at least one), or undefined when lo has
   * been compacted. hi is clipped to the end of the log.
   */
  slice (lo: number, hi: number, maxBytes: number): Entry[] | undefined {
    if (lo < this.firstIndex()) return undefined
    hi = Math.min(hi, this.lastIndex() + 1)
    if (lo >= hi) return []
    const off = this.unstable.offset
    let out: Entry[] = []
    if (lo < off) {
      const top = Math.min(hi, off)
      try {
        out = this.storage.entries(lo, top, maxBytes)
      } catch {
        return undefined
      }
      if (out.length < top - lo) return out
    }
    if (hi > off) {
      const tail = this.unstable.slice(Math.max(lo, off), hi)
      out = out.length === 0 ? tail : out.concat(tail)
    }
    return limitSize(out, maxBytes)
  }

  /** Index of the first entry that is new or conflicts with ours; 0 if all match. */
  findConflict (ents: readonly Entry[]): number {
    for (const e of ents) {
      if (!this.matchTerm(e.index, e.term)) return e.index
    }
    return 0
  }

  /**
   * The last (index, term) at or before `index` whose term is ≤ `term`: no
   * entry after it can match a leader whose entry at `index` has `term`. An
   * unknown (compacted) term stops the search there, with term 0.
   */
  findConflictByTerm (index: number, term: number): [number, number] {
    for (; index > 0; index--) {
      const t = this.term(index)
      if (t === undefined) return [index, 0]
      if (t <= term) return [index, t]
    }
    return [0, 0]
  }

  /** Raft's AppendEntries receiver rule: match at (prevIndex, prevTerm), then write what is new. */
  maybeAppend (prevIndex: number, prevTerm: number, commit: number, ents: readonly Entry[]): AppendOutcome {
    if (!this.matchTerm(prevIndex, prevTerm)) return { kind: 'mismatch' }
    const lastNew = prevIndex + ents.length
    const ci = this.findConflict(ents)
    let written: Entry[] = []
    if (ci !== 0) {
      if (ci <= this.committed) return { kind: 'conflicts-with-committed' }
      written = ents.slice(ci - prevIndex - 1)
      this.unstable.truncateAndAppend(written)
    }
    // Only up to what this message proved we share with the leader.
    this.commitTo(Math.min(commit, lastNew))
    return { kind: 'appended', lastNew, written }
  }

  /** Appends entries the leader itself created. */
  append (ents: readonly Entry[]): void {
    if (ents.length > 0) this.unstable.truncateAndAppend(ents)
  }

  /** Raises the commit mark; false (and no change) if i lies beyond the log. */
  commitTo (i: number): boolean {
    if (i <= this.committed) return true
    if (i > this.lastIndex()) return false
    this.committed = i
    return true
  }

  /** Raft §5.4.2: commit by counting only an entry of the leader's own term. */
  maybeCommit (i: number, term: number): boolean {
    if (i > this.committed && this.term(i) === term) {
      this.committed = i
      return true
    }
    return false
  }

  hasPendingSnapshot (): boolean {
    return this.unstable.snapshot !== undefined
  }

  /** Committed entries not yet handed out for applying, within maxBytes (at least one). */
  nextCommitted (maxBytes: number): Entry[] {
    // A snapshot being installed must be applied before anything after it.
    if (this.hasPendingSnapshot()) return []
    const lo = Math.max(this.applying + 1, this.firstIndex())
    if (lo > this.committed) return []
    return this.slice(lo, this.committed + 1, maxBytes) ?? []
  }

  hasNextCommitted (): boolean {
    return !this.hasPendingSnapshot() && this.committed > this.applying
  }

  /** Replaces the whole log with a snapshot from the leader. */
  restore (snap: Snapshot): void {
    this.committed = snap.index
    this.unstable.restore(snap)
  }
}
