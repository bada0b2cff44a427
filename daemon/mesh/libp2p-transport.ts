import { setMaxListeners } from 'node:events'
import type { Duplex } from 'node:stream'
import type { Connection, Libp2p, PeerId, Stream } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { Logger } from 'pino'
import type { Transport } from '../network/index.ts'
import { deadline, NoHandlerError, TransportClosedError, UnreachableError } from '../network/index.ts'
import { Libp2pDuplex } from './libp2p-stream.ts'

type Handler = (stream: Duplex, from: string) => void

/** Bytes each Duplex buffers per direction; Node's default for byte streams is 16 KiB, a yamux frame is 64 KiB. */
const HIGH_WATER_MARK = 64 * 1024 // bytes
/** A dial, protocol negotiation included, that takes longer has failed. */
const DIAL_TIMEOUT = 10_000 // ms
/**
 * Streams of one protocol open at once on one connection, each way. libp2p's
 * defaults (32 in, 64 out) are sized for public networks; a grid opens one
 * stream per forwarded TCP connection.
 */
const MAX_STREAMS = 1024

/** What the transport runs on: a started libp2p node, and how to take it off the network. */
export interface TransportHost {
  readonly libp2p: Libp2p
  /** Stops the node; same promise on every call. */
  stop (): Promise<void>
}

/** Options of a Libp2pTransport. */
export interface Libp2pTransportInit {
  /** Longest a dial may take, connection and protocol negotiation included; default 10 s. */
  dialTimeoutMs?: number
  /** Bytes each stream buffers per direction before write() returns false; default 64 KiB. */
  highWaterMark?: number
  /**
   * Addresses to try for a peer the peer store knows no address of, e.g. from
   * the grid's membership. Bootstrap, mDNS and identify fill the store too.
   */
  addresses?: ReadonlyMap<string, readonly string[]>
}

/**
 * The Transport over the libp2p mesh: node ids are peer ids; each protocol is
 * a libp2p protocol negotiated by multistream-select on a yamux stream of the
 * (noise, after the join protocol) connection to the peer, dialled on demand.
 *
 * close() leaves the network as the contract says: it resets open streams
 * and then stops the host, so peers see this node as unreachable. Close the
 * transport last, after the other users of the host (gossip, membership).
 */
export class Libp2pTransport implements Transport {
  readonly nodeId: string
  readonly #host: TransportHost
  readonly #libp2p: Libp2p
  readonly #log: Logger
  readonly #dialTimeoutMs: number
  readonly #highWaterMark: number
  readonly #addresses: ReadonlyMap<string, readonly string[]>
  readonly #handlers = new Map<string, Handler>()
  readonly #streams = new Set<Libp2pDuplex>()
  #closing: Promise<void> | undefined

  constructor (components: { host: TransportHost, logger: Logger }, init: Libp2pTransportInit = {}) {
    this.#host = components.host
    this.#libp2p = components.host.libp2p
    this.#log = components.logger
    this.nodeId = this.#libp2p.peerId.toString()
    this.#dialTimeoutMs = init.dialTimeoutMs ?? DIAL_TIMEOUT
    this.#highWaterMark = init.highWaterMark ?? HIGH_WATER_MARK
    this.#addresses = init.addresses ?? new Map()
  }

