import type { Entry, Snapshot } from '../../../controller/raft/index.ts'
import { mix } from './hash.ts'

/** Encodes a client write as an entry payload: its id, then `pad` filler bytes. */
export function encodeWrite (id: number, pad = 0): Uint8Array {
  const b = new Uint8Array(4 + pad)
  new DataView(b.buffer).setUint32(0, id, true)
  return b
}

/** The write id an entry carries: -1 for the leader's no-op, -2 for a membership change. */
export function writeId (e: Entry): number {
  if (e.type === 'conf-change') return -2
  if (e.data.byteLength < 4) return -1
  return new DataView(e.data.buffer, e.data.byteOffset, 4).getUint32(0, true)
}

/**
 * The simulated state machine: the ordered list of write ids, and a hash
 * chained over everything applied. Two nodes that applied the same entries
 * have the same hash at every index.
 */
export class WriteLog {
  index = 0
  hash = 0
  writes: number[] = []

  apply (e: Entry): void {
    this.index = e.index
    const id = writeId(e)
    if (id >= 0) this.writes.push(id)
    this.hash = mix(this.hash, id + 3)
  }

  /** The state as snapshot data: index, hash, count, ids (little-endian u32s). */
  snapshot (): Uint8Array {
    const words = new Uint32Array(3 + this.writes.length)
    words[0] = this.index
    words[1] = this.hash
    words[2] = this.writes.length
    words.set(this.writes, 3)
    return new Uint8Array(words.buffer)
  }

  /** The state held by a snapshot (empty data: the empty state at that index). */
  static restore (snap: Snapshot): WriteLog {
    const m = new WriteLog()
    m.index = snap.index
    if (snap.data.byteLength >= 12) {
      const copy = new Uint8Array(snap.data)
      const words = new Uint32Array(copy.buffer, 0, copy.byteLength / 4)
      m.hash = words[1]!
      m.writes = Array.from(words.subarray(3, 3 + words[2]!))
    }
    return m
  }
}
