import type { Socket } from 'node:net'

/** Where a socket read into buffers of our own puts its bytes, and what it does with them. */
export interface OwnReads {
  /** The buffer the first read goes into. */
  first: Buffer
  /**
   * One read's bytes, at the start of `into`: the buffer it went into, or
   * a chunk the socket had buffered before the switch (a buffer of Node's,
   * which the receiver may keep). Returning false stops reading until
   * `socket.resume()`.
   */
  onRead: (bytes: number, into: Buffer) => boolean
  /** The buffer the next read goes into, asked after each read; without it every read goes into `first`. */
  next?: () => Buffer
}

/**
 * Reads a socket (TCP, Unix or TLS) into buffers of our own instead of
 * through `data` events, and says whether it could.
 *
 * Read through `data` events, every read comes in a fresh buffer allocated
 * outside V8's heap and through the Readable machinery: on this machine
 * that costs a receiver about 1.3 s of CPU per GiB, against 0.3–0.5 read
 * into buffers of its own (docs/benchmarks.md). Node offers this (`onread`)
 * only to sockets it creates itself for `net.connect` or `tls.connect`,
 * never to one a server accepts or one wrapped around a TCP socket of our
 * own. This sets what `onread` would have set: the socket's internal
 * `kBuffer`, `kBufferCb` and `kBufferGen` fields, found by their
 * descriptions, and the handle's `useUserBuffer`; Node then reads each time
 * into the buffer `next` gave. Where Node's internals are not as expected,
 * or the socket is read through events already, it changes nothing and
 * returns false, and the caller reads through `data` events; a test holds
 * this Node to the fast path.
 *
 * `onRead` is handed what the socket buffered before the switch first, then
 * each read. `end` and `error` come as before;
 * pause() and resume() stop and start the reads. The socket must not be
 * read any other way afterwards.
 */
export function readIntoOwnBuffers (socket: Socket, reads: OwnReads): boolean {
  const fields = socket as unknown as Record<symbol, unknown>
  const symbols = Object.getOwnPropertySymbols(socket)
  const kBuffer = symbols.find(s => s.description === 'kBuffer')
  const kBufferCb = symbols.find(s => s.description === 'kBufferCb')
  const kBufferGen = symbols.find(s => s.description === 'kBufferGen')
  const handle = (socket as unknown as { _handle?: { useUserBuffer?: (b: Buffer) => void } | null })._handle
  if (kBuffer === undefined || kBufferCb === undefined || fields[kBuffer] != null || fields[kBufferCb] != null ||
    (reads.next !== undefined && (kBufferGen === undefined || fields[kBufferGen] != null)) ||
    handle == null || typeof handle.useUserBuffer !== 'function' || socket.listenerCount('data') > 0) return false
  // What the Readable holds came before any read into our buffers: handed over as it is, each chunk its own `into`.
  for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read() as Buffer | null) reads.onRead(chunk.length, chunk)
  fields[kBuffer] = reads.first
  fields[kBufferCb] = reads.onRead
  if (reads.next !== undefined && kBufferGen !== undefined) fields[kBufferGen] = reads.next
  handle.useUserBuffer(reads.first)
  // Flowing, so that the end of the stream is emitted.
  socket.resume()
  return true
}
