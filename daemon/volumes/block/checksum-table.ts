/**
 * The checksum table: per checksum block, a state and the CRC-32 of its
 * content, held in memory and written to the `checksums` file (8 bytes a
 * block: u32 LE crc, u32 LE state) only right before that file is synced:
 * until then the activity log covers every entry that changed, and a write
 * path without a table pwrite is one thread-pool job shorter. A block that
 * reads as zeroes is ZERO (its bytes in the data file are zeroes too: never
 * written, a hole) or TRIMMED (trimmed or zeroed after it held data; the
 * bytes under it are stale): either is read without touching the data file,
 * which is how trim and write-zeroes are cheap without a hole-punching
 * syscall. The difference is what crash recovery can rebuild: a ZERO block
 * found holding bytes was written (docs/volumes-nbd.md).
 */
import type { FileHandle } from 'node:fs/promises'

/** Bytes per table entry. */
export const ENTRY_BYTES = 8

/** Table entries per dirty-tracking page: 4 KiB of file. */
const PAGE_ENTRIES = 512

/** Entry states. */
export const BlockState = { zero: 0, data: 1, trimmed: 2 } as const

/** Whether a block in this state reads as zeroes. */
export function readsZero (state: number): boolean { return state !== BlockState.data }

/**
 * Whether a block's change of state from `was` to `now` is one crash
 * recovery could not rebuild from the data file: every change but a zero
 * block's filling, whose bytes were zeroes before it (recovery.ts).
 */
export function changedBeyondRecovery (was: number, now: number): boolean {
  return was !== now && !(was === BlockState.zero && now === BlockState.data)
}

/** In-memory checksum table backed by a file. */
export class ChecksumTable {
  readonly crcs: Uint32Array
  readonly states: Uint8Array
  readonly blocks: number
  private readonly file: FileHandle
  /** Pages of the file whose entries changed in memory since they were last written. */
  private dirty = new Set<number>()
  /**
   * The table's writes, in turn. Each takes its entries as they are when its
   * turn comes, not when it was asked for: two writes of one entry in the
   * thread pool at once could land in either order, and a table sync's older
   * copy of a page landing after a state change's write-through put the file
   * back to a state the store had left (a block written into a hole read back
   * as zeroes after a crash, or after a restart).
   */
  private writing: Promise<void> = Promise.resolve()

  constructor (file: FileHandle, blocks: number) {
    this.file = file
    this.blocks = blocks
    this.crcs = new Uint32Array(blocks)
    this.states = new Uint8Array(blocks)
  }

  /** Loads every entry from the file; returns the index of the first entry with an unknown state, or -1. `legacy`: a format 1 table. */
  async load (legacy = false): Promise<number> {
    const buf = Buffer.alloc(this.blocks * ENTRY_BYTES)
    await this.file.read(buf, 0, buf.length, 0)
    for (let b = 0; b < this.blocks; b++) {
      this.crcs[b] = buf.readUInt32LE(b * ENTRY_BYTES)
      const state = buf.readUInt32LE(b * ENTRY_BYTES + 4)
      if (state !== BlockState.zero && state !== BlockState.data && state !== BlockState.trimmed) return b
      // A format 1 store had one zero state for both: its zero blocks may hold stale bytes.
      this.states[b] = legacy && state === BlockState.zero ? BlockState.trimmed : state
    }
    return -1
  }

  /** Writes entries first..last to the file (not synced), as they are when the writes before it are done. */
  async persist (first: number, last: number): Promise<void> {
    const turn = this.writing.catch(() => {}).then(async () => {
      const buf = Buffer.allocUnsafe((last - first + 1) * ENTRY_BYTES)
      for (let b = first; b <= last; b++) {
        buf.writeUInt32LE(this.crcs[b]!, (b - first) * ENTRY_BYTES)
        buf.writeUInt32LE(this.states[b]!, (b - first) * ENTRY_BYTES + 4)
      }
      await this.file.write(buf, 0, buf.length, first * ENTRY_BYTES)
    })
    this.writing = turn
    await turn
  }

  /** Notes that entries first..last changed in memory; writeDirty() writes them. */
  touch (first: number, last: number): void {
    for (let p = Math.floor(first / PAGE_ENTRIES); p <= Math.floor(last / PAGE_ENTRIES); p++) this.dirty.add(p)
  }

  /** Writes every page touched before this call (not synced), contiguous pages in one write. */
  async writeDirty (): Promise<void> {
    if (this.dirty.size === 0) return
    const pages = [...this.dirty].sort((a, b) => a - b)
    this.dirty = new Set()
    try {
      for (let i = 0; i < pages.length;) {
        let j = i
        while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++
        await this.persist(pages[i]! * PAGE_ENTRIES, Math.min(this.blocks, (pages[j]! + 1) * PAGE_ENTRIES) - 1)
        i = j + 1
      }
    } catch (err) {
      // Not written: they stay dirty for the next sync.
      for (const p of pages) this.dirty.add(p)
      throw err
    }
  }

  set (block: number, state: number, crc: number): void {
    this.states[block] = state
    this.crcs[block] = crc
  }
}
