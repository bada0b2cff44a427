import { BadReplicaFrameError } from './errors.ts'

/**
 * The frames of `/trellis/replica/1`. Each frame travels inside a 32-bit
 * length prefix (consensus framing) and is a fixed big-endian header, then a
 * variable tail. Binary rather than protobuf because a write is a header and
 * up to megabytes of payload: copying it through a message object would cost
 * more than the fdatasync it waits for.
 *
 * request  = kind:u8(1) op:u8 id:u32 flags:u8 generation:u64 offset:u64 length:u32 volLen:u16 volume payload
 * response = kind:u8(2) id:u32 status:u8 generation:u64 codeLen:u16 code payload
 * synced   = kind:u8(3) answered:u64                      (protocol 2 only, replica to primary)
 */

/** The protocol id on the Transport. */
export const REPLICA_PROTOCOL = '/trellis/replica/1'
/**
 * Protocol 1 and sync notices: a write may ask the replica to flush soon
 * after answering it (the SYNC_SOON flag), and the replica then says, in a
 * `synced` frame, how many of the stream's answers that flush covers, so a
 * primary's flush need not cross to it (volumes-replication.md).
 */
export const REPLICA_PROTOCOL_2 = '/trellis/replica/2'
/** Every protocol a replica serves, newest first: a primary dials them in this order. */
export const REPLICA_PROTOCOLS = [REPLICA_PROTOCOL_2, REPLICA_PROTOCOL] as const

/** Largest data a single write frame carries; bigger writes are split by the sender. */
export const MAX_WRITE = 4 * 1024 * 1024 // bytes
/** Largest frame accepted: a full write plus header room. */
export const MAX_FRAME = MAX_WRITE + 1024 // bytes
/** Longest volume id a frame may name. */
const MAX_VOLUME_ID = 255 // bytes

const KIND_REQUEST = 1
const KIND_RESPONSE = 2
const KIND_SYNCED = 3
const SYNCED_BYTES = 9 // the whole synced frame
const REQUEST_HEAD = 29 // bytes before the volume id
const RESPONSE_HEAD = 16 // bytes before the error code
/** The consensus framing's 32-bit length prefix (daemon/network frames.ts), written here with the header. */
const FRAME_PREFIX = 4 // bytes

/** Operations a primary asks of a replica. */
export const Op = {
  /** Attach at a generation: fences older writers on this replica and returns its geometry. */
  hello: 1,
  write: 2,
  flush: 3,
  trim: 4,
  writeZeroes: 5,
  readChecksums: 6
} as const
export type OpCode = typeof Op[keyof typeof Op]

const FLAG_FUA = 1
const FLAG_NO_HOLE = 2
/** Protocol 2: flush soon after answering this change, and say so in a synced frame. */
const FLAG_SYNC_SOON = 4

/** One request from a primary. */
export interface ReplicaRequest {
  id: number
  op: OpCode
  volume: string
  generation: number
  offset: number
  length: number
  fua: boolean
  noHole: boolean
  /** Protocol 2: the primary asks for a flush soon after the answer, and a synced frame once it is done. */
  syncSoon: boolean
  /** Data of a write; empty otherwise. */
  payload: Uint8Array
}

/** One answer from a replica. */
export interface ReplicaResponse {
  id: number
  /** Empty when the request succeeded, else the stable error code. */
  error: string
  /** The replica store's generation after the request (the highest accepted when it refused as fenced). */
  generation: number
  /** Op-specific result: geometry for hello, checksums for readChecksums. */
  payload: Uint8Array
}

/** A request's fields without its payload, and the volume id already in UTF-8 (a client encodes it once). */
export type RequestHead = Omit<ReplicaRequest, 'payload' | 'volume'> & { volume: Uint8Array }

/**
 * A whole request frame but its payload: the length prefix, the header and
 * the volume id. The sender writes the payload after it as it is, so a write's
 * data is copied by nobody on its way to the socket.
 */
