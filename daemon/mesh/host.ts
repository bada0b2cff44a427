import { setMaxListeners } from 'node:events'
import type { GossipSub } from '@libp2p/gossipsub'
import type { Identify } from '@libp2p/identify'
import type { Libp2p, PeerId, PrivateKey } from '@libp2p/interface'
import { peerIdFromPrivateKey, peerIdFromString } from '@libp2p/peer-id'
import type { Ping } from '@libp2p/ping'
import { multiaddr } from '@multiformats/multiaddr'
import type { Libp2pOptions } from 'libp2p'
import type { Logger } from 'pino'
import { RealClock } from '../../controller/clock/index.ts'
import type { Clock } from '../../controller/clock/index.ts'
import { Admission } from './admission.ts'
import { MeshAddressInvalidError } from './errors.ts'
import { JoinGate } from './join-protocol.ts'
import type { GridKey } from './keys.ts'
import { Links } from './links.ts'
import type { BackoffPolicy, Rng } from './links.ts'

/** The libp2p services every Trellis node runs. */
export interface MeshServices extends Record<string, unknown> {
  identify: Identify
  ping: Ping
  /** Gossipsub: resource adverts, metrics and other soft state. */
  pubsub: GossipSub
}

/** What a mesh host is made from. */
export interface MeshHostInit {
  /** The node's key; its peer id is the node's id on the mesh. */
  privateKey: PrivateKey
  /** Every connection proves, both ways, that its ends hold this key before anything else (the join protocol). */
  gridKey: GridKey
  /** Multiaddrs to listen on, e.g. /ip4/0.0.0.0/tcp/4001; port 0 picks a free one. */
  listen: string[]
  /** Multiaddrs ending in /p2p/<peer id> dialled at start and kept linked; this node's own entry is skipped. */
  bootstrap?: string[]
  /** Find peers of the same grid on the LAN by multicast DNS. */
  mdns?: boolean
  /** Longest a dial, or an inbound handshake, may take; default 10 s. */
  dialTimeoutMs?: number
  /** Connections kept before libp2p prunes the least valued; default 300. */
  maxConnections?: number
  /** How redials of lost links back off; default 500 ms doubling to 30 s. */
  backoff?: Partial<BackoffPolicy>
  /** Gossip topics the grid uses; others are ignored, and invalid messages on these cost the sender its score. */
  topics?: string[]
  /** How often libp2p pings every connection to find dead ones (a new stream each time); default 10 s. */
  connectionPingMs?: number
}

/** What a mesh host needs: a logger, and a clock and random source for redial timing. */
export interface MeshHostComponents {
  logger: Logger
  clock?: Clock
  rng?: Rng
}

const DIAL_TIMEOUT = 10_000 // ms
const CONNECTION_PING_MS = 10_000 // ms, libp2p's own default
const MAX_CONNECTIONS = 300
/**
 * The most a yamux stream lets its peer send ahead of the reader. It bounds
 * what a paused stream holds (libp2p resets a stream whose read buffer
 * outgrows maxReadBufferLength, so that is set above it) and caps one
 * stream's throughput at window/RTT: 4 MiB / 1 ms on a LAN is 4 GB/s, over
 * 100 ms of field radio 40 MB/s.
 */
const STREAM_WINDOW = 4 * 1024 * 1024 // bytes
/** Handshakes in progress at once from unknown parties; bounds what a port scan or flood can hold. */
const MAX_PENDING_INBOUND = 32
/** Connections a second one remote host may open before it is refused. */
const INBOUND_PER_SECOND = 20

/** Largest gossipsub RPC read from a peer. */
const GOSSIP_MAX_RPC_BYTES = 256 * 1024

/**
 * Peer scores: every message our validator rejects costs the sender (the
 * penalty grows with the square of the count), so a peer that floods garbage
 * is soon graylisted and its RPCs are ignored, while honest peers keep their
 * mesh. Nodes share hosts in tests and in racks: no IP colocation penalty.
 */
const GOSSIP_SCORE_THRESHOLDS = { gossipThreshold: -100, publishThreshold: -200, graylistThreshold: -400, acceptPXThreshold: 10, opportunisticGraftThreshold: 1 }

