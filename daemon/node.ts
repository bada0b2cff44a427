import { mkdir, rm, writeFile } from 'node:fs/promises'
import { version as nodeVersion } from 'node:process'
import { pino, type Logger } from 'pino'
import { loadCatalog } from '../controller/catalog/index.ts'
import type { NodeView } from '../controller/client/types.ts'
import { RealClock } from '../controller/clock/index.ts'
import type { CommandLog } from '../controller/state/index.ts'
import { MembershipLoop, RaftLog } from './consensus/index.ts'
import { QuorumWatch, ReconcileLoop } from './leader/index.ts'
import { schedule } from '../controller/scheduler/index.ts'
import { rebalance, type NodeView as PlanNode } from '../controller/reconciler/index.ts'
import { NodeAgent } from './agent/index.ts'
import { addRoutes, ApiServer } from './api/index.ts'
import { dataPaths, VERSION, type NodeConfig } from './config.ts'
import { inGrid, joinMesh, nodeView, type GridMembership, type LocalReport } from './grid/index.ts'
import { loadAdminToken, loadIdentity, type NodeIdentity } from './identity/index.ts'
import { LoopbackNetwork, LoopbackTransport, TerminalNetwork, type Transport } from './network/index.ts'
import { buildAdvert, fingerprintHost, nextIncarnation, probeResources, type NodeAdvert } from './resources/index.ts'
import { InstanceIsolation, isServing, ProcessDriver, Supervisor, uidStoreOver, type DriverFingerprint, type SupervisorEvent } from './runtime/index.ts'
import { NodeService } from './service.ts'
import { LocalLog, openStore, type Store } from './store/index.ts'
import { DirectoryVolumeBackend, type VolumeBackend } from './volumes/index.ts'
import { probeMountSupport } from './volumes/mount/index.ts'
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

/**
 * The composition root: builds every component of a node from its config,
 * wires them with plain objects, and starts them in order.
 */