export function framedRequestHead (r: RequestHead, payloadBytes: number): Buffer {
  const vol = r.volume
  const out = Buffer.allocUnsafe(FRAME_PREFIX + REQUEST_HEAD + vol.byteLength)
  out.writeUInt32BE(REQUEST_HEAD + vol.byteLength + payloadBytes, 0)
  out.writeUInt8(KIND_REQUEST, 4)
  out.writeUInt8(r.op, 5)
  out.writeUInt32BE(r.id, 6)
  out.writeUInt8((r.fua ? FLAG_FUA : 0) | (r.noHole ? FLAG_NO_HOLE : 0) | (r.syncSoon ? FLAG_SYNC_SOON : 0), 10)
  writeU64(out, r.generation, 11)
  writeU64(out, r.offset, 19)
  out.writeUInt32BE(r.length, 27)
  out.writeUInt16BE(vol.byteLength, 31)
  out.set(vol, FRAME_PREFIX + REQUEST_HEAD)
  return out
}

/** One request as a frame's content (without the length prefix). */
export function encodeRequest (r: ReplicaRequest): Buffer {
  const head = framedRequestHead({ ...r, volume: Buffer.from(r.volume, 'utf8') }, r.payload.byteLength).subarray(FRAME_PREFIX)
  return Buffer.concat([head, r.payload])
}

/**
 * Decodes a request frame; throws BadReplicaFrameError for anything a correct
 * sender would not produce. `version`: the stream's protocol, 1 or 2 (only 2
 * knows SYNC_SOON, and only on a change).
 */
export function decodeRequest (b: Buffer, version: 1 | 2 = 1): ReplicaRequest {
  if (b.length < REQUEST_HEAD || b.readUInt8(0) !== KIND_REQUEST) throw new BadReplicaFrameError('not a replica request')
  const op = b.readUInt8(1)
  if (op < Op.hello || op > Op.readChecksums) throw new BadReplicaFrameError(`unknown op ${op}`)
  const flags = b.readUInt8(6)
  const known = FLAG_FUA | FLAG_NO_HOLE | (version === 2 && isChange(op) ? FLAG_SYNC_SOON : 0)
  if ((flags & ~known) !== 0) throw new BadReplicaFrameError(`unknown flags ${flags}`)
  const generation = readU64(b, 7, 'generation')
  const offset = readU64(b, 15, 'offset')
  const length = b.readUInt32BE(23)
  const volLen = b.readUInt16BE(27)
  if (volLen === 0 || volLen > MAX_VOLUME_ID || b.length < REQUEST_HEAD + volLen) throw new BadReplicaFrameError('bad volume id length')
  const volume = b.toString('utf8', REQUEST_HEAD, REQUEST_HEAD + volLen)
  const payload = b.subarray(REQUEST_HEAD + volLen)
  // Only a write carries data, and exactly as much as it says: anything else is a confused or hostile peer.
  if (op === Op.write ? payload.length !== length : payload.length !== 0) throw new BadReplicaFrameError('payload does not match the request')
  return {
    id: b.readUInt32BE(2), op: op as OpCode, volume, generation, offset, length,
    fua: (flags & FLAG_FUA) !== 0, noHole: (flags & FLAG_NO_HOLE) !== 0, syncSoon: (flags & FLAG_SYNC_SOON) !== 0, payload
  }
}

/** Whether an op changes the store's content (what a flush makes durable). */
export function isChange (op: number): boolean {
  return op === Op.write || op === Op.trim || op === Op.writeZeroes
}

/** A whole synced frame, length prefix and all: every answer the stream carried up to the `answered`th is durable on the replica. */
export function framedSynced (answered: number): Buffer {
  const out = Buffer.allocUnsafe(FRAME_PREFIX + SYNCED_BYTES)
  out.writeUInt32BE(SYNCED_BYTES, 0)
  out.writeUInt8(KIND_SYNCED, 4)
  writeU64(out, answered, 5)
  return out
}

/** Whether a frame from a replica is a synced frame rather than a response. */
export function isSynced (b: Buffer): boolean {
  return b.length > 0 && b.readUInt8(0) === KIND_SYNCED
}

/** Decodes a synced frame's count of answers; throws BadReplicaFrameError when it is malformed. */
export function decodeSynced (b: Buffer): number {
  if (b.length !== SYNCED_BYTES || b.readUInt8(0) !== KIND_SYNCED) throw new BadReplicaFrameError('bad synced frame')
  return readU64(b, 1, 'answered')
}

