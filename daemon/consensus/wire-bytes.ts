import { BadRaftMessageError } from './errors.ts'

/**
 * Protobuf's byte-level forms, for the codec's hand-written paths: what
 * protobufjs would do field by field, without building its messages.
 * Malformed input throws BadRaftMessageError.
 */

const EMPTY = new Uint8Array(0)

/** Bytes of n (below 2^53) as a varint. */
export function varintSize (n: number): number {
  let size = 1
  for (; n >= 128; n = Math.floor(n / 128)) size++
  return size
}

/** Writes n (below 2^53) as a varint at `at`; returns where it ends. */
export function writeVarint (out: Uint8Array, at: number, n: number): number {
  for (; n >= 128; n = Math.floor(n / 128)) out[at++] = (n % 128) | 128
  out[at++] = n
  return at
}

/** A varint of up to eight bytes at cursor.at, moving the cursor past it; exact below 2^53. */
export function readVarint (bytes: Uint8Array, cursor: { at: number }): number {
  let value = 0
  for (let shift = 1; shift < 2 ** 56; shift *= 128) {
    if (cursor.at >= bytes.byteLength) throw new BadRaftMessageError('varint runs past the end of the message')
    const b = bytes[cursor.at++]!
    value += (b & 127) * shift
    if (b < 128) return value
  }
  throw new BadRaftMessageError('varint too long')
}

/**
 * Splits a protobuf message into the values of one length-delimited field
 * (`tag`: its number << 3 | 2; a repeated field has one value per
 * occurrence) and the bytes of its other fields, walking the fields without
 * decoding them. `copy`: the values are views into one copy of the stretch
 * they span (a received frame is not pinned by what outlives it); else views
 * into `bytes`.
 */
export function splitField (bytes: Uint8Array, tag: number, copy: boolean): { rest: Uint8Array, values: Uint8Array[] } {
  const values: Uint8Array[] = []
  const others: Array<[number, number]> = []
  const cursor = { at: 0 }
  while (cursor.at < bytes.byteLength) {
    const start = cursor.at
    const key = readVarint(bytes, cursor)
    switch (key & 7) {
      case 0: readVarint(bytes, cursor); break
      case 1: cursor.at += 8; break
      case 5: cursor.at += 4; break
      case 2: {
        const length = readVarint(bytes, cursor)
        const from = cursor.at
        cursor.at += length
        if (cursor.at > bytes.byteLength) throw new BadRaftMessageError('field runs past the end of the message')
        if (key === tag) {
          values.push(bytes.subarray(from, cursor.at))
          continue
        }
        break
      }
      default: throw new BadRaftMessageError(`unsupported wire type ${key & 7}`)
    }
    if (cursor.at > bytes.byteLength) throw new BadRaftMessageError('field runs past the end of the message')
    const last = others[others.length - 1]
    if (last !== undefined && last[1] === start) last[1] = cursor.at
    else others.push([start, cursor.at])
  }
  if (values.length === 0) return { rest: bytes, values }
  if (copy) copyOut(bytes, values)
  // The usual case (our encoder): the other fields first, in one piece.
  if (others.length <= 1) return { rest: others.length === 0 ? EMPTY : bytes.subarray(others[0]![0], others[0]![1]), values }
  return { rest: Buffer.concat(others.map(([s, e]) => bytes.subarray(s, e))), values }
}

/** Replaces views into `bytes` by views into ONE copy of the stretch they span: one allocation, not one per value. */
function copyOut (bytes: Uint8Array, views: Uint8Array[]): void {
  const from = views[0]!.byteOffset
  const last = views[views.length - 1]!
  const to = last.byteOffset + last.byteLength
  const copy = new Uint8Array(bytes.subarray(from - bytes.byteOffset, to - bytes.byteOffset))
  for (let i = 0; i < views.length; i++) views[i] = copy.subarray(views[i]!.byteOffset - from, views[i]!.byteOffset - from + views[i]!.byteLength)
}
