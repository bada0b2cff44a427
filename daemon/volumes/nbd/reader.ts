/**
 * Pulls exact byte counts out of a socket. Reading stops while more than
 * `highWater` bytes wait unread, so a client that floods requests is slowed
 * by TCP instead of filling our memory.
 *
 * The socket is read into buffers of our own (readIntoOwnBuffers), not
 * through `data` events: small reads land one after another in a slab, and
 * what is asked for is handed out as views of it; a large read that is not
 * all there yet (a write's payload) has the rest read by the kernel straight
 * into its own buffer, one from the caller's pool, so a sequential write's
 * megabyte crosses no JavaScript copy and no fresh allocation. Where Node
 * cannot read into our buffers, `data` events feed the same queue.
 */
import type { Socket } from 'node:net'
import { ConnectionClosedError } from './errors.ts'
import { noteReceived } from '../../network/index.ts'
import { readIntoOwnBuffers } from '../../network/own-reads.ts'

/** Bytes of a slab small reads land in; a slab is never reused, so a view handed out stays valid. */
const SLAB_BYTES = 64 * 1024
/** A slab with less room than this left is replaced before the next read, so no read is tiny. */
const SLAB_TAIL_MIN = 8 * 1024
/** A read of at least this many bytes, not all buffered, goes straight into its own buffer. */
export const DIRECT_MIN = 64 * 1024

/** A read under way straight into the buffer it returns. */
interface Direct {
  dest: Buffer
  filled: number
}

/** Reads exact lengths from a socket. */
export class SocketReader {
  /** Bytes received and not yet taken, in order. */
  private chunks: Buffer[] = []
  private buffered = 0
  private want = 0
  private wake: (() => void) | undefined
  private ended = false
  private readonly socket: Socket
  private readonly highWater: number
  /** Where a read spread over several chunks, or read directly, is put (a BufferPool's take, so the caller can give it back). */
  private readonly joinInto: (length: number) => Buffer
  /** Whether the socket reads into our buffers (else through data events). */
  private readonly own: boolean
  /** Reading stopped by us past highWater (a read callback's false, or pause() for data events). */
  private stopped = false
  private slab = Buffer.allocUnsafeSlow(SLAB_BYTES)
  /** Bytes of the slab filled. */
  private pos = 0
  /** The buffer the socket reads into next: the slab's free tail, or the rest of the direct read's buffer. */
  private nextBuffer: Buffer
  private direct: Direct | undefined
  /** Bytes the kernel read straight into a read's own buffer, never copied. */
  directBytes = 0

  constructor (socket: Socket, highWater: number, take: (length: number) => Buffer = n => Buffer.allocUnsafe(n)) {
    this.socket = socket
    this.highWater = highWater
    this.joinInto = take
    noteReceived(SLAB_BYTES)
    this.nextBuffer = this.slab
    this.own = readIntoOwnBuffers(socket, {
      first: this.slab,
      onRead: (bytes, into) => this.onRead(bytes, into),
      next: () => this.next()
    })
    if (!this.own) {
      socket.on('data', (chunk: Buffer) => {
        noteReceived(chunk.length)
        this.append(chunk)
        if (this.buffered >= this.highWater) { this.stopped = true; socket.pause() }
      })
    }
    const end = (): void => { this.ended = true; this.wake?.() }
    socket.on('end', end)
    socket.on('close', end)
  }

  /** Resolves with exactly n bytes; rejects with ConnectionClosedError when the peer goes first. */
  async read (n: number): Promise<Buffer> {
    if (this.direct !== undefined) throw new Error('a read is already under way')
    if (this.own && n >= DIRECT_MIN && this.buffered < n) return await this.readDirect(n)
    await this.fill(n)
    return this.take(n)
  }

  /**
   * Exactly n bytes when they are buffered already, else undefined (then
   * read(n)): at depth a socket chunk holds many requests, and each would
   * otherwise cost two async frames and their promises to hand over bytes
   * that are there.
   */
  readNow (n: number): Buffer | undefined {
    return this.buffered >= n && this.direct === undefined ? this.take(n) : undefined
  }