export async function createNode (config: NodeConfig, logger?: Logger): Promise<TrellisNode> {
  const paths = dataPaths(config.dataDir)
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

  const { catalog, errors } = loadCatalog(config.imagesDir)
  for (const e of errors) log.error({ path: e.path, code: e.code }, `catalog: ${e.message}`)

  const store: Store = await openStore(paths.state)
  // Sets the data dir's modes before any instance or volume is set up; as root, refuses a data dir instances cannot reach.
  const isolation = await InstanceIsolation.prepare({ store: uidStoreOver(store.sublevel<string, string>('accounts', { valueEncoding: 'utf8' })), logger: log }, {
    dataDir: config.dataDir,
    shared: [paths.instances, paths.volumes, paths.mounts, paths.code],
    private: [paths.state, paths.logs, paths.replicas, paths.run],
    instancesDir: paths.instances,
    codeDir: paths.code,
    range: config.instanceUids,
    code: [process.execPath, config.imagesDir]
  })
  const clock = new RealClock()
  const driver = new ProcessDriver({ logger: log }, { cgroupParent: config.cgroupParent })
  const fingerprint = await driver.fingerprint()
  const host = await fingerprintHost()
  // A lone node keeps volumes as directories; a grid node replicates them as block devices, mounted when it can.
  const grid = inGrid(config.dataDir)
  const mountSupport = grid ? await probeMountSupport() : { ok: true }
  const volumeCapability = mountSupport.ok
    ? { capabilities: ['volume-mount'], notes: [] }
    : { capabilities: [], notes: [`cannot mount volumes: ${mountSupport.why ?? 'unknown'}`] }
  let volumes: VolumeBackend = new DirectoryVolumeBackend({ root: paths.volumes })
  let gridVolumes: GridVolumes | undefined

  let agent: NodeAgent | undefined
  let apiUrl = ''
  const advert = async (stamp: { incarnation: number, sequence: number, sentAt: number }): Promise<NodeAdvert> => buildAdvert({
    identity,
    ...stamp,
    versions: { trellis: VERSION, node: nodeVersion },
    config: { zone: config.zone, labels: config.labels, apiAddress: apiUrl, listenAddrs: membership?.host.addresses ?? [] },
    resources: await probeResources(config.dataDir),
    fingerprints: [host, driverCapabilities(fingerprint), volumeCapability],
    allocated: agent?.allocated() ?? { cpu: 0, memory: 0, disk: 0 }
  })

  // What this node runs, for the grid's instance reports; bound once the supervisor exists.
  let localReport = (): LocalReport => ({ instances: [], events: [] })
  let membership: GridMembership | undefined
  let transport: Transport
  let commandLog: CommandLog
  let raft: RaftLog | undefined
  let members: MembershipLoop | undefined
  if (grid) {
    membership = await joinMesh({ logger: log, clock, advert, local: () => localReport() }, config.dataDir, {
      listen: config.listen, bootstrap: config.bootstrap, mdns: config.mdns, detector: config.detector, incarnation
    })
    transport = membership.transport
    raft = new RaftLog({ transport, store, clock, logger: log }, {
      // The founder starts the group as its only voter; a node that joined waits to be added.
      voters: membership.founder ? [identity.id] : []
    })
    await raft.start()
    commandLog = raft
    members = new MembershipLoop({ raft, directory: membership.directory, clock, logger: log }, { zone: config.zone })
    members.start()
    const directory = membership.directory
    gridVolumes = new GridVolumes({
      log: raft,
      transport,
      clock,
      logger: log,
      isUp: id => directory.nodes().find(n => n.id === id)?.state === 'up',
      nameOf: id => id === identity.id ? identity.name : directory.nodes().find(n => n.id === id)?.advert?.name ?? id.slice(-8)
    }, { nodeId: identity.id, dir: paths.replicas, runDir: paths.run, mountDir: paths.mounts, rebuildBytesPerSecond: config.rebuildBytesPerSecond })
    await gridVolumes.start()
    volumes = gridVolumes
  } else {
    // A node outside any grid is its own network.
    transport = new LoopbackTransport({ network: new LoopbackNetwork() }, { nodeId: identity.id })
    commandLog = await LocalLog.open(store, log.child({ component: 'log' }))
  }
  const network = new TerminalNetwork({ transport, logger: log.child({ component: 'network' }) })
  network.start()

  const supervisor = new Supervisor({
    driver,
    clock,
    logger: log,
    store: { save: async (id, handle) => { await agent?.handleStore.save(id, handle) }, delete: async (id) => { await agent?.handleStore.delete(id) } }
  }, { stopGraceMs: config.stopGraceMs })
  supervisor.on('event', e => { agent?.record(e.id, e.type, describeEvent(e)) })
  localReport = () => ({
    instances: supervisor.list().map(i => ({
      id: i.id,
      state: i.state,
      pid: i.pid ?? 0,
      restarts: i.restarts,
      health: i.health.status,
      since: i.since,
      exited: i.lastExit !== undefined,
      exitCode: i.lastExit?.code ?? -1,
      exitSignal: i.lastExit?.signal ?? '',
      oomKilled: i.lastExit?.oomKilled ?? false
    })),
    events: agent?.recentEvents() ?? [],
    volumeSyncs: (gridVolumes?.views() ?? []).flatMap(v => v.syncing.map(s => ({ volume: v.id, ...s })))
  })
  agent = new NodeAgent(
    { log: commandLog, catalog, runner: supervisor, network, volumes, isolation, store, logger: log.child({ component: 'agent' }) },
    {
      nodeId: identity.id,
      nodeName: identity.name,
      logDir: paths.logs,
      entryHost: config.entryHost,
      stopGraceMs: config.stopGraceMs,
      // In a grid, an instance that keeps crashing is given up here so the leader moves it.
      maxRestarts: raft !== undefined ? GRID_MAX_RESTARTS : undefined,
      // A committed placement decides. On a grid an instance not yet placed waits for the
      // leader's reconciler; a lone node runs everything itself.
      place: id => commandLog.state.placements.get(id)?.node ??
        (raft === undefined ? identity.id : undefined)
    }
  )

  let sequence = 0
  const self = async (): Promise<NodeView> => {
    const entry = membership?.directory.nodes().find(n => n.self)
    return nodeView(entry ?? { id: identity.id, state: 'up', self: true, lastSeen: Date.now(), advert: await advert({ incarnation, sequence: ++sequence, sentAt: Date.now() }) })
  }
  const withAdmin = (v: NodeView): NodeView => {
    const a = commandLog.state.nodes.get(v.id)
    return a === undefined ? v : { ...v, admin: a.draining ? 'draining' : 'cordoned' }
  }
  const all = async (): Promise<NodeView[]> => membership === undefined ? [await self()] : membership.directory.nodes().map(nodeView).map(withAdmin)
  const api = new ApiServer({ logger: log.child({ component: 'api' }) }, { token })
  addRoutes(api, new NodeService({
    nodeId: identity.id,
    log: commandLog,
    agent,
    catalog,
    logs: driver,
    logger: log.child({ component: 'service' }),
    self,
    all,
    nameOf: id => id === identity.id ? identity.name : membership?.directory.nodes().find(n => n.id === id)?.advert?.name,
    raft,
    stateOf: id => membership?.directory.nodes().find(n => n.id === id)?.state,
    remote: membership?.reports,
    volumes: gridVolumes,
    rebalance: raft === undefined || membership === undefined
      ? undefined
      : () => rebalance({
        state: commandLog.state,
        nodes: membership!.directory.nodes().flatMap(n => n.advert === undefined ? [] : [{ ...schedNode(n.id, n.state, n.advert), cordoned: commandLog.state.nodes.get(n.id)?.cordoned ?? false, draining: commandLog.state.nodes.get(n.id)?.draining ?? false }]),
        images: catalog,
        schedule,
        seed: commandLog.state.appliedIndex
      })
  }))

  let reconciler: ReconcileLoop | undefined
  if (raft !== undefined && membership !== undefined) {
    const mesh = membership
    const raftLog = raft
    /** An instance's state and health where it runs: this node's supervisor, or the owner's last report. */
    const statusOf = (instance: string): { state: string, health: string } | undefined => {
      const node = raftLog.state.placements.get(instance)?.node
      if (node === identity.id) {
        const s = supervisor.status(instance)
        return s === undefined ? undefined : { state: s.state, health: s.health.status }
      }
      return node === undefined ? undefined : mesh.reports.instance(instance, node)
    }
    reconciler = new ReconcileLoop({
      raft: raftLog,
      clock,
      logger: log.child({ component: 'reconciler' }),
      images: catalog,
      schedule,
      nodes: () => mesh.directory.nodes().flatMap(n => n.advert === undefined ? [] : [{ ...schedNode(n.id, n.state, n.advert), ...(n.lastHeard !== undefined ? { lastHeard: n.lastHeard } : {}) }]),
      ready: instance => { const s = statusOf(instance); return s !== undefined && isServing(s.state, s.health) },
      failed: instance => statusOf(instance)?.state === 'failed',
      record: (instance, kind, detail) => { agent?.record(instance, kind, detail) },
      nameOf: id => id === identity.id ? identity.name : mesh.directory.nodes().find(n => n.id === id)?.advert?.name,
      replicaReplaceMs: config.replicaReplaceMs
    })
  }

  const quorum = raft === undefined
    ? undefined
    : new QuorumWatch({ barrier: async () => await raft!.readBarrier(), clock, logger: log.child({ component: 'fence' }), fence: (f, why) => { agent?.setFenced(f, why) } })

  await agent.start()
  reconciler?.start()
  quorum?.start()
  const bound = await api.listen(config.apiHost, config.apiPort)
  apiUrl = `http://${bound.host.includes(':') ? `[${bound.host}]` : bound.host}:${bound.port}`
  await writeFile(paths.apiFile, JSON.stringify({ url: apiUrl, pid: process.pid, mesh: membership?.host.addresses ?? [] }) + '\n', { mode: 0o600 })
  log.info({ id: identity.id, api: apiUrl, incarnation, grid: membership !== undefined, limits: fingerprint.enforcesLimits }, 'node started')

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info({ stopInstances: config.stopInstancesOnExit }, 'node stopping')
      await api.close()
      await agent.stop({ stopInstances: config.stopInstancesOnExit })
      await supervisor.close()
      await isolation.close({ instancesStopped: config.stopInstancesOnExit })
      // Whatever the volumes leave behind, the cgroup parent and the rest still go.
      await gridVolumes?.stop().catch((err: unknown) => { log.error({ err }, 'volumes did not stop cleanly') })
      if (config.stopInstancesOnExit) await driver.removeCgroupParent()
      driver.close()
      await network.close()
      // The log first: Raft must stop sending before the transport goes.
      quorum?.stop()
      await reconciler?.stop()
      await members?.stop()
      await commandLog.close()
      if (membership !== undefined) await membership.stop()
      else await transport.close()
      await store.close()
      await rm(paths.apiFile, { force: true })
      log.info('node stopped')
    })()
    return stopping
  }
  return { identity, apiUrl, logger: log, meshAddresses: membership?.host.addresses ?? [], stop }
}

