import { setMaxListeners } from 'node:events'
import type { Connection, Libp2p, PeerId, PeerInfo } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { Logger } from 'pino'
import type { Clock, Timer } from '../../controller/clock/index.ts'

/** Uniform random numbers in [0, 1); seeded in tests, Math.random in a daemon. */
export type Rng = () => number

/** How redials of a lost link back off. */
export interface BackoffPolicy {
  /** Longest wait before the first redial. */
  initialMs: number
  /** No wait grows beyond this. */
  maxMs: number
  /** Each failed attempt multiplies the wait by this. */
  factor: number
  /** Up to this fraction of a wait is taken off at random, so nodes that lost the same peer do not redial in step. */
  jitter: number
}

/** 500 ms doubling to 30 s: a restarted daemon is back within a second, a dead one costs one dial a half minute. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5 }

/**
 * The wait before redial number `attempt` (0 for the first), given one draw
 * `random` in [0, 1) from the caller's Rng: `initialMs · factor^attempt`,
 * capped at `maxMs`, less up to `jitter` of it. Pure, so the schedule can be
 * checked by table.
 */
export function backoffDelay (attempt: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const steps = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0
  const ceiling = Math.min(policy.maxMs, policy.initialMs * policy.factor ** steps)
  const draw = Math.min(Math.max(Number.isFinite(random) ? random : 0, 0), 1)
  return Math.round(ceiling * (1 - policy.jitter * draw))
}

/** What Links needs from the host. */
export interface LinksComponents {
  libp2p: Libp2p
  logger: Logger
  clock: Clock
  rng: Rng
}

/** Options of Links. */
export interface LinksInit {
  /** Multiaddrs ending in /p2p/<peer id>; these peers are dialled at start and kept. */
  bootstrap?: string[]
  /** A dial that takes longer counts as failed. */
  dialTimeoutMs: number
  backoff?: Partial<BackoffPolicy>
  /**
   * Learn peers only from `admitted()` (a connection that proved the grid
   * key), not from every connection that opens: a stranger that dialled in,
   * or a node of another grid the subnet scan found, is never redialled.
   */
  admittedOnly?: boolean
}

interface Peer {
  id: PeerId
  /** Failed redials since the link was last up. */
  attempt: number
  timer?: Timer
  dialling?: AbortController
}

/**
 * Keeps the node linked to every peer it has ever been connected to, the
 * bootstrap peers and those mDNS finds: when the last connection to one is
 * lost it redials with jittered exponential back-off until the link is back
 * or stop() is called. libp2p 3 neither dials discovered peers nor redials
 * lost ones by itself (its reconnect queue gives up after a few tries).
 */
export class Links {
  readonly #libp2p: Libp2p
  readonly #log: Logger
  readonly #clock: Clock
  readonly #rng: Rng
  readonly #policy: BackoffPolicy
  readonly #dialTimeoutMs: number
  readonly #bootstrap: Array<{ id: PeerId, address: string }>
  readonly #peers = new Map<string, Peer>()
  readonly #admittedOnly: boolean
  #running = false

  constructor (components: LinksComponents, init: LinksInit) {
    this.#libp2p = components.libp2p
    this.#log = components.logger
    this.#clock = components.clock
    this.#rng = components.rng
    this.#policy = { ...DEFAULT_BACKOFF, ...init.backoff }
    this.#dialTimeoutMs = init.dialTimeoutMs
    this.#bootstrap = (init.bootstrap ?? []).map(address => ({ id: peerIdFromString(peerIdOf(address)), address }))
    this.#admittedOnly = init.admittedOnly === true
  }

