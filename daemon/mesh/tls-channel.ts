import { connect as tcpConnect, createServer, type Server, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { connect, createSecureContext, TLSSocket, type ConnectionOptions, type TLSSocketOptions, type TlsOptions } from 'node:tls'
import type { PrivateKey } from '@libp2p/interface'
import type { Logger } from 'pino'
import { deadline, NoHandlerError, readExactly, readFrame, TransportClosedError, UnreachableError, writeFrame, type Transport } from '../network/index.ts'
import type { GridKey } from './keys.ts'
import { PairKeys } from './pair-keys.ts'

/** Where a peer's bulk channel listens; undefined when it has none (an older node, or the channel off). */
export type BulkLocator = (peer: string, signal: AbortSignal) => Promise<{ host: string, port: number } | undefined>

/**
 * The bulk data path: one TLS 1.3 connection per stream, straight between
 * two nodes, for traffic whose bytes are many (volume replication, terminal
 * streams, image blobs). libp2p's stack ciphers and frames every byte in
 * JavaScript; Node's TLS does it natively (AES-GCM), several times faster.
 *
 * No certificates: the connection is keyed by an external PSK, the pair's
 * `bulk` key (PairKeys), with the dialler's peer id as the PSK identity. Only
 * the two nodes can complete the handshake, and only holding the grid key,
 * so a connection proves both ends and the grid as the libp2p connection
 * does; `admits` refuses a revoked peer's identity. The handshake still runs
 * an ephemeral key exchange beside the PSK (psk_dhe_ke; X25519MLKEM768 with
 * this Node's OpenSSL), so a stolen key does not open recorded traffic.
 *
 * After the handshake the dialler sends the protocol as one frame and the
 * listener answers one byte (0 ok, 1 no handler); then the socket is the
 * stream, half-close and all.
 */
export class TlsChannel implements Transport {
  readonly nodeId: string
  readonly #keys: PairKeys
  readonly #log: Logger
  readonly #locate: BulkLocator
  readonly #admits: (peer: string) => boolean
  readonly #handlers = new Map<string, (stream: Duplex, from: string) => void>()
  readonly #sockets = new Set<TLSSocket>()
  /**
   * One context for both sides, made once: tls.connect given only options
   * builds a new one (an OpenSSL SSL_CTX) for every dial, about a quarter of
   * a PSK handshake's CPU here, and a terminal stream dials for every
   * connection an appliance opens (a health probe each second, say).
   */
  readonly #context = createSecureContext(TLS_OPTIONS)
  #server: Server | undefined
  #closing: Promise<void> | undefined

  /**
   * `locate`: where a peer's channel listens (asked over the control plane);
   * `admits`: whether a proven peer may connect (members, not revoked).
   */
  constructor (components: { privateKey: PrivateKey, gridKey: GridKey, logger: Logger, locate: BulkLocator, admits?: (peer: string) => boolean }) {
    this.#keys = new PairKeys(components.privateKey, components.gridKey, 'bulk')
    this.nodeId = this.#keys.selfId
    this.#log = components.logger
    this.#locate = components.locate
    this.#admits = components.admits ?? (() => true)
  }

  /** Listens on `host:port` (0: any free port); resolves with the port bound. */
  async listen (host: string, port: number): Promise<number> {
    // TLS over sockets of our own, so that a stream destroyed before its end can reset its TCP connection;
    // a TLSSocket takes allowHalfOpen from the socket it wraps.
    const server = createServer({ allowHalfOpen: true }, tcp => { this.#handshake(tcp) })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => { server.off('error', reject); resolve() })
    })
    server.on('error', err => { this.#log.warn({ err }, 'bulk listener failed') })
    this.#server = server
    const address = server.address()
    return typeof address === 'object' && address !== null ? address.port : port
  }

  handle (protocol: string, handler: (stream: Duplex, from: string) => void): void {
    if (this.#closing !== undefined) throw new TransportClosedError()
    this.#handlers.set(protocol, handler)
  }

  unhandle (protocol: string): void {
    this.#handlers.delete(protocol)
  }

  async dial (nodeId: string, protocol: string, options: { signal?: AbortSignal } = {}): Promise<Duplex> {
    if (this.#closing !== undefined) throw new TransportClosedError()
    const own = options.signal === undefined ? deadline(DIAL_TIMEOUT_MS) : undefined
    try {
      return await this.#dial(nodeId, protocol, options.signal ?? own!.signal)
    } finally {
      own?.clear()
    }
  }

  async #dial (nodeId: string, protocol: string, signal: AbortSignal): Promise<Duplex> {
    signal.throwIfAborted()
    const key = this.#keys.of(nodeId)
    const where = key === undefined || nodeId === this.nodeId ? undefined : await this.#locate(nodeId, signal).catch(() => undefined)
    signal.throwIfAborted()
    if (key === undefined || where === undefined) throw new UnreachableError(`node ${nodeId} has no bulk channel`)
    const tcp = tcpConnect({ host: where.host, port: where.port, allowHalfOpen: true })
    // allowHalfOpen reaches the socket (tls.connect passes it on) though @types/node does not list it.
    const tlsOptions: ConnectionOptions & { allowHalfOpen: boolean } = {
      ...TLS_OPTIONS,
      secureContext: this.#context,
      socket: tcp,
      allowHalfOpen: true,
      pskCallback: () => ({ psk: key, identity: this.nodeId }),
      // PSK authenticates the server; there is no certificate to check.
      checkServerIdentity: () => undefined
    }
    const socket = resetOnDestroy(connect(tlsOptions), tcp)
    this.#track(socket)
    let onAbort = (): void => {}
    try {
      await new Promise<void>((resolve, reject) => {
        onAbort = () => { reject(signal.reason) }
        signal.addEventListener('abort', onAbort, { once: true })
        socket.once('secureConnect', resolve)
        socket.once('error', reject)
        socket.once('close', () => { reject(new UnreachableError(`node ${nodeId} closed the bulk connection`)) })
      })
      socket.setNoDelay(true)
      writeFrame(socket, Buffer.from(protocol))
      const [answer] = await Promise.race([readExactly(socket, 1, DIAL_TIMEOUT_MS), new Promise<never>((_resolve, reject) => { onAbort = () => { reject(signal.reason) } })])
      if (answer !== OK) throw new NoHandlerError(`node ${nodeId} has no handler for ${protocol}`)
      return socket
    } catch (err) {
      socket.destroy()
      if (signal.aborted && err === signal.reason) throw err
      if ((err as { code?: string }).code === 'ERR_NO_HANDLER') throw err
      throw new UnreachableError(`no bulk connection to ${nodeId}: ${(err as Error).message}`, { cause: err })
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  close (): Promise<void> {
    this.#closing ??= new Promise<void>(resolve => {
      for (const s of this.#sockets) s.destroy()
      if (this.#server === undefined) { resolve(); return }
      this.#server.close(() => { resolve() })
    })
    return this.#closing
  }

  /** Runs the server side of the handshake on an accepted TCP socket; the PSK identity names the peer. */
  #handshake (tcp: Socket): void {
    tcp.on('error', () => {})
    if (this.#closing !== undefined) { tcp.destroy(); return }
    let from: string | undefined
    // pskCallback works on a server TLSSocket as on tls.createServer, though @types/node lists it only there.
    const serverOptions: TLSSocketOptions & Pick<TlsOptions, 'pskCallback'> = {
      isServer: true,
      secureContext: this.#context,
      pskCallback: (_socket, identity) => {
        if (identity === this.nodeId || !this.#admits(identity)) return null
        const key = this.#keys.of(identity)
        if (key !== undefined) from = identity
        return key ?? null
      }
    }
    const socket = resetOnDestroy(new TLSSocket(tcp, serverOptions), tcp)
    this.#track(socket)
    const timer = setTimeout(() => { socket.destroy() }, DIAL_TIMEOUT_MS)
    socket.once('close', () => { clearTimeout(timer) })
    socket.once('secure', () => {
      clearTimeout(timer)
      if (from === undefined) { socket.destroy(); return }
      this.#accept(socket, from)
    })
  }

  #accept (socket: TLSSocket, from: string): void {
    socket.setNoDelay(true)
    void (async () => {
      try {
        const protocol = (await readFrame(socket, MAX_PROTOCOL_BYTES, DIAL_TIMEOUT_MS)).toString('utf8')
        const handler = this.#handlers.get(protocol)
        if (handler === undefined) { socket.end(Buffer.from([NO_HANDLER])); return }
        socket.write(Buffer.from([OK]))
        handler(socket, from)
      } catch (err) {
        this.#log.debug({ err, from }, 'bulk stream refused')
        socket.destroy()
      }
    })()
  }

  #track (socket: TLSSocket): void {
    socket.on('error', () => {})
    this.#sockets.add(socket)
    socket.once('close', () => { this.#sockets.delete(socket) })
  }
}

/** The channel's TLS settings, both sides (exported for the bulk-dial bench's bare baseline). */
export const TLS_OPTIONS = {
  minVersion: 'TLSv1.3',
  maxVersion: 'TLSv1.3',
  // AES-GCM first: the CPU does it (AES-NI); ChaCha20 for one that does not.
  ciphers: 'TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256'
} as const
const DIAL_TIMEOUT_MS = 10_000
const MAX_PROTOCOL_BYTES = 256
const OK = 0
const NO_HANDLER = 1

/**
 * A TLS socket destroyed before both sides ended would close its TCP
 * connection with a FIN, which the peer reads as a clean end: a cut-off
 * stream would pass for a whole one. Such a socket resets the connection
 * instead, so the peer sees ECONNRESET, as a transport stream's reset.
 */
function resetOnDestroy (socket: TLSSocket, tcp: Socket): TLSSocket {
  const destroy = socket.destroy.bind(socket)
  socket.destroy = (err?: Error) => {
    if (!(socket.readableEnded && socket.writableFinished) && !tcp.destroyed) tcp.resetAndDestroy()
    return destroy(err)
  }
  return socket
}
