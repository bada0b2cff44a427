/**
 * Whole-buffer positional I/O on the data file: pread and pwrite may move
 * fewer bytes than asked, and a short read past a sparse file's data is zeroes.
 */
import { writeSync } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import type { Logger } from 'pino'
import { KiB, MiB } from './geometry.ts'

/** Largest zero buffer written at once for NO_HOLE and partial zeroing. */
const ZERO_CHUNK = 1 * MiB // bytes

/** Fills buf from position, zeroes past the end of the file. */
export async function preadFully (fh: FileHandle, buf: Buffer, position: number): Promise<void> {
  let done = 0
  while (done < buf.length) {
    const { bytesRead } = await fh.read(buf, done, buf.length - done, position + done)
    if (bytesRead === 0) { buf.fill(0, done); return }
    done += bytesRead
  }
}

/** Writes all of data at position. */
export async function pwriteFully (fh: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0
  while (done < data.length) {
    const { bytesWritten } = await fh.write(data, done, data.length - done, position + done)
    done += bytesWritten
  }
}

/** Writes all of data at position, by whatever means the caller chose. */
export type PutData = (data: Uint8Array, position: number) => Promise<void>

/** Writes length zero bytes at position, in chunks of at most ZERO_CHUNK. */
export async function writeZeroBytes (put: PutData, position: number, length: number): Promise<void> {
  const zeros = Buffer.alloc(Math.min(length, ZERO_CHUNK))
  for (let done = 0; done < length; done += zeros.length) {
    await put(zeros.subarray(0, Math.min(zeros.length, length - done)), position + done)
  }
}

/**
 * Largest single pwrite into the data file. The page cache gives a buffered
 * write a folio as large as the write (ext4 from Linux 6.16, XFS before it),
 * and every later write into that folio walks all of its buffer heads: here a
 * 4 KiB pwrite into a file filled by 1 MiB writes costs ~37 µs of kernel CPU,
 * into one filled by 64 KiB writes ~7.5, by 4 KiB writes ~5.5, while filling
 * in 64 KiB pieces costs ~60 ms more per GiB than in 1 MiB ones
 * (docs/benchmarks.md). Every write is cut into pieces of at most this.
 */
export const WRITE_PIECE_MAX = 64 * KiB // bytes
/**
 * An inline write slower than this sends writes to the thread pool for a
 * while: the kernel held the thread (throttling dirty pages, say) or took
 * the CPU away.
 */
const INLINE_STALL_MS = 2
/**
 * How long writes go to the pool after a stall: INLINE_PAUSE_MIN_MS, doubled
 * for a stall within INLINE_ESCALATE_MS of the last pause's end (up to
 * INLINE_PAUSE_MAX_MS), and back to the least after a stall that came later.
 * Most stalls are the CPU taken away by another process (13 of 14 in a probe
 * on 2026-12-04), one now and then: a second-long pause after each sent most
 * of a primary's random writes through the pool, at a hand-off each way, in
 * the volumes bench (2026-12-06). A kernel throttling dirty pages holds every
 * inline write, so the pause grows to a second within five stalls, and the
 * loop then stalls about once a second.
 */
const INLINE_PAUSE_MIN_MS = 100
const INLINE_PAUSE_MAX_MS = 1000
const INLINE_ESCALATE_MS = 250
/**
 * Stalls are warned of at most once per this, with how many there were
 * since: under a long copy they come once a second, and most are the CPU
 * taken away, not a fault (docs/volumes-nbd.md).
 */
const STALL_WARN_EVERY_MS = 60_000

/** How a store's changes reach its data file: a DataWriter, or one wrapped (SparseFileStoreComponents.dataWrites). */
export interface DataWrites {
  canWriteDurably: (length: number) => boolean
  pick: (durable: boolean) => PutData
  /** Writes data at position on the event loop's thread and says true, or writes nothing and says false (writes go through the pool for now); absent: never. */
  putNow?: (data: Uint8Array, position: number) => boolean
  close: () => Promise<void>
}

/** What a DataWriter writes through, and how it reports. */
export interface DataWriterInit {
  /** The data file opened O_DSYNC (writable stores): its writes are durable when they return. The writer closes it. */
  sync?: FileHandle
  log?: Logger
  /** ms on a monotonic clock; tests hand in a virtual one. */
  now?: () => number
}