/**
 * How often scores decay and are recomputed, in ms: gossipsub's default of
 * 1 s is a timer of its own, a wake-up a second on an idle node; every 5 s,
 * with each decay factor taken to the fifth power, counters fade as fast.
 */
const SCORE_DECAY_MS = 5000
/** A decay factor per second as one per SCORE_DECAY_MS. */
const perDecay = (perSecond: number): number => perSecond ** (SCORE_DECAY_MS / 1000)

function gossipScoreParams (topics: string[]): Record<string, unknown> {
  const perTopic = {
    topicWeight: 1,
    timeInMeshWeight: 0.01,
    timeInMeshQuantum: 1000,
    timeInMeshCap: 100,
    firstMessageDeliveriesWeight: 1,
    firstMessageDeliveriesDecay: perDecay(0.5),
    firstMessageDeliveriesCap: 20,
    meshMessageDeliveriesWeight: 0,
    meshMessageDeliveriesDecay: perDecay(0.5),
    meshMessageDeliveriesCap: 1,
    meshMessageDeliveriesThreshold: 1,
    meshMessageDeliveriesWindow: 10,
    meshMessageDeliveriesActivation: 5000,
    meshFailurePenaltyWeight: 0,
    meshFailurePenaltyDecay: perDecay(0.5),
    invalidMessageDeliveriesWeight: -100,
    invalidMessageDeliveriesDecay: perDecay(0.9)
  }
  return {
    topics: Object.fromEntries(topics.map(t => [t, perTopic])),
    topicScoreCap: 100,
    IPColocationFactorWeight: 0,
    behaviourPenaltyWeight: -10,
    behaviourPenaltyDecay: perDecay(0.9),
    decayInterval: SCORE_DECAY_MS,
    decayToZero: 0.01
  }
}

/**
 * A started libp2p node of the grid: TCP, noise, yamux, identify, ping,
 * gossipsub as `pubsub`, bootstrap and mDNS discovery, admission (every
 * connection proves the grid key over the join protocol first; removed nodes
 * are refused), and the Links that keep it connected to every peer it has
 * known.
 */
export class MeshHost {
  readonly libp2p: Libp2p<MeshServices>
  /** Keeps links to known peers and redials lost ones. */
  readonly links: Links
  /** Who may connect: feed it the replicated state's revocations with `admission.use()`. */
  readonly admission: Admission
  readonly #gate: JoinGate
  /** This node's peer id, its id on the mesh. */
  readonly peerId: string
  readonly dialTimeoutMs: number
  readonly #log: Logger
  #stopping: Promise<void> | undefined

  /** Use createMeshHost(); this wires an already started node. */
  constructor (components: { libp2p: Libp2p<MeshServices>, links: Links, admission: Admission, gate: JoinGate, logger: Logger }, init: { dialTimeoutMs: number }) {
    this.libp2p = components.libp2p
    this.links = components.links
    this.admission = components.admission
    this.#gate = components.gate
    this.#log = components.logger
    this.peerId = this.libp2p.peerId.toString()
    this.dialTimeoutMs = init.dialTimeoutMs
  }

  /** The multiaddrs peers can dial this node at, each ending in /p2p/<peer id>. */
  get addresses (): string[] {
    return this.libp2p.getMultiaddrs().map(address => address.toString())
  }

  /** The TCP port this node listens on (the first, when several), for what shares its number (heartbeat datagrams). */
  tcpPort (): number | undefined {
    for (const address of this.libp2p.getMultiaddrs()) {
      const tcp = address.getComponents().find(c => c.name === 'tcp')
      if (tcp?.value !== undefined) return Number(tcp.value)
    }
    return undefined
  }

  /** The IPv4 address an open connection reaches `peer` at, if there is one. */
  remoteIp4 (peer: string): string | undefined {
    // Found by the id's text, which each connection's PeerId keeps once made, rather than by decoding `peer`
    // (base58, multihash, key: ~1 ms cold) for every call: the datagram and bulk paths ask every few seconds.
    for (const connection of this.libp2p.getConnections()) {
      if (connection.remotePeer.toString() !== peer) continue
      const ip = connection.remoteAddr.getComponents().find(c => c.name === 'ip4')
      if (ip?.value !== undefined) return ip.value
    }
    return undefined
  }

