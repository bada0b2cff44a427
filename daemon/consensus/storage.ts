import {
  CompactedError, StorageCorruptError, UnavailableError, emptyConf, entrySize, bootstrap
} from '../../controller/raft/index.ts'
import type { ConfState, Entry, HardState, Ready, Snapshot, Storage } from '../../controller/raft/index.ts'
import type { Store } from '../store/index.ts'
import { decodeEntry, decodeHardState, decodeSnapshot, encodeEntry, encodeHardState, encodeSnapshot } from './codec.ts'

/** Key of the hard state in the sublevel. */
const HARD_KEY = 'hard'
/** Key of the latest snapshot (received or made by compaction). */
const SNAP_KEY = 'snap'
/** Entries live under `e!<index, zero-padded>` so LevelDB's order is log order. */
const ENTRY_PREFIX = 'e!'
/** Digits of a padded index: 2^53 has 16. */
const INDEX_DIGITS = 16

const EMPTY = new Uint8Array(0)

/** What of a Ready the storage writes: the parts that must be durable before its messages go out. */
export type ReadyWrite = Pick<Ready, 'hardState' | 'entries' | 'snapshot' | 'compaction' | 'mustSync'>

/** The storage's sublevel: string keys, byte values. */
type Sublevel = ReturnType<typeof openSublevel>
type Batch = Array<{ type: 'put', key: string, value: Uint8Array } | { type: 'del', key: string }>

/**
 * The Raft core's Storage over a LevelDB sublevel. The live log (entries
 * after the snapshot), the hard state and the snapshot are held in memory so
 * the core can read them synchronously, and written through: each Ready's
 * snapshot, entries, hard state and compaction go to disk in ONE batch,
 * fdatasynced when the Ready says so, and only then does the memory view
 * change. A crash therefore leaves either all of a Ready on disk or none.
 */
export class LevelStorage implements Storage {
  readonly #db: Sublevel
  #hardState: HardState = { term: 0, vote: null, commit: 0 }
  #snapshot: Snapshot = { index: 0, term: 0, conf: emptyConf(), data: EMPTY }
  /** Entries after the snapshot: #entries[i].index === #snapshot.index + 1 + i. */
  #entries: Entry[] = []

  private constructor (db: Sublevel) {
    this.#db = db
  }

  /**
   * Opens the storage in sublevel `name` of the node's store and loads what is
   * there. Throws StorageCorruptError (ERR_STORAGE_CORRUPT) when a record
   * cannot be decoded or the log has a gap.
   */
  static async open (store: Store, init: { name?: string } = {}): Promise<LevelStorage> {
    const s = new LevelStorage(openSublevel(store, init.name ?? 'raft'))
    await s.#load()
    return s
  }

