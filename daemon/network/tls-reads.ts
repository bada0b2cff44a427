import type { TLSSocket } from 'node:tls'

/**
 * The bytes of a buffer a TLS socket's plaintext is read into: one record
 * (16 KiB at most), so that each comes whole. Held for as long as the
 * stream lasts, so no larger.
 */
export const TLS_READ_BYTES = 16 * 1024

/**
 * Reads a TLS socket's plaintext into one buffer of our own, handing each
 * record's bytes to `onRead`, valid only during the call: whoever keeps
 * them copies them.
 *
 * Read through `data` events, each TLS record (16 KiB at most) comes in a
 * fresh buffer allocated outside V8's heap and through the Readable
 * machinery; a receiver spends about twice the CPU per GiB that way as
 * reading into a buffer of its own (docs/benchmarks.md). Node offers the
 * latter (`onread`) only to a TLS socket that `tls.connect` creates along
 * with its TCP socket, never to one wrapped around a TCP socket of our own,
 * as both ends of the bulk channel are (so that a stream can be reset).
 * This sets what `onread` would have set: the socket's internal `kBuffer`
 * and `kBufferCb` fields, found by their descriptions, and the TLS handle's
 * `useUserBuffer`. Where Node's internals are not as expected it changes
 * nothing and returns false, and the caller reads through `data` events as
 * before; a test holds this Node to the fast path.
 *
 * What the socket has buffered already is handed over first. `end` and
 * `error` come as before; pause() and resume() stop and start the reads.
 * The socket must not be read any other way afterwards.
 */
export function readTlsIntoOwnBuffer (socket: TLSSocket, onRead: (bytes: Buffer) => void): boolean {
  const fields = socket as unknown as Record<symbol, unknown>
  const symbols = Object.getOwnPropertySymbols(socket)
  const kBuffer = symbols.find(s => s.description === 'kBuffer')
  const kBufferCb = symbols.find(s => s.description === 'kBufferCb')
  const handle = (socket as unknown as { _handle?: { useUserBuffer?: (b: Buffer) => void } | null })._handle
  if (kBuffer === undefined || kBufferCb === undefined || fields[kBuffer] != null || fields[kBufferCb] != null ||
    handle == null || typeof handle.useUserBuffer !== 'function' || socket.listenerCount('data') > 0) return false
  for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read() as Buffer | null) onRead(chunk)
  const buffer = Buffer.allocUnsafeSlow(TLS_READ_BYTES)
  fields[kBuffer] = buffer
  fields[kBufferCb] = (bytes: number, into: Buffer): boolean => {
    onRead(into.subarray(0, bytes))
    return true
  }
  handle.useUserBuffer(buffer)
  // Flowing, so that the end of the stream is emitted.
  socket.resume()
  return true
}