  /** Discards exactly n bytes without holding them, however many. */
  async skip (n: number): Promise<void> {
    let left = n
    while (left > 0) {
      const step = Math.min(left, this.highWater)
      await this.fill(step)
      this.take(step)
      left -= step
    }
  }

  /** One read into our buffers: a slab's next bytes, the direct read's, or a chunk buffered before the switch. */
  private onRead (bytes: number, into: Buffer): boolean {
    const direct = this.direct
    if (into !== this.nextBuffer) {
      this.append(into.subarray(0, bytes))
    } else if (direct !== undefined && into.buffer !== this.slab.buffer) {
      direct.filled += bytes
      this.directBytes += bytes
      if (direct.filled === direct.dest.length) this.wake?.()
    } else {
      let view = this.slab.subarray(this.pos, this.pos + bytes)
      this.pos += bytes
      // A direct read begun since this read was set up takes what it needs first.
      if (direct !== undefined && direct.filled < direct.dest.length) {
        const k = Math.min(bytes, direct.dest.length - direct.filled)
        view.copy(direct.dest, direct.filled, 0, k)
        direct.filled += k
        view = view.subarray(k)
        if (direct.filled === direct.dest.length) this.wake?.()
      }
      if (view.length > 0) this.append(view)
    }
    if (this.buffered < this.highWater) return true
    this.stopped = true
    return false
  }

  /** The buffer the next read goes into: the rest of the direct read's, or the slab's free tail (a new slab when little is left). */
  private next (): Buffer {
    const direct = this.direct
    if (direct !== undefined && direct.dest.length - direct.filled >= SLAB_TAIL_MIN) {
      this.nextBuffer = direct.dest.subarray(direct.filled)
      return this.nextBuffer
    }
    if (this.slab.length - this.pos < SLAB_TAIL_MIN) {
      this.slab = Buffer.allocUnsafeSlow(SLAB_BYTES)
      this.pos = 0
      noteReceived(SLAB_BYTES)
    }
    this.nextBuffer = this.slab.subarray(this.pos)
    return this.nextBuffer
  }

  private append (chunk: Buffer): void {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    if (this.wake !== undefined && this.buffered >= this.want) this.wake()
  }

  /**
   * n bytes into a buffer of their own: what is buffered is copied in, the
   * rest is read straight into it from the socket's next read on (the one
   * after the read already set up, which lands in the slab and is copied).
   */
  private async readDirect (n: number): Promise<Buffer> {
    const dest = this.joinInto(n)
    // What is buffered (less than n) goes straight in, piece by piece: joined first, it would be copied twice.
    let have = 0
    for (const chunk of this.chunks) { chunk.copy(dest, have); have += chunk.length }
    this.chunks = []
    this.buffered = 0
    const direct: Direct = { dest, filled: have }
    this.direct = direct
    try {
      await this.until(() => direct.filled >= n)
    } finally {
      this.direct = undefined
    }
    return dest
  }

  private async fill (n: number): Promise<void> {
    this.want = n
    await this.until(() => this.buffered >= n)
  }

  /** Waits, reading on, until `ready`; rejects with ConnectionClosedError when the peer goes first. */
  private async until (ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.ended) throw new ConnectionClosedError()
      this.resumeIfStopped()
      await new Promise<void>(resolve => { this.wake = resolve })
      this.wake = undefined
    }
  }

  private resumeIfStopped (): void {
    if (!this.stopped || this.buffered >= this.highWater) return
    this.stopped = false
    this.socket.resume()
  }

  private take (n: number): Buffer {
    if (n === 0) return Buffer.alloc(0)
    const head = this.chunks[0]!
    let out: Buffer
    if (head.length >= n) {
      out = head.subarray(0, n)
      if (head.length === n) this.chunks.shift()
      else this.chunks[0] = head.subarray(n)
    } else {
      out = this.joinInto(n)
      let done = 0
      while (done < n) {
        const c = this.chunks[0]!
        const k = Math.min(c.length, n - done)
        c.copy(out, done, 0, k)
        done += k
        if (k === c.length) this.chunks.shift()
        else this.chunks[0] = c.subarray(k)
      }
    }
    this.buffered -= n
    this.resumeIfStopped()
    return out
  }
}
