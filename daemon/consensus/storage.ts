import { join } from 'node:path'
import { MemoryStorage, StorageCorruptError, UnavailableError, bootstrap } from '../../controller/raft/index.ts'
import type { ConfState, Entry, HardState, Ready, Snapshot, Storage } from '../../controller/raft/index.ts'
import type { Store } from '../store/index.ts'
import { decodeEntry, decodeEntryRun, decodeHardState, decodeSnapshot, encodeEntryRun, encodeHardState, encodeSnapshot } from './codec.ts'
import { RUN_PREFIX, RunPlan, runKey } from './log-runs.ts'
import type { BatchOp } from './log-runs.ts'
import { SnapshotFiles, encodeRef, parseRef, type SnapshotFileRef } from './snapshot-files.ts'

/** Key of the hard state in the sublevel. */
const HARD_KEY = 'hard'
/** Key of the latest snapshot (received or made by compaction): its index, term and membership; its data too before 2026-12-05. */
const SNAP_KEY = 'snap'
/** Key of the record naming the file that holds the latest snapshot's data (SnapshotFiles), written with SNAP_KEY. */
const SNAP_FILE_KEY = 'snapfile'
/** The layout before runs: one entry per key, `e!<index, 16 digits>`; moved into a run on open. */
const LEGACY_PREFIX = 'e!'

/** What of a Ready the storage writes: the parts that must be durable before its messages go out. */
export type ReadyWrite = Pick<Ready, 'hardState' | 'entries' | 'snapshot' | 'compaction' | 'mustSync'>

/** The storage's sublevel: string keys, byte values. */
type Sublevel = ReturnType<typeof openSublevel>

/**
 * The Raft core's Storage over a LevelDB sublevel. The live log, the hard
 * state and the snapshot are held in a MemoryStorage so the core can read
 * them synchronously, and written through: each Ready's snapshot, entries,
 * hard state and compaction go to disk in ONE batch (several consecutive
 * Readys may share it), fdatasynced when a Ready says so, and only then are
 * they applied to the memory view. A crash therefore leaves either all of a
 * batch on disk or none. The entries of a batch are one LevelDB value, a run
 * (log-runs.ts): building a batch costs per write, not per entry. A
 * snapshot's data goes to a file of its own (SnapshotFiles), written before
 * the batch that records it.
 */
export class LevelStorage implements Storage {
  readonly #db: Sublevel
  readonly #files: SnapshotFiles
  /** The file the latest snapshot's record names, if any: the one file kept. */
  #file: string | undefined
  readonly #mem = new MemoryStorage()
  /** The hard state on disk; the memory view's may be ahead by a commit index not yet written. */
  #diskHard: HardState = { term: 0, vote: null, commit: 0 }
  /** First indexes of the runs on disk, in log order. */
  readonly #runs: number[] = []

  private constructor (db: Sublevel, files: SnapshotFiles) {
    this.#db = db
    this.#files = files
  }

  /**
   * Opens the storage in sublevel `name` of the node's store and loads what is
   * there; snapshot files live in `raft-snapshots/<name>` inside the store's
   * folder, so that whatever removes the store removes them too. Throws
   * StorageCorruptError (ERR_STORAGE_CORRUPT) when a record cannot be
   * decoded, the log has a gap, or the snapshot's file is missing or changed.
   */
  static async open (store: Store, init: { name?: string } = {}): Promise<LevelStorage> {
    const name = init.name ?? 'raft'
    const s = new LevelStorage(openSublevel(store, name), new SnapshotFiles(join(store.location, 'raft-snapshots', name)))
    await s.#load()
    return s
  }

