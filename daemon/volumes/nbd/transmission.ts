/**
 * One NBD connection: handshake, then the transmission phase with many
 * requests in flight and replies in completion order. Requests are checked
 * here before the store sees them (checkRequest is pure); the store checks
 * again, so no path writes outside the volume.
 *
 *   socket ─▶ reader ─▶ header ─▶ budget (bytes, requests) ─▶ payload ─▶ checkRequest ─▶ store ─▶ reply ─▶ release budget
 */
import type { Socket } from 'node:net'
import type { Logger } from 'pino'
import * as C from './constants.ts'
import { ConnectionClosedError, ProtocolError } from './errors.ts'
import { isReadOnly, negotiate, type HandshakeContext } from './handshake.ts'
import { TurnWriter, type BufferPool } from '../../network/index.ts'
import { SocketReader } from './reader.ts'
import type { NbdConnectionCounters, NbdExport } from './types.ts'

/** A parsed request header. */
export interface NbdRequest {
  flags: number
  type: number
  cookie: Buffer
  /** May exceed 2^53 (then imprecise, but still past any volume's end). */
  offset: number
  length: number
}

/** Limits of one connection. */
export interface ConnectionLimits {
  /** Read and write payload bytes held at once; reading stops above it. */
  maxInFlightBytes: number
  /** Requests held at once, whatever their size. */
  maxInFlightRequests: number
  /** A client that has not finished negotiating by then is dropped. */
  handshakeTimeoutMs: number
}

/** What a connection shares with its server. */
export interface ConnectionComponents {
  socket: Socket
  logger: Logger
  stats: NbdConnectionCounters
  handshake: HandshakeContext
  /** Buffers for write payloads that arrive in several socket chunks, given back once the store wrote them. */
  pool: BufferPool
}

/** The NBD error for a request before it reaches the store, or 0 when it may proceed ("Error values" in doc/proto.md). */
export function checkRequest (req: NbdRequest, size: number, minBlockSize: number, readOnly: boolean): number {
  const changes = req.type === C.NBD_CMD_WRITE || req.type === C.NBD_CMD_TRIM || req.type === C.NBD_CMD_WRITE_ZEROES
  if (!changes && req.type !== C.NBD_CMD_READ && req.type !== C.NBD_CMD_FLUSH) return C.NBD_EINVAL
  // FUA is valid on every command once negotiated; NO_HOLE only on WRITE_ZEROES; anything else is EINVAL.
  const allowed = C.NBD_CMD_FLAG_FUA | (req.type === C.NBD_CMD_WRITE_ZEROES ? C.NBD_CMD_FLAG_NO_HOLE : 0)
  if ((req.flags & ~allowed) !== 0) return C.NBD_EINVAL
  if (req.type === C.NBD_CMD_FLUSH) return req.offset === 0 && req.length === 0 ? 0 : C.NBD_EINVAL
  if (req.length > C.MAX_PAYLOAD && (req.type === C.NBD_CMD_READ || req.type === C.NBD_CMD_WRITE)) return C.NBD_EINVAL
  if (changes && readOnly) return C.NBD_EPERM
  if (req.offset > size || req.length > size - req.offset) {
    return req.type === C.NBD_CMD_WRITE || req.type === C.NBD_CMD_WRITE_ZEROES ? C.NBD_ENOSPC : C.NBD_EINVAL
  }
  if (req.offset % minBlockSize !== 0 || req.length % minBlockSize !== 0) return C.NBD_EINVAL
  return 0
}

/** The NBD error a store failure is reported as. */
export function errorFor (err: unknown, type: number): number {
  switch ((err as { code?: string }).code) {
    case 'ERR_VOLUME_FENCED':
    case 'ERR_STORE_READ_ONLY': return C.NBD_EPERM
    case 'ERR_BLOCK_RANGE': return type === C.NBD_CMD_WRITE || type === C.NBD_CMD_WRITE_ZEROES ? C.NBD_ENOSPC : C.NBD_EINVAL
    case 'ERR_BLOCK_ALIGNMENT': return C.NBD_EINVAL
    case 'ERR_STORE_CLOSED': return C.NBD_ESHUTDOWN
    default: return C.NBD_EIO
  }
}

/** The generation an export's changes carry now. */
function generationOf (exp: NbdExport): number {
  return typeof exp.generation === 'function' ? exp.generation() : exp.generation
}

