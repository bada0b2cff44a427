import type { Logger } from 'pino'
import type { Catalog } from '../controller/catalog/index.ts'
import type { Clock } from '../controller/clock/index.ts'
import type {
  AppDetailView, AppSummaryView, ApplyView, InstanceStatusView, LogFollowView, LogsView, NodeView, RaftPeerView, RaftView, ValidateView, VolumeView
} from '../controller/client/types.ts'
import { GraphValidationError, snapshotId, validateApp, volumeId } from '../controller/graph/index.ts'
import { adminOf, copyVolume, deleteApp, deleteSnapshot, placeApp, putApp, revokeNode, setNodeAdmin, SNAPSHOT_NAME, volumesOf, type CommandLog } from '../controller/state/index.ts'
import { cloneSource } from '../controller/graph/clone.ts'
import type { Decision } from '../controller/reconciler/index.ts'
import type { InstanceReports, NodeAgent } from './agent/index.ts'
import { ApiError, badRequest, notFound, type GridService, type ReadContext } from './api/index.ts'
import { graphView } from './graph-view.ts'
import type { RaftCommandLog } from './consensus/index.ts'
import type { GridNodes } from './membership/index.ts'
import type { GridLogs, LogRequestOptions } from './logs/index.ts'
import { EVENTS_PER_APP, type GridEvents } from './events/index.ts'
import { LAN_PROFILE, raftTimes } from './profile/index.ts'
import { isServing } from './runtime/index.ts'
import { volumeView, type GridVolumes } from './volumes/grid/index.ts'

/** How long without a quorum before reads answer stale, by default: the lan profile's longest failover, ms. */
const STALE_AFTER_MS = raftTimes(LAN_PROFILE).failoverMs
/** Longest an apply waits for the seed images to reach the catalog, ms. */
const CATALOG_WAIT_MS = 30_000

export interface ServiceComponents {
  /** This node's id, recorded with the apps submitted here. */
  nodeId: string
  log: CommandLog
  agent: NodeAgent
  catalog: Catalog
  /** Instance logs, read wherever each instance runs. */
  logs: GridLogs
  logger: Logger
  /** The grid's nodes: names, states, adverts, admin state. */
  nodes: GridNodes
  /** Settles once the seed images are in the grid's catalog (or could not be put there). */
  catalogReady?: Promise<void>
  /** The replicated log, when the node belongs to a grid. */
  raft?: RaftCommandLog
  /** Status other nodes report about what they run. */
  remote?: InstanceReports
  /** What happened to the grid's apps, as this node knows it. */
  events: GridEvents
  /** One round of rebalancing decisions from this node's view of the grid. */
  rebalance?: () => Decision[]
  /** This node's replicated volumes, when it belongs to a grid. */
  volumes?: GridVolumes
  /**
   * How long without contact with a quorum before reads answer from this
   * node's last known state, marked stale, instead of waiting for one; also
   * how long a read waits for its barrier before it does. Default 2.3 s (lan:
   * the longest election and a heartbeat).
   */
  staleAfterMs?: number
  /** The clock the replicated log dates quorum contact by. */
  clock?: Clock
}

/**
 * The admin API's view of this node: validation and commits go through the
 * command log, status comes from the agent. One node is the whole grid until
 * the mesh joins nodes together.
 */
export class NodeService implements GridService {
  readonly #c: ServiceComponents

  constructor (components: ServiceComponents) {
    this.#c = components
  }

  async node (): Promise<NodeView> {
    return await this.#c.nodes.self()
  }

  async nodes (): Promise<NodeView[]> {
    return await this.#c.nodes.views()
  }