  /** Peer ids this node has an open connection to on which both ends have proved the grid key. */
  get connectedPeers (): string[] {
    const peers = new Set<string>()
    for (const connection of this.libp2p.getConnections()) {
      if (connection.status === 'open' && this.#gate.isReady(connection)) peers.add(connection.remotePeer.toString())
    }
    return [...peers]
  }

  /** Round-trip time to a peer in ms, over a (new or existing) connection; bounded by the dial timeout. */
  async ping (peerId: string, options: { signal?: AbortSignal } = {}): Promise<number> {
    const timeout = AbortSignal.timeout(this.dialTimeoutMs)
    const signal = options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout])
    setMaxListeners(Infinity, signal)
    return await this.libp2p.services.ping.ping(peerIdFromString(peerId), { signal })
  }

  /** Closes every connection to a peer the admission now refuses (call once the grid removed it). */
  cut (peer: string): void {
    this.#gate.cut(peer)
  }

  /** Stops the links, then the node: listeners closed, connections closed. Same promise on every call. */
  stop (): Promise<void> {
    this.#stopping ??= this.#stop()
    return this.#stopping
  }

  async #stop (): Promise<void> {
    this.links.stop()
    this.#gate.stop()
    await this.libp2p.stop()
    this.#log.info('mesh host stopped')
  }
}

/**
 * libp2p and the modules of its stack, imported when the first host is
 * built: a node outside any grid never builds one, and does without the
 * heap they take (docs/benchmarks.md, idle). The patches come with them, as
 * they import the modules they patch.
 */
async function loadStack () {
  const [{ createLibp2p }, { bootstrap }, { gossipsub }, { identify }, { mdns }, { noise }, { ping }, { tcp }, { yamux }, { patchYamuxWindowUpdates }, { patchOneWritePerMessage }, { patchEd25519KeyObjects }] = await Promise.all([
    import('libp2p'), import('@libp2p/bootstrap'), import('@libp2p/gossipsub'), import('@libp2p/identify'), import('@libp2p/mdns'),
    import('@libp2p/noise'), import('@libp2p/ping'), import('@libp2p/tcp'), import('@libp2p/yamux'),
    import('./yamux-window.ts'), import('./one-write.ts'), import('./ed25519-keys.ts')
  ])
  return { createLibp2p, bootstrap, gossipsub, identify, mdns, noise, ping, tcp, yamux, patchYamuxWindowUpdates, patchOneWritePerMessage, patchEd25519KeyObjects }
}

