/**
 * The frames of `/trellis/blob/1`. Each frame travels inside a 32-bit length
 * prefix (daemon/network frames.ts) and is a fixed big-endian header, then a
 * variable tail. Binary rather than protobuf for the reason the replica
 * protocol gives: an answer is a few bytes and a 4 MiB chunk, and copying the
 * chunk through a message object would cost more than the header saves.
 *
 * request  = kind:u8(1) op:u8 id:u32 index:u32 digest:32 bytes        (42 bytes exactly)
 * response = kind:u8(2) op:u8 id:u32 status:u8 codeLen:u8 code payload
 *
 * op chunk: the payload is chunk `index` of the blob. op have: the payload is
 * a bitmap of the chunks the node holds, bit i = byte i>>3, mask 0x80>>(i&7).
 */
import { CHUNK_SIZE } from './digest.ts'
import { BadBlobFrameError } from './errors.ts'

/** The protocol id on the Transport. */
export const BLOB_PROTOCOL = '/trellis/blob/1'

const KIND_REQUEST = 1
const EMPTY = Buffer.alloc(0)
const KIND_RESPONSE = 2
const DIGEST_BYTES = 32
/** Bytes of every request frame. */
export const REQUEST_BYTES = 10 + DIGEST_BYTES
const RESPONSE_HEAD = 8 // bytes before the error code
const MAX_CODE = 64 // bytes
/** Largest request frame a server accepts: a request is fixed-size, so a peer cannot make it buffer more. */
export const MAX_REQUEST_FRAME = REQUEST_BYTES
/** Largest answer frame a fetcher accepts: a whole chunk plus header room. */
export const MAX_RESPONSE_FRAME = CHUNK_SIZE + RESPONSE_HEAD + MAX_CODE

/** What a fetcher asks of a holder. */
export const BlobOp = {
  /** One chunk's bytes. */
  chunk: 1,
  /** Which chunks of the blob the holder has. */
  have: 2
} as const
export type BlobOpCode = typeof BlobOp[keyof typeof BlobOp]

/** One request. */
export interface BlobRequest {
  id: number
  op: BlobOpCode
  /** The blob's digest as 64 hex digits. */
  hex: string
  /** The chunk wanted (0 for have). */
  index: number
}

/** One answer. */
export interface BlobResponse {
  id: number
  op: BlobOpCode
  /** '' when the request succeeded, else a stable code (ERR_UNKNOWN_BLOB, ERR_MISSING_CHUNK, ERR_BLOB_INTERNAL). */
  error: string
  payload: Buffer
}

export function encodeRequest (r: BlobRequest): Buffer {
  const out = Buffer.allocUnsafe(REQUEST_BYTES)
  out.writeUInt8(KIND_REQUEST, 0)
  out.writeUInt8(r.op, 1)
  out.writeUInt32BE(r.id, 2)
  out.writeUInt32BE(r.index, 6)
  out.write(r.hex, 10, DIGEST_BYTES, 'hex')
  return out
}

/** Decodes a request frame; throws BadBlobFrameError for anything a correct fetcher would not send. */
export function decodeRequest (b: Buffer): BlobRequest {
  if (b.length !== REQUEST_BYTES || b.readUInt8(0) !== KIND_REQUEST) throw new BadBlobFrameError('not a blob request')
  const op = b.readUInt8(1)
  if (op !== BlobOp.chunk && op !== BlobOp.have) throw new BadBlobFrameError(`unknown op ${op}`)
  const index = b.readUInt32BE(6)
  if (op === BlobOp.have && index !== 0) throw new BadBlobFrameError('a have request names no chunk')
  return { id: b.readUInt32BE(2), op, index, hex: b.toString('hex', 10, REQUEST_BYTES) }
}

export function encodeResponse (r: BlobResponse): Buffer {
  const code = Buffer.from(r.error, 'utf8').subarray(0, MAX_CODE)
  const out = Buffer.allocUnsafe(RESPONSE_HEAD + code.length + r.payload.byteLength)
  out.writeUInt8(KIND_RESPONSE, 0)
  out.writeUInt8(r.op, 1)
  out.writeUInt32BE(r.id, 2)
  out.writeUInt8(r.error === '' ? 0 : 1, 6)
  out.writeUInt8(code.length, 7)
  code.copy(out, RESPONSE_HEAD)
  out.set(r.payload, RESPONSE_HEAD + code.length)
  return out
}

/**
 * An answer as two buffers to write back to back: the frame's length prefix
 * with the header, then the payload as it is, so a 4 MiB chunk is not copied
 * into a frame on its way out.
 */
export function responseFrame (r: BlobResponse): [Buffer, Buffer] {
  const head = encodeResponse({ ...r, payload: EMPTY })
  const prefix = Buffer.allocUnsafe(4 + head.length)
  prefix.writeUInt32BE(head.length + r.payload.byteLength, 0)
  head.copy(prefix, 4)
  return [prefix, r.payload]
}

/** Decodes an answer frame; throws BadBlobFrameError when it is malformed. */
export function decodeResponse (b: Buffer): BlobResponse {
  if (b.length < RESPONSE_HEAD || b.readUInt8(0) !== KIND_RESPONSE) throw new BadBlobFrameError('not a blob response')
  const op = b.readUInt8(1)
  if (op !== BlobOp.chunk && op !== BlobOp.have) throw new BadBlobFrameError(`unknown op ${op}`)
  const status = b.readUInt8(6)
  const codeLen = b.readUInt8(7)
  if (status > 1 || (status === 0) !== (codeLen === 0) || codeLen > MAX_CODE || b.length < RESPONSE_HEAD + codeLen) throw new BadBlobFrameError('bad response status')
  const payload = b.subarray(RESPONSE_HEAD + codeLen)
  if (status === 1 && payload.length !== 0) throw new BadBlobFrameError('a refusal carries no payload')
  return { id: b.readUInt32BE(2), op, error: b.toString('utf8', RESPONSE_HEAD, RESPONSE_HEAD + codeLen), payload }
}

/** Bit i of a have bitmap. */
export function hasBit (bitmap: Uint8Array, i: number): boolean {
  return ((bitmap[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0
}

/** A bitmap of n bits with those set for which held(i) is true. */
export function makeBitmap (n: number, held: (i: number) => boolean): Buffer {
  const out = Buffer.alloc(Math.ceil(n / 8))
  for (let i = 0; i < n; i++) if (held(i)) out[i >> 3] = (out[i >> 3] ?? 0) | (0x80 >> (i & 7))
  return out
}