  /** Peer ids this node keeps links to. */
  get peers (): string[] {
    return [...this.#peers.keys()]
  }

  /** Starts watching connections and dials the bootstrap peers and those known from before. A no-op when running. */
  start (): void {
    if (this.#running) return
    this.#running = true
    if (!this.#admittedOnly) this.#libp2p.addEventListener('connection:open', this.#onOpen)
    this.#libp2p.addEventListener('peer:disconnect', this.#onDisconnect)
    this.#libp2p.addEventListener('peer:discovery', this.#onDiscovery)
    for (const { id, address } of this.#bootstrap) {
      if (id.equals(this.#libp2p.peerId)) continue
      // The address goes to the peer store so a redial by peer id finds it.
      this.#libp2p.peerStore.merge(id, { multiaddrs: [multiaddr(address)] })
        .catch((err: unknown) => { this.#log.warn({ err, peer: id.toString() }, 'could not record a bootstrap address') })
        .finally(() => { this.#keep(id, 0) })
    }
    if (!this.#admittedOnly) for (const connection of this.#libp2p.getConnections()) this.#remember(connection.remotePeer)
    // Peers known from before a stop() are redialled as a restart would.
    for (const peer of this.#peers.values()) this.#keep(peer.id, 0)
  }

  /** Stops redialling and cancels dials under way. A no-op when stopped. */
  stop (): void {
    if (!this.#running) return
    this.#running = false
    this.#libp2p.removeEventListener('connection:open', this.#onOpen)
    this.#libp2p.removeEventListener('peer:disconnect', this.#onDisconnect)
    this.#libp2p.removeEventListener('peer:discovery', this.#onDiscovery)
    for (const peer of this.#peers.values()) this.#idle(peer)
  }

  /**
   * Learns where a peer listens (from its advert) and keeps a link to it, so
   * that every member reaches every other directly, not only through the
   * bootstrap node. Unparseable addresses are skipped.
   */
  learn (peerId: PeerId, addresses: readonly string[]): void {
    if (!this.#running || peerId.equals(this.#libp2p.peerId)) return
    const peer = this.#peers.get(peerId.toString())
    if (peer !== undefined && this.#linked(peer)) return
    const multiaddrs = []
    for (const a of addresses) {
      try { multiaddrs.push(multiaddr(a)) } catch {}
    }
    if (multiaddrs.length === 0) return
    this.#libp2p.peerStore.merge(peerId, { multiaddrs })
      .catch((err: unknown) => { this.#log.debug({ err, peer: peerId.toString() }, 'could not record advertised addresses') })
      .finally(() => { this.#keep(peerId, 0) })
  }

  /** Stops keeping a link to a peer (one that left the grid); a later connection makes it known again. */
  forget (peerId: string): void {
    const peer = this.#peers.get(peerId)
    if (peer === undefined) return
    this.#idle(peer)
    this.#peers.delete(peerId)
  }

  /** A connection to `peerId` proved the grid key: the peer is kept linked from now on (with `admittedOnly`). */
  admitted (peerId: PeerId): void {
    if (this.#running) this.#opened(peerId)
  }

  readonly #onOpen = (event: CustomEvent<Connection>): void => {
    this.#opened(event.detail.remotePeer)
  }

  #opened (id: PeerId): void {
    const peer = this.#remember(id)
    if (peer.attempt > 0) this.#log.info({ peer: peer.id.toString(), attempts: peer.attempt }, 'link restored')
    peer.attempt = 0
    // Only the timer: a dial under way may be the one that opened this
    // connection, and aborting its signal now would close the socket.
    peer.timer?.cancel()
    peer.timer = undefined
  }

  readonly #onDisconnect = (event: CustomEvent<PeerId>): void => {
    const peer = this.#peers.get(event.detail.toString())
    if (peer === undefined) return
    this.#log.info({ peer: peer.id.toString() }, 'link lost; redialling')
    this.#schedule(peer)
  }

  readonly #onDiscovery = (event: CustomEvent<PeerInfo>): void => {
    if (event.detail.id.equals(this.#libp2p.peerId)) return
    // libp2p calls every new entry of its peer store a discovery, a peer
    // that merely dialled in among them: with no address to dial, it is
    // not one to keep.
    if (this.#admittedOnly && event.detail.multiaddrs.length === 0) return
    this.#keep(event.detail.id, 0)
  }

  #remember (id: PeerId): Peer {
    const key = id.toString()
    let peer = this.#peers.get(key)
    if (peer === undefined) {
      peer = { id, attempt: 0 }
      this.#peers.set(key, peer)
    }
    return peer
  }

  /** Remembers a peer and dials it after `delay` unless it is linked already. */
  #keep (id: PeerId, delay: number): void {
    if (!this.#running) return
    const peer = this.#remember(id)
    if (this.#linked(peer) || peer.timer !== undefined || peer.dialling !== undefined) return
    peer.timer = this.#clock.setTimeout(() => { this.#dial(peer) }, delay)
  }

  #schedule (peer: Peer): void {
    if (!this.#running || this.#linked(peer) || peer.timer !== undefined || peer.dialling !== undefined) return
    const delay = backoffDelay(peer.attempt, this.#rng(), this.#policy)
    peer.attempt++
    peer.timer = this.#clock.setTimeout(() => { this.#dial(peer) }, delay)
  }

  #dial (peer: Peer): void {
    peer.timer = undefined
    if (!this.#running || this.#linked(peer) || this.#peers.get(peer.id.toString()) !== peer) return
    const dialling = new AbortController()
    peer.dialling = dialling
    const signal = AbortSignal.any([dialling.signal, AbortSignal.timeout(this.#dialTimeoutMs)])
    setMaxListeners(Infinity, signal)
    this.#libp2p.dial(peer.id, { signal }).then(
      () => {
        if (peer.dialling !== dialling) return
        peer.dialling = undefined
        // The connection may have dropped before the dial returned, while a
        // 'peer:disconnect' found this dial still under way and let it be.
        this.#schedule(peer)
      },
      (err: unknown) => {
        if (peer.dialling !== dialling) return
        peer.dialling = undefined
        this.#log.debug({ peer: peer.id.toString(), attempt: peer.attempt, err: (err as Error).message }, 'redial failed')
        this.#schedule(peer)
      })
  }

  /** Cancels a pending redial and a dial under way. */
  #idle (peer: Peer): void {
    peer.timer?.cancel()
    peer.timer = undefined
    peer.dialling?.abort()
    peer.dialling = undefined
  }

  #linked (peer: Peer): boolean {
    return this.#libp2p.getConnections(peer.id).some(connection => connection.status === 'open')
  }
}

/** The peer id a /p2p/ multiaddr ends in. */
function peerIdOf (address: string): string {
  const at = address.lastIndexOf('/p2p/')
  return at === -1 ? '' : address.slice(at + '/p2p/'.length).split('/')[0]
}
