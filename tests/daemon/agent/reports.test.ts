/** Instance reports under a virtual clock over in-memory gossip. */
import t from 'tap'
import type { Test } from 'tap'
import { pino } from 'pino'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { InstanceReports, INSTANCES_TOPIC, MAX_REPORT_BYTES, REPORT_INTERVAL_MS, reportedInstances, type InstanceEvent, type LocalReport } from '../../../daemon/agent/index.ts'
import { MemoryGossipNetwork } from '../../../daemon/network/index.ts'
import { trellis } from '../../../proto/gen/trellis.js'

const logger = pino({ level: 'silent' })

type Heard = Array<{ node: string, incarnation: number, events: InstanceEvent[] }>

function setup (t: Test, timing: { intervalMs?: number, refreshMs?: number } = {}): { clock: VirtualClock, net: MemoryGossipNetwork, start: (id: string, local: () => LocalReport, incarnation?: number, heard?: Heard) => InstanceReports } {
  const clock = new VirtualClock(1_700_000_000_000)
  const net = new MemoryGossipNetwork()
  const started: InstanceReports[] = []
  t.teardown(async () => { for (const r of started) await r.stop() })
  return {
    clock,
    net,
    start: (id, local, incarnation = 1, heard = []) => {
      const r = new InstanceReports({ gossip: net.join(id), clock, logger, local, onEvents: (node, inc, events) => { heard.push({ node, incarnation: inc, events }) } }, { incarnation, ...timing })
      r.start()
      started.push(r)
      return r
    }
  }
}

const running = (id: string, state = 'healthy'): LocalReport['instances'][number] => ({ id, state, pid: 42, restarts: 0, health: 'healthy', since: 1, exited: false, exitCode: -1, exitSignal: '', oomKilled: false })

t.test('every node learns what the others run, and their events', async t => {
  const { clock, start } = setup(t)
  let aRuns = [running('shop.web.0')]
  start('a', () => ({ instances: aRuns, events: [{ at: 5, instance: 'shop.web.0', kind: 'started', detail: 'pid 42', seq: 1 }, { at: 6, instance: 'blog.db.0', kind: 'started', detail: 'pid 7', seq: 2 }] }), 3)
  const heard: Heard = []
  const b = start('b', () => ({ instances: [], events: [] }), 1, heard)
  await clock.advance(0)
  t.equal(b.instance('shop.web.0', 'a')?.state, 'healthy', 'b knows a runs web.0, healthy')
  t.equal(b.instance('shop.web.0', 'b'), undefined, 'asked of the wrong node: unknown')
  t.same(heard.map(h => [h.node, h.incarnation, h.events.map(e => [e.detail, Number(e.seq)])]), [['a', 3, [['pid 42', 1], ['pid 7', 2]]]], 'a\'s events reach b with their numbers')
  aRuns = [running('shop.web.0', 'backoff')]
  await clock.advance(REPORT_INTERVAL_MS)
  t.equal(b.instance('shop.web.0', 'a')?.state, 'backoff', 'the next report replaces the last')
})

t.test('with a refresh period, an unchanged report waits for it; a change goes at the next look', async t => {
  const { clock, net, start } = setup(t, { intervalMs: 5000, refreshMs: 30_000 })
  let runs = [running('shop.web.0')]
  start('a', () => ({ instances: runs, events: [] }))
  const b = start('b', () => ({ instances: [], events: [] }))
  const sent = (): number => net.delivered.get(INSTANCES_TOPIC) ?? 0
  await clock.advance(0)
  const first = sent()
  t.ok(first > 0, 'the first look sends')
  await clock.advance(25_000)
  t.equal(sent(), first, 'nothing changed: nothing sent for 25 s')
  runs = [running('shop.web.0', 'backoff')]
  await clock.advance(5000)
  t.equal(b.instance('shop.web.0', 'a')?.state, 'backoff', 'a change goes at the next look')
  const afterChange = sent()
  t.ok(afterChange > first)
  await clock.advance(25_000)
  t.equal(sent(), afterChange, 'unchanged again: quiet')
  await clock.advance(5000)
  t.ok(sent() > afterChange, 'and refreshed 30 s after the last one sent')
})

