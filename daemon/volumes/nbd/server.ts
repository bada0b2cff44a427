/**
 * The NBD server: TCP and Unix-socket listeners in front of named
 * BlockStores. Each connection is independent: a client that breaks the
 * protocol loses its own connection and nothing else.
 */
import { createServer, type Server, type Socket } from 'node:net'
import type { Logger } from 'pino'
import { RealClock, type Clock } from '../../../controller/clock/index.ts'
import { BufferPool } from '../../network/index.ts'
import { ExportExistsError, InvalidExportNameError, ServerClosedError } from './errors.ts'
import type { HandshakeContext } from './handshake.ts'
import { NbdConnection } from './transmission.ts'
import type { NbdAddress, NbdConnectionCounters, NbdExport, NbdServerStats } from './types.ts'

/** Default bound on payload bytes one connection holds: a few maximal requests. */
export const DEFAULT_MAX_IN_FLIGHT_BYTES = 64 * 1024 * 1024 // bytes
/** Default bound on requests one connection holds. */
export const DEFAULT_MAX_IN_FLIGHT_REQUESTS = 256
/** Default time a client has to finish negotiating. */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000 // ms
/** Longest export name ("Strings" in doc/proto.md: at most 4096 bytes). */
const MAX_NAME_BYTES = 4096 // bytes
/**
 * Write payloads joined from socket chunks go into buffers used again
 * (BufferPool, as the replica server's frames): up to 4 MiB each, 16 MiB
 * kept (QEMU's usual 8 × 1 MiB in flight, twice over), none after 10 s
 * without writes.
 */
const POOL = { maxBytes: 4 * 1024 * 1024, maxPooledBytes: 16 * 1024 * 1024, idleMs: 10_000 }

/** What an NbdServer uses. */
export interface NbdServerComponents {
  logger: Logger
  /** Times the payload pool's idle trim; the wall clock by default. */
  clock?: Clock
}

/** Limits and initial exports. */
export interface NbdServerInit {
  exports?: NbdExport[]
  maxInFlightBytes?: number
  maxInFlightRequests?: number
  handshakeTimeoutMs?: number
}

/** Where to listen: a TCP port (0 picks one) on a host, or a Unix socket path. */
export type NbdListen = { port?: number, host?: string } | { path: string }

/** Serves BlockStores over NBD. */
export class NbdServer {
  private readonly log: Logger
  private readonly exports = new Map<string, NbdExport>()
  private readonly listeners: Server[] = []
  private readonly connections = new Map<NbdConnection, Promise<void>>()
  private readonly limits: { maxInFlightBytes: number, maxInFlightRequests: number, handshakeTimeoutMs: number }
  private readonly counters: NbdConnectionCounters = {
    connectionsAccepted: 0,
    connectionsActive: 0,
    connectionsRejected: 0,
    requests: { read: 0, write: 0, flush: 0, trim: 0, writeZeroes: 0, disc: 0, unknown: 0 },
    errors: 0,
    bytesRead: 0,
    bytesWritten: 0
  }

  private readonly handshake: HandshakeContext
  private readonly pool: BufferPool
  private closing: Promise<void> | undefined

  constructor (components: NbdServerComponents, init: NbdServerInit = {}) {
    this.log = components.logger.child({ component: 'nbd' })
    this.pool = new BufferPool({ clock: components.clock ?? new RealClock() }, POOL)
    this.limits = {
      maxInFlightBytes: init.maxInFlightBytes ?? DEFAULT_MAX_IN_FLIGHT_BYTES,
      maxInFlightRequests: init.maxInFlightRequests ?? DEFAULT_MAX_IN_FLIGHT_REQUESTS,
      handshakeTimeoutMs: init.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS
    }
    this.handshake = {
      lookup: name => this.exports.get(name),
      exports: () => [...this.exports.values()],
      shuttingDown: () => this.closing !== undefined
    }
    for (const exp of init.exports ?? []) this.addExport(exp)
  }

  /** Offers a store under exp.name; a taken name is ERR_NBD_EXPORT_EXISTS. */
  addExport (exp: NbdExport): void {
    const bytes = Buffer.byteLength(exp.name, 'utf8')
    if (bytes > MAX_NAME_BYTES || exp.name.includes('\0')) throw new InvalidExportNameError(`export name of ${bytes} bytes or with NUL`)
    if (this.exports.has(exp.name)) throw new ExportExistsError(`export ${JSON.stringify(exp.name)} exists`)
    this.exports.set(exp.name, exp)
  }

  /** Withdraws an export and drops the connections using it (a detached or fenced volume must stop serving). */
  removeExport (name: string): boolean {
    const exp = this.exports.get(name)
    if (exp === undefined) return false
    this.exports.delete(name)
    for (const conn of this.connections.keys()) if (conn.export === exp) conn.socket.destroy()
    return true
  }

  /** Names of the exports, in the order they were added. */
  exportNames (): string[] {
    return [...this.exports.keys()]
  }

  /** Starts a listener and returns where it is. Call once per address (e.g. once for TCP, once for a Unix socket). */
  async listen (where: NbdListen): Promise<NbdAddress> {
    if (this.closing !== undefined) throw new ServerClosedError()
    const server = createServer(socket => { this.accept(socket) })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      if ('path' in where) server.listen(where.path, () => { server.off('error', reject); resolve() })
      else server.listen(where.port ?? 0, where.host ?? '127.0.0.1', () => { server.off('error', reject); resolve() })
    })
    server.on('error', err => { this.log.error({ err }, 'listener error') })
    this.listeners.push(server)
    const address = server.address()
    const result: NbdAddress = typeof address === 'string' || address === null
      ? { path: 'path' in where ? where.path : String(address) }
      : { host: address.address, port: address.port }
    this.log.info(result, 'listening')
    return result
  }

  /** Counters since the server was made. */
  stats (): NbdServerStats {
    const pool = this.pool.stats()
    return { ...this.counters, requests: { ...this.counters.requests }, payloadsPooled: pool.taken, payloadsReused: pool.reused }
  }

  /** Stops listening, lets requests under way finish, and drops every client; the same promise however often called. */
  close (): Promise<void> {
    this.closing ??= this.closeOnce()
    return this.closing
  }

  private async closeOnce (): Promise<void> {
    // a listener's close callback waits for its connections to end: drop them first, or a client that
    // stays connected (QEMU's NBD client reconnects forever) would hold close() open
    const listeners = Promise.all(this.listeners.map(async s => { await new Promise<void>(resolve => s.close(() => { resolve() })) }))
    for (const conn of this.connections.keys()) conn.socket.destroy()
    await Promise.all([listeners, ...this.connections.values()])
    this.pool.clear()
  }

  private accept (socket: Socket): void {
    if (this.closing !== undefined) { socket.destroy(); return }
    const logger = this.log.child({ peer: socket.remoteAddress ?? 'unix', port: socket.remotePort })
    const conn = new NbdConnection({ socket, logger, stats: this.counters, handshake: this.handshake, pool: this.pool }, this.limits)
    const done = conn.run().finally(() => { this.connections.delete(conn) })
    this.connections.set(conn, done)
  }
}
