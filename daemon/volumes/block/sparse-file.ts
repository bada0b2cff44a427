/**
 * SparseFileStore: a thin, fixed-size volume in one sparse file, with a
 * CRC-32 per checksum block in a table beside it, an activity log that makes
 * crash recovery touch only recently written extents, and a persisted
 * generation that fences deposed writers. Layout and reasoning:
 * docs/volumes-nbd.md.
 *
 *   write ─▶ admit generation ─▶ mark extent (AL) ─▶ lock blocks ─▶ table entry (memory) ─▶ pwrite data ─▶ [FUA: fdatasync data, and the table only if a block's state changed unsynced]
 *   flush ─▶ fdatasync data, and the table only if some block's state changed unsynced or the log must settle
 *   table sync (flush or FUA over a state change, close, background) ─▶ pwrite changed table pages ─▶ fdatasync table ─▶ unmark idle extents
 *   read  ─▶ lock blocks ─▶ pread whole blocks ─▶ verify CRC ─▶ slice
 */
import type { FileHandle } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import type { Logger } from 'pino'
import { ActivityLog } from './activity-log.ts'
import { writeBlocks, zeroBlocks, type ChangeTarget, type ChangeWrites } from './block-changes.ts'
import { DataWriter, preadFully, type DataWrites, type PutData } from './data-file.ts'
import { EXTENT_SIZE, MIN_BLOCK_SIZE } from './geometry.ts'
import { BlockState, ChecksumTable, changedBeyondRecovery, readsZero } from './checksum-table.ts'
import { ChecksumMismatchError, StoreClosedError, StoreReadOnlyError } from './errors.ts'
import { BlockLocks } from './locks.ts'
import { TableSync } from './table-sync.ts'
import type { BlockMeta } from './meta.ts'
import { GenerationFence } from './generation-fence.ts'
import type { StoreFiles } from './open-store.ts'
import { blocksOf, checkRange } from './range.ts'
import { recoverStore } from './recovery.ts'
import type { BlockChecksums, BlockStore, BlockStoreStats, ChangeOptions, ZeroOptions } from './types.ts'

export { MIN_BLOCK_SIZE, DEFAULT_BLOCK_SIZE, BLOCK_SIZE_RANGE, EXTENT_SIZE } from './geometry.ts'

/** Blocks with an unsynced state change past which a write starts a table sync in the background, so that map stays small (as DEFAULT_ACTIVITY_LOG_EXTENTS bounds marked extents, open-store.ts). */
const UNSYNCED_STATES_SOFT_LIMIT = 65536 // blocks

/** What a change made in one synchronous step returns: settled, so awaiting it costs no promise of the store's. */
const DONE: Promise<void> = Promise.resolve()

/** What a SparseFileStore uses. */
export interface SparseFileStoreComponents {
  logger?: Logger
  /**
   * Wraps the store's data writes: crash tests hold a write back to take the
   * files as a kill in the middle of it would leave them.
   */
  dataWrites?: (writer: DataWriter) => DataWrites
}

/** A BlockStore in a sparse file; open it with openSparseFileStore (open-store.ts). */
export class SparseFileStore implements BlockStore {
  readonly size: number
  readonly minBlockSize = MIN_BLOCK_SIZE
  readonly preferredBlockSize: number
  readonly readOnly: boolean
  readonly dir: string
  private readonly meta: BlockMeta
  private readonly data: FileHandle
  private readonly writer: DataWrites
  private readonly tableFile: FileHandle
  private readonly activityFile: FileHandle
  private readonly table: ChecksumTable
  private readonly al: ActivityLog
  private readonly locks = new BlockLocks()
  private readonly log: Logger | undefined
  private readonly zeroCrc: (length: number) => number
  private readonly generations: GenerationFence
  private readonly tableSync: TableSync
  private readonly alLimit: number
  private settling: Promise<void> | undefined
  private inFlight = 0
  private idle: (() => void) | undefined
  private closing: Promise<void> | undefined
  /** What the change bodies (block-changes.ts) work on. */
  private readonly target: ChangeTarget
  private readonly counters: BlockStoreStats = { reads: 0, writes: 0, zeroes: 0, flushes: 0, fdatasyncs: 0, bytesRead: 0, bytesWritten: 0 }

