/**
 * A grid member's side of a node: the mesh host, its transports (control and
 * bulk), gossip, heartbeat datagrams, the directory, instance reports, the
 * replicated log with the voter loop and revocations, and replicated
 * volumes; started together when a node belongs to a grid, and left in
 * order (peers must see it go before the host stops).
 */
import { join } from 'node:path'
import { peerIdFromString } from '@libp2p/peer-id'
import type { Logger } from 'pino'
import type { Clock } from '../controller/clock/index.ts'
import { adminOf } from '../controller/state/index.ts'
import { InstanceReports, INSTANCES_TOPIC, type LocalReport } from './agent/index.ts'
import { membershipEvent, type GridEvents } from './events/index.ts'
import type { NodeMetrics } from './metrics/index.ts'
import { BLOB_PROTOCOL } from './images/index.ts'
import { DEFAULT_MESH_PORT, GRID_KEY_FILE, loadGridConfig } from './commands/index.ts'
import { dataPaths, type NodeConfig } from './config.ts'
import { MembershipLoop, RaftCommandLog, SNAPSHOT_PROTOCOL } from './consensus/index.ts'
import type { NodeIdentity } from './identity/index.ts'
import { ADVERT_TOPIC, GridNodes, HEARTBEAT_TOPIC, NodeDirectory } from './membership/index.ts'
import type { NodeProfile } from './profile/index.ts'
import { bulkListenHost, createMeshHost, Libp2pGossip, Libp2pTransport, loadGridKey, loadNodeKey, probeMulticast, startBulkTransport, SubnetScanner, UdpDatagrams, type MeshHost } from './mesh/index.ts'
import { LinkPacers, TERMINAL_PROTOCOL, type Transport } from './network/index.ts'
import type { NodeAdvert } from './resources/index.ts'
import type { Store } from './store/index.ts'
import { REPLICA_PROTOCOLS } from './volumes/index.ts'
import { GridVolumes } from './volumes/grid/index.ts'

/** A grid member's mesh and consensus: what a node outside any grid does without. */
export interface Membership {
  host: MeshHost
  transport: Transport
  gossip: Libp2pGossip
  datagrams: UdpDatagrams
  /** Looks for members on the subnets, for a joined node with no address to start from and no mDNS. */
  scanner?: SubnetScanner
  directory: NodeDirectory
  nodes: GridNodes
  reports: InstanceReports
  raft: RaftCommandLog
  members: MembershipLoop
  volumes: GridVolumes
}

/**
 * Starts a grid member's mesh host, gossip, transport, directory, instance
 * reports, replicated log, voter membership loop and replicated volumes.
 */