/** A node's advert and state as the reconciler hands them to the scheduler. */
function schedNode (id: string, state: PlanNode['state'], a: NodeAdvert): Omit<PlanNode, 'cordoned' | 'draining'> {
  return {
    id,
    name: a.name,
    zone: a.zone,
    labels: a.labels,
    state,
    power: { source: a.power.source, chargePercent: a.power.chargePercent },
    capabilities: a.capabilities,
    capacity: { cpu: a.cpu.allocatable, memory: a.memory.allocatable, disk: a.disk.allocatable }
  }
}

function driverCapabilities (f: DriverFingerprint): { capabilities: string[], notes: string[] } {
  return {
    capabilities: [`driver:${f.driver}`, ...(f.enforcesLimits ? ['cgroup-limits'] : []), ...(f.isolatesUsers === true ? ['user-isolation'] : [])],
    notes: [
      ...(f.enforcesLimits ? [] : [`limits advisory: ${f.detail}`]),
      ...(f.isolatesUsers === true ? [] : [`instances not isolated: ${f.isolationDetail ?? 'they run as the daemon\'s user'}`])
    ]
  }
}

/** One line about a supervisor event, for `describe app`. */
function describeEvent (e: SupervisorEvent): string {
  switch (e.type) {
    case 'started': return `pid ${e.pid ?? '?'}${e.restarts > 0 ? `, restart ${e.restarts}` : ''}`
    case 'adopted': return `pid ${e.pid ?? '?'} re-adopted`
    case 'healthy': return 'health check passes'
    case 'unhealthy': return `${e.failures} failed checks${e.error !== undefined ? `: ${e.error}` : ''}`
    case 'exited': return e.oomKilled ? 'killed for exceeding its memory limit' : e.signal !== null ? `killed by ${e.signal}` : `exit code ${e.code ?? 'unknown'}`
    case 'restarting': return `${e.reason}; restart ${e.attempt} in ${e.delayMs} ms`
    case 'stopped': return 'stopped'
    case 'failed': return e.reason
  }
}