  constructor (components: SparseFileStoreComponents, files: StoreFiles) {
    this.dir = files.dir
    this.meta = { ...files.meta }
    this.size = files.meta.size
    this.preferredBlockSize = files.meta.blockSize
    this.readOnly = files.readOnly
    this.data = files.data
    this.tableFile = files.table
    this.activityFile = files.activity
    this.log = components.logger?.child({ component: 'block-store', dir: files.dir })
    this.generations = new GenerationFence(files.dir, this.meta, { onSync: n => { this.counters.fdatasyncs += n }, log: this.log })
    const writer = new DataWriter(files.data, { sync: files.dataSync, log: this.log })
    this.writer = components.dataWrites?.(writer) ?? writer
    this.table = new ChecksumTable(files.table, Math.ceil(this.size / this.preferredBlockSize))
    this.alLimit = files.alLimit
    this.tableSync = new TableSync(this.table, files.table, () => { this.counters.fdatasyncs++ })
    this.al = new ActivityLog(files.activity, Math.ceil(this.size / EXTENT_SIZE), () => { this.counters.fdatasyncs++ })
    this.target = { table: this.table, extentOf: b => this.extentOf(b), readVerified: async b => await this.readVerified(b) }
    const full = crc32(Buffer.alloc(this.preferredBlockSize))
    this.zeroCrc = length => length === this.preferredBlockSize ? full : crc32(Buffer.alloc(length))
  }

  get generation (): number { return this.generations.durable }

  /** Extents the activity log marks now: what recovery would re-checksum after a crash. */
  get markedExtents (): number { return this.al.marked }

  /** Loads the table and, after a crash, re-checksums the extents the activity log marks; upgrades a format 1 store. */
  async recover (): Promise<void> {
    await recoverStore({
      dir: this.dir,
      table: this.table,
      al: this.al,
      data: this.data,
      meta: this.meta,
      readOnly: this.readOnly,
      log: this.log,
      syncTable: async () => { await this.sync(this.tableFile) }
    })
  }

  async read (offset: number, length: number, into?: Buffer): Promise<Buffer> {
    return await this.op(async () => {
      checkRange(offset, length, this.size, MIN_BLOCK_SIZE)
      this.counters.reads++
      if (length === 0) return Buffer.alloc(0)
      const bs = this.preferredBlockSize
      const { first, last } = blocksOf(offset, length, bs)
      const held = this.locks.acquire(first, last)
      const release = typeof held === 'function' ? held : await held
      try {
        const start = first * bs
        const spanLength = Math.min(this.size, (last + 1) * bs) - start
        // The caller's buffer when the range is whole blocks, as a rebuild's chunks are.
        const span = into !== undefined && offset === start && into.length === spanLength && length === spanLength ? into : Buffer.allocUnsafe(spanLength)
        let anyData = false
        for (let b = first; b <= last; b++) if (this.table.states[b] === BlockState.data) { anyData = true; break }
        if (anyData) await preadFully(this.data, span, start)
        for (let b = first; b <= last; b++) {
          const block = span.subarray((b - first) * bs, (b - first + 1) * bs)
          if (readsZero(this.table.states[b]!)) block.fill(0)
          else if (crc32(block) !== this.table.crcs[b]) throw new ChecksumMismatchError(b, `checksum mismatch in block ${b} (bytes ${b * bs}..${b * bs + block.length - 1}) of ${this.dir}`)
        }
        this.counters.bytesRead += length
        return span.subarray(offset - start, offset - start + length)
      } finally {
        release()
      }
    })
  }

  write (offset: number, data: Uint8Array, options: ChangeOptions): Promise<void> {
    return this.writeNow(offset, data, options) ?? this.change(offset, data.length, options, true, async (first, last, put) => {
      this.counters.writes++
      const writes = await writeBlocks(this.target, first, last, offset, data, put)
      this.counters.bytesWritten += data.length
      return writes
    })
  }

