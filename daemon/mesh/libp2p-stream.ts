import { Duplex } from 'node:stream'
import type { Stream, StreamCloseEvent, StreamMessageEvent } from '@libp2p/interface'
import { StreamResetError, UnreachableError } from '../network/index.ts'

/** Who is at the other end of a stream, and how much the Duplex buffers. */
export interface Libp2pDuplexInit {
  /** The peer id at the other end. */
  remoteNode: string
  /** Bytes buffered per direction in the Duplex before write() returns false or reading pauses the stream. */
  highWaterMark: number
}

/**
 * A libp2p stream as a Node Duplex, so code written against the Transport
 * contract (pipes, `for await`, back-pressure, half-close) runs over the mesh
 * as it does over loopback.
 *
 * Writing: each chunk is copied and handed to `stream.send()`; while the
 * stream then needs a drain the write callback is held, so the Duplex's own
 * buffer fills and `write()` returns false, as with a socket, and libp2p's
 * send queue never holds more than one chunk.
 * Reading: each message is pushed into the Duplex; when `push()` returns false
 * the stream is paused, which stops yamux from granting the sender more
 * window, and `_read()` resumes it.
 * Ending: `end()` closes the write side (yamux FIN); the remote's FIN becomes
 * 'end' once its data is read. `destroy()` before both sides ended aborts the
 * stream (yamux RST); the peer's Duplex errors with ERR_STREAM_RESET.
 */
export class Libp2pDuplex extends Duplex {
  /** The node at the other end. */
  readonly remoteNode: string
  readonly protocol: string
  readonly #stream: Stream
  /** end() reached the stream: our FIN is going out. */
  #sentEnd = false
  /** The remote's FIN came in. */
  #gotEnd = false
  /** The Duplex's readable side has been ended. */
  #pushedEnd = false
  /** This side is aborting the stream; its 'close' is our own doing. */
  #aborting = false