  async #load (): Promise<void> {
    const db = this.#db
    const hard = await db.get(HARD_KEY)
    const snap = await db.get(SNAP_KEY)
    const fileRecord = await db.get(SNAP_FILE_KEY)
    if (snap !== undefined) {
      const snapshot = corruptIfThrows(() => decodeSnapshot(snap), 'snapshot')
      if (fileRecord !== undefined) {
        const ref = parseRef(fileRecord)
        if (ref.index !== snapshot.index) throw new StorageCorruptError(`raft storage: the snapshot is at index ${snapshot.index}, its file record at ${ref.index}`)
        snapshot.data = await this.#files.read(ref)
        this.#file = ref.file
      }
      this.#mem.applySnapshot(snapshot)
    } else if (fileRecord !== undefined) {
      throw new StorageCorruptError('raft storage: a snapshot file record without a snapshot')
    }
    // Files no record names: older snapshots, or one a crash left before its record.
    await this.#files.prune(this.#file)
    if (hard !== undefined) this.#mem.setHardState(corruptIfThrows(() => decodeHardState(hard), 'hard state'))
    this.#diskHard = this.#mem.initialState().hardState
    const snapIndex = this.#mem.snapshot().index
    const legacy = await this.#readLegacy(snapIndex)
    const log = [...legacy.entries]
    for await (const [key, value] of db.iterator({ gte: RUN_PREFIX, lt: RUN_PREFIX + '~' })) {
      const run = corruptIfThrows(() => decodeEntryRun(value), `run ${key}`)
      const start = run[0]?.index ?? 0
      if (key !== runKey(start)) throw new StorageCorruptError(`run stored under ${key} starts at index ${start}`)
      if (run.some((e, i) => e.index !== start + i)) throw new StorageCorruptError(`run ${key} is not contiguous`)
      if (legacy.keys.length > 0) throw new StorageCorruptError(`run ${key} found beside entries of the old layout`)
      if (start > snapIndex + log.length + 1) throw new StorageCorruptError(`log has a gap: expected index ${snapIndex + log.length + 1}, found ${start}`)
      // A later run supersedes what earlier ones hold from its start on.
      log.length = Math.max(0, start - snapIndex - 1)
      for (const e of run) if (e.index > snapIndex) log.push(e)
      this.#runs.push(start)
    }
    this.#mem.append(log)
    if (legacy.keys.length > 0) await this.#migrate(legacy)
    const commit = this.#mem.initialState().hardState.commit
    if (commit > this.lastIndex()) {
      throw new StorageCorruptError(`commit ${commit} is beyond the last stored index ${this.lastIndex()}`)
    }
  }

  /** Entries of the layout before runs (one key each), checked as they always were. */
  async #readLegacy (snapIndex: number): Promise<{ entries: Entry[], keys: string[] }> {
    const entries: Entry[] = []
    const keys: string[] = []
    for await (const [key, value] of this.#db.iterator({ gte: LEGACY_PREFIX, lt: LEGACY_PREFIX + '~' })) {
      const e = corruptIfThrows(() => decodeEntry(value), `entry ${key}`)
      if (key !== LEGACY_PREFIX + String(e.index).padStart(16, '0')) throw new StorageCorruptError(`entry stored under ${key} says it is index ${e.index}`)
      if (e.index !== snapIndex + 1 + entries.length) throw new StorageCorruptError(`log has a gap: expected index ${snapIndex + 1 + entries.length}, found ${e.index}`)
      entries.push(e)
      keys.push(key)
    }
    return { entries, keys }
  }

  /** Rewrites the old layout's entries as one run, in one synced batch: writes from here on assume runs. */
  async #migrate (legacy: { entries: Entry[], keys: string[] }): Promise<void> {
    const ops: BatchOp[] = legacy.keys.map(key => ({ type: 'del', key }))
    const first = legacy.entries[0]?.index
    if (first !== undefined) ops.push({ type: 'put', key: runKey(first), value: encodeEntryRun(legacy.entries) })
    await this.#db.batch(ops, { sync: true } as object)
    if (first !== undefined) this.#runs.push(first)
  }

  /** True when nothing was ever persisted: a node that has never been part of a group. */
  get isEmpty (): boolean {
    return this.hardState.term === 0 && this.#mem.snapshot().index === 0 && this.#mem.lastIndex() === 0
  }

  /** The persisted hard state. */
  get hardState (): HardState {
    return this.#mem.initialState().hardState
  }

  /** Writes a founding voter's log (see the core's bootstrap()); only on empty storage. */
  async bootstrap (voters: readonly string[]): Promise<void> {
    if (!this.isEmpty) throw new StorageCorruptError('cannot bootstrap storage that already holds a log')
    const b = bootstrap(voters)
    await this.persist({ entries: b.entries, hardState: b.hardState, mustSync: true })
  }

  initialState (): { hardState: HardState, conf: ConfState } {
    return this.#mem.initialState()
  }

  entries (lo: number, hi: number, maxBytes: number): Entry[] {
    return this.#mem.entries(lo, hi, maxBytes)
  }

  term (index: number): number {
    return this.#mem.term(index)
  }

  firstIndex (): number {
    return this.#mem.firstIndex()
  }

  lastIndex (): number {
    return this.#mem.lastIndex()
  }

  snapshot (): Snapshot {
    return this.#mem.snapshot()
  }

  /**
   * Makes a Ready's state durable in one batch, in the core's order: the
   * received snapshot (dropping the whole log), the entries (dropping any
   * conflicting suffix), the hard state, then the compaction. Calls must not
   * overlap; the driver awaits each before the next.
   */
  async persist (rd: ReadyWrite): Promise<void> {
    await this.persistAll([rd])
  }

  /**
   * Makes several consecutive Readys durable in ONE LevelDB batch (group
   * commit), each in the core's order and the Readys in theirs, fdatasynced
   * when any of them must be. A crash leaves all of them on disk or none.
   * The memory view changes only after the batch is durable. Calls must not
   * overlap.
   *
   * Readys that only move the commit index are not written on their own: the
   * commit index can be learnt again from the leader, and a write of its own
   * would queue the next entries behind it. It goes to disk with the next
   * batch that has anything else (at the latest the next entries).
   */
  async persistAll (rds: readonly ReadyWrite[]): Promise<void> {
    // What the log will be after each Ready, by index only: enough to know what to delete.
    const view: View = { snapIndex: this.#mem.snapshot().index, last: this.#mem.lastIndex(), hard: this.hardState, runs: new RunPlan(this.#runs) }
    const ops: BatchOp[] = []
    const plans: Plan[] = []
    let sync = false
    /** The batch's last snapshot, received or made: the one the disk keeps. */
    let latest: Snapshot | undefined
    for (const rd of rds) {
      const plan = planWrite(rd, view)
      plans.push(plan)
      sync ||= rd.mustSync || plan.snapshot !== undefined || plan.compaction !== undefined
      latest = plan.compaction ?? plan.snapshot ?? latest
    }
    let ref: SnapshotFileRef | undefined
    if (latest !== undefined) {
      ref = await this.#files.write(latest.index, latest.term, latest.data)
      ops.push({ type: 'put', key: SNAP_KEY, value: encodeSnapshot({ ...latest, data: new Uint8Array(0) }) })
      ops.push({ type: 'put', key: SNAP_FILE_KEY, value: encodeRef(ref) })
    }
    view.runs.ops(ops)
    const hardMoved = !sameHardState(view.hard, this.#diskHard)
    if (ops.length > 0 || (sync && hardMoved)) {
      if (hardMoved) ops.push({ type: 'put', key: HARD_KEY, value: encodeHardState(view.hard) })
      // Synced through the parent: sublevels hand their options on to ClassicLevel.
      await this.#db.batch(ops, { sync } as object)
      this.#diskHard = view.hard
    }
    if (ref !== undefined) {
      // The record names the new file now (every file's name is its own): the one it named before can go.
      const older = this.#file
      this.#file = ref.file
      if (older !== undefined) await this.#files.prune(ref.file)
    }
    view.runs.commit()
    for (const plan of plans) {
      if (plan.snapshot !== undefined) this.#mem.applySnapshot(plan.snapshot)
      this.#mem.append(plan.entries)
      if (plan.compaction !== undefined) this.#mem.compact(plan.compaction)
    }
    this.#mem.setHardState(view.hard)
  }

  /** The hard state as written to disk, which may lag the commit index (persistAll). */
  get diskHardState (): HardState {
    return this.#diskHard
  }
}

function sameHardState (a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit
}

/** What one Ready changes, for the memory view once the batch is durable. */
interface Plan {
  snapshot: Snapshot | undefined
  entries: Entry[]
  compaction: Snapshot | undefined
}

/** The log as it will be once a batch is written, by index only, and its runs. */
interface View {
  snapIndex: number
  last: number
  hard: HardState
  runs: RunPlan
}

/** Moves `view` past one Ready's writes. */
function planWrite (rd: ReadyWrite, view: View): Plan {
  const snapshot = rd.snapshot !== undefined && rd.snapshot.index >= view.snapIndex ? rd.snapshot : undefined
  if (snapshot !== undefined) {
    view.snapIndex = view.last = snapshot.index
    view.runs.dropAll()
    if (view.hard.commit < snapshot.index) view.hard = { ...view.hard, commit: snapshot.index }
  }

  // Entries at or before the snapshot are already covered by it.
  const entries = rd.entries.length > 0 && rd.entries[0]!.index <= view.snapIndex ? rd.entries.filter(e => e.index > view.snapIndex) : rd.entries
  if (entries.length > 0) {
    const from = entries[0]!.index
    if (from > view.last + 1) throw new StorageCorruptError(`append at ${from} leaves a gap after ${view.last}`)
    view.runs.append(entries)
    view.last = from + entries.length - 1
  }

  // Written once per batch, by persistAll: the last one wins anyway.
  if (rd.hardState !== undefined) view.hard = { ...rd.hardState }

  const compaction = rd.compaction !== undefined && rd.compaction.index > view.snapIndex ? rd.compaction : undefined
  if (compaction !== undefined) {
    if (compaction.index > view.last) throw new UnavailableError(`cannot compact to ${compaction.index}, last is ${view.last}`)
    view.runs.compact(compaction.index, view.last)
    view.snapIndex = compaction.index
  }
  return { snapshot, entries, compaction }
}

/** The typed sublevel the storage lives in; its own function so its type can be named. */
function openSublevel (store: Store, name: string) {
  return store.sublevel<string, Uint8Array>(name, { valueEncoding: 'view' })
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