  /**
   * A write made in one synchronous step, with none of the change path's
   * promises (a replicated 4 KiB write passed a dozen, and the collector
   * took a quarter of the primary's time under random writes): when it is
   * not FUA, covers whole blocks none of them trimmed (so no state changes
   * beyond recovery and nothing to read first), goes inline in one piece,
   * its extents are durably marked, no request holds its blocks, and its
   * generation is the durable one. Each step of the change path then
   * happens in the same order, with nothing to wait for. Gives undefined,
   * having changed nothing, when it does not qualify (the change path runs
   * it, and reports any bad request); else a settled promise.
   */
  private writeNow (offset: number, data: Uint8Array, options: ChangeOptions): Promise<void> | undefined {
    const length = data.length
    const bs = this.preferredBlockSize
    const writer = this.writer
    if (options.fua === true || this.closing !== undefined || this.readOnly || length === 0 || writer.putNow === undefined) return undefined
    if (!this.generations.admitsNow(options.generation)) return undefined
    // (Past the end, size - offset is negative and below any length.)
    if (!Number.isSafeInteger(offset) || offset < 0 || offset % bs !== 0 || length > this.size - offset) return undefined
    if (length % bs !== 0 && offset + length !== this.size) return undefined
    const { first, last } = blocksOf(offset, length, bs)
    const states = this.table.states
    for (let b = first; b <= last; b++) if (states[b] === BlockState.trimmed) return undefined
    const perExtent = EXTENT_SIZE / bs
    const e0 = Math.floor(first / perExtent)
    const e1 = Math.floor(last / perExtent)
    if (!this.al.allMarked(e0, e1) || !this.locks.free(first, last)) return undefined
    try {
      if (!writer.putNow(data, offset)) return undefined
    } catch (err) {
      this.counters.writes++
      const before = states.slice(first, last + 1)
      this.failedFill(first, last)
      this.tableSync.noteChanges(first, last, before)
      this.al.changedNow(e0, e1)
      return Promise.reject(err)
    }
    this.counters.writes++
    if (first === last) this.table.crcs[first] = crc32(data)
    else for (let b = first; b <= last; b++) this.table.crcs[b] = crc32(data.subarray((b - first) * bs, (b - first + 1) * bs))
    states.fill(BlockState.data, first, last + 1)
    this.table.touch(first, last)
    this.al.changedNow(e0, e1)
    this.counters.bytesWritten += length
    // No settle check: such a write marks no extent and changes no state beyond recovery, so neither bound moved.
    return DONE
  }

  async writeZeroes (offset: number, length: number, options: ZeroOptions): Promise<void> {
    await this.change(offset, length, options, false, async (first, last, put) => {
      this.counters.zeroes++
      return await zeroBlocks(this.target, first, last, offset, length, options.noHole === true, put)
    })
  }

  async trim (offset: number, length: number, options: ChangeOptions): Promise<void> {
    // No hole-punching from Node (no fallocate): a trimmed block becomes a zero entry, which reads as zeroes at once.
    await this.writeZeroes(offset, length, { ...options, noHole: false })
  }

  async flush (): Promise<void> {
    await this.op(async () => {
      if (this.readOnly) return
      this.counters.flushes++
      // The FUA rule, for every block at once: while no state change awaits a table sync, recovery rebuilds every
      // CRC the table file lacks from the synced data (their extents stay marked until a table sync covers them).
      if (this.tableSync.pending === 0 && this.al.marked <= this.alLimit) {
        await this.sync(this.data)
        return
      }
      await this.settledFully()
    })
  }

  /** A flush that also syncs the checksum table, so the files on disk agree entry for entry: what a copy of them needs. */
  async checkpoint (): Promise<void> {
    await this.op(async () => {
      if (this.readOnly) return
      this.counters.flushes++
      await this.settledFully()
    })
  }

  async fence (generation: number): Promise<void> {
    await this.op(async () => {
      if (this.readOnly) throw new StoreReadOnlyError()
      await this.generations.admit(generation)
    })
  }

