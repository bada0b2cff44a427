import { setMaxListeners } from 'node:events'
import type { Connection, Libp2p, Stream } from '@libp2p/interface'
import type { Logger } from 'pino'
import type { Clock, Timer } from '../../controller/clock/index.ts'
import type { Admission } from './admission.ts'
import { checkProof, NONCE_BYTES, newNonce, PROOF_BYTES, proofOf } from './join-proof.ts'
import type { GridKey } from './keys.ts'
import { Libp2pDuplex } from './libp2p-stream.ts'

/** The one protocol a peer that is not (yet) a member may open. */
export const JOIN_PROTOCOL = '/trellis/join/1'
/** The answerer's last byte: the asker's proof checked out. */
const ACCEPTED = 1

/** What the join gate works with: the started libp2p node and its identify service. */
export interface JoinGateComponents {
  libp2p: Libp2p<{ identify: { identify: (connection: Connection, options?: { signal?: AbortSignal }) => Promise<unknown> } }>
  admission: Admission
  clock: Clock
  logger: Logger
}

/**
 * Puts the admission verdicts to work on a running host. A member's
 * connection is identified and used as usual. A joiner's connection is
 * marked limited (libp2p then refuses every stream on it but those of
 * protocols registered to run on limited connections: the join protocol
 * only), and closed after `windowMs`. Over it this node asks the peer to
 * prove it holds the grid key, and proves it in turn (one exchange proves
 * both ways); then it closes the connection and the peers reconnect as
 * members. A wrong proof closes it at once. A revoked peer's connections are
 * closed by `cut()`.
 */
export class JoinGate {
  readonly #libp2p: JoinGateComponents['libp2p']
  readonly #admission: Admission
  readonly #clock: Clock
  readonly #log: Logger
  readonly #key: GridKey
  readonly #windowMs: number
  readonly #self: string
  readonly #timers = new Map<Connection, Timer>()
  readonly #onOpen = (event: CustomEvent<Connection>): void => { this.#opened(event.detail) }
  readonly #onClose = (event: CustomEvent<Connection>): void => {
    this.#timers.get(event.detail)?.cancel()
    this.#timers.delete(event.detail)
  }

  constructor (components: JoinGateComponents, init: { gridKey: GridKey, windowMs: number }) {
    this.#libp2p = components.libp2p
    this.#admission = components.admission
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
  }

  /** Closes every connection to a peer that is refused now (a node just removed from the grid). */
  cut (peer: string): void {
    if (this.#admission.verdict(peer) !== 'refused') return
    for (const connection of this.#libp2p.getConnections()) {
      if (connection.remotePeer.toString() === peer) connection.abort(new Error('peer removed from the grid'))
    }
    this.#log.warn({ peer }, 'connections to a removed node closed')
  }

  #opened (connection: Connection): void {
    const peer = connection.remotePeer.toString()
    const verdict = this.#admission.verdict(peer)
    if (verdict === 'refused') {
      connection.abort(new Error('peer removed from the grid'))
      return
    }
    if (verdict === 'member') {
      // identify is off on open (it would tell a joiner our addresses and
      // protocols); members get it here, and with it their topologies.
      this.#libp2p.services.identify.identify(connection).catch(() => {})
      return
    }
    // Set before any stream is negotiated: libp2p checks it once a stream's
    // protocol is agreed, and for every stream this side opens.
    ;(connection as { limits?: { seconds?: number } }).limits = { seconds: Math.ceil(this.#windowMs / 1000) }
    this.#timers.set(connection, this.#clock.setTimeout(() => {
      this.#timers.delete(connection)
      if (connection.status === 'open' && connection.limits !== undefined) connection.abort(new Error('join window over'))
    }, this.#windowMs))
    void this.#ask(connection)
  }

  /** Asks the peer to prove the key, proves it back; closes the connection either way. */
  async #ask (connection: Connection): Promise<void> {
    const peer = connection.remotePeer.toString()
    const signal = this.#signal()
    let duplex: Libp2pDuplex | undefined
    try {
      const stream = await connection.newStream(JOIN_PROTOCOL, { runOnLimitedConnection: true, signal })
      duplex = new Libp2pDuplex(stream, { remoteNode: peer, highWaterMark: 1024 })
      const reader = new ByteReader(duplex, signal)
      const askerNonce = newNonce()
      duplex.write(askerNonce)
      const answererNonce = await reader.read(NONCE_BYTES)
      const theirs = await reader.read(PROOF_BYTES)
      if (!checkProof(this.#key, { prover: peer, verifier: this.#self, askerNonce, answererNonce }, theirs)) {
        this.#log.warn({ peer, remote: connection.remoteAddr.toString() }, 'peer failed to prove the grid key: connection refused')
        connection.abort(new Error('no proof of the grid key'))
        return
      }
      this.#admission.prove(peer)
      duplex.end(proofOf(this.#key, { prover: this.#self, verifier: peer, askerNonce, answererNonce }))
      const answer = await reader.read(1)
      if (answer[0] !== ACCEPTED) throw new Error('proof not accepted')
      this.#log.info({ peer }, 'peer proved the grid key')
      await this.#reconnect(connection)
    } catch (err) {
      this.#log.debug({ err, peer }, 'join exchange failed')
      duplex?.destroy()
      connection.abort(err as Error)
    }
  }

  /** Answers a peer's ask; closes the connection when its proof is wrong. */
  async #answer (stream: Stream, connection: Connection): Promise<void> {
    const peer = connection.remotePeer.toString()
    const signal = this.#signal()
    const duplex = new Libp2pDuplex(stream, { remoteNode: peer, highWaterMark: 1024 })
    try {
      const reader = new ByteReader(duplex, signal)
      const askerNonce = await reader.read(NONCE_BYTES)
      const answererNonce = newNonce()
      duplex.write(Buffer.concat([answererNonce, proofOf(this.#key, { prover: this.#self, verifier: peer, askerNonce, answererNonce })]))
      const theirs = await reader.read(PROOF_BYTES)
      if (!checkProof(this.#key, { prover: peer, verifier: this.#self, askerNonce, answererNonce }, theirs)) {
        this.#log.warn({ peer, remote: connection.remoteAddr.toString() }, 'peer failed to prove the grid key: connection refused')
        duplex.destroy()
        connection.abort(new Error('no proof of the grid key'))
        return
      }
      this.#admission.prove(peer)
      duplex.end(Buffer.from([ACCEPTED]))
    } catch (err) {
      this.#log.debug({ err, peer }, 'join exchange failed')
      duplex.destroy()
      if (this.#admission.verdict(peer) !== 'member') connection.abort(err as Error)
    }
  }

  /**
   * Closes the limited connection so a full one replaces it: dialled again
   * here when this node dialled it (an inbound one's listen address is not
   * known yet; its dialler's Links redial).
   */
  async #reconnect (connection: Connection): Promise<void> {
    await connection.close({ signal: this.#signal() }).catch(() => { connection.abort(new Error('closing the join connection failed')) })
    if (connection.direction !== 'outbound') return
    await this.#libp2p.dial(connection.remoteAddr, { signal: this.#signal() }).catch((err: unknown) => {
      this.#log.debug({ err, peer: connection.remotePeer.toString() }, 'redial after joining failed')
    })
  }

  #signal (): AbortSignal {
    const signal = AbortSignal.timeout(this.#windowMs)
    setMaxListeners(Infinity, signal)
    return signal
  }
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