  async #load (): Promise<void> {
    const db = this.#db
    const hard = await db.get(HARD_KEY)
    if (hard !== undefined) this.#hardState = corruptIfThrows(() => decodeHardState(hard), 'hard state')
    const snap = await db.get(SNAP_KEY)
    if (snap !== undefined) this.#snapshot = corruptIfThrows(() => decodeSnapshot(snap), 'snapshot')
    const iter = db.iterator({ gte: ENTRY_PREFIX, lt: ENTRY_PREFIX + '~' })
    let expect = this.#snapshot.index + 1
    for await (const [key, value] of iter) {
      const e = corruptIfThrows(() => decodeEntry(value), `entry ${key}`)
      if (key !== entryKey(e.index)) throw new StorageCorruptError(`entry stored under ${key} says it is index ${e.index}`)
      if (e.index !== expect) throw new StorageCorruptError(`log has a gap: expected index ${expect}, found ${e.index}`)
      this.#entries.push(e)
      expect++
    }
    if (this.#hardState.commit > this.lastIndex()) {
      throw new StorageCorruptError(`commit ${this.#hardState.commit} is beyond the last stored index ${this.lastIndex()}`)
    }
  }

  /** True when nothing was ever persisted: a node that has never been part of a group. */
  get isEmpty (): boolean {
    return this.#hardState.term === 0 && this.#snapshot.index === 0 && this.#entries.length === 0
  }

  /** The persisted hard state. */
  get hardState (): HardState {
    return { ...this.#hardState }
  }

  /** Writes a founding voter's log (see the core's bootstrap()); only on empty storage. */
  async bootstrap (voters: readonly string[]): Promise<void> {
    if (!this.isEmpty) throw new StorageCorruptError('cannot bootstrap storage that already holds a log')
    const b = bootstrap(voters)
    await this.persist({ entries: b.entries, hardState: b.hardState, mustSync: true })
  }

  initialState (): { hardState: HardState, conf: ConfState } {
    return { hardState: { ...this.#hardState }, conf: this.#snapshot.conf }
  }

  entries (lo: number, hi: number, maxBytes: number): Entry[] {
    if (lo < this.firstIndex()) throw new CompactedError()
    if (hi > this.lastIndex() + 1) throw new UnavailableError(`entries up to ${hi - 1} requested, last is ${this.lastIndex()}`)
    if (lo >= hi) return []
    const off = this.#snapshot.index + 1
    const out: Entry[] = []
    let size = 0
    for (let i = lo; i < hi; i++) {
      const e = this.#entries[i - off]!
      size += entrySize(e)
      if (out.length > 0 && size > maxBytes) break
      out.push(e)
    }
    return out
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

  /**
   * Makes a Ready's state durable in one batch, in the core's order: the
   * received snapshot (dropping the whole log), the entries (dropping any
   * conflicting suffix), the hard state, then the compaction. Calls must not
   * overlap; the driver awaits each before the next.
   */
  async persist (rd: ReadyWrite): Promise<void> {
    let snap = this.#snapshot
    let entries = this.#entries
    let hard = this.#hardState
    const ops: Batch = []
    const lastOf = (): number => snap.index + entries.length

    if (rd.snapshot !== undefined && rd.snapshot.index >= snap.index) {
      for (const e of entries) ops.push({ type: 'del', key: entryKey(e.index) })
      snap = rd.snapshot
      entries = []
      ops.push({ type: 'put', key: SNAP_KEY, value: encodeSnapshot(snap) })
      if (hard.commit < snap.index) hard = { ...hard, commit: snap.index }
    }

    if (rd.entries.length > 0) {
      let list = rd.entries
      let from = list[0]!.index
      if (from <= snap.index) {
        // Already covered by the snapshot.
        list = list.slice(snap.index + 1 - from)
        from = snap.index + 1
      }
      if (list.length > 0) {
        if (from > lastOf() + 1) throw new StorageCorruptError(`append at ${from} leaves a gap after ${lastOf()}`)
        const oldLast = lastOf()
        const newLast = from + list.length - 1
        // The conflicting suffix beyond the new entries goes; the rest is overwritten by puts.
        for (let i = newLast + 1; i <= oldLast; i++) ops.push({ type: 'del', key: entryKey(i) })
        entries = entries.slice(0, from - snap.index - 1).concat(list)
        for (const e of list) ops.push({ type: 'put', key: entryKey(e.index), value: encodeEntry(e) })
      }
    }

    if (rd.hardState !== undefined) {
      hard = { ...rd.hardState }
      ops.push({ type: 'put', key: HARD_KEY, value: encodeHardState(hard) })
    } else if (hard !== this.#hardState) {
      ops.push({ type: 'put', key: HARD_KEY, value: encodeHardState(hard) })
    }

    const c = rd.compaction
    if (c !== undefined && c.index > snap.index) {
      if (c.index > lastOf()) throw new UnavailableError(`cannot compact to ${c.index}, last is ${lastOf()}`)
      for (let i = snap.index + 1; i <= c.index; i++) ops.push({ type: 'del', key: entryKey(i) })
      entries = entries.slice(c.index - snap.index)
      snap = c
      ops.push({ type: 'put', key: SNAP_KEY, value: encodeSnapshot(snap) })
    }

    if (ops.length === 0) return
    const sync = rd.mustSync || rd.snapshot !== undefined || c !== undefined
    // Synced through the parent: sublevels hand their options on to ClassicLevel.
    await this.#db.batch(ops, { sync } as object)
    this.#snapshot = snap
    this.#entries = entries
    this.#hardState = hard
  }
}

/** The typed sublevel the storage lives in; its own function so its type can be named. */
function openSublevel (store: Store, name: string) {
  return store.sublevel<string, Uint8Array>(name, { valueEncoding: 'view' })
}

function entryKey (index: number): string {
  return ENTRY_PREFIX + String(index).padStart(INDEX_DIGITS, '0')
}

function corruptIfThrows<T> (decode: () => T, what: string): T {
  try {
    return decode()
  } catch (err) {
    const e = new StorageCorruptError(`raft storage: ${what} cannot be decoded`)
    e.cause = err
    throw e
  }
}
