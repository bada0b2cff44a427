import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { RaftObserver } from '../consensus/index.ts'
import type { GridEvent } from '../events/index.ts'
import type { VolumeObserver } from '../volumes/grid/index.ts'
import type { MetricsSources, NodeResources } from './sources.ts'

/** Buckets of a Raft commit as its proposer sees it, s: a local fdatasync is ≈0.1 ms here, a radio link's round trip hundreds. */
const COMMIT_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
/** Buckets of an acknowledged volume write, s: the target is local fdatasync + 0.3 ms. */
const WRITE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1]
/** Buckets of a heal, s: the target is p50 < 3 s, p99 < 5 s for a stateless instance. */
const HEAL_BUCKETS = [0.5, 1, 2, 3, 5, 8, 13, 21, 34, 60, 120]
/** Moves not followed by a start within this long are forgotten unmeasured, ms. */
const HEAL_GIVE_UP_MS = 10 * 60_000 // ms
/**
 * How often the event-loop delay histogram samples, ms. prom-client's 10 ms
 * wakes an idle node 100 times a second, which alone costs about 0.9 % of a
 * core here (the idle target is 1 %). Once the Raft and detector ticks and
 * the node's loops stopped waking an idle node on their own (docs/benchmarks.md,
 * idle), 100 ms made ten of its fifteen timer wake-ups a second. At 500 ms a
 * stall longer than that, which is what the failure detector excuses
 * (maxLocalPauseMs, 400 ms in lan), is still always seen; a shorter one is
 * seen by chance.
 */
const EVENT_LOOP_SAMPLE_MS = 500 // ms

/**
 * This node's metrics in the Prometheus text format (docs/metrics.md). Gauges
 * and external counters are read from the node's components at each scrape;
 * commits, writes, copies, restarts and moves are counted as they happen
 * through the observers and the event log. One registry per node, so several
 * nodes in one process (tests) keep theirs apart.
 */
export class NodeMetrics {
  readonly registry = new Registry()
  readonly #sources: () => MetricsSources | undefined
  readonly #self: string
  readonly #restarts: Counter<'app'>
  readonly #moves: Counter<'app'>
  readonly #heal: Histogram
  readonly #commit: Histogram
  readonly #leaderChanges: Counter
  readonly #writes: Histogram
  readonly #writtenBytes: Counter
  readonly #rebuildBytes: Counter
  /** Moves this node (as leader) made, by instance, awaiting the instance's start elsewhere. */
  readonly #moving = new Map<string, number>()
  /** The resources of the scrape under way: probed once however many gauges read them. */
  #resources: Promise<NodeResources | undefined> | undefined