/** Serves one client from accept to close. */
export class NbdConnection {
  readonly socket: Socket
  private readonly reader: SocketReader
  private readonly writer: TurnWriter
  private readonly stats: NbdConnectionCounters
  private readonly handshake: HandshakeContext
  private readonly limits: ConnectionLimits
  private readonly pool: BufferPool
  private log: Logger
  private inFlight = 0
  private inFlightBytes = 0
  private waiters: Array<() => void> = []
  /** The export this connection is in transmission with, once negotiated. */
  export: NbdExport | undefined

  constructor (components: ConnectionComponents, init: ConnectionLimits) {
    this.socket = components.socket
    this.stats = components.stats
    this.handshake = components.handshake
    this.limits = init
    this.pool = components.pool
    this.log = components.logger
    // Above one maximal request plus its header the socket pauses; TCP then slows the client.
    this.reader = new SocketReader(this.socket, C.MAX_PAYLOAD + C.REQUEST_HEADER_BYTES, n => this.pool.take(n))
    this.writer = new TurnWriter(this.socket)
    this.socket.on('error', err => { this.log.debug({ err }, 'socket error') })
    this.socket.on('close', () => { this.wakeAll() })
  }

  /** Runs the connection; never rejects. Resolves when the socket is gone and no request is under way. */
  async run (): Promise<void> {
    this.stats.connectionsAccepted++
    this.stats.connectionsActive++
    this.socket.setNoDelay(true)
    this.socket.setTimeout(this.limits.handshakeTimeoutMs, () => { this.log.info('handshake timed out'); this.socket.destroy() })
    try {
      const exp = await negotiate(this.socket, this.reader, this.handshake)
      this.socket.setTimeout(0)
      if (exp !== undefined) {
        this.export = exp
        this.log = this.log.child({ export: exp.name })
        this.log.debug('transmission')
        await this.transmit(exp)
      }
      this.socket.end()
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.stats.connectionsRejected++
        this.log.info({ reason: err.message }, 'dropped a client that broke the protocol')
      } else if (!(err instanceof ConnectionClosedError)) {
        this.log.warn({ err }, 'connection failed')
      }
      this.socket.destroy()
    } finally {
      while (this.inFlight > 0) await this.wait()
      this.stats.connectionsActive--
    }
  }

  private async transmit (exp: NbdExport): Promise<void> {
    for (;;) {
      const h = this.reader.readNow(C.REQUEST_HEADER_BYTES) ?? await this.reader.read(C.REQUEST_HEADER_BYTES)
      // Without the magic the stream cannot be resynchronised: hard disconnect.
      if (h.readUInt32BE(0) !== C.REQUEST_MAGIC) throw new ProtocolError(`bad request magic 0x${h.readUInt32BE(0).toString(16)}`)
      const req: NbdRequest = {
        flags: h.readUInt16BE(4),
        type: h.readUInt16BE(6),
        cookie: Buffer.from(h.subarray(8, 16)),
        offset: Number(h.readBigUInt64BE(16)),
        length: h.readUInt32BE(24)
      }
      this.count(req.type)
      if (req.type === C.NBD_CMD_DISC) {
        while (this.inFlight > 0) await this.wait()
        return
      }
      const write = req.type === C.NBD_CMD_WRITE
      if (write && req.length > C.MAX_PAYLOAD) {
        // Consumed without being held, so the stream stays in step and memory stays bounded.
        await this.reader.skip(req.length)
        await this.admit(0)
        this.reply(req.cookie, C.NBD_EINVAL, undefined, 0)
        continue
      }
      // The bytes it holds in memory: its payload, or the data a read answers with.
      const cost = write || (req.type === C.NBD_CMD_READ && req.length <= C.MAX_PAYLOAD) ? req.length : 0
      // Requests that are there already go on at once: no promise, no turn of the microtask queue.
      if (!this.admitNow(cost)) await this.admit(cost)
      if (write) this.write(exp, req, this.reader.readNow(req.length) ?? await this.reader.read(req.length), cost)
      else void this.execute(exp, req).then(({ error, data }) => { this.reply(req.cookie, error, data, cost) })
    }
  }

  /** A write, replied to when the store settles it: no async step of its own, as most requests are writes. */
  private write (exp: NbdExport, req: NbdRequest, payload: Buffer, cost: number): void {
    const { store } = exp
    const error = checkRequest(req, store.size, store.minBlockSize, isReadOnly(exp))
    if (error !== 0) { this.reply(req.cookie, error, undefined, cost); return }
    let written: Promise<void>
    try {
      written = store.write(req.offset, payload, { generation: generationOf(exp), fua: (req.flags & C.NBD_CMD_FLAG_FUA) !== 0 })
    } catch (err) {
      written = Promise.reject(err)
    }
    written.then(() => {
      // Written everywhere it goes: no I/O holds it now. After a failure it is left to the collector.
      this.pool.give(payload)
      this.stats.bytesWritten += req.length
      this.reply(req.cookie, 0, undefined, cost)
    }, (err: unknown) => { this.reply(req.cookie, this.failed(err, req), undefined, cost) })
  }

  /** Every request but a write. */
  private async execute (exp: NbdExport, req: NbdRequest): Promise<{ error: number, data?: Buffer }> {
    const { store } = exp
    const error = checkRequest(req, store.size, store.minBlockSize, isReadOnly(exp))
    if (error !== 0) return { error }
    const fua = (req.flags & C.NBD_CMD_FLAG_FUA) !== 0
    try {
      switch (req.type) {
        case C.NBD_CMD_READ: {
          // Into a pooled buffer where the store can read whole blocks into it; given back once the reply left (reply).
          const into = this.pool.take(req.length)
          const data = await store.read(req.offset, req.length, into)
          if (data.buffer !== into.buffer) this.pool.give(into)
          this.stats.bytesRead += data.length
          return { error: 0, data }
        }
        case C.NBD_CMD_FLUSH:
          await store.flush()
          return { error: 0 }
        case C.NBD_CMD_TRIM:
          await store.trim(req.offset, req.length, { generation: generationOf(exp), fua })
          return { error: 0 }
        default:
          await store.writeZeroes(req.offset, req.length, { generation: generationOf(exp), fua, noHole: (req.flags & C.NBD_CMD_FLAG_NO_HOLE) !== 0 })
          return { error: 0 }
      }
    } catch (err) {
      return { error: this.failed(err, req) }
    }
  }

  /** Logs a request the store failed and gives the NBD error to reply with. */
  private failed (err: unknown, req: NbdRequest): number {
    const code = errorFor(err, req.type)
    this.log.warn({ err, type: req.type, offset: req.offset, length: req.length, nbdError: code }, 'request failed')
    return code
  }

  /** Sends a simple reply and returns the request's budget once the kernel has it. */
  private reply (cookie: Buffer, error: number, data: Buffer | undefined, cost: number): void {
    if (error !== 0) this.stats.errors++
    const done = (): void => {
      // The socket has the reply: a pooled read buffer may serve the next request.
      if (data !== undefined) this.pool.give(data)
      this.release(cost)
    }
    if (this.socket.destroyed || !this.socket.writable) { done(); return }
    const h = Buffer.allocUnsafe(C.SIMPLE_REPLY_BYTES)
    h.writeUInt32BE(C.SIMPLE_REPLY_MAGIC, 0)
    h.writeUInt32BE(error, 4)
    cookie.copy(h, 8)
    // Replies completed in one turn of the event loop leave in one write; the only request in flight's at once.
    this.writer.write(data !== undefined && error === 0 ? [h, data] : [h], done, this.inFlight === 1)
  }

  /** Takes room under both limits if there is some now, and says whether it did; one request may always proceed alone. */
  private admitNow (cost: number): boolean {
    if (this.inFlight > 0 && (this.inFlightBytes + cost > this.limits.maxInFlightBytes || this.inFlight >= this.limits.maxInFlightRequests)) return false
    this.inFlight++
    this.inFlightBytes += cost
    return true
  }

  /** Waits for room under both limits, then takes it (admitNow, with no promise when there is room at once). */
  private async admit (cost: number): Promise<void> {
    while (!this.admitNow(cost)) await this.wait()
  }

  private release (cost: number): void {
    this.inFlight--
    this.inFlightBytes -= cost
    this.wakeAll()
  }

  private async wait (): Promise<void> {
    await new Promise<void>(resolve => { this.waiters.push(resolve) })
  }

  private wakeAll (): void {
    const w = this.waiters
    this.waiters = []
    for (const resolve of w) resolve()
  }

  private count (type: number): void {
    const r = this.stats.requests
    switch (type) {
      case C.NBD_CMD_READ: r.read++; break
      case C.NBD_CMD_WRITE: r.write++; break
      case C.NBD_CMD_FLUSH: r.flush++; break
      case C.NBD_CMD_TRIM: r.trim++; break
      case C.NBD_CMD_WRITE_ZEROES: r.writeZeroes++; break
      case C.NBD_CMD_DISC: r.disc++; break
      default: r.unknown++
    }
  }
}
