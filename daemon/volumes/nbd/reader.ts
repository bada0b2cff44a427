/**
 * Pulls exact byte counts out of a socket. The socket is paused while more
 * than `highWater` bytes wait unread, so a client that floods requests is
 * slowed by TCP instead of filling our memory.
 */
import type { Socket } from 'node:net'
import { ConnectionClosedError } from './errors.ts'
import { noteReceived } from '../../network/index.ts'

/** Reads exact lengths from a socket. */
export class SocketReader {
  private chunks: Buffer[] = []
  private buffered = 0
  private want = 0
  private wake: (() => void) | undefined
  private ended = false
  private readonly socket: Socket
  private readonly highWater: number
  /** Where a read spread over several chunks is copied to (a BufferPool's take, so the caller can give it back). */
  private readonly joinInto: (length: number) => Buffer

  constructor (socket: Socket, highWater: number, take: (length: number) => Buffer = n => Buffer.allocUnsafe(n)) {
    this.socket = socket
    this.highWater = highWater
    this.joinInto = take
    socket.on('data', (chunk: Buffer) => {
      noteReceived(chunk.length)
      this.chunks.push(chunk)
      this.buffered += chunk.length
      if (this.buffered >= this.highWater) socket.pause()
      if (this.wake !== undefined && this.buffered >= this.want) this.wake()
    })
    const end = (): void => { this.ended = true; this.wake?.() }
    socket.on('end', end)
    socket.on('close', end)
  }

  /** Resolves with exactly n bytes; rejects with ConnectionClosedError when the peer goes first. */
  async read (n: number): Promise<Buffer> {
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
    return this.buffered >= n ? this.take(n) : undefined
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

  private async fill (n: number): Promise<void> {
    while (this.buffered < n) {
      if (this.ended) throw new ConnectionClosedError()
      this.want = n
      this.socket.resume()
      await new Promise<void>(resolve => { this.wake = resolve })
      this.wake = undefined
    }
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
    if (this.buffered < this.highWater && this.socket.isPaused()) this.socket.resume()
    return out
  }
}
