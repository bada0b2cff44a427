import { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { TLSSocket } from 'node:tls'
import { pumpOf } from './read-pump.ts'
import { noteReceived } from './young-collections.ts'

/**
 * Joins two byte streams both ways until both directions have ended or one
 * side fails. Half-close is carried across (one side's end ends the other's
 * writable side) so request/response protocols that shut down writes work.
 * When one side fails, or closes without ending, the other is cut so that
 * its peer sees an error, never a clean end of a stream that was cut short
 * (cut()). Resolves once both streams are closed.
 *
 * A TCP socket made to read through a pump (read-pump.ts) is relayed by
 * its pump; any other stream is piped.
 */
export function splice (a: Duplex, b: Duplex): Promise<void> {
  return new Promise(resolve => {
    let closed = 0
    const onClose = (): void => {
      if (++closed === 2) resolve()
    }
    const fail = (): void => {
      cut(a)
      cut(b)
    }
    a.once('close', onClose)
    b.once('close', onClose)
    a.on('error', fail)
    b.on('error', fail)
    relay(a, b)
    relay(b, a)
    // A side that closed without ending cleanly takes the other one down with it.
    a.once('close', () => { if (!b.destroyed && !a.readableEnded) cut(b) })
    b.once('close', () => { if (!a.destroyed && !b.readableEnded) cut(a) })
  })
}

/** One direction: what `from` reads is written to `to`, and `from`'s end ends `to`. */
function relay (from: Duplex, to: Duplex): void {
  const pump = from instanceof Socket ? pumpOf(from) : undefined
  if (pump !== undefined) {
    // As pipe() does: a side that ended before the splice began ends the other at once.
    if (from.readableEnded) to.end()
    else from.once('end', () => { to.end() })
    pump.attach(from as Socket, to)
    return
  }
  // pipe() writes each chunk as it comes. Gathering one event-loop turn's
  // chunks into one write was tried twice (a writev of them, or one buffer
  // they were copied into): 4× fewer writes after a TLS socket, whose
  // plaintext comes 16 KiB at a time, but no less CPU, and the writev kept
  // its chunks long enough that the node fell into a full collection every
  // 100 ms (docs/benchmarks.md).
  from.pipe(to)
  // Each chunk read is a fresh buffer: counted, so they are collected young (young-collections.ts).
  from.on('data', (chunk: Buffer) => { noteReceived(chunk.byteLength) })
}

/**
 * Takes a stream down so that its peer sees an error. A TCP socket is reset
 * (RST): destroyed, it would send a FIN, which an application reads as the
 * whole stream. Transport streams reset when destroyed (a TLS channel
 * stream's TCP connection, a libp2p stream).
 */
function cut (stream: Duplex): void {
  if (stream.destroyed) return
  if (stream instanceof Socket && !(stream instanceof TLSSocket) && !stream.connecting) stream.resetAndDestroy()
  else stream.destroy()
}