t.test('an unchanged report goes at the first look after another node subscribes, not only at the refresh', async t => {
  const { clock, net, start } = setup(t, { intervalMs: 5000, refreshMs: 30_000 })
  start('a', () => ({ instances: [running('shop.web.0')], events: [] }))
  start('b', () => ({ instances: [], events: [] }))
  const sent = (): number => net.delivered.get(INSTANCES_TOPIC) ?? 0
  await clock.advance(10_000)
  const quiet = sent()
  await clock.advance(5000)
  t.equal(sent(), quiet, 'nothing changed, no newcomer: nothing sent')
  const c = start('c', () => ({ instances: [], events: [] }))
  await clock.advance(5000)
  t.equal(c.instance('shop.web.0', 'a')?.state, 'healthy', 'the newcomer learns what a runs at a\'s next look, 15 s before the refresh')
  const afterNewcomer = sent()
  await clock.advance(5000)
  t.equal(sent(), afterNewcomer, 'owed once: the look after is quiet again')
})

t.test('forged, replayed, oversized and garbled reports are dropped; a restarted node is heard again', async t => {
  const { clock, net, start } = setup(t)
  const b = start('b', () => ({ instances: [], events: [] }))
  const m = net.join('m')
  const report = (nodeId: string, incarnation: number, sequence: number, instance: string): Uint8Array =>
    trellis.mesh.InstanceReport.encode({ nodeId, incarnation, sequence, sentAt: 0, instances: [running(instance)], events: [] }).finish()
  await m.publish(INSTANCES_TOPIC, report('a', 1, 1, 'shop.forged.0'))
  await m.publish(INSTANCES_TOPIC, report('m', 1, 5, 'shop.web.0'))
  await m.publish(INSTANCES_TOPIC, report('m', 1, 4, 'shop.old.0'))
  await m.publish(INSTANCES_TOPIC, new Uint8Array(MAX_REPORT_BYTES + 1))
  await m.publish(INSTANCES_TOPIC, new Uint8Array([0x0a, 0xff]))
  await clock.advance(0)
  t.equal(b.drops.counts.impostor, 1)
  t.equal(b.drops.counts.replayed, 1)
  t.equal(b.drops.counts['too-large'], 1)
  t.equal(b.drops.counts.garbled, 1)
  t.equal(b.instance('shop.forged.0', 'a'), undefined, 'nothing is believed of a in m\'s words')
  t.ok(b.instance('shop.web.0', 'm') !== undefined && b.instance('shop.old.0', 'm') === undefined, 'an older report does not replace a newer one')
  await m.publish(INSTANCES_TOPIC, report('m', 2, 1, 'shop.after.0'))
  await clock.advance(0)
  t.ok(b.instance('shop.after.0', 'm') !== undefined, 'a restarted node (new incarnation) starts its sequence again')
})

t.test('a report too large to gossip is not sent', async t => {
  const { clock, start } = setup(t)
  const events = Array.from({ length: 50 }, (_, i) => ({ at: i, instance: 'shop.web.0', kind: 'x', detail: 'y'.repeat(8 * 1024), seq: i + 1 }))
  start('a', () => ({ instances: [running('shop.web.0')], events }))
  const heard: Heard = []
  const b = start('b', () => ({ instances: [], events: [] }), 1, heard)
  await clock.advance(REPORT_INTERVAL_MS)
  t.same(heard, [], 'no events arrived')
  t.equal(b.instance('shop.web.0', 'a'), undefined, 'nor the report')
})

t.test('a supervisor\'s list becomes a report', async t => {
  const states = reportedInstances([
    { id: 'shop.web.0', state: 'healthy', pid: 10, restarts: 2, health: { status: 'healthy', failures: 0 }, since: 99 },
    { id: 'shop.db.0', state: 'backoff', restarts: 1, health: { status: 'unknown', failures: 0 }, since: 5, lastExit: { code: null, signal: 'SIGKILL', oomKilled: true } }
  ], id => id === 'shop.web.0' ? 'c0ffee' : undefined)
  t.same(states, [
    { plan: 'c0ffee', id: 'shop.web.0', state: 'healthy', pid: 10, restarts: 2, health: 'healthy', since: 99, exited: false, exitCode: -1, exitSignal: '', oomKilled: false },
    { plan: '', id: 'shop.db.0', state: 'backoff', pid: 0, restarts: 1, health: 'unknown', since: 5, exited: true, exitCode: -1, exitSignal: 'SIGKILL', oomKilled: true }
  ], 'with the plan each runs, "" when unknown')
})
