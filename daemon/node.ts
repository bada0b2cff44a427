import { mkdir, rm, writeFile } from 'node:fs/promises'
import { pino, type Logger } from 'pino'
import { loadCatalog } from '../controller/catalog/index.ts'
import type { NodeView } from '../controller/client/types.ts'
import { RealClock } from '../controller/clock/index.ts'
import { NodeAgent } from './agent/index.ts'
import { addRoutes, ApiServer } from './api/index.ts'
import { dataPaths, type NodeConfig } from './config.ts'
import { loadAdminToken, loadIdentity, type NodeIdentity } from './identity/index.ts'
import { LoopbackNetwork, LoopbackTransport, TerminalNetwork } from './network/index.ts'
import { probeResources } from './resources/index.ts'
import { ProcessDriver, Supervisor, type SupervisorEvent } from './runtime/index.ts'
import { NodeService } from './service.ts'
import { LocalLog, openStore, type Store } from './store/index.ts'
import { DirectoryVolumeBackend } from './volumes/index.ts'

const VERSION = '0.1.0'

/** A running trellisd: what main.ts starts and tests drive. */
export interface TrellisNode {
  readonly identity: NodeIdentity
  readonly apiUrl: string
  readonly logger: Logger
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
    redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization'], censor: '[redacted]' }
  })
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 })
  await mkdir(paths.logs, { recursive: true })
  const identity = await loadIdentity(config.dataDir, config.name)
  const log = root.child({ node: identity.name })
  const token = await loadAdminToken(config.dataDir)

  const { catalog, errors } = await loadCatalog(config.imagesDir)
  for (const e of errors) log.error({ path: e.path, code: e.code }, `catalog: ${e.message}`)

  const store: Store = await openStore(paths.state)
  const commandLog = await LocalLog.open(store, log.child({ component: 'log' }))
  const clock = new RealClock()
  const driver = new ProcessDriver({ logger: log }, { cgroupParent: config.cgroupParent })
  const fingerprint = await driver.fingerprint()
  // One node is its own network until the mesh carries terminals between nodes.
  const transport = new LoopbackTransport({ network: new LoopbackNetwork() }, { nodeId: identity.id })
  const network = new TerminalNetwork({ transport, logger: log.child({ component: 'network' }) })
  network.start()
  const volumes = new DirectoryVolumeBackend({ root: paths.volumes })

  let agent: NodeAgent | undefined
  const supervisor = new Supervisor({
    driver,
    clock,
    logger: log,
    store: { save: async (id, handle) => { await agent?.handleStore.save(id, handle) }, delete: async (id) => { await agent?.handleStore.delete(id) } }
  }, { stopGraceMs: config.stopGraceMs })
  supervisor.on('event', e => { agent?.record(e.id, e.type, describeEvent(e)) })
  agent = new NodeAgent(
    { log: commandLog, catalog, runner: supervisor, network, volumes, store, logger: log.child({ component: 'agent' }) },
    { nodeId: identity.id, nodeName: identity.name, logDir: paths.logs, entryHost: config.entryHost, stopGraceMs: config.stopGraceMs }
  )

  const self = async (): Promise<NodeView> => nodeView(identity, config, fingerprint, agent.allocated())
  const api = new ApiServer({ logger: log.child({ component: 'api' }) }, { token })
  addRoutes(api, new NodeService({
    log: commandLog,
    agent,
    catalog,
    logs: driver,
    logger: log.child({ component: 'service' }),
    self,
    all: async () => [await self()],
    nameOf: id => id === identity.id ? identity.name : undefined
  }))

  await agent.start()
  const bound = await api.listen(config.apiHost, config.apiPort)
  const apiUrl = `http://${bound.host.includes(':') ? `[${bound.host}]` : bound.host}:${bound.port}`
  await writeFile(paths.apiFile, JSON.stringify({ url: apiUrl, pid: process.pid }) + '\n', { mode: 0o600 })
  log.info({ id: identity.id, api: apiUrl, limits: fingerprint.enforcesLimits }, 'node started')

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info({ stopInstances: config.stopInstancesOnExit }, 'node stopping')
      await api.close()
      await agent.stop({ stopInstances: config.stopInstancesOnExit })
      await supervisor.close()
      if (config.stopInstancesOnExit) await driver.removeCgroupParent()
      driver.close()
      await network.close()
      await transport.close()
      await commandLog.close()
      await store.close()
      await rm(paths.apiFile, { force: true })
      log.info('node stopped')
    })()
    return stopping
  }
  return { identity, apiUrl, logger: log, stop }
}

async function nodeView (
  identity: NodeIdentity, config: NodeConfig, fingerprint: { driver: string, enforcesLimits: boolean, detail: string },
  allocated: { cpu: number, memory: number }
): Promise<NodeView> {
  const r = await probeResources(config.dataDir)
  const capabilities = [`driver:${fingerprint.driver}`, 'volume-mount']
  if (fingerprint.enforcesLimits) capabilities.push('cgroup-limits')
  return {
    id: identity.id,
    name: identity.name,
    state: 'up',
    version: VERSION,
    address: 'local',
    cpu: { ...r.cpu, allocated: allocated.cpu },
    memory: { total: r.memory.total, free: r.memory.free, allocatable: r.allocatable.memory, allocated: allocated.memory },
    disk: r.disk,
    capabilities,
    notes: fingerprint.enforcesLimits ? [] : [`limits advisory: ${fingerprint.detail}`],
    lastSeen: Date.now()
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