export async function joinGrid (
  c: { logger: Logger, clock: Clock, store: Store, identity: NodeIdentity, advert: (stamp: { incarnation: number, sequence: number, sentAt: number }) => Promise<NodeAdvert>, local: () => LocalReport, events: GridEvents, metrics: NodeMetrics },
  config: NodeConfig,
  profile: NodeProfile,
  incarnation: number
): Promise<Membership> {
  const paths = dataPaths(config.dataDir)
  const saved = await loadGridConfig(config.dataDir)
  const mdnsOn = config.mdns ?? saved?.mdns ?? true
  const privateKey = await loadNodeKey(config.dataDir)
  const gridKey = await loadGridKey(join(config.dataDir, GRID_KEY_FILE))
  const listen = config.listen ?? saved?.listen ?? ['/ip4/0.0.0.0/tcp/7400']
  const host = await createMeshHost({ logger: c.logger.child({ component: 'mesh' }), clock: c.clock }, {
    privateKey,
    gridKey,
    listen,
    bootstrap: [...(saved?.bootstrap ?? []), ...config.bootstrap],
    mdns: mdnsOn,
    topics: [ADVERT_TOPIC, HEARTBEAT_TOPIC, INSTANCES_TOPIC],
    connectionPingMs: profile.mesh.connectionPingMs
  })
  const control = new Libp2pTransport({ host, logger: c.logger.child({ component: 'transport' }) }, { dialTimeoutMs: host.dialTimeoutMs })
  // Bulk protocols over TLS straight to the peer where it can (daemon/mesh/bulk.ts); the rest over libp2p.
  const transport: Transport = config.bulkPort === 'off'
    ? control
    : (await startBulkTransport({
        control, privateKey, gridKey, logger: c.logger.child({ component: 'bulk' }), remoteHost: peer => host.remoteIp4(peer), admits: peer => host.admission.verdict(peer) !== 'refused'
      }, { host: bulkListenHost(listen), port: config.bulkPort ?? (host.tcpPort() ?? DEFAULT_MESH_PORT) + 1, protocols: bulkProtocols(profile) })).transport
  const scanner = saved?.founder !== true && [...(saved?.bootstrap ?? []), ...config.bootstrap].length === 0 && !(mdnsOn && (await probeMulticast()).ok)
    ? new SubnetScanner({ host, clock: c.clock, logger: c.logger.child({ component: 'scan' }) }, { port: host.tcpPort() ?? DEFAULT_MESH_PORT })
    : undefined
  scanner?.start()
  const gossip = new Libp2pGossip({ pubsub: host.libp2p.services.pubsub, selfId: host.peerId, logger: c.logger.child({ component: 'gossip' }) })
  // Heartbeats as datagrams, on the UDP port numbered as the TCP listener.
  const datagrams = new UdpDatagrams({ privateKey, gridKey, logger: c.logger.child({ component: 'datagrams' }), remoteHost: peer => host.remoteIp4(peer) })
  const tcpPort = host.tcpPort()
  if (tcpPort !== undefined) await datagrams.start(tcpPort)
  const directory = new NodeDirectory(
    {
      gossip,
      transport,
      clock: c.clock,
      logger: c.logger.child({ component: 'membership' }),
      advert: c.advert,
      ping: async (peer, timeoutMs) => await host.ping(peer, { signal: AbortSignal.timeout(timeoutMs) }).then(() => true, () => false),
      learn: (peer, addresses) => { host.links.learn(peerIdFromString(peer), addresses) },
      datagrams
    },
    { settings: profile.detector, incarnation, advertIntervalMs: profile.adverts.intervalMs, advertMinGapMs: profile.adverts.minGapMs, advertCheckMs: profile.adverts.checkMs, seed: incarnation }
  )
  // Membership transitions as this node sees them; names come from GridNodes once it exists.
  let nodes: GridNodes | undefined
  directory.on('event', e => {
    const event = membershipEvent(e, id => nodes?.nameOf(id) ?? id, id => nodes?.parked(id) ?? false)
    if (event !== undefined) c.events.observe(event)
  })
  await directory.start()
  const reports = new InstanceReports({
    gossip,
    clock: c.clock,
    logger: c.logger.child({ component: 'reports' }),
    local: c.local,
    onEvents: (node, incarnation, list) => {
      c.events.ingest(node, incarnation, list.map(e => ({ seq: Number(e.seq), at: Number(e.at), subject: e.instance, kind: e.kind, detail: e.detail })))
    }
  }, { incarnation, intervalMs: profile.reportIntervalMs, refreshMs: profile.reportRefreshMs })
  reports.start()
  // One pacer per peer link for every transfer over it (snapshots, catch-ups, rebuilds), so they share its estimate and its pace.
  const pacers = config.linkShare > 0 ? new LinkPacers(c.clock, { ceilingBytesPerSecond: config.rebuildBytesPerSecond, share: config.linkShare }) : undefined
  const raft = new RaftCommandLog({ transport, datagrams, store: c.store, clock: c.clock, logger: c.logger, observer: c.metrics.raftObserver(), pacerFor: peer => pacers?.for(peer) }, {
    // The founder starts the group as its only voter; a node that joined waits to be added.
    voters: saved?.founder === true ? [c.identity.id] : [],
    ...profile.raft
  })
  await raft.start()
  // A removed node is refused for good, whatever key it holds.
  host.admission.use({ isRevoked: peer => raft.state.revoked.has(peer) })
  const revoke = (peer: string): void => {
    host.cut(peer)
    datagrams.revoke(peer)
  }
  raft.onApplied(result => { if (result.kind === 'node-revoked') revoke(result.node) })
  // The mesh ran before the log was read: a removed node may have got in.
  for (const peer of raft.state.revoked.keys()) revoke(peer)
  // A removed node may still be heard of (its last advert relayed): the
  // membership loop and the scheduler never see it.
  const admitted = {
    nodes: () => directory.nodes().filter(n => !raft.state.revoked.has(n.id)),
    on: directory.on.bind(directory),
    off: directory.off.bind(directory)
  }
  const members = new MembershipLoop({ raft, directory: admitted, clock: c.clock, logger: c.logger, parked: id => adminOf(raft.state, id).parked }, { zone: config.zone, intervalMs: profile.membershipLoopMs })
  members.start()
  nodes = new GridNodes({
    self: { id: c.identity.id, name: c.identity.name },
    directory: admitted,
    state: () => raft.state
  })
  const volumes = new GridVolumes({
    log: raft, transport, clock: c.clock, logger: c.logger, isUp: id => nodes.isUp(id), nameOf: id => nodes.nameOf(id), observer: c.metrics.volumeObserver(), ...(pacers !== undefined ? { pacers } : {})
  }, {
    nodeId: c.identity.id, dir: paths.replicas, runDir: paths.run, mountDir: paths.mounts, blockDir: paths.blocks, rebuildBytesPerSecond: config.rebuildBytesPerSecond
  })
  await volumes.start()
  return { host, transport, gossip, datagrams, ...(scanner !== undefined ? { scanner } : {}), directory, nodes, reports, raft, members, volumes }
}

/** Protocols whose bytes are many: over the bulk channel where a peer has one (terminals only where handshakes are cheap). */
function bulkProtocols (profile: NodeProfile): string[] {
  return [...REPLICA_PROTOCOLS, BLOB_PROTOCOL, SNAPSHOT_PROTOCOL, ...(profile.mesh.bulkTerminals ? [TERMINAL_PROTOCOL] : [])]
}

/** Leaves the mesh: peers must see this node go before its host stops. */
export async function leaveGrid (m: Membership): Promise<void> {
  await m.scanner?.stop()
  await m.reports.stop()
  await m.directory.stop()
  m.gossip.close()
  await m.datagrams.close()
  // The transport stops the host too.
  await m.transport.close()
  await m.host.stop()
}
