/**
 * The operator's view on a real three-node grid: an instance's log read
 * from a node that does not run it, with notices for an instance that wrote
 * nothing and one that keeps crashing; `/metrics` parsed as Prometheus text
 * with its named series; then kill -9 of the node running the ticker while a
 * third node follows its log and the event stream: the follower goes on
 * with the lines from the instance's new node, and the stream tells of the
 * node going down and the instance moving.
 */
import t from 'tap'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import parsePrometheus, { type Family } from 'parse-prometheus-text-format'
import type { EventView, LogFollowView } from '../../controller/client/index.ts'
import { ROOT, startGrid, waitFor, type TestDaemon } from '../helpers/daemon.ts'
import { KEEP_INTERVAL_MS } from '../../daemon/logs/index.ts'

const { nodes } = await startGrid(fn => t.teardown(fn), 3, ['--images', join(ROOT, 'tests', 'fixtures', 'images')])
const ids = await Promise.all(nodes.map(async d => (await d.client.node()).id))
const names = await Promise.all(nodes.map(async d => (await d.client.node()).name))

const APP = `name: ops
components:
  tick:
    image: ticker
  quiet:
    image: idle
  store:
    image: probe
    volumes:
      data: { size: 64Mi, replicas: 2 }
`

function nodeRunning (instance: string, on: TestDaemon): Promise<number> {
  return waitFor(`${instance} to run`, 60_000, async () => {
    const i = (await on.client.app('ops')).instanceList.find(x => x.id === instance)
    return i?.pid !== undefined && i.state !== 'pending' ? ids.indexOf(i.node) : undefined
  }, 250)
}

/** Runs the trellis CLI against a daemon. */
function cli (d: TestDaemon, ...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [join(ROOT, 'controller', 'cli', 'main.ts'), '--data-dir', d.dataDir, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : Number((err as { code?: number }).code ?? 1), stdout, stderr })
    })
  })
}

for (const d of nodes) await waitFor('three voters', 60_000, async () => (await d.client.raft()).peers.filter(p => p.suffrage === 'voter').length === 3 ? true : undefined, 250)
await nodes[0]!.client.apply(APP)
const tickAt = await nodeRunning('ops.tick.0', nodes[0]!)

t.test('logs of an instance, read on a node that does not run it', async t => {
  const reader = nodes[(tickAt + 1) % 3]!
  // Three seconds of ticks, so that a second's worth is a part of them.
  await waitFor('ticks', 20_000, async () => (await reader.client.logs('ops', { instance: 'tick.0', tail: 1 }))[0]!.lines[0]?.match(/^tick (1[5-9]|[2-9]\d|\d{3,})$/) ?? undefined, 250)
  const [log] = await reader.client.logs('ops', { instance: 'tick.0', tail: 5 })
  t.equal(log!.node, ids[tickAt], 'read on the node that runs it')
  t.equal(log!.entries.length, 5, 'the tail asked for')
  t.ok(log!.entries.every(e => /^tick \d+$/.test(e.text)), 'its lines, in its words')
  t.same(log!.notices, [], 'nothing to remark')
  const numbers = log!.entries.map(e => Number(e.text.slice(5)))
  t.ok(numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1), 'in order, none missing')
  const all = await reader.client.logs('ops', { instance: 'tick.0', tail: 10_000 })
  const entries = all[0]!.entries
  const up = entries.find(e => e.stream === 'stderr')
  t.equal(up?.text, `ticker up on ${ids[tickAt]!}`, 'stderr merged in')
  // Lines are timed by the keeper round (a second) that first saw them: the stderr line, written first, is in the first round or the next.
  t.ok(up !== undefined && up.at - entries[0]!.at <= 2 * KEEP_INTERVAL_MS, 'among the first by time')
  t.ok(entries.every((e, i) => i === 0 || e.at >= entries[i - 1]!.at), 'ordered by time')
  const since = Date.now() - 1500
  const recent = await reader.client.logs('ops', { instance: 'tick.0', since })
  t.ok(recent[0]!.entries.length > 0 && recent[0]!.entries.length < all[0]!.entries.length, `--since gives the recent ${recent[0]!.entries.length} of ${all[0]!.entries.length}`)
  t.ok(recent[0]!.entries.every(e => e.at >= since), 'none seen before since')

  const quiet = await reader.client.logs('ops', { instance: 'quiet.0' })
  t.same(quiet[0]!.lines, [])
  t.match(quiet[0]!.notices.join('\n'), /no lines yet/, 'an instance that wrote nothing says so')
  const printed = await cli(reader, 'logs', 'ops', 'quiet.0')
  t.equal(printed.code, 1, 'the CLI fails when there is nothing to print')
  t.match(printed.stderr, /ops\.quiet\.0: no lines yet on node-\d/)
  const ticks = await cli(reader, 'logs', 'ops', 'tick', '--tail', '3')
  t.equal(ticks.code, 0)
  t.match(ticks.stdout, /^(tick \d+\n){3}$/, 'a component name selects its instances')
})

