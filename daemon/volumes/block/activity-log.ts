/**
 * The activity log (after DRBD's): one bit per extent, set durably before the
 * first write into that extent reaches the data file. Marks are kept while
 * few (a write into a marked extent costs nothing more); past a bound, the
 * least recently changed extents are cleared once the data and the checksum
 * table are both synced and no change to them is under way. After a crash the data and the checksum table may disagree only inside
 * marked extents (a write whose data landed but whose checksum did not), so
 * recovery re-checksums those extents and nothing else. That is also why a
 * FUA write need not sync the table when it changes no block's state: its
 * extent stays marked until the next table sync.
 */
import type { FileHandle } from 'node:fs/promises'

/**
 * Extents marked ahead of a sequential writer: a change that must mark a
 * fresh extent right after one changed lately (a copy, a rebuild, a fill
 * running through the volume) also marks this many that follow, in the
 * same write and fdatasync. A fresh volume's sequential fill then waits
 * for one mark per 32 MiB instead of one per 4 MiB, each an fdatasync the
 * write waits for (on this machine's disk ~1 ms: 64 marks held a 256 MiB
 * fill at one request in flight for 62–86 ms, 9 for 15; a disk whose flush
 * is slower pays more). A mark too many costs only a re-read of that
 * extent if the node crashes before a table sync clears it.
 */
export const MARK_AHEAD = 7 // extents
/**
 * How recently (in changes ended since) the extent before must have been
 * changed for a change to count as sequential: a random writer rarely
 * lands just after an extent changed that lately, so it marks no more
 * extents than it writes and its marks reach the log's bound no sooner.
 */
const SEQUENTIAL_WITHIN = 64 // changes

/** A persisted bitmap of extents that may hold changes the synced checksum table does not show. */
export class ActivityLog {
  readonly #bits: Buffer
  readonly #marking = new Map<number, Promise<void>>()
  /** Changes under way per extent: such an extent is never cleared. */
  readonly #active = new Map<number, number>()
  /** Per extent, the sequence number of the last change that ended in it (a double: a u32 would wrap within days at 20 000 IOPS). */
  readonly #touched: Float64Array
  readonly #onSync: () => void
  readonly #file: FileHandle
  /** Mark writes under way: they may overlap each other (each only adds bits), never a clearing write. */
  #markWrites = 0
  readonly #marksDone: Array<() => void> = []
  /** The clearing write under way: marks decided meanwhile wait for it, so a clear never lands over a newer mark. */
  #clearing: Promise<void> | undefined
  #seq = 0
  #marked = 0

  constructor (file: FileHandle, extents: number, onSync: () => void) {
    this.#file = file
    this.#bits = Buffer.alloc(Math.ceil(extents / 8))
    this.#touched = new Float64Array(extents)
    this.#onSync = onSync
  }

