import type { Duplex } from 'node:stream'
import { TLSSocket } from 'node:tls'
import { FrameTooLargeError } from './errors.ts'
import { readTlsIntoOwnBuffer } from './tls-reads.ts'
import { noteReceived } from './young-collections.ts'

/**
 * Frames of a 32-bit big-endian length, then that many bytes, for streams
 * whose messages outgrow framing.ts's 16-bit frames (64 KiB): Raft snapshots
 * and entry batches, volume replica writes.
 */

/** Bytes of the length prefix. */
const HEAD = 4 // bytes

/** Prefixes a payload with its length. */
export function frame (payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEAD + payload.byteLength)
  out.writeUInt32BE(payload.byteLength, 0)
  out.set(payload, HEAD)
  return out
}

/** The length prefix of a frame of `length` bytes, for a sender that writes the frame's parts apart (one copy of a payload fewer than frame()). */
export function framePrefix (length: number): Buffer {
  const out = Buffer.allocUnsafe(HEAD)
  out.writeUInt32BE(length, 0)
  return out
}

/** A frame's length from its prefix; a zero or oversized one throws FrameTooLargeError. */
function checkedLength (length: number, maxBytes: number): number {
  if (length === 0 || length > maxBytes) throw new FrameTooLargeError(`frame of ${length} bytes is outside 1..${maxBytes}`)
  return length
}

/**
 * Cuts a byte stream into frames. Push chunks as they arrive; it returns the
 * whole frames found so far. A zero or oversized length throws
 * FrameTooLargeError before any of that frame is buffered, so a peer cannot
 * make us hold more than maxBytes. Chunks are held by reference, not copied
 * (a stream's chunks are never reused): a frame inside one chunk is a view of
 * it, one spread over several is copied once into a buffer from `take`
 * (a BufferPool's, so the receiver can give it back; a fresh one by default).
 */
export class FrameDecoder {
  readonly #maxBytes: number
  readonly #take: (length: number) => Buffer
  /** Bytes received and not yet returned, in arrival order; joined once per frame, so a large frame in small pieces costs one copy, not one per piece. */
  #parts: Buffer[] = []
  #held = 0
  /** Length of the frame being collected; -1 until its prefix has arrived. */
  #length = -1

  constructor (maxBytes: number, take: (length: number) => Buffer = n => Buffer.allocUnsafe(n)) {
    this.#maxBytes = maxBytes
    this.#take = take
  }

  /** Bytes held waiting for the rest of a frame. */
  get buffered (): number {
    return this.#held
  }

