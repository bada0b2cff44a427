import type { Entry } from '../../controller/raft/index.ts'
import { encodeEntryRun } from './codec.ts'

/** Runs live under `r!<first index, zero-padded>` so LevelDB's order is log order. */
export const RUN_PREFIX = 'r!'
/** Digits of a padded index: 2^53 has 16. */
const INDEX_DIGITS = 16

/** The LevelDB key of the run whose first entry is at `start`. */
export function runKey (start: number): string {
  return RUN_PREFIX + String(start).padStart(INDEX_DIGITS, '0')
}

/** One LevelDB write of a batch. */
export type BatchOp = { type: 'put', key: string, value: Uint8Array } | { type: 'del', key: string }

/**
 * The log on disk is a sequence of runs: each write puts the entries it
 * appends as ONE value (encodeEntryRun) under the index of its first entry,
 * rather than one value per entry. A run covers the log from its start up to
 * the next run's start (the last run, to the end of the log); entries stored
 * in a run past the next run's start are stale, superseded by the later run.
 * So an append that overwrites a suffix deletes the runs that start inside
 * it and writes a run at its first index; the run it cuts into stays as it
 * is. Compaction deletes the runs it covers wholly; the run holding its
 * index + 1 stays (the loader skips entries at or below the snapshot).
 *
 * A RunPlan works out one batch's run writes over the starts of the runs on
 * disk (`disk`, in log order), without touching them until commit(). Runs
 * this batch writes always come after the disk runs it keeps: appends go to
 * the end of the log, truncation cuts its end and compaction its start.
 */
export class RunPlan {
  readonly #disk: number[]
  /** Disk runs disk[lo, hi) are kept. */
  #lo = 0
  #hi: number
  /** Runs this batch writes, after the kept disk runs. */
  #fresh: Array<{ start: number, entries: Entry[] }> = []

  constructor (disk: number[]) {
    this.#disk = disk
    this.#hi = disk.length
  }

  /** A received snapshot replaces the whole log. */
  dropAll (): void {
    this.#lo = this.#hi
    this.#fresh = []
  }

  /** Entries from entries[0].index on replace whatever the log held there (the caller checks there is no gap). */
  append (entries: Entry[]): void {
    const from = entries[0]!.index
    const fresh = this.#fresh
    while (fresh.length > 0 && fresh[fresh.length - 1]!.start >= from) fresh.pop()
    if (fresh.length === 0) {
      while (this.#hi > this.#lo && this.#disk[this.#hi - 1]! >= from) this.#hi--
      fresh.push({ start: from, entries })
      return
    }
    // Written in this batch anyway: one run, cut where the new entries begin.
    const tail = fresh[fresh.length - 1]!
    tail.entries = [...tail.entries.slice(0, from - tail.start), ...entries]
  }

  /** The log up to `index` went into a snapshot; `last` is the log's last index. */
  compact (index: number, last: number): void {
    const fresh = this.#fresh
    for (;;) {
      const keptDisk = this.#hi - this.#lo
      if (keptDisk + fresh.length === 0) return
      const next = keptDisk > 1 ? this.#disk[this.#lo + 1]! : keptDisk === 1 ? (fresh[0]?.start ?? last + 1) : (fresh[1]?.start ?? last + 1)
      if (next > index + 1) return
      if (keptDisk > 0) this.#lo++
      else fresh.shift()
    }
  }

  /** Adds the batch's run writes to ops: deletes first, then puts (a put may reuse a deleted key). */
  ops (ops: BatchOp[]): void {
    for (let i = 0; i < this.#lo; i++) ops.push({ type: 'del', key: runKey(this.#disk[i]!) })
    for (let i = this.#hi; i < this.#disk.length; i++) ops.push({ type: 'del', key: runKey(this.#disk[i]!) })
    for (const run of this.#fresh) ops.push({ type: 'put', key: runKey(run.start), value: encodeEntryRun(run.entries) })
  }

  /** The batch is durable: the disk's run list becomes the plan's. */
  commit (): void {
    const disk = this.#disk
    disk.length = this.#hi
    if (this.#lo > 0) disk.splice(0, this.#lo)
    for (const run of this.#fresh) disk.push(run.start)
  }
}