  /** Extents marked now. */
  get marked (): number { return this.#marked }

  /** A point in the log's history: settle(since) clears only extents no change has ended in after it. */
  get sequence (): number { return this.#seq }

  /** Loads the bitmap and returns the extents it marks (left by a crash). */
  async load (): Promise<number[]> {
    await this.#file.read(this.#bits, 0, this.#bits.length, 0)
    const dirty: number[] = []
    for (let e = 0; e < this.#bits.length * 8; e++) if (this.#has(e)) dirty.push(e)
    this.#marked = dirty.length
    return dirty
  }

  /**
   * Starts a change of extents first..last: resolves once they are durably
   * marked, or gives undefined when they are already (no promise to await,
   * as for most changes). Every begin is paired with an end, also when the
   * change fails.
   */
  begin (first: number, last: number): Promise<void> | undefined {
    for (let e = first; e <= last; e++) this.#active.set(e, (this.#active.get(e) ?? 0) + 1)
    const waits: Array<Promise<void>> = []
    let fresh = false
    for (let e = first; e <= last; e++) {
      const pending = this.#marking.get(e)
      if (pending !== undefined) waits.push(pending)
      else if (!this.#has(e)) { this.#mark(e); fresh = true }
    }
    if (fresh) {
      let end = last
      if (this.#sequentialInto(first)) {
        for (let e = last + 1; e <= last + MARK_AHEAD && e < this.#touched.length; e++) {
          if (this.#has(e) || this.#marking.has(e)) break
          this.#mark(e)
          end = e
        }
      }
      // One write of the whole span and one fdatasync cover every new extent of this request, and those marked ahead.
      const done = this.#writeMarks(first >> 3, (end >> 3) + 1)
      for (let e = first; e <= end; e++) if (!this.#marking.has(e)) this.#marking.set(e, done)
      waits.push(done)
      void done.finally(() => { for (let e = first; e <= end; e++) if (this.#marking.get(e) === done) this.#marking.delete(e) }).catch(() => {})
    }
    if (waits.length === 0) return undefined
    return waits.length === 1 ? waits[0] : Promise.all(waits).then(() => {})
  }

  /** Whether extents first..last are all durably marked: begin would give undefined, and a change made in one synchronous step may skip it (changedNow). */
  allMarked (first: number, last: number): boolean {
    for (let e = first; e <= last; e++) if (!this.#has(e) || this.#marking.has(e)) return false
    return true
  }

  /** Records a change of extents first..last made in one synchronous step, as begin and end would; only when allMarked(first, last) said so. */
  changedNow (first: number, last: number): void {
    const seq = ++this.#seq
    for (let e = first; e <= last; e++) this.#touched[e] = seq
  }

  /** Ends a change begun with begin(first, last). */
  end (first: number, last: number): void {
    for (let e = first; e <= last; e++) {
      const n = (this.#active.get(e) ?? 1) - 1
      if (n === 0) this.#active.delete(e)
      else this.#active.set(e, n)
    }
    this.changedNow(first, last)
  }

  /**
   * Clears marks of extents idle since `since`, least recently changed first,
   * until at most `keep` remain: call it after data and checksum table were
   * both synced by a sync that began at sequence `since`, so everything those
   * extents hold is in the synced table. Returns how many it cleared.
   */
  async settle (since: number, keep: number): Promise<number> {
    const idle: number[] = []
    for (let e = 0; e < this.#touched.length; e++) {
      if (this.#has(e) && !this.#active.has(e) && this.#touched[e]! <= since && !this.#marking.has(e)) idle.push(e)
    }
    idle.sort((a, b) => this.#touched[a]! - this.#touched[b]!)
    const cleared = idle.slice(0, Math.max(0, this.#marked - keep))
    if (cleared.length === 0) return 0
    for (const e of cleared) this.#bits[e >> 3]! &= ~(1 << (e & 7))
    this.#marked -= cleared.length
    await this.#writeClears()
    return cleared.length
  }

  /** Clears every mark durably: called only when data and checksums are both synced and no change is under way. */
  async clear (): Promise<void> {
    this.#bits.fill(0)
    this.#marked = 0
    await this.#writeClears()
  }

  /** Writes bitmap bytes lo..hi-1 and fdatasyncs, once no clearing write is under way. */
  async #writeMarks (lo: number, hi: number): Promise<void> {
    while (this.#clearing !== undefined) await this.#clearing.catch(() => {})
    this.#markWrites++
    try {
      await this.#write(lo, hi)
    } finally {
      if (--this.#markWrites === 0) for (const wake of this.#marksDone.splice(0)) wake()
    }
  }

  /** Writes the whole bitmap and fdatasyncs once no mark write is under way; one clearing write at a time. */
  async #writeClears (): Promise<void> {
    while (this.#clearing !== undefined) await this.#clearing.catch(() => {})
    const clearing = (async () => {
      while (this.#markWrites > 0) await new Promise<void>(resolve => { this.#marksDone.push(resolve) })
      await this.#write(0, this.#bits.length)
    })()
    this.#clearing = clearing
    try {
      await clearing
    } finally {
      if (this.#clearing === clearing) this.#clearing = undefined
    }
  }

  async #write (lo: number, hi: number): Promise<void> {
    await this.#file.write(this.#bits, lo, hi - lo, lo)
    await this.#file.datasync()
    this.#onSync()
  }

  /** Whether a change into extent `e` looks sequential: the extent before changed lately, or is being marked; the next ones are likely to come. */
  #sequentialInto (e: number): boolean {
    if (e === 0) return false
    return (this.#has(e - 1) && this.#touched[e - 1]! > this.#seq - SEQUENTIAL_WITHIN) || this.#marking.has(e - 1)
  }

  #mark (e: number): void {
    this.#bits[e >> 3]! |= 1 << (e & 7)
    this.#marked++
  }

  #has (e: number): boolean {
    return (this.#bits[e >> 3]! & (1 << (e & 7))) !== 0
  }
}
