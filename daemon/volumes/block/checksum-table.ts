/**
 * The checksum table: per checksum block, a state and the CRC-32 of its
 * content, held in memory and written through to the `checksums` file
 * (8 bytes a block: u32 LE crc, u32 LE state). A never-written or zeroed block
 * is state ZERO and reads as zeroes without touching the data file; that is
 * how trim and write-zeroes are cheap without a hole-punching syscall.
 */
import type { FileHandle } from 'node:fs/promises'

/** Bytes per table entry. */
export const ENTRY_BYTES = 8

/** Entry states. */
export const BlockState = { zero: 0, data: 1 } as const

/** In-memory checksum table backed by a file. */
export class ChecksumTable {
  readonly crcs: Uint32Array
  readonly states: Uint8Array
  readonly blocks: number
  private readonly file: FileHandle

  constructor (file: FileHandle, blocks: number) {
    this.file = file
    this.blocks = blocks
    this.crcs = new Uint32Array(blocks)
    this.states = new Uint8Array(blocks)
  }

  /** Loads every entry from the file; returns the index of the first entry with an unknown state, or -1. */
  async load (): Promise<number> {
    const buf = Buffer.alloc(this.blocks * ENTRY_BYTES)
    await this.file.read(buf, 0, buf.length, 0)
    for (let b = 0; b < this.blocks; b++) {
      this.crcs[b] = buf.readUInt32LE(b * ENTRY_BYTES)
      const state = buf.readUInt32LE(b * ENTRY_BYTES + 4)
      if (state !== BlockState.zero && state !== BlockState.data) return b
      this.states[b] = state
    }
    return -1
  }

  /** Writes entries first..last to the file (not synced). */
  async persist (first: number, last: number): Promise<void> {
    const buf = Buffer.allocUnsafe((last - first + 1) * ENTRY_BYTES)
    for (let b = first; b <= last; b++) {
      buf.writeUInt32LE(this.crcs[b]!, (b - first) * ENTRY_BYTES)
      buf.writeUInt32LE(this.states[b]!, (b - first) * ENTRY_BYTES + 4)
    }
    await this.file.write(buf, 0, buf.length, first * ENTRY_BYTES)
  }

  set (block: number, state: number, crc: number): void {
    this.states[block] = state
    this.crcs[block] = crc
  }
}