  constructor (stream: Stream, init: Libp2pDuplexInit) {
    super({ highWaterMark: init.highWaterMark })
    this.remoteNode = init.remoteNode
    this.protocol = stream.protocol
    this.#stream = stream
    stream.addEventListener('message', this.#onMessage)
    stream.addEventListener('remoteCloseWrite', this.#onRemoteCloseWrite)
    stream.addEventListener('end', this.#onEnd)
    stream.addEventListener('close', this.#onClose)
    // The stream may have ended, or died, before anyone wrapped it: its FIN
    // can come during protocol negotiation, ahead of bytes the negotiation
    // read and handed back, which are dispatched to us after this.
    if (stream.remoteWriteStatus === 'closed') this.#gotEnd = true
    if (stream.status === 'reset' || stream.status === 'aborted') this.destroy(new StreamResetError())
    else this.#maybeEnd()
  }

  override _write (chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    try {
      // A copy: libp2p may hold the bytes in its send queue after the
      // callback, and a writer may reuse its buffer once the callback ran.
      this.#stream.send(Buffer.from(chunk))
    } catch (err) {
      callback(this.#failure(err))
      return
    }
    if (!this.#stream.writableNeedsDrain) { callback(); return }
    this.#drained().then(() => { callback() }, (err: unknown) => { callback(this.#failure(err)) })
  }

  /**
   * Resolves once the stream can take more, i.e. its send queue went out.
   * Not `stream.onDrain()`: in @libp2p/utils 7.4 its promise stays resolved
   * after the first 'drain', so it stops holding writers back. And not the
   * first 'drain' either: the muxer sends 'drain' to every stream when the
   * connection drains, also to one still waiting for its yamux window, so
   * the need is checked again after libp2p has retried its queue.
   */
  #drained (): Promise<void> {
    const stream = this.#stream
    return new Promise((resolve, reject) => {
      const onDrain = (): void => {
        // libp2p retries its queue in a microtask queued by its own 'drain'
        // listener, which runs before this one; check after it.
        queueMicrotask(() => {
          if (stream.writableNeedsDrain && stream.status === 'open') return
          done()
          resolve()
        })
      }
      const onClose = (event: StreamCloseEvent): void => {
        done()
        reject(event.error ?? new Error('stream closed'))
      }
      const done = (): void => {
        stream.removeEventListener('drain', onDrain)
        stream.removeEventListener('close', onClose)
      }
      stream.addEventListener('drain', onDrain)
      stream.addEventListener('close', onClose)
    })
  }

  override _final (callback: (error?: Error | null) => void): void {
    // Set first: when the remote's FIN is in already, close() sends ours and
    // libp2p emits 'close' before close() resolves. Should close() fail, the
    // callback carries the error.
    this.#sentEnd = true
    this.#stream.close().then(
      () => { callback() },
      (err: unknown) => { callback(this.#failure(err)) })
  }

  override _read (): void {
    if (this.#stream.readStatus === 'paused') this.#stream.resume()
  }

  override _destroy (error: Error | null, callback: (error?: Error | null) => void): void {
    const stream = this.#stream
    // Once both directions have ended the stream closes by itself and nothing
    // can be lost; any earlier destroy must tell the peer, as a yamux RST does.
    if (stream.status === 'open' || stream.status === 'closing') {
      this.#aborting = true
      stream.abort(error ?? new Error('stream destroyed'))
    }
    stream.removeEventListener('message', this.#onMessage)
    stream.removeEventListener('remoteCloseWrite', this.#onRemoteCloseWrite)
    stream.removeEventListener('end', this.#onEnd)
    stream.removeEventListener('close', this.#onClose)
    callback(error)
  }

  readonly #onMessage = (event: StreamMessageEvent): void => {
    const data = event.data
    let more = true
    // No copy: each message's buffers are fresh from the decryptor and
    // nothing in libp2p touches them once dispatched.
    if (data instanceof Uint8Array) more = this.push(asBuffer(data))
    else for (const part of data) more = this.push(asBuffer(part)) && more
    if (!more && this.#stream.readStatus === 'readable') this.#stream.pause()
    this.#maybeEnd()
  }

  readonly #onRemoteCloseWrite = (): void => {
    this.#gotEnd = true
  }

  readonly #onEnd = (): void => {
    this.#maybeEnd()
  }

  /**
   * Ends the readable side once the remote sent its FIN and every byte before
   * it was delivered. Not on libp2p's 'end' alone: that also fires when the
   * connection closes without a FIN, and can fire before bytes handed back by
   * protocol negotiation are dispatched.
   */
  #maybeEnd (): void {
    if (this.#pushedEnd || !this.#gotEnd || this.#stream.readBufferLength > 0) return
    if (this.#stream.status === 'reset' || this.#stream.status === 'aborted') return
    this.#pushedEnd = true
    this.push(null)
  }

  readonly #onClose = (event: StreamCloseEvent): void => {
    if (this.#aborting || this.destroyed) return
    if (event.error !== undefined) {
      this.destroy(this.#failure(event.error))
      return
    }
    // A clean close after both FINs is the normal ending; data still paused
    // in the stream is delivered as the reader resumes. A clean close without
    // them means the connection went away under the stream (its host
    // stopped), and whatever was in flight is lost.
    if (!(this.#sentEnd && this.#gotEnd)) this.destroy(new UnreachableError(`connection to ${this.remoteNode} closed mid-stream`))
  }

  /**
   * Maps libp2p's stream errors onto the Transport's codes: the peer's reset
   * is ERR_STREAM_RESET; anything else that kills a stream we did not abort
   * ourselves (connection lost, muxer closed, keep-alive timeout) is the link
   * failing, ERR_UNREACHABLE, with libp2p's error as the cause.
   */
  #failure (err: unknown): Error {
    if ((err as Error | undefined)?.name === 'StreamResetError' || this.#stream.status === 'reset') {
      return new StreamResetError(undefined, { cause: err })
    }
    return new UnreachableError(`stream to ${this.remoteNode} lost: ${(err as Error | undefined)?.message ?? String(err)}`, { cause: err })
  }
}

function asBuffer (data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
}
