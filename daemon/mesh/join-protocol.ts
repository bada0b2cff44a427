import { setMaxListeners } from 'node:events'
import type { Connection, Libp2p, Stream } from '@libp2p/interface'
import type { Logger } from 'pino'
import type { Clock, Timer } from '../../controller/clock/index.ts'
import type { Admission } from './admission.ts'
import { checkProof, NONCE_BYTES, newNonce, PROOF_BYTES, proofOf } from './join-proof.ts'
import type { GridKey } from './keys.ts'
import { Libp2pDuplex } from './libp2p-stream.ts'

/** The protocol every connection opens first: the only one before both ends have proved the grid key. */
export const JOIN_PROTOCOL = '/trellis/join/1'
/** The answerer's last byte: the asker's proof checked out. */
const ACCEPTED = 1

/** What the join gate works with: the started libp2p node and its identify service. */
export interface JoinGateComponents {
  libp2p: Libp2p<{ identify: { identify: (connection: Connection, options?: { signal?: AbortSignal }) => Promise<unknown> } }>
  admission: Admission
  clock: Clock
  logger: Logger
  /** Told of every connection once both its ends have proved the grid key. */
  onJoined?: (connection: Connection) => void
  /** Told of a peer not to keep a link to: it sent a wrong proof of the grid key, or was removed. */
  onRefused?: (peer: string) => void
}

/**
 * Puts admission to work on a running host. Every connection starts
 * limited: libp2p refuses every stream on it but those of protocols
 * registered to run on limited connections (the join protocol only), and
 * this side's own streams wait. The dialler asks the listener to prove it
 * holds the grid key and proves it in turn; each side lifts the limit on its
 * end once it has checked the other's proof, and is ready (its own streams
 * go out, identify runs) once it knows the other end has lifted too. A wrong
 * proof, or none within `windowMs`, closes the connection. A removed node's
 * connections are refused by the gater and closed by `cut()`.
 */