  /** `sources` is read at each scrape: the node builds its parts after its metrics. */
  constructor (components: { sources: () => MetricsSources | undefined }, init: { selfId: string }) {
    this.#sources = components.sources
    this.#self = init.selfId
    const registers = [this.registry]
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS })
    this.#restarts = new Counter({ name: 'trellis_instance_restarts_total', help: 'Restarts of instances on this node, by app.', labelNames: ['app'], registers })
    this.#moves = new Counter({ name: 'trellis_instance_moves_total', help: 'Instances this node moved to another node as leader (failure, drain, rebalance), by app.', labelNames: ['app'], registers })
    this.#heal = new Histogram({ name: 'trellis_heal_seconds', help: 'From a move committed by this node as leader to the moved instance reported started, seconds.', buckets: HEAL_BUCKETS, registers })
    this.#commit = new Histogram({ name: 'trellis_raft_commit_seconds', help: 'From a proposal made on this node to its commit applied here, seconds.', buckets: COMMIT_BUCKETS, registers })
    this.#leaderChanges = new Counter({ name: 'trellis_raft_leader_changes_total', help: 'Times this node learned of a different Raft leader (or of none).', registers })
    this.#writes = new Histogram({ name: 'trellis_volume_write_seconds', help: 'Acknowledged writes to volumes this node is primary for (every in-sync replica persisted), seconds.', buckets: WRITE_BUCKETS, registers })
    this.#writtenBytes = new Counter({ name: 'trellis_volume_written_bytes_total', help: 'Bytes of acknowledged writes to volumes this node is primary for.', registers })
    this.#rebuildBytes = new Counter({ name: 'trellis_volume_rebuild_bytes_total', help: 'Bytes this node copied to replicas catching up or being rebuilt.', registers })
    this.#gauges(registers)
  }

  /** The text a scrape gets, and its content type. */
  async scrape (): Promise<{ text: string, contentType: string }> {
    this.#resources = undefined
    return { text: await this.registry.metrics(), contentType: this.registry.contentType }
  }

  #probe (): Promise<NodeResources | undefined> {
    this.#resources ??= Promise.resolve(this.#sources()?.resources()).catch(() => undefined)
    return this.#resources
  }

  /** What the replicated log tells metrics. */
  raftObserver (): RaftObserver {
    return {
      committed: ms => { this.#commit.observe(ms / 1000) },
      leaderChanged: () => { this.#leaderChanges.inc() }
    }
  }

  /** What replicated volumes tell metrics. */
  volumeObserver (): VolumeObserver {
    return {
      written: (ms, bytes) => { this.#writes.observe(ms / 1000); this.#writtenBytes.inc(bytes) },
      copied: bytes => { this.#rebuildBytes.inc(bytes) }
    }
  }

  /** Counts restarts and moves from the node's event log, and times heals: a move made here, to the instance's first start after it. */
  event (e: GridEvent): void {
    const now = Date.now()
    if (e.origin === this.#self && e.kind === 'restarting') this.#restarts.inc({ app: e.app })
    if (e.origin === this.#self && e.kind === 'moved') {
      this.#moves.inc({ app: e.app })
      this.#moving.set(e.subject, now)
    }
    if ((e.kind === 'started' || e.kind === 'healthy') && this.#moving.has(e.subject)) {
      this.#heal.observe((now - this.#moving.get(e.subject)!) / 1000)
      this.#moving.delete(e.subject)
    }
    for (const [id, at] of this.#moving) if (now - at > HEAL_GIVE_UP_MS) this.#moving.delete(id)
  }

  #gauges (registers: Registry[]): void {
    const s = (): MetricsSources | undefined => this.#sources()
    const gauge = <L extends string>(name: string, help: string, labelNames: L[], collect: (g: Gauge<L>) => Promise<void> | void): void => {
      // A source that fails leaves its series out of this scrape rather than failing the scrape.
      new Gauge<L>({ name, help, labelNames, registers, async collect () { this.reset(); try { await collect(this) } catch {} } })
    }
    const counter = <L extends string>(name: string, help: string, labelNames: L[], read: () => Array<[Partial<Record<L, string>>, number]>): void => {
      new Counter<L>({ name, help, labelNames, registers, collect () { this.reset(); for (const [labels, v] of read()) this.inc(labels, v) } })
    }
    gauge('trellis_node_info', 'This node: its name and Trellis version (value 1).', ['node', 'version'], async g => {
      const r = await this.#probe()
      if (r !== undefined) g.set({ node: r.name, version: r.version }, 1)
    })
    gauge('trellis_node_cpu_cores', 'CPU cores: of the machine (kind=total) and held by instances here (kind=allocated).', ['kind'], async g => {
      const r = await this.#probe()
      if (r === undefined) return
      g.set({ kind: 'total' }, r.cpu.cores)
      g.set({ kind: 'allocated' }, r.cpu.allocated)
    })
    gauge('trellis_node_load1', 'One-minute load average of the machine.', [], async g => {
      const r = await this.#probe()
      if (r !== undefined) g.set(r.cpu.load1)
    })
    gauge('trellis_node_memory_bytes', 'Memory: total, free, allocatable to instances, allocated to instances here.', ['kind'], async g => {
      const r = await this.#probe()
      if (r === undefined) return
      for (const kind of ['total', 'free', 'allocatable', 'allocated'] as const) g.set({ kind }, r.memory[kind])
    })
    gauge('trellis_node_disk_bytes', 'Disk of the data dir: total and free.', ['kind'], async g => {
      const r = await this.#probe()
      if (r === undefined) return
      g.set({ kind: 'total' }, r.disk.total)
      g.set({ kind: 'free' }, r.disk.free)
    })
    gauge('trellis_node_on_battery', '1 when the machine runs on battery, 0 on mains or unknown.', [], async g => {
      const r = await this.#probe()
      if (r !== undefined) g.set(r.power.source === 'battery' ? 1 : 0)
    })
    // Labelled so that a machine without a battery has no series rather than a 0.
    gauge('trellis_node_battery_percent', 'Battery charge, when the machine has one; source is battery or mains.', ['source'], async g => {
      const p = (await this.#probe())?.power
      if (p?.chargePercent !== undefined) g.set({ source: p.source }, p.chargePercent)
    })
    gauge('trellis_instances', 'Instances on this node by state (starting, running, healthy, unhealthy, backoff, stopped, failed).', ['state'], g => {
      const counts = new Map<string, number>()
      for (const i of s()?.instances() ?? []) counts.set(i.state, (counts.get(i.state) ?? 0) + 1)
      for (const state of ['starting', 'running', 'healthy', 'unhealthy', 'backoff', 'failed']) counts.set(state, counts.get(state) ?? 0)
      for (const [state, n] of counts) g.set({ state }, n)
    })
    gauge('trellis_grid_nodes', 'Grid members by state as this node\'s failure detector sees them, itself included.', ['state'], g => {
      const members = s()?.members?.()
      if (members === undefined) return
      const counts = new Map<string, number>([['up', 0], ['suspect', 0], ['down', 0]])
      for (const m of members) counts.set(m.state, (counts.get(m.state) ?? 0) + 1)
      for (const [state, n] of counts) g.set({ state }, n)
    })
    gauge('trellis_raft_term', 'Current Raft term as this node knows it.', [], g => { const r = s()?.raft?.(); if (r !== undefined) g.set(r.term) })
    gauge('trellis_raft_commit_index', 'Highest log index this node knows committed.', [], g => { const r = s()?.raft?.(); if (r !== undefined) g.set(r.commit) })
    gauge('trellis_raft_applied_index', 'Highest log index applied to this node\'s state.', [], g => { const r = s()?.raft?.(); if (r !== undefined) g.set(r.applied) })
    gauge('trellis_raft_leader', '1 when this node is the Raft leader.', [], g => { const r = s()?.raft?.(); if (r !== undefined) g.set(r.role === 'leader' ? 1 : 0) })
    gauge('trellis_raft_has_leader', '1 when this node knows a leader.', [], g => { const r = s()?.raft?.(); if (r !== undefined) g.set(r.leader === null ? 0 : 1) })
    gauge('trellis_volume_replica_in_sync', 'For each volume with a replica here: 1 when the committed state counts it in sync.', ['volume'], g => {
      for (const v of s()?.volumes?.() ?? []) g.set({ volume: v.volume }, v.inSyncHere ? 1 : 0)
    })
    gauge('trellis_volume_replicas_in_sync', 'For each volume this node is primary for: replicas in sync.', ['volume'], g => {
      for (const v of s()?.volumes?.() ?? []) if (v.primary) g.set({ volume: v.volume }, v.inSync)
    })
    gauge('trellis_volume_replicas_wanted', 'For each volume this node is primary for: replicas it should have.', ['volume'], g => {
      for (const v of s()?.volumes?.() ?? []) if (v.primary) g.set({ volume: v.volume }, v.replicas)
    })
    counter('trellis_raft_heartbeat_datagrams_total', 'Raft heartbeats and answers by datagram: sent, received, unanswered (each sends the next 8 to that follower by stream), refused (by reason).', ['event', 'reason'], () => {
      const d = s()?.raftDatagrams?.()
      if (d === undefined) return []
      const refused = Object.entries(d.refused).map(([reason, n]): [Record<'event' | 'reason', string>, number] => [{ event: 'refused', reason }, n])
      return [[{ event: 'sent' }, d.sent], [{ event: 'received' }, d.received], [{ event: 'unanswered' }, d.unanswered], ...refused]
    })
    counter('trellis_gossip_dropped_total', 'Gossip messages (and, topic datagram, heartbeat datagrams) this node dropped, by topic and reason (garbled, impostor, replayed, too-large, rate-limited, unknown-sender, bad-tag, …).', ['topic', 'reason'], () =>
      (s()?.drops?.() ?? []).flatMap(d => Object.entries(d.counts).map(([reason, n]): [Record<'topic' | 'reason', string>, number] => [{ topic: d.topic, reason }, n])))
    counter('trellis_stream_bytes_total', 'Bytes appliances here sent (direction=sent) and received through their output terminals, counted when a connection ends.', ['direction'], () => {
      const b = s()?.streamBytes?.()
      return b === undefined ? [] : [[{ direction: 'sent' }, b.sent], [{ direction: 'received' }, b.received]]
    })
    counter('trellis_image_served_bytes_total', 'Image bytes this node served to other nodes.', [], () => {
      const b = s()?.imageBytesServed?.()
      return b === undefined ? [] : [[{}, b]]
    })
    counter('trellis_log_rotated_bytes_total', 'Bytes moved out of live instance log files by rotation.', [], () => {
      const l = s()?.logs?.()
      return l === undefined ? [] : [[{}, l.rotatedBytes]]
    })
    counter('trellis_log_lines_served_total', 'Instance log lines this node sent to other nodes.', [], () => {
      const l = s()?.logs?.()
      return l === undefined ? [] : [[{}, l.linesServed]]
    })
  }
}
