import { mkdir, rm, writeFile } from 'node:fs/promises'
import { flushCompileCache } from 'node:module'
import { join } from 'node:path'
import { networkInterfaces } from 'node:os'
import { version as nodeVersion } from 'node:process'
import { peerIdFromString } from '@libp2p/peer-id'
import { pino, type Logger } from 'pino'
import { GridCatalog } from '../controller/catalog/index.ts'
import { RealClock, type Clock } from '../controller/clock/index.ts'
import { rebalance, ReconcileLoop } from '../controller/reconciler/index.ts'
import { schedule } from '../controller/scheduler/index.ts'
import { adminOf, type CommandLog } from '../controller/state/index.ts'
import { describeSupervisorEvent, InstanceReports, INSTANCES_TOPIC, InstanceWhereabouts, NodeAgent, REPORT_EVENTS, reportedInstances, SelfFence, type LocalReport } from './agent/index.ts'
import { appliedEvent, GridEvents, membershipEvent } from './events/index.ts'
import { addConsoleRoutes, addEventRoutes, addImageRoutes, addLoginRoutes, addMetricsRoute, addRevisionRoutes, addPowerRoutes, addRoutes, addSessionRoutes, addTokenRoutes, ApiServer, Sessions, tokenAuthenticator } from './api/index.ts'
import { AppRevisions } from './app-revisions.ts'
import { NodeMetrics, type MetricsSources } from './metrics/index.ts'
import { metricSources } from './metric-sources.ts'
import { GridEventService } from './event-service.ts'
import { loadConsoleAssets } from '../controller/console/index.ts'
import { CatalogService } from './image-service.ts'
import { GridTokens } from './token-service.ts'
import { GridPower } from './power-service.ts'
import { PowerOffHook, sendWakeOnLan, wakeMacOf } from './power/index.ts'
import { BLOB_PROTOCOL, BlobFetcher, BlobServer, NodeImages, openBlobStore, type ImageNode } from './images/index.ts'
import { DEFAULT_MESH_PORT, GRID_KEY_FILE, inGrid, loadGridConfig } from './commands/index.ts'
import { multicastNotes, nodeFingerprints } from './node-capabilities.ts'
import { dataPaths, VERSION, type NodeConfig } from './config.ts'
import { MembershipLoop, RaftCommandLog } from './consensus/index.ts'
import { loadAdminToken, loadIdentity, type NodeIdentity } from './identity/index.ts'
import { ADVERT_TOPIC, GridNodes, HEARTBEAT_TOPIC, NodeDirectory } from './membership/index.ts'
import { checkProfile, nodeProfile, raftTimes, type NodeProfile } from './profile/index.ts'
import { bulkListenHost, createMeshHost, Libp2pGossip, Libp2pTransport, loadGridKey, loadNodeKey, probeMulticast, startBulkTransport, SubnetScanner, UdpDatagrams, type MeshHost } from './mesh/index.ts'
import { GridLogs, LogKeeper, LogServer, type LocalLogs } from './logs/index.ts'
import { LoopbackNetwork, LoopbackTransport, TERMINAL_PROTOCOL, TerminalNetwork, type Transport } from './network/index.ts'
import { buildAdvert, nextIncarnation, probeResources, type NodeAdvert } from './resources/index.ts'
import { DriverSet, InstanceIsolation, ProcessDriver, Supervisor, VmDriver, uidStoreOver } from './runtime/index.ts'
import { NodeService } from './service.ts'
import { SessionGateway, SessionServer } from './sessions/index.ts'
import { LocalLog, openStore, type Store } from './store/index.ts'
import { DirectoryVolumeBackend, REPLICA_PROTOCOL, type VolumeAttacher } from './volumes/index.ts'
import { GridVolumes } from './volumes/grid/index.ts'

/** Failed restarts in a row before a node gives up an instance for the grid to move it. */
const GRID_MAX_RESTARTS = 5

