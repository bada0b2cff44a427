/**
 * The reconcile loop's power round with the real planner, scheduler and
 * state machine on a virtual clock: it commits the park, the parked and the
 * unpark, wakes a parked node that is off, sends the wake again while the
 * node stays off, and wakes no second node for the same shortage meanwhile.
 */
import t from 'tap'
import { pino } from 'pino'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { ReconcileLoop, type SensedNode } from '../../../controller/reconciler/index.ts'
import { schedule } from '../../../controller/scheduler/index.ts'
import { adminOf, apply, emptyState, putApp, setNodeAdmin, setPower, type ApplyResult, type Command, type LeadingLog } from '../../../controller/state/index.ts'
import type { AppSpec } from '../../../controller/graph/types.ts'

const GiB = 1024 ** 3

function setup (): { loop: ReconcileLoop, clock: VirtualClock, log: LeadingLog, commit: (c: Command) => ApplyResult, nodes: SensedNode[], woken: string[] } {
  const clock = new VirtualClock()
  const state = emptyState()
  let index = 0
  const commit = (c: Command): ApplyResult => apply(state, ++index, c)
  const log: LeadingLog = { state, propose: async c => commit(c), leads: () => true, onApplied: () => () => {} }
  const node = (id: string, over: Partial<SensedNode> = {}): SensedNode => ({
    id, name: id, zone: '', labels: {}, state: 'up', cordoned: false, draining: false, power: { source: 'mains' }, capabilities: [], capacity: { cpu: 2, memory: 8 * GiB, disk: 100 * GiB }, ...over
  })
  const nodes = [node('n1'), node('n2'), node('n3'), node('b1', { power: { source: 'battery', chargePercent: 50 } })]
  const woken: string[] = []
  const loop = new ReconcileLoop({
    log,
    clock,
    logger: pino({ level: 'silent' }),
    images: { get: () => ({ requires: [] }) },
    schedule,
    nodes: () => nodes.map(n => ({ ...n, ...adminOf(state, n.id) })),
    ready: () => true,
    nameOf: id => id,
    record: () => {},
    voters: () => ['n1', 'n2'],
    wake: async id => { woken.push(id) },
    power: { settleMs: 10_000 }
  })
  return { loop, clock, log, commit, nodes, woken }
}

const app = (name: string, count: number, cpu: number): AppSpec => ({
  name,
  components: [{ name: 'w', image: 'idle', count, properties: {}, resources: { cpu, memory: GiB / 4, disk: 0 }, connections: [], volumes: [], constraints: [], antiAffinity: false }],
  entries: [],
  constraints: []
})

t.test('the loop parks a battery non-voter after the grid settles, then finishes the park', async t => {
  const { loop, clock, log, commit } = setup()
  commit(setPower({ consolidate: true }))
  commit(putApp(app('site', 1, 0.25), '', ''))
  t.notOk((await loop.round()).some(d => d.kind === 'park'), 'a new leader waits for the grid to settle')
  await clock.advance(10_000)
  const round = await loop.round()
  t.match(round.find(d => d.kind === 'park'), { node: 'b1' }, 'battery first; voters n1 and n2 are never parked')
  t.same(adminOf(log.state, 'b1'), { cordoned: true, draining: true, parked: true })
  t.match((await loop.round()).find(d => d.kind === 'parked'), { node: 'b1' }, 'empty: parked at once')
  t.same(adminOf(log.state, 'b1'), { cordoned: true, draining: false, parked: true })
  await loop.stop()
})

t.test('a shortage unparks and wakes one node, resends the wake while it stays off, and wakes no other', async t => {
  const { loop, clock, log, commit, nodes, woken } = setup()
  commit(setNodeAdmin('n3', { cordoned: true, draining: false, parked: true }))
  commit(setNodeAdmin('b1', { cordoned: true, draining: false, parked: true }))
  for (const n of nodes) if (n.id === 'n3' || n.id === 'b1') n.state = 'down'
  // Six cores on n1 and n2's four: both parked nodes are needed, the mains one first.
  commit(putApp(app('big', 3, 2), '', ''))
  const first = await loop.round()
  t.match(first.find(d => d.kind === 'unpark'), { node: 'n3', wake: true, reason: /capacity short: big/ })
  t.same(woken, ['n3'], 'the off node got a wake')
  t.same(adminOf(log.state, 'n3'), { cordoned: false, draining: false, parked: false })
  await clock.advance(10_000)
  t.notOk((await loop.round()).some(d => d.kind === 'unpark'), 'no second node woken while the first is on its way')
  t.same(woken, ['n3'])
  await clock.advance(25_000)
  await loop.round()
  t.same(woken, ['n3', 'n3'], 'the wake sent again after 30 s')
  nodes.find(n => n.id === 'n3')!.state = 'up'
  const after = await loop.round()
  t.same(after.filter(d => d.kind === 'place').map(d => d.kind === 'place' ? d.app : ''), ['big'], 'n3 is up: big is placed')
  t.match(after.find(d => d.kind === 'unpark'), { node: 'b1', wake: true, reason: /load 100 % reached 80 %/ }, 'and the full grid wakes the next one')
  t.same(woken, ['n3', 'n3', 'b1'])
  await loop.stop()
})
