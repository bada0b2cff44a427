import type { Writable } from 'node:stream'

/**
 * Coalesces what is written to a stream during one turn of the event loop
 * into one write: the first write of a turn corks the stream, and the check
 * phase of the same turn (setImmediate) uncorks it, so the chunks leave as one
 * writev. On a socket that is one syscall instead of one per chunk (and on
 * loopback the kernel runs the receiver's TCP inside that syscall); on a TLS
 * socket, one record instead of one per chunk. A request protocol answering
 * many requests as their I/O completes gets one write per batch of
 * completions, and adds no more latency than the rest of the turn.
 *
 * Chunks are kept by reference until written: a caller must not change a
 * buffer it handed over.
 */
export class TurnWriter {
  readonly #stream: Writable
  #corked = false

  constructor (stream: Writable) {
    this.#stream = stream
  }

  /**
   * Queues the chunks, in order, for this turn's write; `done` runs once the
   * stream has taken the last of them (at once when the stream is gone and
   * they are dropped). `lone` says the caller has nothing else in flight on
   * this stream, so no other write is coming to share the turn's: the chunks
   * leave at once, as one writev, instead of waiting for the rest of the turn
   * (on a primary that is the local store's write being submitted, ~100 µs
   * here). When the turn is corked already they join it, keeping the order.
   */
  write (chunks: readonly Uint8Array[], done?: () => void, lone = false): void {
    const stream = this.#stream
    const parts = chunks.filter(c => c.byteLength > 0)
    if (parts.length === 0 || stream.destroyed || stream.writableEnded) { done?.(); return }
    const now = lone && !this.#corked
    if (!this.#corked) {
      stream.cork()
      if (!now) {
        this.#corked = true
        setImmediate(this.#uncork)
      }
    }
    const last = parts.length - 1
    // The stream calls back on every path, an error included, so a budget held for `done` is always returned.
    parts.forEach((c, i) => { stream.write(c, i === last && done !== undefined ? () => { done() } : undefined) })
    if (now) stream.uncork()
  }

  readonly #uncork = (): void => {
    this.#corked = false
    // end() uncorks on its own; a destroyed stream has nothing left to write.
    if (this.#stream.writableCorked > 0) this.#stream.uncork()
  }
}
