import { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { TLSSocket } from 'node:tls'
import { noteReceived } from './young-collections.ts'

/**
 * Joins two byte streams both ways until both directions have ended or one
 * side fails. Half-close is carried across (one side's end ends the other's
 * writable side) so request/response protocols that shut down writes work.
 * When one side fails, or closes without ending, the other is cut so that
 * its peer sees an error, never a clean end of a stream that was cut short
 * (cut()). Resolves once both streams are closed.
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
    // pipe() writes each chunk as it comes. Gathering one event-loop turn's
    // chunks into one write (cork, uncork on setImmediate) was tried: 4×
    // fewer writes after a TLS socket, whose plaintext comes 16 KiB at a time,
    // but more CPU per GiB, most likely because the gathered chunks fill the
    // socket's buffer and pause the reader every turn; see benchmarks.md.
    a.pipe(b)
    b.pipe(a)
    // Each chunk read is a fresh buffer: counted, so they are collected young (young-collections.ts).
    a.on('data', (chunk: Buffer) => { noteReceived(chunk.byteLength) })
    b.on('data', (chunk: Buffer) => { noteReceived(chunk.byteLength) })
    // A side that closed without ending cleanly takes the other one down with it.
    a.once('close', () => { if (!b.destroyed && !a.readableEnded) cut(b) })
    b.once('close', () => { if (!a.destroyed && !b.readableEnded) cut(a) })
  })
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