  async validate (source: string): Promise<ValidateView> {
    await this.#catalogReady()
    const result = validateApp(source, { catalog: this.#c.catalog, nodes: await this.#c.nodes.capacities() })
    return result.ok ? { ok: true, issues: [] } : { ok: false, issues: result.errors }
  }

  async apply (source: string): Promise<ApplyView> {
    await this.#catalogReady()
    const result = validateApp(source, { catalog: this.#c.catalog, nodes: await this.#c.nodes.capacities() })
    if (!result.ok) throw new GraphValidationError(result.errors)
    const applied = await this.#c.log.propose(putApp(result.app, source, this.#c.nodeId))
    if (applied.kind !== 'app-put') throw new Error('apply produced no put')
    if (applied.change === 'refused') throw new ApiError('ERR_CONFLICT', applied.why ?? 'the app was refused')
    this.#c.logger.info({ app: applied.name, version: applied.version, change: applied.change }, 'app applied')
    return { name: applied.name, version: applied.version, ...(applied.revision === undefined ? {} : { revision: applied.revision }), change: applied.change }
  }

  async apps (read?: ReadContext): Promise<AppSummaryView[]> {
    await this.#consistent(read)
    return [...this.#c.log.state.apps.keys()].sort().map(name => this.#summary(name))
  }

  async app (name: string, read?: ReadContext): Promise<AppDetailView> {
    await this.#consistent(read)
    const record = this.#c.log.state.apps.get(name)
    if (record === undefined) throw notFound(`app ${name}`)
    return {
      ...this.#summary(name),
      source: record.source,
      createdIndex: record.createdIndex,
      instanceList: this.#instances(name),
      entryList: this.#c.agent.entries(name),
      graph: graphView(record.spec, this.#c.catalog),
      // Each node's own clock stamps its events; by time reads best, ties in the order they arrived here.
      events: this.#c.events.list({ app: name }, EVENTS_PER_APP)
        .map(e => ({ at: e.at, instance: e.subject, kind: e.kind, detail: e.detail, node: this.#c.nodes.nameOf(e.origin) }))
        .sort((a, b) => a.at - b.at)
    }
  }

  async volumes (read?: ReadContext): Promise<VolumeView[]> {
    await this.#consistent(read)
    return [...this.#c.log.state.volumes.keys()].sort().map(id => this.#volume(id))
  }

  async volume (id: string, read?: ReadContext): Promise<VolumeView> {
    await this.#consistent(read)
    if (!this.#c.log.state.volumes.has(id)) throw notFound(`volume ${id}`)
    return this.#volume(id)
  }

  /** Commits a snapshot of a volume's present data as `<volume>@<name>`; the copy is made on the node holding the freshest replica. */
  async snapshotVolume (id: string, name: string): Promise<VolumeView> {
    if (!SNAPSHOT_NAME.test(name)) throw badRequest(`snapshot name ${JSON.stringify(name)} must match ${SNAPSHOT_NAME.source}`)
    const source = this.#c.log.state.volumes.get(id)
    if (source === undefined) throw notFound(`volume ${id}`)
    if (source.snapshot === true) throw badRequest(`${id} is a snapshot; snapshot its volume ${source.copiedFrom ?? ''} instead`)
    const target = snapshotId(id, name)
    const r = await this.#c.log.propose(copyVolume(id, target, { app: '', component: '', name: '' }))
    if (r.kind !== 'volume-copied' || !r.applied) throw new ApiError('ERR_CONFLICT', `snapshot ${target} not made: ${r.kind === 'volume-copied' ? r.why ?? '' : r.kind}`)
    this.#c.logger.info({ volume: id, snapshot: target }, 'snapshot committed')
    return this.#volume(target)
  }

  async deleteSnapshot (id: string): Promise<{ volume: string, existed: boolean }> {
    const v = this.#c.log.state.volumes.get(id)
    if (v !== undefined && v.snapshot !== true) throw badRequest(`${id} belongs to app ${v.app}: it goes when the app is deleted`)
    const r = await this.#c.log.propose(deleteSnapshot(id))
    return { volume: id, existed: r.kind === 'snapshot-deleted' && r.existed }
  }

  /**
   * Makes `name` a copy of app `source`: the same graph, entries on the
   * ports given (others left out), and each volume copied from the source's
   * present data. The clone's stateful instances start once their copies
   * are made.
   */
  async cloneApp (sourceApp: string, name: string, ports: Record<string, number>): Promise<ApplyView & { volumes: string[], droppedEntries: string[] }> {
    await this.#c.log.readBarrier?.()
    const record = this.#c.log.state.apps.get(sourceApp)
    if (record === undefined) throw notFound(`app ${sourceApp}`)
    if (this.#c.log.state.apps.has(name)) throw new ApiError('ERR_CONFLICT', `app ${name} exists`)
    const { source, dropped } = cloneSource(record.source, name, ports)
    const result = validateApp(source, { catalog: this.#c.catalog, nodes: await this.#c.nodes.capacities() })
    if (!result.ok) throw new GraphValidationError(result.errors)
    const copies = volumesOf(result.app).map(v => ({ from: volumeId(sourceApp, v.component, v.name), to: v }))
    for (const { from } of copies) {
      if (!this.#c.log.state.volumes.has(from)) throw new ApiError('ERR_CONFLICT', `volume ${from} does not exist yet (is ${sourceApp} placed?)`)
    }
    for (const { from, to } of copies) {
      const r = await this.#c.log.propose(copyVolume(from, to.id, { app: name, component: to.component, name: to.name }))
      if (r.kind !== 'volume-copied' || !r.applied) throw new ApiError('ERR_CONFLICT', `volume ${to.id} not copied: ${r.kind === 'volume-copied' ? r.why ?? '' : r.kind}`)
    }
    const applied = await this.#c.log.propose(putApp(result.app, source, this.#c.nodeId))
    if (applied.kind !== 'app-put') throw new Error('clone produced no put')
    if (applied.change === 'refused') throw new ApiError('ERR_CONFLICT', applied.why ?? 'the clone was refused')
    this.#c.logger.info({ source: sourceApp, clone: name, volumes: copies.map(c => c.to.id) }, 'app cloned')
    return { name, version: applied.version, change: applied.change, volumes: copies.map(c => c.to.id), droppedEntries: dropped }
  }

  #volume (id: string): VolumeView {
    return volumeView(this.#c.log.state.volumes.get(id)!, {
      nameOf: n => this.#c.nodes.nameOf(n),
      stateOf: n => this.#c.nodes.stateOf(n) ?? 'unknown',
      syncsOf: (volume, primary) => primary === this.#c.nodeId
        ? this.#c.volumes?.views().find(v => v.id === volume)?.syncing ?? []
        : (this.#c.remote?.volumeSyncs(volume, primary) ?? []).map(s => ({
            node: s.node, comparedBytes: Number(s.comparedBytes), totalBytes: Number(s.totalBytes), copiedBytes: Number(s.copiedBytes), startedAt: Number(s.startedAt)
          }))
    })
  }

  async raftStatus (): Promise<RaftView> {
    const raft = this.#c.raft
    if (raft === undefined) throw new ApiError('ERR_NOT_IN_GRID', 'this node belongs to no grid: it keeps its state in a local log (see trellisd init)')
    const s = raft.status()
    const peer = (id: string, suffrage: 'voter' | 'learner'): RaftPeerView => ({
      id, name: this.#c.nodes.nameOf(id), suffrage, leader: id === s.leader, state: this.#c.nodes.stateOf(id) ?? 'unknown'
    })
    return { id: s.id, role: s.role, leader: s.leader, term: s.term, commit: s.commit, applied: s.applied, peers: [...s.voters.map(v => peer(v, 'voter')), ...s.learners.map(l => peer(l, 'learner'))] }
  }

  async removePeer (idOrName: string): Promise<{ removed: string }> {
    const raft = this.#c.raft
    if (raft === undefined) throw new ApiError('ERR_NOT_IN_GRID', 'this node belongs to no grid')
    const s = raft.status()
    const id = [...s.voters, ...s.learners].find(p => p === idOrName || this.#c.nodes.nameOf(p) === idOrName)
    if (id === undefined) throw notFound(`member ${idOrName} of the replicated log`)
    if (s.role !== 'leader') throw new ApiError('ERR_NOT_LEADER', `ask the leader (${s.leader === null ? 'none known' : this.#c.nodes.nameOf(s.leader)}) to remove a peer`)
    // Every follower would cut the leader off before its own removal could commit.
    if (id === s.id) throw new ApiError('ERR_CONFLICT', `${this.#c.nodes.nameOf(id)} leads the log and cannot remove itself: stop it, and remove it from the leader that follows`)
    // Revoked first: from the commit on, every node refuses its connections,
    // so it cannot come back with the grid key it still holds.
    await raft.propose(revokeNode(id))
    await raft.proposeConfChange({ type: 'remove', node: id })
    this.#c.logger.warn({ peer: id }, 'peer removed from the grid by an operator: its node id is refused from now on')
    return { removed: id }
  }

  async nodeAdmin (idOrName: string, change: { cordoned?: boolean, draining?: boolean }): Promise<{ node: string, cordoned: boolean, draining: boolean }> {
    const raft = this.#c.raft
    if (raft === undefined) throw new ApiError('ERR_NOT_IN_GRID', 'this node belongs to no grid: there is nowhere to move instances to')
    const node = await this.#c.nodes.find(idOrName)
    if (node === undefined) throw notFound(`node ${idOrName}`)
    const current = adminOf(raft.state, node.id)
    // Draining implies cordoned: nothing new lands on a node being emptied.
    const draining = change.draining ?? current.draining
    const cordoned = draining || (change.cordoned ?? current.cordoned)
    await raft.propose(setNodeAdmin(node.id, { cordoned, draining }))
    this.#c.logger.info({ node: node.name, cordoned, draining }, 'node admin state changed')
    return { node: node.name, cordoned, draining }
  }

  async rebalance (): Promise<{ moved: Array<{ app: string, instances: string[] }> }> {
    if (this.#c.raft === undefined || this.#c.rebalance === undefined) throw new ApiError('ERR_NOT_IN_GRID', 'this node belongs to no grid: there is nothing to balance')
    const decisions = this.#c.rebalance()
    const moved: Array<{ app: string, instances: string[] }> = []
    for (const d of decisions) {
      if (d.kind !== 'place') continue
      const result = await this.#c.raft.propose(placeApp(d.app, d.appVersion, d.placements, d.reason))
      if (result.kind === 'app-placed' && result.applied) {
        moved.push({ app: d.app, instances: d.moved })
        for (const i of d.moved) this.#c.agent.record(i, 'moved', `rebalance to ${this.#c.nodes.nameOf(d.placements.find(p => p.instance === i)?.node ?? '?')}`)
      }
    }
    this.#c.logger.info({ moved }, 'rebalanced')
    return { moved }
  }

  async deleteApp (name: string): Promise<{ name: string, existed: boolean }> {
    if (!this.#c.log.state.apps.has(name)) throw notFound(`app ${name}`)
    const result = await this.#c.log.propose(deleteApp(name))
    this.#c.logger.info({ app: name }, 'app deleted')
    return { name, existed: result.kind === 'app-deleted' && result.existed }
  }

  async logs (app: string, instance: string | undefined, options: LogRequestOptions): Promise<LogsView[]> {
    const logs = await this.#c.logs.read(await this.#logInstances(app, instance), options)
    return logs.map(l => ({
      instance: l.instance,
      ...(l.node !== undefined ? { node: l.node, nodeName: this.#c.nodes.nameOf(l.node) } : {}),
      lines: l.lines.map(x => x.text),
      entries: l.lines,
      notices: l.notices
    }))
  }

  async followLogs (app: string, instance: string | undefined, options: LogRequestOptions, signal: AbortSignal): Promise<AsyncIterable<LogFollowView>> {
    const events = this.#c.logs.follow(await this.#logInstances(app, instance), options, signal)
    const nameOf = (node: string): string => this.#c.nodes.nameOf(node)
    return (async function * () {
      for await (const e of events) {
        yield 'notice' in e
          ? { instance: e.instance, notice: e.notice }
          : { instance: e.instance, node: e.node, nodeName: nameOf(e.node), at: e.line.at, stream: e.line.stream, text: e.line.text }
      }
    })()
  }

  /** The instances a logs request names: all of the app's, one (web.0 or app.web.0), or a component's (web). */
  async #logInstances (app: string, instance: string | undefined): Promise<string[]> {
    await this.#c.log.readBarrier?.()
    if (!this.#c.log.state.apps.has(app)) throw notFound(`app ${app}`)
    const all = this.#instances(app)
    const ids = all.filter(i => instance === undefined || i.id === instance || i.id === `${app}.${instance}` || i.component === instance).map(i => i.id)
    if (ids.length === 0) throw notFound(`instance ${instance ?? ''} of app ${app} (it has ${all.map(i => i.id.slice(app.length + 1)).join(', ')})`)
    return ids
  }

  #instances (app: string): InstanceStatusView[] {
    return this.#c.agent.instances(app).map(v => {
      const base = { id: v.id, component: v.component, node: v.node, nodeName: v.node === '' ? undefined : this.#c.nodes.nameOf(v.node), addresses: v.addresses, current: v.running !== undefined && v.running === v.wanted }
      if (v.status !== undefined) {
        const s = v.status
        return {
          ...base,
          state: s.state,
          pid: s.pid,
          restarts: s.restarts,
          health: s.health.status,
          ready: isServing(s.state, s.health.status),
          since: s.since,
          lastExit: s.lastExit
        }
      }
      // Not here: as the node that runs it last reported (gossip, every few seconds).
      const r = this.#c.remote?.instance(v.id, v.node)
      if (r === undefined) return { ...base, state: 'pending', restarts: 0, health: 'unknown' as const, ready: false }
      const health = (['none', 'unknown', 'healthy', 'unhealthy'].includes(r.health) ? r.health : 'unknown') as InstanceStatusView['health']
      const nodeState = this.#c.nodes.stateOf(v.node) ?? 'up'
      const nodeUp = nodeState === 'up'
      return {
        ...base,
        // A report without a plan comes from a daemon that predates them: it cannot say, so it does not hold a rollout up.
        current: r.plan === '' || r.plan === v.wanted,
        state: nodeUp ? r.state : `${r.state} (node ${nodeState})`,
        pid: r.pid === 0 ? undefined : r.pid,
        restarts: r.restarts,
        health,
        ready: nodeUp && isServing(r.state, health),
        since: Number(r.since),
        lastExit: r.exited ? { code: r.exitCode === -1 ? null : r.exitCode, signal: r.exitSignal === '' ? null : r.exitSignal, oomKilled: r.oomKilled } : undefined
      }
    })
  }

  #summary (name: string): AppSummaryView {
    const record = this.#c.log.state.apps.get(name)!
    const instances = this.#instances(name)
    const running = instances.filter(i => i.pid !== undefined && i.state !== 'stopped' && i.state !== 'backoff').length
    const healthy = instances.filter(i => i.ready).length
    const failed = instances.some(i => i.state === 'failed' || i.state === 'backoff' || i.restarts > 0)
    const entries = this.#c.agent.entries(name)
    const entryErrors = entries.filter(e => e.error !== undefined).map(e => `${e.name}: ${e.error!}`)
    const allHealthy = healthy === instances.length
    const status = allHealthy && entryErrors.length === 0 ? 'healthy' : healthy > 0 ? 'degraded' : failed ? 'down' : 'starting'
    return {
      name,
      version: record.version,
      revision: record.revision ?? 1,
      components: record.spec.components.length,
      instances: instances.length,
      running,
      healthy,
      status,
      updated: instances.filter(i => i.current).length,
      entries: entries.map(e => e.address),
      entryErrors
    }
  }

  /** Waits, a bounded while, for the node's seed images to reach the catalog, so an app sent right after start finds them. */
  /**
   * Makes a read linearizable, or — for a read that allows it — says why it
   * is not: on a node with no contact with a quorum for staleAfterMs (an
   * island), or whose barrier finds none in that time, the read answers from
   * the state this node last knew, marked stale, rather than not at all.
   */
  async #consistent (read?: ReadContext): Promise<void> {
    const log = this.#c.log
    if (log.readBarrier === undefined) return
    const staleAfterMs = this.#c.staleAfterMs ?? STALE_AFTER_MS
    if (read === undefined) { await log.readBarrier(); return }
    const contact = this.#c.raft?.quorumContactAt()
    const now = this.#c.clock?.now() ?? Date.now()
    const since = `state as of applied index ${log.state.appliedIndex}`
    if (contact !== undefined && now - contact > staleAfterMs) {
      read.stale(`no quorum reachable for ${Math.round((now - contact) / 1000)} s: ${since}`)
      return
    }
    try {
      await log.readBarrier({ timeoutMs: staleAfterMs })
    } catch (err) {
      const code = (err as { code?: string }).code
      if (code !== 'ERR_UNAVAILABLE' && code !== 'ERR_NOT_LEADER') throw err
      read.stale(`no quorum confirmed this read in ${staleAfterMs / 1000} s: ${since}`)
    }
  }

  async #catalogReady (): Promise<void> {
    if (this.#c.catalogReady === undefined) return
    await Promise.race([this.#c.catalogReady, new Promise(resolve => setTimeout(resolve, CATALOG_WAIT_MS).unref())])
  }
}
