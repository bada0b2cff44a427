import { Socket, type OnReadOpts, type SocketConstructorOpts } from 'node:net'
import type { Writable } from 'node:stream'
import { MIN_RELAY_BUFFER_BYTES, nextRelayBufferSize } from './buffer-size.ts'

/**
 * Reads a TCP socket into a buffer of its own (Node's `onread`) and writes
 * each read to a destination, the socket paused until that write is done.
 *
 * A socket read through `data` events gets a fresh buffer of at most 64 KiB
 * per read and pushes it through the Readable machinery; relaying plain TCP
 * that way costs about a core-second per GiB on this machine. Read into one
 * buffer and written straight on, the same relay costs half that, and a
 * buffer that grows while reads fill it (to 256 KiB) makes the reads fewer
 * as well (docs/benchmarks.md). The buffer is never copied: the socket reads
 * nothing more until the destination has taken the last read, so one buffer
 * per direction is all a pump holds. It starts small and shrinks back once
 * reads are small, so that an idle connection holds 16 KiB.
 *
 * Before a destination is attached, what the socket reads (a server's
 * greeting, say) is kept, copied, and written first on attach.
 */
export class ReadPump {
  readonly onread: OnReadOpts
  #buffer = Buffer.allocUnsafeSlow(MIN_RELAY_BUFFER_BYTES)
  #socket: Socket | undefined
  #dest: Writable | undefined
  readonly #early: Buffer[] = []
  /** Whether the last read filled its buffer, and the bytes it read (none yet: as if the buffer had been used well). */
  #filled = false
  #used = Infinity

  constructor () {
    this.onread = {
      buffer: () => this.#next(),
      callback: (bytes: number, buffer: Uint8Array) => this.#read(bytes, buffer)
    }
  }

  /** The size of the buffer the socket reads into next, in bytes. */
  get bufferBytes (): number {
    return this.#buffer.byteLength
  }

  /** Starts writing what `socket` (made with this pump's `onread`) reads to `dest`, early reads first. */
  attach (socket: Socket, dest: Writable): void {
    this.#socket = socket
    this.#dest = dest
    for (const chunk of this.#early.splice(0)) dest.write(chunk)
    socket.resume()
  }

  /** The buffer the socket reads into next: larger after a read that filled it, the smallest after a short one. */
  #next (): Buffer {
    const size = nextRelayBufferSize(this.#buffer.byteLength, this.#filled, this.#used)
    if (size !== this.#buffer.byteLength) this.#buffer = Buffer.allocUnsafeSlow(size)
    return this.#buffer
  }

  /** One read: written on, and the socket paused until the write is done (false pauses it). */
  #read (bytes: number, buffer: Uint8Array): boolean {
    this.#filled = bytes === buffer.byteLength
    this.#used = bytes
    const view = Buffer.from(buffer.buffer, buffer.byteOffset, bytes)
    if (this.#dest === undefined) {
      this.#early.push(Buffer.from(view))
      return false
    }
    this.#dest.write(view, err => { if (err == null) this.#socket?.resume() })
    return false
  }
}

/** The pump of a socket made by pumpedSocket or adopted, if it has one. */
export function pumpOf (socket: object): ReadPump | undefined {
  return pumps.get(socket)
}

const pumps = new WeakMap<object, ReadPump>()

/** A TCP socket, not yet connected, that reads through a pump of its own; splice uses it. */
export function pumpedSocket (options: Omit<SocketConstructorOpts, 'onread'> = {}): Socket {
  const pump = new ReadPump()
  const socket = new Socket({ ...options, onread: pump.onread })
  pumps.set(socket, pump)
  return socket
}

/**
 * The same connection as `socket`, accepted by a server with pauseOnConnect
 * and not read yet, now reading through a pump. Node lets only a socket one
 * creates read into a buffer of its own (`onread`), not one a server
 * accepts, so the accepted socket's handle moves to a new socket made with
 * the pump, and the emptied one is destroyed (the server counts it closed;
 * nothing of the connection is). This reaches into Node's `_handle`: where
 * that is not as expected, the socket is returned as it is and is relayed
 * through `data` events, slower but the same bytes; a test holds this
 * Node to the fast path.
 */
export function adoptAccepted (socket: Socket): Socket {
  const inner = socket as unknown as { _handle?: { useUserBuffer?: unknown, reading?: boolean } | null }
  const handle = inner._handle
  if (handle == null || typeof handle.useUserBuffer !== 'function' || handle.reading === true || socket.readableLength > 0) return socket
  const pump = new ReadPump()
  // pauseOnCreate: not read until the pump is attached, as the server left it.
  const options = { handle, onread: pump.onread, allowHalfOpen: socket.allowHalfOpen, pauseOnCreate: true, readable: true, writable: true }
  const adopted = new Socket(options as unknown as SocketConstructorOpts)
  inner._handle = null
  socket.destroy()
  pumps.set(adopted, pump)
  return adopted
}