/** A running trellisd: what main.ts starts and tests drive. */
export interface TrellisNode {
  readonly identity: NodeIdentity
  readonly apiUrl: string
  readonly logger: Logger
  /** Mesh addresses, when the node belongs to a grid. */
  readonly meshAddresses: string[]
  /** Stops everything this node started, in reverse order. Same promise however often called. */
  stop (): Promise<void>
}

/** A grid member's mesh and consensus: what a node outside any grid does without. */
interface Membership {
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
 * The composition root: builds every component of a node from its config,
 * wires them with plain objects, starts them in order and stops them in
 * reverse. Nothing here decides anything; each decision lives in the
 * component named beside it.
 */
export async function createNode (config: NodeConfig, logger?: Logger): Promise<TrellisNode> {
  const paths = dataPaths(config.dataDir)
  // Every periodic timer of the node comes from here; refused before anything starts when its timings contradict each other.
  const profile = checkProfile(nodeProfile(config.profile))
  const root = logger ?? pino({
    level: config.logLevel,
    redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'gridKey', '*.gridKey'], censor: '[redacted]' }
  })
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 })
  await mkdir(paths.logs, { recursive: true })
  const identity = await loadIdentity(config.dataDir, config.name)
  const log = root.child({ node: identity.name })
  const token = await loadAdminToken(config.dataDir)
  const incarnation = await nextIncarnation(config.dataDir)
  // Built first: the replicated log and volumes report to it as they are made; it reads the rest once built.
  let metricsSources: MetricsSources | undefined
  const metrics = new NodeMetrics({ sources: () => metricsSources }, { selfId: identity.id })


  const store: Store = await openStore(paths.state)
  // Sets the data dir's modes before any instance or volume is set up; as root, refuses a data dir instances cannot reach.
  const isolation = await InstanceIsolation.prepare({ store: uidStoreOver(store.sublevel<string, string>('accounts', { valueEncoding: 'utf8' })), logger: log }, {
    dataDir: config.dataDir,
    shared: [paths.instances, paths.volumes, paths.mounts, paths.blocks, paths.code, paths.imageDirs],
    private: [paths.state, paths.logs, paths.replicas, paths.run, paths.images],
    instancesDir: paths.instances,
    codeDir: paths.code,
    range: config.instanceUids,
    code: [process.execPath]
  })
  const clock = new RealClock()
  const processes = new ProcessDriver({ logger: log }, { cgroupParent: config.cgroupParent })
  // VMs live in the run dir (QMP and console sockets), which outlives the daemon so the next one finds them.
  const vms = new VmDriver({ logger: log }, {
    runDir: join(paths.run, 'vm'),
    accel: config.vmAccel,
    kvmProbe: { cacheDir: paths.run, ...(config.vmProbeKernel === undefined ? {} : { kernel: config.vmProbeKernel }) },
    process: { cgroupParent: config.cgroupParent }
  })
  const grid = inGrid(config.dataDir)
  const vmCapabilities = await vms.capabilities()
  // Without QEMU the node has no vm driver: a vm task here fails, and the scheduler places none (no driver:vm).
  const driver = new DriverSet({ default: processes, others: vmCapabilities.capabilities.length > 0 ? [vms] : [] })
  const fingerprints = [...await nodeFingerprints(processes, grid), vmCapabilities, ...(grid ? [await multicastNotes(config, log)] : [])]

  // The advert reads the API address, the mesh addresses and what the agent holds, all bound below.
  let apiUrl = ''
  // Where the grid can wake this node when it is parked and off.
  const wakeMac = config.wakeMac ?? wakeMacOf(networkInterfaces())
  let agent: NodeAgent | undefined
  let membership: Membership | undefined
  const advert = async (stamp: { incarnation: number, sequence: number, sentAt: number }): Promise<NodeAdvert> => buildAdvert({
    identity,
    ...stamp,
    versions: { trellis: VERSION, node: nodeVersion },
    config: { zone: config.zone, labels: config.labels, apiAddress: apiUrl, listenAddrs: membership?.host.addresses ?? [], wakeMac },
    resources: await probeResources(config.dataDir),
    fingerprints,
    allocated: agent?.allocated() ?? { cpu: 0, memory: 0, disk: 0 }
  })

  const supervisor = new Supervisor({
    driver,
    clock,
    logger: log,
    store: { save: async (id, handle) => { await agent?.handleStore.save(id, handle) }, delete: async (id) => { await agent?.handleStore.delete(id) } }
  }, { stopGraceMs: config.stopGraceMs })
  supervisor.on('event', e => { agent?.record(e.id, e.type, describeSupervisorEvent(e)) })
  const events = new GridEvents({ selfId: identity.id })
  const local = (): LocalReport => ({
    instances: reportedInstances(supervisor.list(), id => agent?.runningPlan(id)),
    events: events.own(REPORT_EVENTS).map(e => ({ at: e.at, instance: e.subject, kind: e.kind, detail: e.detail, seq: e.id })),
    volumeSyncs: (membership?.volumes.views() ?? []).flatMap(v => v.syncing.map(s => ({ volume: v.id, ...s })))
  })

  let transport: Transport
  let commandLog: CommandLog
  let nodes: GridNodes
  if (grid) {
    membership = await joinGrid({ logger: log, clock, store, advert, local, identity, events, metrics }, config, profile, incarnation)
    transport = membership.transport
    commandLog = membership.raft
    nodes = membership.nodes
  } else {
    // A node outside any grid is its own network, keeps its own log and is the only node it knows.
    transport = new LoopbackTransport({ network: new LoopbackNetwork() }, { nodeId: identity.id })
    commandLog = await LocalLog.open(store, log.child({ component: 'log' }))
    let sequence = 0
    nodes = new GridNodes({
      self: { id: identity.id, name: identity.name },
      advert: async () => await advert({ incarnation, sequence: ++sequence, sentAt: clock.now() }),
      state: () => commandLog.state
    })
  }
  const raft = membership?.raft
  // Committed changes as events, from those this node had not seen before it started (a restart replays the rest).
  const replayedUpTo = raft?.status().lastIndex ?? commandLog.state.appliedIndex
  commandLog.onApplied((result, index) => {
    const e = index > replayedUpTo ? appliedEvent(result, clock.now(), id => nodes.nameOf(id)) : undefined
    if (e !== undefined) events.observe(e)
  })
  const volumes: VolumeAttacher = membership?.volumes ?? new DirectoryVolumeBackend({ root: paths.volumes })

  // The grid's catalog: images live in the log and their blobs on the nodes; the seed folder fills it at first start.
  const catalog = new GridCatalog(() => commandLog.state)
  const blobs = await openBlobStore({ logger: log.child({ component: 'images' }) }, { root: paths.images, unpackRoot: paths.imageDirs })
  const blobServer = new BlobServer({ transport, store: blobs, logger: log.child({ component: 'images' }) })
  blobServer.start()
  const images = new NodeImages({
    store: blobs,
    fetcher: new BlobFetcher({ transport, store: blobs, clock, logger: log }, { bytesPerSecond: config.rebuildBytesPerSecond, linkShare: config.linkShare }),
    log: commandLog,
    clock,
    logger: log.child({ component: 'images' }),
    nodes: () => imageNodes(nodes, identity.id, grid),
    record: (subject, kind, detail) => { agent?.record(subject, kind, detail) },
    nameOf: id => nodes.nameOf(id)
  }, { selfId: identity.id, replicas: grid ? config.imageReplicas : 1, seedDir: config.imagesDir })

  const network = new TerminalNetwork({ transport, logger: log.child({ component: 'network' }), health: id => nodes.stateOf(id) })
  network.start()
  // Consoles and exec into the instances this node runs, for clients of any node.
  const sessions = new SessionServer({ transport, spec: id => supervisor.spec(id), entry: id => driver.entry(id), logger: log })
  sessions.start()
  // A committed placement decides. On a grid an instance not yet placed waits for the
  // leader's reconciler; a lone node runs everything itself.
  const placeOf = (id: string): string | undefined => commandLog.state.placements.get(id)?.node ?? (raft === undefined ? identity.id : undefined)
  agent = new NodeAgent(
    { log: commandLog, catalog, runner: supervisor, network, volumes, isolation, images, store, events, logger: log.child({ component: 'agent' }) },
    {
      nodeId: identity.id,
      nodeName: identity.name,
      logDir: paths.logs,
      entryHost: config.entryHost,
      stopGraceMs: config.stopGraceMs,
      // In a grid, an instance that keeps crashing is given up here so the leader moves it.
      maxRestarts: raft !== undefined ? GRID_MAX_RESTARTS : undefined,
      place: placeOf
    }
  )
  const whereabouts = new InstanceWhereabouts({
    selfId: identity.id,
    placementOf: placeOf,
    local: id => supervisor.status(id),
    reported: membership === undefined ? undefined : (id, node) => membership!.reports.instance(id, node)
  })

  // Instance logs: kept in size and time here, served to other nodes, read from wherever an instance runs.
  const logFiles: LocalLogs = { clock, dir: paths.logs, files: config.instanceLogFiles }
  const logKeeper = new LogKeeper({ clock, logger: log.child({ component: 'logs' }) }, { dir: paths.logs, maxBytes: config.instanceLogMaxBytes, files: config.instanceLogFiles })
  const logServer = new LogServer({ transport, logs: logFiles, logger: log })
  logServer.start()
  const gridLogs = new GridLogs({
    selfId: identity.id,
    transport,
    logs: logFiles,
    clock,
    logger: log.child({ component: 'logs' }),
    placementOf: placeOf,
    conditionOf: id => whereabouts.condition(id),
    nameOf: id => nodes.nameOf(id)
  })

  events.subscribe(e => { metrics.event(e) })
  metricsSources = metricSources({
    selfId: identity.id, nodes, supervisor, network, blobServer, logKeeper, logServer,
    grid: membership === undefined ? undefined : { directory: membership.directory, reports: membership.reports, raft: membership.raft }
  })

  const quorum = (): string => {
    const voters = raft?.status().voters ?? []
    const out = voters.filter(v => v !== identity.id && !nodes.isUp(v))
    return `${out.length} of ${voters.length} voters unreachable${out.length === 0 ? ' (an election may be under way)' : `: ${out.map(v => `${nodes.nameOf(v)} (${nodes.stateOf(v) ?? 'unknown'})`).join(', ')}`}`
  }
  const authenticate = tokenAuthenticator(token, () => commandLog.state)
  // The web console's logins: a token traded once for a cookie, kept in this node's memory.
  const logins = new Sessions({ clock, authenticate }, { nodeId: identity.id })
  const api = new ApiServer({ logger: log.child({ component: 'api' }), sessions: logins }, { authenticate, quorum })
  addMetricsRoute(api, metrics, { open: !config.metricsAuth })
  addLoginRoutes(api, logins, log.child({ component: 'console' }))
  addConsoleRoutes(api, loadConsoleAssets)
  addRoutes(api, new NodeService({
    nodeId: identity.id,
    log: commandLog,
    agent,
    catalog,
    logs: gridLogs,
    events,
    logger: log.child({ component: 'service' }),
    catalogReady: images.seeded,
    nodes,
    raft,
    remote: membership?.reports,
    volumes: membership?.volumes,
    clock,
    staleAfterMs: raftTimes(profile).failoverMs,
    rebalance: raft === undefined
      ? undefined
      : () => rebalance({ state: commandLog.state, nodes: nodes.sensed(), images: catalog, schedule, seed: commandLog.state.appliedIndex })
  }))

  // Wake-on-LAN to a node's advertised MAC; false when it advertised none.
  const wakeNode = async (id: string): Promise<boolean> => {
    const mac = nodes.wakeMacOf(id)
    if (mac === undefined) {
      log.warn({ node: nodes.nameOf(id) }, 'cannot wake the node: its advert carries no MAC address (--wake-mac)')
      return false
    }
    await sendWakeOnLan(mac).catch((err: unknown) => { log.warn({ err, node: nodes.nameOf(id), mac }, 'Wake-on-LAN packet not sent') })
    log.info({ node: nodes.nameOf(id), mac }, 'Wake-on-LAN packet sent')
    return true
  }
  addPowerRoutes(api, new GridPower({ log: raft, nodes, logger: log.child({ component: 'power' }), wake: wakeNode }))
  const powerOff = config.powerOffCommand === undefined || config.powerOffCommand === ''
    ? undefined
    : new PowerOffHook({
      clock,
      logger: log.child({ component: 'power' }),
      parked: () => { const a = adminOf(commandLog.state, identity.id); return a.parked && !a.draining }
    }, { command: config.powerOffCommand })
  if (powerOff !== undefined) commandLog.onApplied(() => { powerOff.check() })

  const reconciler = raft === undefined
    ? undefined
    : new ReconcileLoop({
      log: raft,
      clock,
      logger: log.child({ component: 'reconciler' }),
      images: catalog,
      schedule,
      nodes: () => nodes.sensed().map(n => {
        const answered = raft.lastAnsweredAt(n.id)
        return answered === undefined ? n : { ...n, lastAnswered: answered }
      }),
      ready: id => whereabouts.ready(id),
      failed: id => whereabouts.failed(id),
      record: (instance, kind, detail) => { agent?.record(instance, kind, detail) },
      nameOf: id => nodes.nameOf(id),
      replicaReplaceMs: config.replicaReplaceMs,
      statefulGraceMs: profile.fence.statefulGraceMs,
      roundMs: profile.reconcileRoundMs,
      voters: () => raft.status().voters,
      wake: async id => { await wakeNode(id) }
    })
  const fence = raft === undefined
    ? undefined
    : new SelfFence({ quorumContactAt: () => raft.quorumContactAt(), clock, logger: log.child({ component: 'fence' }), fence: (f, why) => { agent?.setFenced(f, why) } }, profile.fence)

  addRevisionRoutes(api, new AppRevisions({ log: commandLog, catalog, nodes, nodeId: identity.id, logger: log.child({ component: 'service' }) }))
  addTokenRoutes(api, new GridTokens({ log: commandLog, logger: log.child({ component: 'api' }) }))
  addEventRoutes(api, new GridEventService({ events, nameOf: id => nodes.nameOf(id) }))
  addSessionRoutes(api, new SessionGateway({
    transport,
    server: sessions,
    selfId: identity.id,
    instances: app => commandLog.state.apps.has(app) ? agent!.instances(app).map(i => i.id) : undefined,
    placementOf: placeOf,
    nameOf: id => nodes.nameOf(id),
    logger: log
  }))
  addImageRoutes(api, new CatalogService({ log: commandLog, images, nodes, logger: log.child({ component: 'images' }) }, { replicas: grid ? config.imageReplicas : 1 }))

  images.start()
  logKeeper.start()
  await agent.start()
  reconciler?.start()
  fence?.start()
  powerOff?.check()
  const bound = await api.listen(config.apiHost, config.apiPort)
  apiUrl = `http://${bound.host.includes(':') ? `[${bound.host}]` : bound.host}:${bound.port}`
  await writeFile(paths.apiFile, JSON.stringify({ url: apiUrl, pid: process.pid, mesh: membership?.host.addresses ?? [] }) + '\n', { mode: 0o600 })
  log.info({ id: identity.id, api: apiUrl, incarnation, grid, profile: profile.name, limits: fingerprints.some(f => f.capabilities.includes('cgroup-limits')) }, 'node started')
  // bin/launch gives a checkout's daemon Node's compile cache, which Node writes at a clean exit only: written
  // now, a daemon killed or crashed still leaves it, and its next start loads no TypeScript stripper. No cache, no-op.
  flushCompileCache()

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info({ stopInstances: config.stopInstancesOnExit }, 'node stopping')
      await api.close()
      sessions.close()
      await images.stop()
      await agent.stop({ stopInstances: config.stopInstancesOnExit })
      await supervisor.close()
      await isolation.close({ instancesStopped: config.stopInstancesOnExit })
      // Whatever the volumes leave behind, the cgroup parent and the rest still go.
      await membership?.volumes.stop().catch((err: unknown) => { log.error({ err }, 'volumes did not stop cleanly') })
      if (config.stopInstancesOnExit) {
        await vms.removeCgroupParent()
        await processes.removeCgroupParent()
      }
      vms.close()
      processes.close()
      await network.close()
      blobServer.close()
      logServer.close()
      await logKeeper.stop()
      // The log before the mesh: Raft must stop sending before the transport goes.
      await fence?.stop()
      powerOff?.stop()
      await reconciler?.stop()
      await membership?.members.stop()
      await commandLog.close()
      if (membership !== undefined) await leaveGrid(membership)
      else await transport.close()
      await store.close()
      await rm(paths.apiFile, { force: true })
      log.info('node stopped')
    })()
    return stopping
  }
  return { identity, apiUrl, logger: log, meshAddresses: membership?.host.addresses ?? [], stop }
}

