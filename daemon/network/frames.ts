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

/**
 * Cuts a byte stream into frames. Push chunks as they arrive; it returns the
 * whole frames found so far. A zero or oversized length throws
 * FrameTooLargeError before any of that frame is buffered, so a peer cannot
 * make us hold more than maxBytes.
 */
export class FrameDecoder {
  readonly #maxBytes: number
  #buf: Buffer = Buffer.alloc(0)

  constructor (maxBytes: number) {
    this.#maxBytes = maxBytes
  }

  /** Bytes held waiting for the rest of a frame. */
  get buffered (): number {
    return this.#buf.length
  }

  push (chunk: Uint8Array): Buffer[] {
    this.#buf = this.#buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#buf, chunk])
    const frames: Buffer[] = []
    while (this.#buf.length >= HEAD) {
      const length = this.#buf.readUInt32BE(0)
      if (length === 0 || length > this.#maxBytes) throw new FrameTooLargeError(`frame of ${length} bytes is outside 1..${this.#maxBytes}`)
      if (this.#buf.length < HEAD + length) break
      frames.push(this.#buf.subarray(HEAD, HEAD + length))
      this.#buf = this.#buf.subarray(HEAD + length)
    }
    return frames
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
