/** A node's metrics from its parts: gauges read at the scrape, counters fed as things happen, all parsed back as Prometheus text. */
import t from 'tap'
import parsePrometheus, { type Family } from 'parse-prometheus-text-format'
import { NodeMetrics, type MetricsSources } from '../../../daemon/metrics/index.ts'
import type { GridEvent } from '../../../daemon/events/index.ts'

const sources: MetricsSources = {
  resources: async () => ({
    name: 'node-1', version: '0.1.0',
    cpu: { cores: 4, load1: 0.5, allocated: 1.5 },
    memory: { total: 8e9, free: 6e9, allocatable: 7e9, allocated: 1e9 },
    disk: { total: 1e11, free: 5e10 },
    power: { source: 'mains' }
  }),
  instances: () => [{ id: 'shop.web.0', state: 'healthy' }, { id: 'shop.web.1', state: 'healthy' }, { id: 'shop.db.0', state: 'backoff' }],
  members: () => [{ state: 'up' }, { state: 'up' }, { state: 'down' }],
  raft: () => ({ term: 3, commit: 10, applied: 9, role: 'leader', leader: 'self' }),
  drops: () => [{ topic: 'instances', counts: { garbled: 2, replayed: 0 } }],
  raftDatagrams: () => ({ sent: 40, received: 38, unanswered: 1, refused: { stale: 3 } }),
  volumes: () => [{ volume: 'shop.db.data', inSyncHere: true, primary: true, inSync: 1, replicas: 2 }],
  streamBytes: () => ({ sent: 100, received: 2000 })
}

const event = (e: Partial<GridEvent>): GridEvent => ({ id: 1, at: 0, kind: 'started', app: 'shop', subject: 'shop.web.0', origin: 'self', detail: '', ...e })

async function scrape (m: NodeMetrics): Promise<Map<string, Family>> {
  const { text, contentType } = await m.scrape()
  t.match(contentType, /^text\/plain; version=0\.0\.4/)
  return new Map(parsePrometheus(text).map(f => [f.name, f]))
}

const value = (f: Family | undefined, labels: Record<string, string> = {}): number =>
  Number(f?.metrics.find(s => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v))?.value ?? NaN)

t.test('gauges come from the sources at the scrape', async t => {
  const m = await scrape(new NodeMetrics({ sources: () => sources }, { selfId: 'self' }))
  t.equal(value(m.get('trellis_node_info'), { node: 'node-1', version: '0.1.0' }), 1)
  t.equal(value(m.get('trellis_node_cpu_cores'), { kind: 'allocated' }), 1.5)
  t.equal(value(m.get('trellis_node_memory_bytes'), { kind: 'allocatable' }), 7e9)
  t.equal(value(m.get('trellis_instances'), { state: 'healthy' }), 2)
  t.equal(value(m.get('trellis_instances'), { state: 'backoff' }), 1)
  t.equal(value(m.get('trellis_instances'), { state: 'failed' }), 0, 'every usual state is present, 0 when none')
  t.equal(value(m.get('trellis_grid_nodes'), { state: 'down' }), 1)
  t.equal(value(m.get('trellis_raft_term')), 3)
  t.equal(value(m.get('trellis_raft_leader')), 1)
  t.equal(value(m.get('trellis_volume_replicas_in_sync'), { volume: 'shop.db.data' }), 1)
  t.equal(value(m.get('trellis_volume_replicas_wanted'), { volume: 'shop.db.data' }), 2)
  t.equal(m.get('trellis_gossip_dropped_total')?.type, 'COUNTER')
  t.equal(value(m.get('trellis_gossip_dropped_total'), { topic: 'instances', reason: 'garbled' }), 2)
  t.equal(value(m.get('trellis_stream_bytes_total'), { direction: 'received' }), 2000)
  t.equal(value(m.get('trellis_raft_heartbeat_datagrams_total'), { event: 'unanswered' }), 1)
  t.equal(value(m.get('trellis_raft_heartbeat_datagrams_total'), { event: 'refused', reason: 'stale' }), 3)
  t.notOk(m.get('trellis_node_battery_percent')?.metrics.length, 'no battery, no series')
})

t.test('commits, writes, copies, restarts, moves and heals are counted as they happen', async t => {
  const metrics = new NodeMetrics({ sources: () => sources }, { selfId: 'self' })
  const raft = metrics.raftObserver()
  raft.committed?.(2)
  raft.committed?.(30)
  raft.leaderChanged?.('self', 3)
  const volumes = metrics.volumeObserver()
  volumes.written?.(0.4, 4096)
  volumes.copied?.(1 << 20)
  metrics.event(event({ kind: 'restarting', subject: 'shop.db.0' }))
  metrics.event(event({ kind: 'restarting', subject: 'shop.db.0', origin: 'other' }))
  metrics.event(event({ kind: 'moved' }))
  metrics.event(event({ kind: 'started', origin: 'other' }))
  metrics.event(event({ kind: 'started', origin: 'other' }))
  const m = await scrape(metrics)
  const commits = m.get('trellis_raft_commit_seconds')!
  t.equal(commits.type, 'HISTOGRAM')
  t.equal(Number(commits.metrics[0]!.count), 2)
  t.equal(Number(commits.metrics[0]!.buckets!['0.005']), 1, '2 ms in the 5 ms bucket, 30 ms not')
  t.equal(value(m.get('trellis_raft_leader_changes_total')), 1)
  t.equal(Number(m.get('trellis_volume_write_seconds')!.metrics[0]!.count), 1)
  t.equal(value(m.get('trellis_volume_written_bytes_total')), 4096)
  t.equal(value(m.get('trellis_volume_rebuild_bytes_total')), 1 << 20)
  t.equal(value(m.get('trellis_instance_restarts_total'), { app: 'shop' }), 1, 'only this node\'s own restarts')
  t.equal(value(m.get('trellis_instance_moves_total'), { app: 'shop' }), 1)
  t.equal(Number(m.get('trellis_heal_seconds')!.metrics[0]!.count), 1, 'one move, one heal: the second start is not another')
})

t.test('two nodes in one process keep their metrics apart', async t => {
  const a = new NodeMetrics({ sources: () => sources }, { selfId: 'a' })
  const b = new NodeMetrics({ sources: () => undefined }, { selfId: 'b' })
  a.raftObserver().leaderChanged?.(null, 1)
  t.equal(value((await scrape(b)).get('trellis_raft_leader_changes_total')), 0)
  t.equal(value((await scrape(a)).get('trellis_raft_leader_changes_total')), 1)
})