export class JoinGate {
  readonly #libp2p: JoinGateComponents['libp2p']
  readonly #admission: Admission
  readonly #onJoined: (connection: Connection) => void
  readonly #onRefused: (peer: string) => void
  readonly #clock: Clock
  readonly #log: Logger
  readonly #key: GridKey
  readonly #windowMs: number
  readonly #self: string
  readonly #timers = new Map<Connection, Timer>()
  readonly #ready = new WeakSet<Connection>()
  /** Connections an exchange has been answered on: one per connection. */
  readonly #answered = new WeakSet<Connection>()
  readonly #waiters = new Set<() => void>()
  readonly #onOpen = (event: CustomEvent<Connection>): void => { this.#opened(event.detail) }
  readonly #onClose = (event: CustomEvent<Connection>): void => {
    this.#timers.get(event.detail)?.cancel()
    this.#timers.delete(event.detail)
    this.#wake()
  }

  constructor (components: JoinGateComponents, init: { gridKey: GridKey, windowMs: number }) {
    this.#libp2p = components.libp2p
    this.#admission = components.admission
    this.#onJoined = components.onJoined ?? (() => {})
    this.#onRefused = components.onRefused ?? (() => {})
    this.#clock = components.clock
    this.#log = components.logger
    this.#key = init.gridKey
    this.#windowMs = init.windowMs
    this.#self = this.#libp2p.peerId.toString()
  }

  /** Listens for connections and answers the join protocol. Call before the node starts. */
  async start (): Promise<void> {
    this.#libp2p.addEventListener('connection:open', this.#onOpen)
    this.#libp2p.addEventListener('connection:close', this.#onClose)
    await this.#libp2p.handle(JOIN_PROTOCOL, (stream, connection) => { void this.#answer(stream, connection) }, {
      runOnLimitedConnection: true, maxInboundStreams: 2, maxOutboundStreams: 2
    })
  }

  /** Stops listening; the host closes the connections. */
  stop (): void {
    this.#libp2p.removeEventListener('connection:open', this.#onOpen)
    this.#libp2p.removeEventListener('connection:close', this.#onClose)
    for (const timer of this.#timers.values()) timer.cancel()
    this.#timers.clear()
    this.#wake()
  }

  /** True once both ends of the connection have proved the grid key to each other. */
  isReady (connection: Connection): boolean {
    return this.#ready.has(connection)
  }

  /** Closes every connection to a peer that is refused now (a node just removed from the grid). */
  cut (peer: string): void {
    if (this.#admission.verdict(peer) !== 'refused') return
    let closed = 0
    for (const connection of this.#libp2p.getConnections()) {
      if (connection.remotePeer.toString() !== peer) continue
      connection.abort(new Error('peer removed from the grid'))
      closed++
    }
    this.#onRefused(peer)
    if (closed > 0) this.#log.warn({ peer, closed }, 'connections to a removed node closed')
  }

  #opened (connection: Connection): void {
    const peer = connection.remotePeer.toString()
    if (this.#admission.verdict(peer) === 'refused') {
      connection.abort(new Error('peer removed from the grid'))
      return
    }
    // Set before any stream is negotiated: libp2p checks it once an inbound
    // stream's protocol is agreed.
    ;(connection as { limits?: { seconds?: number } }).limits = { seconds: Math.ceil(this.#windowMs / 1000) }
    // This side's own streams (identify, gossip, the transport's, pings)
    // wait until the other end is ready to take them.
    const open = connection.newStream
    ;(connection as { newStream: Connection['newStream'] }).newStream = async (protocols, options = {}) => {
      const list = Array.isArray(protocols) ? protocols : [protocols]
      if (list.length !== 1 || list[0] !== JOIN_PROTOCOL) await this.#untilReady(connection, options.signal)
      return await open(protocols, options)
    }
    this.#timers.set(connection, this.#clock.setTimeout(() => {
      this.#timers.delete(connection)
      if (connection.status === 'open' && !this.#ready.has(connection)) connection.abort(new Error('the grid key was not proved in time'))
    }, this.#windowMs))
    if (connection.direction === 'outbound') void this.#ask(connection)
  }

  /** The dialler's side: asks the peer to prove the key, proves it back. */
  async #ask (connection: Connection): Promise<void> {
    const peer = connection.remotePeer.toString()
    const signal = this.#signal()
    let duplex: Libp2pDuplex | undefined
    try {
      const stream = await connection.newStream(JOIN_PROTOCOL, { runOnLimitedConnection: true, signal })
      duplex = quiet(new Libp2pDuplex(stream, { remoteNode: peer, highWaterMark: 1024 }))
      const reader = new ByteReader(duplex, signal)
      const askerNonce = newNonce()
      duplex.write(askerNonce)
      const answererNonce = await reader.read(NONCE_BYTES)
      const theirs = await reader.read(PROOF_BYTES)
      if (!checkProof(this.#key, { prover: peer, verifier: this.#self, askerNonce, answererNonce }, theirs)) {
        this.#refuse(connection, duplex)
        return
      }
      // Lifted before our proof goes out: the answerer may send as soon as it has checked it.
      this.#lift(connection)
      duplex.write(proofOf(this.#key, { prover: this.#self, verifier: peer, askerNonce, answererNonce }))
      const answer = await reader.read(1)
      if (answer[0] !== ACCEPTED) throw new Error('proof not accepted')
      // The answerer lifted its end before it accepted.
      duplex.end()
      this.#ready.add(connection)
      this.#joined(connection)
    } catch (err) {
      this.#fail(connection, err as Error)
      duplex?.destroy()
    }
  }

  /** The listener's side: proves the key, checks the dialler's proof. */
  async #answer (stream: Stream, connection: Connection): Promise<void> {
    const peer = connection.remotePeer.toString()
    if (connection.direction !== 'inbound' || this.#answered.has(connection)) {
      stream.abort(new Error('the dialler asks, once per connection'))
      return
    }
    this.#answered.add(connection)
    const signal = this.#signal()
    const duplex = quiet(new Libp2pDuplex(stream, { remoteNode: peer, highWaterMark: 1024 }))
    try {
      const reader = new ByteReader(duplex, signal)
      const askerNonce = await reader.read(NONCE_BYTES)
      const answererNonce = newNonce()
      duplex.write(Buffer.concat([answererNonce, proofOf(this.#key, { prover: this.#self, verifier: peer, askerNonce, answererNonce })]))
      const theirs = await reader.read(PROOF_BYTES)
      if (!checkProof(this.#key, { prover: peer, verifier: this.#self, askerNonce, answererNonce }, theirs)) {
        this.#refuse(connection, duplex)
        return
      }
      this.#lift(connection)
      duplex.write(Buffer.from([ACCEPTED]))
      // The asker ends once it has read the acceptance, after lifting its end.
      await reader.ended()
      duplex.end()
      this.#ready.add(connection)
      this.#joined(connection)
    } catch (err) {
      this.#fail(connection, err as Error)
      duplex.destroy()
    }
  }

  #refuse (connection: Connection, duplex: Libp2pDuplex): void {
    this.#log.warn({ peer: connection.remotePeer.toString(), remote: connection.remoteAddr.toString() }, 'peer failed to prove the grid key: connection refused')
    duplex.destroy()
    connection.abort(new Error('no proof of the grid key'))
    // Another grid's node, or none: not one to redial. An exchange cut
    // short (a lossy link, a timeout) proves nothing either way and is not
    // taken as a refusal.
    this.#onRefused(connection.remotePeer.toString())
  }

  #fail (connection: Connection, err: Error): void {
    this.#log.debug({ err, peer: connection.remotePeer.toString() }, 'join exchange failed')
    connection.abort(err)
  }

  /** Lets the peer's streams in on this end. */
  #lift (connection: Connection): void {
    ;(connection as { limits?: unknown }).limits = undefined
  }

  /** Both ends proved: stops the clock, lets this side's streams out, and identifies the peer (which tells gossipsub and the other topologies it is there). */
  #joined (connection: Connection): void {
    this.#timers.get(connection)?.cancel()
    this.#timers.delete(connection)
    this.#wake()
    this.#log.debug({ peer: connection.remotePeer.toString() }, 'peer proved the grid key')
    this.#onJoined(connection)
    this.#libp2p.services.identify.identify(connection).catch((err: unknown) => {
      this.#log.debug({ err, peer: connection.remotePeer.toString() }, 'identify failed')
    })
  }

  /** Resolves once the connection is ready; rejects when it closes first, or the signal (by default the join window) fires. */
  async #untilReady (connection: Connection, signal: AbortSignal = this.#signal()): Promise<void> {
    while (!this.#ready.has(connection)) {
      signal.throwIfAborted()
      if (connection.status !== 'open') throw new Error('connection closed before the grid key was proved')
      await new Promise<void>(resolve => {
        const wake = (): void => {
          this.#waiters.delete(wake)
          signal.removeEventListener('abort', wake)
          resolve()
        }
        this.#waiters.add(wake)
        signal.addEventListener('abort', wake, { once: true })
      })
    }
  }

  #wake (): void {
    for (const wake of [...this.#waiters]) wake()
  }

  #signal (): AbortSignal {
    const signal = AbortSignal.timeout(this.#windowMs)
    setMaxListeners(Infinity, signal)
    return signal
  }
}

/** A stream whose errors reach the exchange through its reads: a late one (its timeout after success) must not go unhandled. */
function quiet (duplex: Libp2pDuplex): Libp2pDuplex {
  duplex.on('error', () => {})
  return duplex
}

/** Reads exact byte counts from a Duplex, failing when it ends short or the signal fires. */
class ByteReader {
  readonly #source: AsyncIterator<Buffer>
  readonly #signal: AbortSignal
  #held: Buffer = Buffer.alloc(0)

  constructor (duplex: Libp2pDuplex, signal: AbortSignal) {
    this.#source = duplex[Symbol.asyncIterator]()
    this.#signal = signal
    signal.addEventListener('abort', () => { duplex.destroy(signal.reason as Error) }, { once: true })
  }

  /** Resolves when the other side ends the stream with nothing more sent. */
  async ended (): Promise<void> {
    this.#signal.throwIfAborted()
    const next = await this.#source.next()
    if (next.done !== true || this.#held.byteLength > 0) throw new Error('more bytes than the exchange has')
  }

  async read (bytes: number): Promise<Buffer> {
    while (this.#held.byteLength < bytes) {
      this.#signal.throwIfAborted()
      const next = await this.#source.next()
      if (next.done === true) throw new Error(`stream ended ${bytes - this.#held.byteLength} bytes short`)
      this.#held = Buffer.concat([this.#held, next.value])
    }
    const out = this.#held.subarray(0, bytes)
    this.#held = this.#held.subarray(bytes)
    return out
  }
}