  async checksums (offset: number, length: number): Promise<BlockChecksums> {
    return await this.op(async () => {
      checkRange(offset, length, this.size, MIN_BLOCK_SIZE)
      const bs = this.preferredBlockSize
      if (length === 0) return { blockSize: bs, firstBlock: Math.floor(offset / bs), crcs: new Uint32Array(0) }
      const { first, last } = blocksOf(offset, length, bs)
      const crcs = new Uint32Array(last - first + 1)
      // Zero entries report the CRC of zeroes, so a replica that wrote zeroes and one that trimmed compare equal.
      for (let b = first; b <= last; b++) crcs[b - first] = readsZero(this.table.states[b]!) ? this.zeroCrc(this.extentOf(b).length) : this.table.crcs[b]!
      return { blockSize: bs, firstBlock: first, crcs }
    })
  }

  stats (): BlockStoreStats {
    return { ...this.counters }
  }

  close (): Promise<void> {
    this.closing ??= this.closeOnce()
    return this.closing
  }

  private async closeOnce (): Promise<void> {
    if (this.inFlight > 0) await new Promise<void>(resolve => { this.idle = resolve })
    try {
      if (!this.readOnly) {
        await this.syncBoth()
        await this.al.clear()
      }
    } finally {
      for (const h of [this.data, this.tableFile, this.activityFile]) await h.close().catch(() => {})
      await this.writer.close()
    }
  }

  /**
   * The shared path of every change: checks, fencing, activity log, block
   * locks, the body (table in memory; returns its data writes), the data
   * writes, FUA. The body writes every data byte with `put`: through the
   * O_DSYNC handle for a FUA change of one piece over blocks that are data
   * or zero, their states durable (if it leaves them so or fills zero blocks,
   * nothing but its data needed syncing: recovery tells a filled zero block
   * by its bytes), else through the plain one (DataWriter.pick). `fills`:
   * the change makes its blocks data, stated once its writes have landed.
   */
  private async change (offset: number, length: number, options: ChangeOptions, fills: boolean, body: (first: number, last: number, put: PutData) => Promise<ChangeWrites>): Promise<void> {
    await this.op(async () => {
      if (this.readOnly) throw new StoreReadOnlyError()
      checkRange(offset, length, this.size, MIN_BLOCK_SIZE)
      // Awaited only when a newer generation is being made durable: most changes have nothing to wait for.
      const admitting = this.generations.admit(options.generation)
      if (admitting !== undefined) await admitting
      if (length === 0) {
        if (options.fua === true) await this.sync(this.data)
        return
      }
      const { first, last } = blocksOf(offset, length, this.preferredBlockSize)
      const perExtent = EXTENT_SIZE / this.preferredBlockSize
      const [e0, e1] = [Math.floor(first / perExtent), Math.floor(last / perExtent)]
      let direct = false
      /** A state changed that recovery could not rebuild from the data: it is written through, and synced for FUA. */
      let stateChanged = false
      try {
        const marking = this.al.begin(e0, e1)
        if (marking !== undefined) await marking
        const held = this.locks.acquire(first, last)
        const release = typeof held === 'function' ? held : await held
        const before = this.table.states.slice(first, last + 1)
        // Only over data or zero blocks, their states durable: a change that trims syncs the table after it, as below.
        direct = options.fua === true && this.writer.canWriteDurably(length) && before.every(s => s !== BlockState.trimmed) && !this.tableSync.unsynced(first, last)
        try {
          const writes = await body(first, last, this.writer.pick(direct))
          try {
            if (writes.length === 1) await writes[0]!()
            else await Promise.all(writes.map(async w => { await w() }))
          } catch (err) {
            if (fills) this.failedFill(first, last)
            else this.table.touch(first, last)
            throw err
          }
          // A block going from zero or trimmed to data shows as data to the table's writers (this change's write-through,
          // a table sync's page) only once its bytes are in the file: stated earlier, a kill in between left a data state
          // over the bytes from before a trim, and an acknowledged trim read back as them.
          if (fills) this.table.states.fill(BlockState.data, first, last + 1)
          // A state change is written through at once, so that a crash of this process (not of the machine) loses
          // no acknowledged write. Recovery rebuilds CRCs from the data, and a zero block's filling (its bytes were
          // zeroes): those reach the table file at its next sync; until then this extent's mark covers them.
          for (let b = first; b <= last && !stateChanged; b++) stateChanged = changedBeyondRecovery(before[b - first]!, this.table.states[b]!)
          if (stateChanged) {
            // Left dirty if it fails, so the next table sync writes it.
            try { await this.table.persist(first, last) } catch (err) { this.table.touch(first, last); throw err }
          } else {
            this.table.touch(first, last)
          }
        } finally {
          // Also on failure: the in-memory state may have moved ahead of the table file.
          this.tableSync.noteChanges(first, last, before)
          release()
        }
      } finally {
        this.al.end(e0, e1)
      }
      if (this.al.marked > this.alLimit || this.tableSync.pending > UNSYNCED_STATES_SOFT_LIMIT) this.settleInBackground()
      if (options.fua !== true) return
      // Through O_DSYNC, with the states durable or recoverable: the data is all FUA asks for, and it is on disk.
      if (direct && !stateChanged) { this.counters.fdatasyncs++; return }
      // One fdatasync when recovery can rebuild this change's table entries from the data (its extent stays marked until a table sync).
      if (this.tableSync.unsynced(first, last)) await this.syncBoth()
      else await this.sync(this.data)
    })
  }