  push (chunk: Uint8Array): Buffer[] {
    if (chunk.byteLength === 0) return []
    this.#parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
    this.#held += chunk.byteLength
    const frames: Buffer[] = []
    for (;;) {
      if (this.#length < 0) {
        if (this.#held < HEAD) break
        this.#length = checkedLength(this.#head().readUInt32BE(0), this.#maxBytes)
      }
      if (this.#held < HEAD + this.#length) break
      frames.push(this.#parts[0]!.length >= HEAD + this.#length ? this.#view() : this.#join())
      this.#length = -1
    }
    return frames
  }

  /** The frame inside the first part, as a view of it; the part's rest stays. */
  #view (): Buffer {
    const first = this.#parts[0]!
    const end = HEAD + this.#length
    if (first.length === end) this.#parts.shift()
    else this.#parts[0] = first.subarray(end)
    this.#held -= end
    return first.subarray(HEAD, end)
  }

  /** The frame spread over several parts, copied into one buffer; what follows it in the last part stays. */
  #join (): Buffer {
    const out = this.#take(this.#length)
    let skip = HEAD // of the prefix still to pass over
    let at = 0
    let i = 0
    let rest: Buffer | undefined
    // By index, the parts dropped once at the end: a frame may come in millions of one-byte pieces.
    while (at < this.#length) {
      const part = this.#parts[i++]!
      const from = Math.min(skip, part.length)
      skip -= from
      const n = Math.min(part.length - from, this.#length - at)
      part.copy(out, at, from, from + n)
      at += n
      if (from + n < part.length) rest = part.subarray(from + n)
    }
    const after = this.#parts.slice(i)
    this.#parts = rest === undefined ? after : [rest, ...after]
    this.#held -= HEAD + this.#length
    return out
  }

  /** The first HEAD bytes held, joining only as many parts as that takes. */
  #head (): Buffer {
    const first = this.#parts[0] as Buffer
    if (first.length >= HEAD) return first
    const joined = Buffer.concat(this.#parts)
    this.#parts = [joined]
    return joined
  }
}

/**
 * Cuts into frames bytes that are valid only during push() (a TLS socket read
 * into a buffer of our own, tls-reads.ts): each frame's bytes are copied once,
 * as they come, into a buffer from `take` allocated when its prefix is
 * complete, so nothing is held by reference and no piece is kept to be
 * joined later. The same frames, and the same refusals, as FrameDecoder.
 */
export class CopyingFrameDecoder {
  readonly #maxBytes: number
  readonly #take: (length: number) => Buffer
  readonly #head = Buffer.alloc(HEAD)
  #headHave = 0
  /** The frame being filled, once its length is known, and how much of it has come. */
  #frame: Buffer | undefined
  #have = 0

  constructor (maxBytes: number, take: (length: number) => Buffer = n => Buffer.allocUnsafe(n)) {
    this.#maxBytes = maxBytes
    this.#take = take
  }

  push (bytes: Uint8Array): Buffer[] {
    const frames: Buffer[] = []
    let at = 0
    while (at < bytes.byteLength) {
      if (this.#frame === undefined) {
        const n = Math.min(HEAD - this.#headHave, bytes.byteLength - at)
        this.#head.set(bytes.subarray(at, at + n), this.#headHave)
        this.#headHave += n
        at += n
        if (this.#headHave < HEAD) break
        this.#frame = this.#take(checkedLength(this.#head.readUInt32BE(0), this.#maxBytes))
        this.#have = 0
      }
      const frame = this.#frame
      const n = Math.min(frame.length - this.#have, bytes.byteLength - at)
      frame.set(bytes.subarray(at, at + n), this.#have)
      this.#have += n
      at += n
      if (this.#have === frame.length) {
        frames.push(frame)
        this.#frame = undefined
        this.#headHave = 0
      }
    }
    return frames
  }
}

/**
 * Reads frames from a stream until it ends, calling onFrame for each; resolves
 * when the stream ends or closes, rejects on a bad frame (after destroying the
 * stream) or a stream error. onFrame may throw to reject the same way. `take`
 * supplies the buffers frames spread over several chunks are joined into.
 */
export function readFrames (stream: Duplex, maxBytes: number, onFrame: (payload: Buffer) => void, take?: (length: number) => Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false
    const finish = (err?: unknown): void => {
      if (settled) return
      settled = true
      stream.off('data', onData)
      if (err === undefined) resolve()
      else { stream.destroy(); reject(err) }
    }
    /** Hands on the frames `push` cuts from each read, until the first bad one. */
    const reader = (push: (bytes: Buffer) => Buffer[]) => (bytes: Buffer): void => {
      if (settled) return
      try {
        for (const f of push(bytes)) onFrame(f)
      } catch (err) {
        finish(err)
      }
    }
    const holding = new FrameDecoder(maxBytes, take)
    const decode = reader(chunk => holding.push(chunk))
    const onData = (chunk: Buffer): void => {
      noteReceived(chunk.byteLength)
      decode(chunk)
    }
    stream.once('end', () => { finish() })
    stream.once('close', () => { finish() })
    stream.once('error', (err) => { finish(err) })
    // A TLS stream (the bulk channel) is read into a buffer of our own, each frame copied out of it once.
    if (stream instanceof TLSSocket) {
      const copying = new CopyingFrameDecoder(maxBytes, take)
      if (readTlsIntoOwnBuffer(stream, reader(bytes => copying.push(bytes)))) return
    }
    stream.on('data', onData)
  })
}

/**
 * Reads the first frame of a stream (request/response protocols). Rejects if
 * the stream ends first, the frame is bad, or the signal aborts; leaves the
 * stream open for the caller to answer on or destroy.
 */
export function readOneFrame (stream: Duplex, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const decoder = new FrameDecoder(maxBytes)
    const done = (err: unknown, payload?: Buffer): void => {
      stream.off('data', onData)
      stream.off('end', onEnd)
      stream.off('close', onEnd)
      stream.off('error', done)
      signal?.removeEventListener('abort', onAbort)
      if (payload !== undefined) {
        stream.pause()
        resolve(payload)
      } else reject(err)
    }
    const onData = (chunk: Buffer): void => {
      try {
        const [first] = decoder.push(chunk)
        if (first !== undefined) done(undefined, first)
      } catch (err) {
        done(err)
      }
    }
    const onEnd = (): void => { done(new Error('stream ended before a whole frame')) }
    const onAbort = (): void => { done(signal?.reason) }
    if (signal?.aborted === true) { reject(signal.reason); return }
    signal?.addEventListener('abort', onAbort, { once: true })
    stream.on('data', onData)
    stream.once('end', onEnd)
    stream.once('close', onEnd)
    stream.once('error', done)
  })
}
