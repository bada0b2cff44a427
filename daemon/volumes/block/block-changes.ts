/**
 * What a write or a zeroing does to each checksum block it covers, in the
 * table in memory, and which data writes it needs: the body of
 * SparseFileStore's change path (sparse-file.ts runs it under the activity
 * log, the block locks and the FUA rule). A whole block takes the new CRC; a
 * partial one is read and verified first, so no byte of the request lands
 * before that, and a CRC never blesses corruption.
 */
import { crc32 } from 'node:zlib'
import { BlockState, readsZero, type ChecksumTable } from './checksum-table.ts'
import { writeZeroBytes, type PutData } from './data-file.ts'

/** The store's pieces a change body uses. */
export interface ChangeTarget {
  table: ChecksumTable
  /** Where block `b` lies in the volume (the last may be short). */
  extentOf: (b: number) => { start: number, length: number }
  /** Block `b` as the data file holds it, its CRC checked. */
  readVerified: (b: number) => Promise<Buffer>
}

/** A change's data writes, run once the table in memory says what they leave. */
export type ChangeWrites = Array<() => Promise<unknown>>

/**
 * Blocks first..last take `data` at `offset`: their CRCs, and the writes that
 * put it in the data file. The caller states them data once those writes
 * have landed (SparseFileStore's change path: stated earlier, a table write
 * in between could show data over the bytes from before a trim).
 */
export async function writeBlocks (s: ChangeTarget, first: number, last: number, offset: number, data: Uint8Array, put: PutData): Promise<ChangeWrites> {
  const writes: ChangeWrites = [async () => { await put(data, offset) }]
  for (let b = first; b <= last; b++) {
    const { start, length } = s.extentOf(b)
    const from = Math.max(offset, start)
    const to = Math.min(offset + data.length, start + length)
    const part = data.subarray(from - offset, to - offset)
    if (from === start && to === start + length) { s.table.crcs[b] = crc32(part); continue }
    // A partial block: its CRC covers bytes this request does not carry, so merge with what is there.
    const state = s.table.states[b]!
    const merged = readsZero(state) ? Buffer.alloc(length) : await s.readVerified(b)
    merged.set(part, from - start)
    s.table.crcs[b] = crc32(merged)
    // The file under a trimmed block holds stale bytes from before the trim: write the whole block.
    if (state === BlockState.trimmed) writes.push(async () => { await put(merged, start) })
  }
  return writes
}

/** Bytes offset..offset+length of blocks first..last read as zeroes; `noHole` writes the zeroes into the data file too. */
export async function zeroBlocks (s: ChangeTarget, first: number, last: number, offset: number, length: number, noHole: boolean, put: PutData): Promise<ChangeWrites> {
  const writes: ChangeWrites = []
  for (let b = first; b <= last; b++) {
    const { start, length: blockLength } = s.extentOf(b)
    const from = Math.max(offset, start)
    const to = Math.min(offset + length, start + blockLength)
    if (from === start && to === start + blockLength) {
      if (noHole) writes.push(async () => { await writeZeroBytes(put, start, blockLength) })
      // Trimmed even with NO_HOLE: zero would claim the zeroes on disk before they are (a table sync may land first).
      if (s.table.states[b] !== BlockState.zero) s.table.set(b, BlockState.trimmed, 0)
      continue
    }
    if (readsZero(s.table.states[b]!)) continue
    const merged = await s.readVerified(b)
    merged.fill(0, from - start, to - start)
    s.table.crcs[b] = crc32(merged)
    writes.push(async () => { await writeZeroBytes(put, from, to - from) })
  }
  return writes
}