/** A whole response frame: length prefix, header, error code and payload, in one buffer (answers are small). */
export function framedResponse (r: ReplicaResponse): Buffer {
  const codeLength = Buffer.byteLength(r.error, 'utf8')
  const length = RESPONSE_HEAD + codeLength + r.payload.byteLength
  const out = Buffer.allocUnsafe(FRAME_PREFIX + length)
  out.writeUInt32BE(length, 0)
  out.writeUInt8(KIND_RESPONSE, 4)
  out.writeUInt32BE(r.id, 5)
  out.writeUInt8(r.error === '' ? 0 : 1, 9)
  writeU64(out, r.generation, 10)
  out.writeUInt16BE(codeLength, 18)
  out.write(r.error, FRAME_PREFIX + RESPONSE_HEAD, 'utf8')
  out.set(r.payload, FRAME_PREFIX + RESPONSE_HEAD + codeLength)
  return out
}

/** One response as a frame's content (without the length prefix). */
export function encodeResponse (r: ReplicaResponse): Buffer {
  return framedResponse(r).subarray(FRAME_PREFIX)
}

/** Decodes a response frame; throws BadReplicaFrameError when it is malformed. */
export function decodeResponse (b: Buffer): ReplicaResponse {
  if (b.length < RESPONSE_HEAD || b.readUInt8(0) !== KIND_RESPONSE) throw new BadReplicaFrameError('not a replica response')
  const status = b.readUInt8(5)
  const codeLen = b.readUInt16BE(14)
  if (status > 1 || (status === 0) !== (codeLen === 0) || b.length < RESPONSE_HEAD + codeLen) throw new BadReplicaFrameError('bad response status')
  return {
    id: b.readUInt32BE(1),
    error: b.toString('utf8', RESPONSE_HEAD, RESPONSE_HEAD + codeLen),
    generation: readU64(b, 6, 'generation'),
    payload: b.subarray(RESPONSE_HEAD + codeLen)
  }
}

/** A replica's geometry, answered to hello so the primary never mirrors onto a volume of another shape. */
export interface Geometry { size: number, minBlockSize: number, preferredBlockSize: number }

export function encodeGeometry (g: Geometry): Buffer {
  const out = Buffer.allocUnsafe(16)
  out.writeBigUInt64BE(BigInt(g.size), 0)
  out.writeUInt32BE(g.minBlockSize, 8)
  out.writeUInt32BE(g.preferredBlockSize, 12)
  return out
}

export function decodeGeometry (b: Uint8Array): Geometry {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength)
  if (buf.length !== 16) throw new BadReplicaFrameError('bad hello answer')
  return { size: readU64(buf, 0, 'size'), minBlockSize: buf.readUInt32BE(8), preferredBlockSize: buf.readUInt32BE(12) }
}

/** Checksums as blockSize:u32 firstBlock:u64 then one u32 per block. */
export function encodeChecksums (c: { blockSize: number, firstBlock: number, crcs: Uint32Array }): Buffer {
  const out = Buffer.allocUnsafe(12 + 4 * c.crcs.length)
  out.writeUInt32BE(c.blockSize, 0)
  out.writeBigUInt64BE(BigInt(c.firstBlock), 4)
  for (let i = 0; i < c.crcs.length; i++) out.writeUInt32BE(c.crcs[i] ?? 0, 12 + 4 * i)
  return out
}

export function decodeChecksums (b: Uint8Array): { blockSize: number, firstBlock: number, crcs: Uint32Array } {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength)
  if (buf.length < 12 || (buf.length - 12) % 4 !== 0) throw new BadReplicaFrameError('bad checksums answer')
  const crcs = new Uint32Array((buf.length - 12) / 4)
  for (let i = 0; i < crcs.length; i++) crcs[i] = buf.readUInt32BE(12 + 4 * i)
  return { blockSize: buf.readUInt32BE(0), firstBlock: readU64(buf, 4, 'firstBlock'), crcs }
}

/** Writes a safe integer as a big-endian u64 without a BigInt (two u32 halves). */
function writeU64 (b: Buffer, v: number, at: number): void {
  b.writeUInt32BE(Math.floor(v / 2 ** 32), at)
  b.writeUInt32BE(v >>> 0, at + 4)
}

/** Reads a big-endian u64 that must be a safe integer (below 2^53). */
function readU64 (b: Buffer, at: number, what: string): number {
  const high = b.readUInt32BE(at)
  if (high >= 2 ** 21) throw new BadReplicaFrameError(`${what} is out of range`)
  return high * 2 ** 32 + b.readUInt32BE(at + 4)
}