/**
 * How a change's bytes reach the data file (`pick`): through the O_DSYNC
 * handle when they must be durable on return (a FUA write of at most one
 * piece that owes no table sync), else inline, in pieces of at most
 * WRITE_PIECE_MAX. Inline, a piece goes into the page cache on the event
 * loop's thread (pwrite, a few µs for 4 KiB, ~16 µs for 64 KiB): through
 * the pool it costs a hand-off each way, ~50–100 µs on this VM and more CPU
 * than the copy itself (the submission alone, a mutex and a futex wake of a
 * pool thread, was ~28 µs of the loop's time per 4 KiB write in a profile of
 * the volumes bench), on the critical path of every replicated write. That
 * holds beside other requests too: they wait behind it, not the hand-off;
 * and for large writes, which measured faster inline in pieces than in
 * pieces through the pool. An inline piece blocks the loop when the kernel
 * holds the thread (throttling dirty pages, say) or gives the CPU to
 * another; one that takes longer than INLINE_STALL_MS sends every piece to
 * the pool for a pause (INLINE_PAUSE_MIN_MS, growing to a second while
 * stalls persist), so the loop stalls at most once a pause (warned of at
 * most once a minute). Never inline on the O_DSYNC handle, whose writes
 * wait for the disk.
 */
export class DataWriter implements DataWrites {
  readonly #fh: FileHandle
  readonly #sync: FileHandle | undefined
  readonly #log: Logger | undefined
  readonly #now: () => number
  #pausedUntil = -Infinity
  #pauseMs = INLINE_PAUSE_MIN_MS
  /** Inline writes that stalled, each followed by a pause. */
  stalls = 0
  #warnedAt = -Infinity
  #stallsWarned = 0

  constructor (fh: FileHandle, init: DataWriterInit = {}) {
    this.#fh = fh
    this.#sync = init.sync
    this.#log = init.log
    this.#now = init.now ?? (() => performance.now())
  }

  /**
   * Whether a write of this many bytes can be made durable on return (a
   * writable store's O_DSYNC handle, one piece): a larger one would be one
   * disk wait per piece, and is written inline and synced once instead.
   */
  canWriteDurably (length: number): boolean { return this.#sync !== undefined && length <= WRITE_PIECE_MAX }

  /** The put for one change: `durable` needs canWriteDurably. */
  pick (durable: boolean): PutData {
    return durable ? this.#durable : this.put
  }

  async close (): Promise<void> {
    await this.#sync?.close().catch(() => {})
  }

  readonly #pooled: PutData = async (data, position) => { await pwriteFully(this.#fh, data, position) }

  readonly #durable: PutData = async (data, position) => { await pwriteFully(this.#sync!, data, position) }

  /**
   * In pieces, each inline unless paused after a stall; then through the
   * pool, all at once: one after another, a 1 MiB write paid sixteen
   * hand-offs in series (during a copy onto a volume, which stalls about
   * once a second, most pieces went that way).
   */
  readonly put: PutData = async (data, position) => {
    let pooled: Array<Promise<void>> | undefined
    for (let done = 0; done < data.length; done += WRITE_PIECE_MAX) {
      const piece = data.subarray(done, Math.min(data.length, done + WRITE_PIECE_MAX))
      if (this.#now() < this.#pausedUntil) (pooled ??= []).push(this.#pooled(piece, position + done))
      else this.#inline(piece, position + done)
    }
    if (pooled !== undefined) await Promise.all(pooled)
  }

  /**
   * put of one piece when it would go inline: done on return, for a change
   * made in one synchronous step. False, with nothing written, for a larger
   * write (whose later pieces go to the pool if an earlier one stalls) or
   * while paused.
   */
  putNow (data: Uint8Array, position: number): boolean {
    if (data.length > WRITE_PIECE_MAX || this.#now() < this.#pausedUntil) return false
    this.#inline(data, position)
    return true
  }

  #inline (piece: Uint8Array, position: number): void {
    const start = this.#now()
    let done = 0
    while (done < piece.length) done += writeSync(this.#fh.fd, piece, done, piece.length - done, position + done)
    const took = this.#now() - start
    if (took <= INLINE_STALL_MS) return
    this.stalls++
    this.#pauseMs = start - this.#pausedUntil < INLINE_ESCALATE_MS ? Math.min(INLINE_PAUSE_MAX_MS, this.#pauseMs * 2) : INLINE_PAUSE_MIN_MS
    this.#pausedUntil = start + took + this.#pauseMs
    const fields = { ms: Math.round(took * 10) / 10, pauseMs: this.#pauseMs, stallsSinceLastWarning: this.stalls - this.#stallsWarned }
    const message = 'an inline data write stalled (the kernel held the thread or took the CPU away): writes go through the thread pool for a while'
    if (start - this.#warnedAt < STALL_WARN_EVERY_MS) { this.#log?.debug(fields, message); return }
    this.#warnedAt = start
    this.#stallsWarned = this.stalls
    this.#log?.warn(fields, message)
  }
}
