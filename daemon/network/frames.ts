import type { Duplex } from 'node:stream'
import { FrameTooLargeError } from './errors.ts'

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

/**
 * Cuts a byte stream into frames. Push chunks as they arrive; it returns the
 * whole frames found so far. A zero or oversized length throws
 * FrameTooLargeError before any of that frame is buffered, so a peer cannot
 * make us hold more than maxBytes. Chunks are held by reference, not copied
 * (a stream's chunks are never reused): a frame inside one chunk is a view of
 * it, one spread over several is joined once.
 */
export class FrameDecoder {
  readonly #maxBytes: number
  /** Bytes received and not yet returned, in arrival order; joined once per frame, so a large frame in small pieces costs one copy, not one per piece. */
  #parts: Buffer[] = []
  #held = 0
  /** Length of the frame being collected; -1 until its prefix has arrived. */
  #length = -1

  constructor (maxBytes: number) {
    this.#maxBytes = maxBytes
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
        const length = this.#head().readUInt32BE(0)
        if (length === 0 || length > this.#maxBytes) throw new FrameTooLargeError(`frame of ${length} bytes is outside 1..${this.#maxBytes}`)
        this.#length = length
      }
      if (this.#held < HEAD + this.#length) break
      const all = this.#parts.length === 1 ? this.#parts[0] as Buffer : Buffer.concat(this.#parts, this.#held)
      frames.push(all.subarray(HEAD, HEAD + this.#length))
      const rest = all.subarray(HEAD + this.#length)
      this.#parts = rest.length === 0 ? [] : [rest]
      this.#held = rest.length
      this.#length = -1
    }
    return frames
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
 * Reads frames from a stream until it ends, calling onFrame for each; resolves
 * when the stream ends or closes, rejects on a bad frame (after destroying the
 * stream) or a stream error. onFrame may throw to reject the same way.
 */
export function readFrames (stream: Duplex, maxBytes: number, onFrame: (payload: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const decoder = new FrameDecoder(maxBytes)
    let settled = false
    const finish = (err?: unknown): void => {
      if (settled) return
      settled = true
      stream.off('data', onData)
      if (err === undefined) resolve()
      else { stream.destroy(); reject(err) }
    }
    const onData = (chunk: Buffer): void => {
      if (settled) return
      try {
        for (const f of decoder.push(chunk)) onFrame(f)
      } catch (err) {
        finish(err)
      }
    }
    stream.on('data', onData)
    stream.once('end', () => { finish() })
    stream.once('close', () => { finish() })
    stream.once('error', (err) => { finish(err) })
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