/**
 * Starts a grid member's mesh host, gossip, transport, directory, instance
 * reports, replicated log, voter membership loop and replicated volumes.
 */
async function joinGrid (
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
      }, { host: bulkListenHost(listen), port: config.bulkPort ?? (host.tcpPort() ?? DEFAULT_MESH_PORT) + 1, protocols: BULK_PROTOCOLS })).transport
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
  const raft = new RaftCommandLog({ transport, store: c.store, clock: c.clock, logger: c.logger, observer: c.metrics.raftObserver() }, {
    // The founder starts the group as its only voter; a node that joined waits to be added.
    voters: saved?.founder === true ? [c.identity.id] : [],
    ...profile.raft
  })
  await raft.start()
  // A removed node is refused for good, whatever key it holds.
  host.admission.use({ isRevoked: peer => raft.state.revoked.has(peer) })
  raft.onApplied(result => { if (result.kind === 'node-revoked') host.cut(result.node) })
  // The mesh ran before the log was read: a removed node may have got in.
  for (const peer of raft.state.revoked.keys()) host.cut(peer)
  // A removed node may still be heard of (its last advert, heartbeats by
  // datagram): the membership loop and the scheduler never see it.
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
    log: raft, transport, clock: c.clock, logger: c.logger, isUp: id => nodes.isUp(id), nameOf: id => nodes.nameOf(id), observer: c.metrics.volumeObserver()
  }, {
    nodeId: c.identity.id, dir: paths.replicas, runDir: paths.run, mountDir: paths.mounts, blockDir: paths.blocks, rebuildBytesPerSecond: config.rebuildBytesPerSecond, linkShare: config.linkShare
  })
  await volumes.start()
  return { host, transport, gossip, datagrams, ...(scanner !== undefined ? { scanner } : {}), directory, nodes, reports, raft, members, volumes }
}

/** Protocols whose bytes are many: over the bulk channel where a peer has one. */
const BULK_PROTOCOLS = [TERMINAL_PROTOCOL, REPLICA_PROTOCOL, BLOB_PROTOCOL]

/** Leaves the mesh: peers must see this node go before its host stops. */
async function leaveGrid (m: Membership): Promise<void> {
  await m.scanner?.stop()
  await m.reports.stop()
  await m.directory.stop()
  m.gossip.close()
  await m.datagrams.close()
  // The transport stops the host too.
  await m.transport.close()
  await m.host.stop()
}

/** The nodes image replication spreads copies over: the grid's, or this node alone. */
function imageNodes (nodes: GridNodes, selfId: string, grid: boolean): ImageNode[] {
  if (!grid) return [{ id: selfId, up: true, accepting: true, zone: '', freeDisk: Number.MAX_SAFE_INTEGER }]
  return nodes.sensed().map(n => ({ id: n.id, up: n.state === 'up', accepting: !n.cordoned && !n.draining, zone: n.zone, freeDisk: n.capacity.disk }))
}