/** Builds and starts a mesh host. Throws ERR_MESH_ADDRESS_INVALID naming a bad listen or bootstrap address. */
export async function createMeshHost (components: MeshHostComponents, init: MeshHostInit): Promise<MeshHost> {
  const log = components.logger
  const { bootstrap, createLibp2p, gossipsub, identify, mdns, noise, ping, tcp, yamux, patchYamuxWindowUpdates, patchOneWritePerMessage, patchEd25519KeyObjects } = await loadStack()
  // One window update per half window rather than per frame; see yamux-window.ts.
  patchYamuxWindowUpdates()
  // One socket write per encrypted message rather than one per buffer; see one-write.ts.
  patchOneWritePerMessage()
  // Ed25519 keys imported once, not at every gossip signature and check; see ed25519-keys.ts.
  await patchEd25519KeyObjects()
  const dialTimeoutMs = init.dialTimeoutMs ?? DIAL_TIMEOUT
  const listen = init.listen.map(address => checkAddress(address, 'listen'))
  const self = peerIdFromPrivateKey(init.privateKey)
  const list = (init.bootstrap ?? []).map(address => checkBootstrap(address)).filter(entry => !entry.id.equals(self)).map(entry => entry.address)

  const peerDiscovery: NonNullable<Libp2pOptions<MeshServices>['peerDiscovery']> = []
  if (list.length > 0) peerDiscovery.push(bootstrap({ list, timeout: 0 }))
  // A grid-specific service name: nodes of other grids (and IPFS nodes) on
  // the LAN neither answer nor get dialled only to fail the join protocol.
  if (init.mdns === true) peerDiscovery.push(mdns({ serviceTag: `_trellis-${init.gridKey.tag('mdns')}._udp.local` }))

  const admission = new Admission()
  const libp2p = await createLibp2p<MeshServices>({
    start: false,
    privateKey: init.privateKey,
    addresses: { listen },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    connectionGater: admission.gater(),
    streamMuxers: [yamux({ streamOptions: { maxStreamWindowSize: STREAM_WINDOW, maxReadBufferLength: 2 * STREAM_WINDOW } })],
    connectionManager: {
      maxConnections: init.maxConnections ?? MAX_CONNECTIONS,
      dialTimeout: dialTimeoutMs,
      addressDialTimeout: dialTimeoutMs,
      // A peer that stalls the handshake is cut off after the same time a dial would be.
      inboundUpgradeTimeout: dialTimeoutMs,
      inboundStreamProtocolNegotiationTimeout: dialTimeoutMs,
      outboundStreamProtocolNegotiationTimeout: dialTimeoutMs,
      maxIncomingPendingConnections: MAX_PENDING_INBOUND,
      inboundConnectionThreshold: INBOUND_PER_SECOND
    },
    connectionMonitor: { pingInterval: init.connectionPingMs ?? CONNECTION_PING_MS },
    peerDiscovery,
    services: {
      // Neither runs for a peer that is not a member: identify would tell it
      // this node's addresses and protocols. The join gate starts identify
      // on members' connections.
      identify: identify({ timeout: dialTimeoutMs, runOnConnectionOpen: false, runOnLimitedConnection: false }),
      ping: ping({ timeout: dialTimeoutMs, runOnLimitedConnection: false }),
      pubsub: gossipsub({
        emitSelf: false,
        allowPublishToZeroTopicPeers: true,
        ignoreDuplicatePublishError: true,
        // Topics outside the grid's are dropped unread, and one RPC is small:
        // adverts are at most 16 KiB.
        ...(init.topics !== undefined ? { allowedTopics: init.topics } : {}),
        maxInboundDataLength: GOSSIP_MAX_RPC_BYTES,
        scoreParams: gossipScoreParams(init.topics ?? []),
        scoreThresholds: GOSSIP_SCORE_THRESHOLDS
      })
    }
  })

  const clock = components.clock ?? new RealClock()
  // Links come after the start (they dial at once): those joined before are handed over then.
  let links: Links | undefined
  const gate = new JoinGate({ libp2p, admission, clock, logger: log.child({ part: 'join' }), onJoined: c => { links?.admitted(c.remotePeer) }, onRefused: peer => { links?.forget(peer) } }, { gridKey: init.gridKey, windowMs: dialTimeoutMs })
  await gate.start()
  await libp2p.start()
  links = new Links(
    { libp2p, logger: log.child({ part: 'links' }), clock, rng: components.rng ?? Math.random },
    { bootstrap: list, dialTimeoutMs, backoff: init.backoff, admittedOnly: true })
  links.start()
  for (const connection of libp2p.getConnections()) if (gate.isReady(connection)) links.admitted(connection.remotePeer)
  const host = new MeshHost({ libp2p, links, admission, gate, logger: log }, { dialTimeoutMs })
  log.info({ peerId: host.peerId, addresses: host.addresses, grid: init.gridKey.fingerprint, bootstrap: list.length, mdns: init.mdns === true }, 'mesh host started')
  return host
}

function checkAddress (address: string, what: string): string {
  try {
    return multiaddr(address).toString()
  } catch (err) {
    throw new MeshAddressInvalidError(`${what} address ${JSON.stringify(address)} is not a multiaddr`, { cause: err })
  }
}

function checkBootstrap (address: string): { address: string, id: PeerId } {
  const parsed = checkAddress(address, 'bootstrap')
  const id = multiaddr(parsed).getComponents().findLast(component => component.name === 'p2p')?.value
  if (id === undefined) throw new MeshAddressInvalidError(`bootstrap address ${parsed} does not end in /p2p/<peer id>`)
  try {
    return { address: parsed, id: peerIdFromString(id) }
  } catch (err) {
    throw new MeshAddressInvalidError(`bootstrap address ${parsed} holds an invalid peer id`, { cause: err })
  }
}
