import { CompactedError, StorageCorruptError, UnavailableError } from './errors.ts'
import type { ConfState, Entry, HardState, Snapshot } from './types.ts'

/**
 * How the core reads its stable log. It never writes: the driver writes what
 * a Ready tells it to, then calls advance(). Reads are synchronous because the
 * core is; a LevelDB driver keeps the live (uncompacted) tail in memory and
 * writes through, which compaction keeps small.
 *
 * The log holds entries (firstIndex-1, lastIndex]; the entry at
 * firstIndex-1 is represented only by the snapshot's (index, term).
 */
export interface Storage {
  /** The persisted hard state and the membership of the latest snapshot. */
  initialState (): { hardState: HardState, conf: ConfState }
  /**
   * Entries [lo, hi), stopping once their total size passes maxBytes but
   * always returning at least one. Throws CompactedError if lo < firstIndex(),
   * UnavailableError if hi > lastIndex() + 1.
   */
  entries (lo: number, hi: number, maxBytes: number): Entry[]
  /** Term of the entry at index, for index in [firstIndex()-1, lastIndex()]; throws CompactedError/UnavailableError otherwise. */
  term (index: number): number
  firstIndex (): number
  lastIndex (): number
  /** The latest snapshot; may throw SnapshotUnavailableError while one is being made. */
  snapshot (): Snapshot
}

/** Bytes an entry counts for in batching limits: payload plus a fixed allowance for its header. */
export function entrySize (e: Entry): number {
  return e.type === 'normal' ? e.data.byteLength + ENTRY_OVERHEAD : ENTRY_OVERHEAD + e.change.node.length
}

/** Rough encoded size of an entry's index, term and type; keeps empty entries from batching without bound. */
const ENTRY_OVERHEAD = 16 // bytes

/** Keeps entries up to the one that pushes the total past maxBytes; always at least one. */
export function limitSize (entries: Entry[], maxBytes: number): Entry[] {
  if (entries.length === 0) return entries
  let size = entrySize(entries[0]!)
  let n = 1
  for (; n < entries.length; n++) {
    size += entrySize(entries[n]!)
    if (size > maxBytes) break
  }
  return n === entries.length ? entries : entries.slice(0, n)
}

const EMPTY = new Uint8Array(0)

/** The empty membership of a node that has not joined a group yet. */
export function emptyConf (): ConfState {
  return { voters: [], learners: [] }
}

/**
 * The log and hard state that every founding voter of a new group starts
 * from: one committed add-voter entry per voter, in sorted order, at term 1.
 * Every founder must bootstrap with the same list, so their logs agree; a node
 * that joins later starts empty and learns the membership from the log.
 */
export function bootstrap (voters: readonly string[]): { entries: Entry[], hardState: HardState } {
  const ids = [...new Set(voters)].sort()
  const entries: Entry[] = ids.map((node, i) => ({ type: 'conf-change', term: 1, index: i + 1, change: { type: 'add-voter', node } }))
  return { entries, hardState: { term: 1, vote: null, commit: ids.length } }
}

/**
 * Storage held in memory: the simulator's "disk" and the tests' storage. What
 * it holds survives a simulated crash, so it holds only what a Ready told the
 * driver to persist.
 */
export class MemoryStorage implements Storage {
  #hardState: HardState = { term: 0, vote: null, commit: 0 }
  #snapshot: Snapshot = { index: 0, term: 0, conf: emptyConf(), data: EMPTY }
  /** Entries after the snapshot: #entries[i].index === #snapshot.index + 1 + i. */
  #entries: Entry[] = []

  /** A storage holding a founding voter's bootstrap log (see bootstrap()). */
  static bootstrapped (voters: readonly string[]): MemoryStorage {
    const s = new MemoryStorage()
    const b = bootstrap(voters)
    s.append(b.entries)
    s.setHardState(b.hardState)
    return s
  }

  initialState (): { hardState: HardState, conf: ConfState } {
    return { hardState: { ...this.#hardState }, conf: this.#snapshot.conf }
  }

  entries (lo: number, hi: number, maxBytes: number): Entry[] {
    if (lo < this.firstIndex()) throw new CompactedError()
    if (hi > this.lastIndex() + 1) throw new UnavailableError(`entries up to ${hi - 1} requested, last is ${this.lastIndex()}`)
    if (lo >= hi) return []
    const off = this.#snapshot.index + 1
    return limitSize(this.#entries.slice(lo - off, hi - off), maxBytes)
  }

  term (index: number): number {
    const snap = this.#snapshot
    if (index < snap.index) throw new CompactedError()
    if (index === snap.index) return snap.term
    if (index > this.lastIndex()) throw new UnavailableError()
    return this.#entries[index - snap.index - 1]!.term
  }

  firstIndex (): number {
    return this.#snapshot.index + 1
  }

  lastIndex (): number {
    return this.#snapshot.index + this.#entries.length
  }

  snapshot (): Snapshot {
    return this.#snapshot
  }

  /** The persisted hard state (for tests and the simulator's checks). */
  get hardState (): HardState {
    return this.#hardState
  }

  /** Persists a Ready's hard state. */
  setHardState (hs: HardState): void {
    this.#hardState = { ...hs }
  }

  /**
   * Persists a Ready's entries: drops every entry at or after entries[0].index,
   * then appends. Entries at or before the snapshot are skipped (already compacted).
   */
  append (entries: readonly Entry[]): void {
    if (entries.length === 0) return
    const snapIndex = this.#snapshot.index
    let from = entries[0]!.index
    let list = entries
    if (from <= snapIndex) {
      list = entries.slice(snapIndex + 1 - from)
      if (list.length === 0) return
      from = snapIndex + 1
    }
    if (from > this.lastIndex() + 1) throw new StorageCorruptError(`append at ${from} leaves a gap after ${this.lastIndex()}`)
    this.#entries.length = from - snapIndex - 1
    for (const e of list) this.#entries.push(e)
  }

  /** Persists a snapshot received from the leader: it replaces the whole log. */
  applySnapshot (snap: Snapshot): void {
    if (snap.index < this.#snapshot.index) return
    this.#snapshot = snap
    this.#entries = []
    if (this.#hardState.commit < snap.index) this.#hardState = { ...this.#hardState, commit: snap.index }
  }

  /** Persists a snapshot made by compact(): entries up to its index are dropped, later ones kept. */
  compact (snap: Snapshot): void {
    const snapIndex = this.#snapshot.index
    if (snap.index <= snapIndex) return
    if (snap.index > this.lastIndex()) throw new UnavailableError(`cannot compact to ${snap.index}, last is ${this.lastIndex()}`)
    this.#entries = this.#entries.slice(snap.index - snapIndex)
    this.#snapshot = snap
  }
}
