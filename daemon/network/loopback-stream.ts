import { Duplex } from 'node:stream'
import { StreamResetError } from './errors.ts'

/** Who is at each end of a loopback stream, and how much either side may buffer. */
export interface LoopbackStreamInit {
  /** The node that dialled. */
  dialer: string
  /** The node whose handler accepted. */
  listener: string
  protocol: string
  /** Bytes buffered per direction on each side before write() returns false. */
  highWaterMark: number
}

/**
 * One end of an in-memory byte stream between two nodes. It behaves as a
 * network stream does — back-pressure, half-close, reset on destroy — so code
 * proven over loopback keeps working over libp2p.
 *
 * Flow of one direction: `write()` here → `push()` into the peer's read
 * buffer. When that buffer is over its highWaterMark the write callback is
 * held until the peer's reader asks for more (`_read`), so this side's write
 * buffer fills and `write()` returns false, as with a socket.
 */
export class LoopbackStream extends Duplex {
  /** This end's node. */
  readonly localNode: string
  /** The node at the other end. */
  readonly remoteNode: string
  readonly protocol: string
  #peer: LoopbackStream | undefined
  #blockedWrite: ((error?: Error | null) => void) | undefined
  #sentEnd = false
  #gotEnd = false

  private constructor (localNode: string, remoteNode: string, protocol: string, highWaterMark: number) {
    super({ highWaterMark })
    this.localNode = localNode
    this.remoteNode = remoteNode
    this.protocol = protocol
  }

  /** Makes a connected pair: `[dialer's end, listener's end]`. */
  static pair (init: LoopbackStreamInit): [LoopbackStream, LoopbackStream] {
    const dialerEnd = new LoopbackStream(init.dialer, init.listener, init.protocol, init.highWaterMark)
    const listenerEnd = new LoopbackStream(init.listener, init.dialer, init.protocol, init.highWaterMark)
    dialerEnd.#peer = listenerEnd
    listenerEnd.#peer = dialerEnd
    return [dialerEnd, listenerEnd]
  }

  /**
   * Destroys both ends with `error`, as a broken link does: neither side
   * caused it, both hear of it. Without an error both ends just close.
   */
  sever (error?: Error): void {
    const peer = this.#peer
    this.#peer = undefined
    if (peer !== undefined) {
      peer.#peer = undefined
      peer.destroy(error)
    }
    this.destroy(error)
  }

  override _write (chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const peer = this.#peer
    if (peer === undefined) { callback(new StreamResetError()); return }
    // A copy, because a writer may reuse its buffer once the callback has run,
    // as it may with a socket; sharing it would let the reader see it change.
    if (peer.push(Buffer.from(chunk))) callback()
    else this.#blockedWrite = callback
  }

  override _read (): void {
    const peer = this.#peer
    if (peer === undefined) return
    const callback = peer.#blockedWrite
    if (callback === undefined) return
    peer.#blockedWrite = undefined
    callback()
  }

  override _final (callback: (error?: Error | null) => void): void {
    const peer = this.#peer
    if (peer === undefined) { callback(new StreamResetError()); return }
    this.#sentEnd = true
    peer.#gotEnd = true
    peer.push(null)
    callback()
  }

  override _destroy (error: Error | null, callback: (error?: Error | null) => void): void {
    const peer = this.#peer
    this.#peer = undefined
    this.#blockedWrite = undefined
    if (peer !== undefined) {
      peer.#peer = undefined
      // Once both directions have ended nothing is left to lose and the peer
      // closes on its own; any earlier destroy loses data, so the peer must
      // hear of it, as a TCP reset or a yamux RST tells it.
      if (!(this.#sentEnd && this.#gotEnd)) peer.destroy(new StreamResetError())
    }
    callback(error)
  }
}
