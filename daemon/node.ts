import { mkdir, rm, writeFile } from 'node:fs/promises'
import { flushCompileCache } from 'node:module'
import { join } from 'node:path'
import { networkInterfaces } from 'node:os'
import { version as nodeVersion } from 'node:process'
import { pino, type Logger } from 'pino'
import { GridCatalog } from '../controller/catalog/index.ts'
import { RealClock } from '../controller/clock/index.ts'
import { rebalance, ReconcileLoop } from '../controller/reconciler/index.ts'
import { schedule } from '../controller/scheduler/index.ts'
import { adminOf, type CommandLog } from '../controller/state/index.ts'
import { describeSupervisorEvent, InstanceWhereabouts, NodeAgent, REPORT_EVENTS, reportedInstances, SelfFence, type LocalReport } from './agent/index.ts'
import { appliedEvent, GridEvents } from './events/index.ts'
import { addConsoleRoutes, addEventRoutes, addImageRoutes, addLoginRoutes, addMetricsRoute, addRevisionRoutes, addPowerRoutes, addRoutes, addSessionRoutes, addTokenRoutes, ApiServer, Sessions, tokenAuthenticator } from './api/index.ts'
import { AppRevisions } from './app-revisions.ts'
import { joinGrid, leaveGrid, type Membership } from './grid-member.ts'
import { NodeMetrics, type MetricsSources } from './metrics/index.ts'
import { metricSources } from './metric-sources.ts'
import { GridEventService } from './event-service.ts'
import { loadConsoleAssets } from '../controller/console/index.ts'
import { CatalogService } from './image-service.ts'
import { GridTokens } from './token-service.ts'
import { GridPower } from './power-service.ts'
import { PowerOffHook, sendWakeOnLan, wakeMacOf } from './power/index.ts'
import { BlobFetcher, BlobServer, NodeImages, openBlobStore, type ImageNode } from './images/index.ts'
import { inGrid } from './commands/index.ts'
import { multicastNotes, nodeFingerprints } from './node-capabilities.ts'
import { dataPaths, VERSION, type NodeConfig } from './config.ts'
import { loadAdminToken, loadIdentity, type NodeIdentity } from './identity/index.ts'
import { GridNodes } from './membership/index.ts'
import { checkProfile, nodeProfile, raftTimes } from './profile/index.ts'
import { GridLogs, LogKeeper, LogServer, type LocalLogs } from './logs/index.ts'
import { LoopbackNetwork, LoopbackTransport, TerminalNetwork, type Transport } from './network/index.ts'
import { buildAdvert, nextIncarnation, probeResources, type NodeAdvert } from './resources/index.ts'
import { DriverSet, InstanceIsolation, ProcessDriver, Supervisor, VmDriver, uidStoreOver } from './runtime/index.ts'
import { NodeService } from './service.ts'
import { SessionGateway, SessionServer } from './sessions/index.ts'
import { collectStartupGarbage } from './startup-garbage.ts'
import { LocalLog, openStore, type Store } from './store/index.ts'
import { DirectoryVolumeBackend, type VolumeAttacher } from './volumes/index.ts'

/** Failed restarts in a row before a node gives up an instance for the grid to move it. */
const GRID_MAX_RESTARTS = 5
/** From 'node started' to the one collection of what starting left (startup-garbage.ts): a member's join and first image fetches are done by then. */
const STARTUP_SETTLE_MS = 10_000
/**
 * The longest a name this node does not know (a grid token, the app or
 * instance a console or exec names) waits for it to catch up with the grid
 * before it is refused (a grid without quorum).
 */
const CATCH_UP_MS = 2_000

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
  // A name made through another node a moment ago (a grid token, an app): look again once caught up, rather than refuse it.
  const catchUp = commandLog.readBarrier === undefined ? undefined : async (): Promise<void> => { await commandLog.readBarrier!({ timeoutMs: CATCH_UP_MS }) }
  const authenticate = tokenAuthenticator(token, () => commandLog.state, catchUp)
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
    ...(catchUp === undefined ? {} : { catchUp }),
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
  collectStartupGarbage(STARTUP_SETTLE_MS, log)

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

/** The nodes image replication spreads copies over: the grid's, or this node alone. */
function imageNodes (nodes: GridNodes, selfId: string, grid: boolean): ImageNode[] {
  if (!grid) return [{ id: selfId, up: true, accepting: true, zone: '', freeDisk: Number.MAX_SAFE_INTEGER }]
  return nodes.sensed().map(n => ({ id: n.id, up: n.state === 'up', accepting: !n.cordoned && !n.draining, zone: n.zone, freeDisk: n.capacity.disk }))
}