t.test('a crash-looping instance: its error lines, and a notice that it is in back-off', async t => {
  await nodes[0]!.client.apply('name: crash\ncomponents:\n  c:\n    image: crasher\n')
  t.teardown(async () => { await nodes[0]!.client.deleteApp('crash') })
  const r = await waitFor('a back-off notice', 30_000, async () => {
    const [l] = await nodes[(tickAt + 1) % 3]!.client.logs('crash', { instance: 'c.0' })
    return /crash-looping/.test(l!.notices.join('\n')) ? l : undefined
  }, 200)
  t.match(r!.lines, ['crasher: cannot open /nonexistent/config'], 'what it said before exiting')
  t.match(r!.notices.join('\n'), /waiting in back-off after \d+ restart.*exit code 1/)
})

t.test('/metrics on every node parses as Prometheus text, with the named series', async t => {
  const store = await nodeRunning('ops.store.0', nodes[0]!)
  // Scraped without a token: /metrics is open, as exporters are (docs/metrics.md).
  const scrape = async (d: TestDaemon): Promise<Map<string, Family>> => {
    const res = await fetch(`${d.client.url}/metrics`)
    t.equal(res.status, 200)
    t.match(res.headers.get('content-type'), /^text\/plain; version=0\.0\.4/)
    return new Map(parsePrometheus(await res.text()).map(f => [f.name, f]))
  }
  const value = (f: Family | undefined, labels: Record<string, string> = {}): number =>
    Number(f?.metrics.find(m => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value ?? NaN)
  const all = await waitFor('replicas in sync on both volume nodes', 60_000, async () => {
    const scraped = await Promise.all(nodes.map(scrape))
    const inSync = scraped.flatMap(m => m.get('trellis_volume_replica_in_sync')?.metrics ?? []).filter(x => x.value === '1')
    return inSync.length === 2 ? scraped : undefined
  }, 500)
  for (const [i, m] of all.entries()) {
    t.equal(value(m.get('trellis_node_info'), { node: names[i]! }), 1, `${names[i]!} names itself`)
    t.ok(value(m.get('trellis_node_cpu_cores'), { kind: 'total' }) >= 1, 'cpu cores')
    t.ok(value(m.get('trellis_node_memory_bytes'), { kind: 'total' }) > 64 * 1024 * 1024, 'memory')
    t.ok(value(m.get('trellis_node_disk_bytes'), { kind: 'free' }) > 0, 'disk')
    t.equal(value(m.get('trellis_grid_nodes'), { state: 'up' }), 3, 'three nodes up')
    t.ok(value(m.get('trellis_raft_term')) >= 1, 'a term')
    t.equal(value(m.get('trellis_raft_has_leader')), 1, 'a leader known')
    t.equal(m.get('trellis_raft_leader_changes_total')?.type, 'COUNTER')
    t.ok(value(m.get('trellis_raft_leader_changes_total')) >= 1, 'it learned of a leader at least once')
    for (const name of ['trellis_instance_restarts_total', 'trellis_volume_rebuild_bytes_total', 'trellis_raft_commit_seconds', 'trellis_volume_write_seconds', 'trellis_stream_bytes_total', 'trellis_gossip_dropped_total', 'process_resident_memory_bytes']) {
      t.ok(m.has(name), `${names[i]!} has ${name}`)
    }
  }
  t.equal(all.reduce((n, m) => n + value(m.get('trellis_raft_leader')), 0), 1, 'exactly one leader')
  // Idle heartbeats and their answers cross real UDP: every node sent and took some.
  for (const [i, m] of all.entries()) {
    t.ok(value(m.get('trellis_raft_heartbeat_datagrams_total'), { event: 'sent' }) > 0 && value(m.get('trellis_raft_heartbeat_datagrams_total'), { event: 'received' }) > 0, `${names[i]!} exchanged Raft heartbeats by datagram`)
  }
  const running = all.reduce((n, m) => n + (m.get('trellis_instances')?.metrics ?? []).filter(x => x.labels?.state !== 'backoff' && x.labels?.state !== 'failed').reduce((s, x) => s + Number(x.value), 0), 0)
  t.ok(running >= 3, `${running} instances running over the grid by the nodes' counts`)
  const commits = all[0]!.get('trellis_raft_commit_seconds')!.metrics[0]!
  t.ok(Number(commits.count) >= 1 && Number(commits.sum) > 0, `node-0 timed its commits (${commits.count})`)
  t.equal(value(all[store]!.get('trellis_volume_replicas_in_sync'), { volume: 'ops.store.data' }), 2, 'the primary sees both replicas in sync')
  t.equal(value(all[store]!.get('trellis_volume_replicas_wanted'), { volume: 'ops.store.data' }), 2)
  t.ok(all.some(m => value(m.get('trellis_instance_restarts_total'), { app: 'crash' }) >= 1), 'the crasher\'s restarts are counted where it ran')
})

t.test('kill -9 of the ticker\'s node: a follower elsewhere goes on with the lines from its new node; the event stream tells why', async t => {
  const victim = nodes[tickAt]!
  const watcher = nodes.find(d => d !== victim)!
  const ac = new AbortController()
  t.teardown(() => { ac.abort() })
  const followed: LogFollowView[] = []
  const events: EventView[] = []
  const following = (async () => { for await (const r of watcher.client.followLogs('ops', { instance: 'tick.0', tail: 1 }, ac.signal)) followed.push(r) })()
  const streaming = (async () => { for await (const e of watcher.client.followEvents({ tail: 0 }, ac.signal)) events.push(e) })()
  const lines = (): Array<Extract<LogFollowView, { text: string }>> => followed.filter((r): r is Extract<LogFollowView, { text: string }> => 'text' in r)
  await waitFor('lines followed from the ticker\'s node', 20_000, () => lines().filter(l => l.node === ids[tickAt]).length >= 3 ? true : undefined, 100)
  await victim.crash()
  const moved = await waitFor('lines from the ticker\'s new node', 60_000, () => {
    const there = lines().filter(l => l.node !== ids[tickAt])
    return there.length >= 3 ? there : undefined
  }, 200)
  // The leader records the move; on another node it reaches the watcher with that node's next report (≤ 2 s later).
  await waitFor('the move in the event stream', 20_000, () => events.some(e => e.kind === 'moved' && e.subject === 'ops.tick.0') ? true : undefined, 100)
  ac.abort()
  await Promise.all([following, streaming])
  t.ok(moved.every(l => /^tick \d+$/.test(l.text) || l.stream === 'stderr'), 'its lines, from its new node')
  t.match(moved.find(l => l.stream === 'stderr')?.text, `ticker up on ${moved[0]!.node}`, 'from its start there')
  const notices = followed.filter(r => 'notice' in r).map(r => (r as { notice: string }).notice)
  t.match(notices.join('\n'), new RegExp(`ops\\.tick\\.0: moved from ${names[tickAt]!} to node-\\d; following its log there`), 'a notice says it moved')
  t.ok(events.some(e => e.kind === 'node-down' && e.subject === names[tickAt]), 'the stream told of the node going down')
  t.ok(events.some(e => e.kind === 'moved' && e.subject === 'ops.tick.0'), 'and of the instance moving')
  const down = events.findIndex(e => e.kind === 'node-down')
  t.ok(events.findIndex(e => e.kind === 'moved' && e.subject === 'ops.tick.0') > down, 'in that order')
  t.ok(events.every((e, i) => i === 0 || e.id > events[i - 1]!.id), 'ids increase, for Last-Event-ID')
  const described = await watcher.client.app('ops')
  t.ok(described.events.some(e => e.kind === 'moved' && e.instance === 'ops.tick.0' && e.node !== undefined), 'describe app keeps the history, naming who recorded each event')
})
