import { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { TLSSocket } from 'node:tls'
import { MIN_RELAY_BUFFER_BYTES, nextRelayBufferSize } from './buffer-size.ts'
import { pumpOf } from './read-pump.ts'
import { readTlsIntoOwnBuffer } from './tls-reads.ts'
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
 * its pump; any other stream's reads into a TCP socket are gathered a
 * turn at a time, and the rest piped.
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
    // What it read before (kept by the pump) goes first; as pipe() does, a side that ended before the splice began ends the other at once.
    pump.attach(from as Socket, to)
    if (from.readableEnded) to.end()
    else from.once('end', () => { to.end() })
    return
  }
  // Only a plain TCP socket is done with the bytes of a write once it has
  // none waiting (they are in the kernel), so only into one can the gather
  // buffer be used again; a TLS or transport stream may keep them queued.
  if (to instanceof Socket && !(to instanceof TLSSocket)) {
    gatherTurns(from, to)
    return
  }
  from.pipe(to)
  // Each chunk read is a fresh buffer: counted, so they are collected young (young-collections.ts).
  from.on('data', (chunk: Buffer) => { noteReceived(chunk.byteLength) })
}

/**
 * Relays a stream that reads into fresh buffers (a transport stream, a TCP
 * socket without a pump) into a TCP socket: the chunks one event-loop turn
 * reads are copied into one buffer as they come and written together at the
 * end of the turn, or sooner once the buffer is full. A TLS socket's
 * plaintext comes 16 KiB a chunk, and each write a system call, on this VM
 * the costliest part of a terminal stream's receiving node: gathered, node B
 * spent about a third less CPU per GiB than piped (docs/benchmarks.md).
 * Copied as they come rather than kept for one writev: kept to the end of
 * the turn, node B fell into a full collection every 100-200 ms in some
 * runs (70 in 2 GiB against 12 piped), most likely as the kept chunks
 * outlived scavenges and were promoted.
 *
 * The buffer is sized as a read pump's (buffer-size.ts): 16 KiB, four
 * times larger each time it fills (to 256 KiB), back after a turn that used
 * a sixteenth of it or less. Back-pressure is pipe()'s: `from` pauses while
 * `to` needs draining.
 */
function gatherTurns (from: Duplex, to: Socket): void {
  // As pipe() does: a side that ended before the splice began ends the other at once.
  if (from.readableEnded) { to.end(); return }
  let buffer = Buffer.allocUnsafeSlow(MIN_RELAY_BUFFER_BYTES)
  let used = 0
  /** Bytes taken since the last end of a turn. */
  let turn = 0
  let scheduled = false
  let waiting = false
  const write = (bytes: Uint8Array): void => {
    if (to.destroyed) return
    to.write(bytes)
    if (to.writableNeedDrain && !waiting) {
      waiting = true
      from.pause()
      to.once('drain', () => { waiting = false; from.resume() })
    }
  }
  /** Writes what is gathered; `full`: because the buffer is (larger next), else at the end of a turn. */
  const flush = (full: boolean): void => {
    if (used > 0) write(buffer.subarray(0, used))
    // A write the kernel did not take at once still holds the buffer.
    const held = used > 0 && to.writableLength > 0
    used = 0
    const size = nextRelayBufferSize(buffer.length, full, turn)
    if (size !== buffer.length || held) buffer = Buffer.allocUnsafeSlow(size)
  }
  const endOfTurn = (): void => {
    scheduled = false
    flush(false)
    turn = 0
  }
  /** One read; `owned`: the bytes are the reader's to keep (else valid during the call only). */
  const gather = (chunk: Uint8Array, owned: boolean): void => {
    turn += chunk.byteLength
    if (!scheduled) { scheduled = true; setImmediate(endOfTurn) }
    if (used + chunk.byteLength > buffer.length) flush(true)
    if (chunk.byteLength > buffer.length) { write(owned ? chunk : Buffer.from(chunk)); return }
    buffer.set(chunk, used)
    used += chunk.byteLength
  }
  from.once('end', () => { flush(false); to.end() })
  if (from instanceof TLSSocket && readTlsIntoOwnBuffer(from, bytes => { gather(bytes, false) })) return
  from.on('data', (chunk: Uint8Array) => {
    // Each chunk read is a fresh buffer: counted, so they are collected young (young-collections.ts).
    noteReceived(chunk.byteLength)
    gather(chunk, true)
  })
  // As pipe() does: a stream left paused (a server's pauseOnConnect) starts flowing.
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