  /** Sets the handler for a protocol; a second call for the same protocol replaces the first. */
  handle (protocol: string, handler: Handler): void {
    if (this.#closing !== undefined) throw new TransportClosedError()
    const registered = this.#handlers.has(protocol)
    this.#handlers.set(protocol, handler)
    if (registered) return
    // libp2p registers the protocol before its first await, so a dial that
    // follows this call negotiates it; the rest only updates the peer store.
    this.#libp2p.handle(protocol, (stream, connection) => { this.#accept(protocol, stream, connection) }, {
      force: true,
      maxInboundStreams: MAX_STREAMS,
      maxOutboundStreams: MAX_STREAMS
    }).catch((err: unknown) => { this.#log.warn({ err, protocol }, 'could not register protocol') })
  }

  /** Stops accepting streams for a protocol; streams already open stay open. */
  unhandle (protocol: string): void {
    if (!this.#handlers.delete(protocol)) return
    // As with handle(), the protocol is gone before the first await.
    this.#libp2p.unhandle(protocol).catch((err: unknown) => { this.#log.debug({ err, protocol }, 'could not update the peer store') })
  }

  /**
   * Opens a stream to a peer's handler over the connection to it, made if
   * need be from the addresses in the peer store (or the hints). Rejects with
   * ERR_UNREACHABLE (also after the dial timeout), ERR_NO_HANDLER,
   * ERR_TRANSPORT_CLOSED, or the signal's reason.
   */
  async dial (nodeId: string, protocol: string, options: { signal?: AbortSignal } = {}): Promise<Duplex> {
    const { signal } = options
    if (this.#closing !== undefined) throw new TransportClosedError()
    signal?.throwIfAborted()
    const peer = this.#peerId(nodeId)
    await this.#hint(peer)
    const own = deadline(this.#dialTimeoutMs)
    const timeout = own.signal
    const bounded = signal === undefined ? timeout : AbortSignal.any([signal, timeout])
    // libp2p hangs a listener per dial stage on the signal.
    setMaxListeners(Infinity, bounded)
    let stream: Stream
    try {
      stream = await this.#libp2p.dialProtocol(peer, protocol, { signal: bounded, maxOutboundStreams: MAX_STREAMS })
    } catch (err) {
      if (signal?.aborted === true) throw signal.reason
      if (this.#closing !== undefined) throw new TransportClosedError(undefined, { cause: err })
      throw this.#dialFailure(nodeId, protocol, err, timeout.aborted)
    } finally {
      // The bound is the dial's: the stream, once open, lives on without it.
      own.clear()
    }
    // The stream can come back in the same turn as an abort or a close.
    if (signal?.aborted === true || this.#closing !== undefined) {
      stream.abort(new Error('dial abandoned'))
      if (signal?.aborted === true) throw signal.reason
      throw new TransportClosedError()
    }
    return this.#track(new Libp2pDuplex(stream, { remoteNode: nodeId, highWaterMark: this.#highWaterMark }))
  }

  /** Resets open streams, unregisters protocols and stops the host. Same promise on every call. */
  close (): Promise<void> {
    this.#closing ??= this.#close()
    return this.#closing
  }

  async #close (): Promise<void> {
    const protocols = [...this.#handlers.keys()]
    this.#handlers.clear()
    await this.#libp2p.unhandle(protocols).catch(() => {})
    // Reset before the host stops: stopping closes yamux streams with a FIN,
    // which a peer could not tell from a clean end of the data.
    await Promise.all([...this.#streams].map(async stream => {
      if (stream.closed) return
      const closed = new Promise(resolve => stream.once('close', resolve))
      stream.destroy()
      await closed
    }))
    await this.#host.stop()
  }

  #accept (protocol: string, stream: Stream, connection: Connection): void {
    const handler = this.#handlers.get(protocol)
    if (handler === undefined || this.#closing !== undefined) {
      stream.abort(new Error(`no handler for ${protocol}`))
      return
    }
    const from = connection.remotePeer.toString()
    const duplex = this.#track(new Libp2pDuplex(stream, { remoteNode: from, highWaterMark: this.#highWaterMark }))
    try {
      handler(duplex, from)
    } catch (err) {
      // The handler's fault; the dialer sees only a reset, as from loopback.
      this.#log.warn({ err, protocol, from }, 'stream handler threw')
      duplex.destroy()
    }
  }

  #track (duplex: Libp2pDuplex): Libp2pDuplex {
    this.#streams.add(duplex)
    duplex.once('close', () => this.#streams.delete(duplex))
    return duplex
  }

  #peerId (nodeId: string): PeerId {
    let peer: PeerId
    try {
      peer = peerIdFromString(nodeId)
    } catch (err) {
      throw new UnreachableError(`node ${nodeId} is unreachable: not a peer id`, { cause: err })
    }
    // libp2p cannot dial itself, and TerminalNetwork short-cuts local
    // endpoints before it reaches the transport.
    if (peer.equals(this.#libp2p.peerId)) throw new UnreachableError('a node cannot dial itself over libp2p')
    return peer
  }

  /** Adds hinted addresses to the peer store when it knows none for the peer. */
  async #hint (peer: PeerId): Promise<void> {
    const hinted = this.#addresses.get(peer.toString())
    if (hinted === undefined || hinted.length === 0) return
    const known = await this.#libp2p.peerStore.get(peer).then(record => record.addresses.length, () => 0)
    if (known > 0) return
    try {
      await this.#libp2p.peerStore.merge(peer, { multiaddrs: hinted.map(address => multiaddr(address)) })
    } catch (err) {
      this.#log.warn({ err, node: peer.toString() }, 'ignoring unusable address hints')
    }
  }

  #dialFailure (nodeId: string, protocol: string, err: unknown, timedOut: boolean): Error {
    const name = (err as Error | undefined)?.name
    if (name === 'UnsupportedProtocolError') return new NoHandlerError(`node ${nodeId} has no handler for ${protocol}`, { cause: err })
    const why = timedOut ? `no answer within ${this.#dialTimeoutMs} ms` : (err as Error | undefined)?.message ?? String(err)
    this.#log.debug({ node: nodeId, protocol, err: why }, 'dial failed')
    return new UnreachableError(`node ${nodeId} is unreachable: ${why}`, { cause: err })
  }
}
