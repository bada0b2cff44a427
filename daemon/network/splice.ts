import { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { TLSSocket } from 'node:tls'

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
    carry(a, b)
    carry(b, a)
    // A side that closed without ending cleanly takes the other one down with it.
    a.once('close', () => { if (!b.destroyed && !a.readableEnded) cut(b) })
    b.once('close', () => { if (!a.destroyed && !b.readableEnded) cut(a) })
  })
}

/**
 * Carries `from`'s bytes into `to`, as pipe() does (pausing `from` while
 * `to` is full, ending `to` when `from` ends), except that the chunks read in
 * one turn of the event loop are written together, in one write: a TLS
 * socket hands over its plaintext a 16 KiB record at a time, and written one
 * by one each record would cost a system call (or a TLS write) of its own.
 * The gathered chunks count against `to`'s buffer as they arrive, so a slow
 * reader stops the flow as before; what waits is at most one turn's reads.
 */
function carry (from: Duplex, to: Duplex): void {
  let gathering = false
  let waiting = false
  const flush = (): void => {
    gathering = false
    if (!to.destroyed) to.uncork()
  }
  const resume = (): void => {
    waiting = false
    from.resume()
  }
  from.on('data', (chunk: Buffer) => {
    if (!gathering) {
      gathering = true
      to.cork()
      setImmediate(flush)
    }
    if (!to.write(chunk) && !waiting) {
      waiting = true
      from.pause()
      to.once('drain', resume)
    }
  })
  // end() writes what is gathered first.
  from.once('end', () => { to.end() })
  from.resume()
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