  /** After a filling change's data writes failed: some bytes may have landed, so a zero block no longer holds only zeroes. Its page goes with the next table sync. */
  private failedFill (first: number, last: number): void {
    for (let b = first; b <= last; b++) if (this.table.states[b] === BlockState.zero) this.table.states[b] = BlockState.trimmed
    this.table.touch(first, last)
  }

  /** Syncs data and table, then, past the log's bound, unmarks the least recently changed idle extents: the table now covers them. */
  private async syncAndSettle (): Promise<void> {
    const since = await this.syncBoth()
    if (this.al.marked > this.alLimit) await this.al.settle(since, Math.floor(this.alLimit / 2))
  }

  /** syncAndSettle after a background one under way: one table sync after another, waited for, not raced. */
  private async settledFully (): Promise<void> {
    await this.settling
    await this.syncAndSettle()
  }

  /** Starts syncAndSettle unless one is under way; a failure is logged, the next flush or FUA will meet it again. */
  private settleInBackground (): void {
    if (this.settling !== undefined || this.closing !== undefined) return
    this.settling = this.op(async () => { await this.syncAndSettle() })
      .catch((err: unknown) => { this.log?.warn({ err }, 'background checksum table sync failed') })
      .finally(() => { this.settling = undefined })
  }

  /** Runs fn as a tracked request, refused once close() has begun. */
  private async op<T> (fn: () => Promise<T>): Promise<T> {
    if (this.closing !== undefined) throw new StoreClosedError()
    this.inFlight++
    try {
      return await fn()
    } finally {
      if (--this.inFlight === 0) this.idle?.()
    }
  }

  private extentOf (block: number): { start: number, length: number } {
    const start = block * this.preferredBlockSize
    return { start, length: Math.min(this.preferredBlockSize, this.size - start) }
  }

  private async readRaw (block: number): Promise<Buffer> {
    const { start, length } = this.extentOf(block)
    const buf = Buffer.allocUnsafe(length)
    await preadFully(this.data, buf, start)
    return buf
  }

  private async readVerified (block: number): Promise<Buffer> {
    const buf = await this.readRaw(block)
    if (crc32(buf) !== this.table.crcs[block]) throw new ChecksumMismatchError(block)
    return buf
  }

  /** Syncs data and table; returns the activity log's sequence before the syncs, what the table now covers. */
  private async syncBoth (): Promise<number> {
    const since = this.al.sequence
    // Parallel is safe: a crash between the two leaves the extent marked, and recovery re-checksums it.
    await Promise.all([this.sync(this.data), this.tableSync.sync()])
    return since
  }

  private async sync (fh: FileHandle): Promise<void> {
    await fh.datasync()
    this.counters.fdatasyncs++
  }
}
