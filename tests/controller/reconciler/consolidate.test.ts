/**
 * The power planner with the real scheduler and planner: which node it parks
 * (battery first, lowest charge, least loaded), what it refuses to park, how a
 * park ends, and which parked node it wakes when capacity is short.
 */
import t from 'tap'
import { consolidate, plan, type ConsolidateInput, type PlanNode, type PowerDecision } from '../../../controller/reconciler/index.ts'
import { schedule } from '../../../controller/scheduler/index.ts'
import { adminOf, apply, emptyState, placeApp, putApp, setNodeAdmin, setPower, type Command, type GridState } from '../../../controller/state/index.ts'
import type { AppSpec, ComponentSpec } from '../../../controller/graph/types.ts'
import { component, GiB, node } from './fixtures.ts'

const images = { get: (name: string) => name === 'db' ? { requires: ['volume-mount'] } : name === 'gpu' ? { requires: ['gpu'] } : { requires: [] } }

function app (name: string, ...components: ComponentSpec[]): AppSpec {
  return { name, components, entries: [], constraints: [] }
}

/** A grid's state, its nodes' facts, and the leader's round: plan, commit, then the power planner. */
class Grid {
  readonly state: GridState = emptyState()
  nodes: PlanNode[]
  #index = 0
  constructor (nodes: PlanNode[], consolidateOn = true) {
    this.nodes = nodes
    if (consolidateOn) this.commit(setPower({ consolidate: true }))
  }

  commit (command: Command): void { apply(this.state, ++this.#index, command) }
  put (spec: AppSpec): void { this.commit(putApp(spec, '', 'n1')) }
  /** The nodes with their admin state from the grid's state, as GridNodes.sensed gives them. */
  view (): PlanNode[] { return this.nodes.map(n => ({ ...n, ...adminOf(this.state, n.id) })) }
  /** Places what the planner places (apps, drains); returns the apps it could not place. */
  place (): string[] {
    const decisions = plan({ state: this.state, nodes: this.view(), images, schedule, ready: () => true, seed: 1 })
    for (const d of decisions) if (d.kind === 'place') this.commit(placeApp(d.app, d.appVersion, d.placements, d.reason, d.volumes))
    return decisions.flatMap(d => d.kind === 'unschedulable' ? [d.app] : [])
  }

  power (over: Partial<ConsolidateInput> = {}): PowerDecision | undefined {
    const unschedulable = this.place()
    return consolidate({ state: this.state, nodes: this.view(), images, schedule, seed: 1, voters: [], unschedulable, waking: [], sinceChangeMs: Infinity, ...over })
  }

  /** Commits a power decision as the loop does. */
  take (d: PowerDecision | undefined): void {
    if (d === undefined) return
    const admin = d.kind === 'park' ? { cordoned: true, draining: true, parked: true } : d.kind === 'parked' ? { cordoned: true, draining: false, parked: true } : { cordoned: false, draining: false, parked: false }
    this.commit(setNodeAdmin(d.node, admin, d.reason))
  }

  on (id: string): string[] {
    return [...this.state.placements.values()].filter(p => p.node === id).map(p => p.instance).sort()
  }
}

const small = app('site', component('web', 'web', 2))

t.test('park order: battery before mains, the lowest charge first, then the least loaded', async t => {
  const cases: Array<{ name: string, nodes: PlanNode[], want: string }> = [
    {
      name: 'lowest battery',
      nodes: [node('n1'), node('n2', { power: { source: 'battery', chargePercent: 80 } }), node('n3', { power: { source: 'battery', chargePercent: 40 } }), node('n4')],
      want: 'n3'
    },
    {
      name: 'battery of unknown charge before mains',
      nodes: [node('n1'), node('n2'), node('n3', { power: { source: 'battery' } }), node('n4')],
      want: 'n3'
    },
    { name: 'unknown source before mains', nodes: [node('n1'), node('n2', { power: { source: 'unknown' } }), node('n3')], want: 'n2' }
  ]
  for (const c of cases) {
    const g = new Grid(c.nodes)
    g.put(small)
    t.match(g.power(), { kind: 'park', node: c.want, reason: /low load/ }, c.name)
  }
  // All on mains: the least loaded goes, here an empty node rather than one running web.
  const g = new Grid([node('n1'), node('n2'), node('n3')])
  g.put(app('site', component('web', 'web', 1)))
  g.place()
  const busy = g.on('n1').length > 0 ? 'n1' : g.on('n2').length > 0 ? 'n2' : 'n3'
  const d = g.power()
  t.equal(d?.kind, 'park')
  t.not(d?.node, busy, 'an empty node before a loaded one')
})

t.test('refusals: off, too few nodes, voters, replicas, instances with nowhere to go, high load, unsettled', async t => {
  const four = (): PlanNode[] => [node('n1'), node('n2'), node('n3'), node('n4')]
  const off = new Grid(four(), false)
  off.put(small)
  t.equal(off.power(), undefined, 'consolidation is off unless turned on')

  const two = new Grid([node('n1'), node('n2')])
  two.put(small)
  t.equal(two.power(), undefined, 'never below two active nodes')
  t.match(two.power({ options: { minActiveNodes: 1 } }), { kind: 'park' }, 'a lower minimum lets one go')

  const voters = new Grid(four())
  voters.put(small)
  t.equal(voters.power({ voters: ['n1', 'n2', 'n3', 'n4'] }), undefined, 'four voters: without one, three left, no margin for another failure')
  t.match(voters.power({ voters: ['n1', 'n2', 'n3'] }), { kind: 'park', node: 'n4' })
  const fiveVoters = ['n1', 'n2', 'n3', 'n4', 'n5']
  const five = new Grid([...four(), node('n5')])
  five.put(small)
  t.match(five.power({ voters: fiveVoters }), { kind: 'park' }, 'five voters all up: one may go, four left outlast a failure')
  t.match(five.power({ voters: ['n1', 'n2', 'n3'] }), { kind: 'park', node: 'n4' }, 'a follower before any voter')
  const fiveOneParked = new Grid([...four(), node('n5')])
  fiveOneParked.put(small)
  fiveOneParked.take({ kind: 'parked', node: 'n5', reason: 'by hand' })
  t.equal(fiveOneParked.power({ voters: fiveVoters }), undefined, 'a voter parked already: four up, none more to spare')

  // A db with two replicas: its nodes hold data that cannot move cheaply.
  const stateful = new Grid([node('n1'), node('n2'), node('n3', { capabilities: [] })])
  stateful.put(app('shop', component('db', 'db', 1, { volumes: [{ name: 'data', size: GiB, replicas: 2, mount: '/data' }] })))
  stateful.place()
  const members = [...stateful.state.volumes.values()][0]!.members
  t.equal(members.length, 2)
  const parked = stateful.power({ options: { minActiveNodes: 1 } })
  t.match(parked, { kind: 'park', node: 'n3' }, 'only the node without a replica')

  // Four anti-affine instances on four nodes: none of them can go.
  const spread = new Grid(four())
  spread.put(app('site', component('web', 'web', 4, { antiAffinity: true })))
  t.equal(spread.power(), undefined, 'an instance with nowhere else to go keeps its node')

  const busy = new Grid(four())
  busy.put(app('site', component('web', 'web', 4, { resources: { cpu: 1.5, memory: GiB, disk: 0 } })))
  t.equal(busy.power(), undefined, '75 % load: the rest would carry 100 %')

  const fresh = new Grid(four())
  fresh.put(small)
  t.equal(fresh.power({ sinceChangeMs: 1_000 }), undefined, 'the grid settles first')
  t.equal(fresh.power({ unschedulable: ['other'] }), undefined, 'not while an app waits for room')
  fresh.nodes = four().map(n => n.id === 'n2' ? { ...n, state: 'down' as const } : n)
  t.equal(fresh.power(), undefined, 'not while a node has failed')
})

t.test('a park drains the node one instance at a time, then marks it parked; one node at a time', async t => {
  const g = new Grid([node('n1'), node('n2'), node('n3'), node('n4', { power: { source: 'battery', chargePercent: 30 } })])
  g.put(app('site', component('web', 'web', 4, { antiAffinity: true, resources: { cpu: 0.1, memory: GiB / 8, disk: 0 } })), )
  g.put(app('api', component('api', 'api', 2, { resources: { cpu: 0.1, memory: GiB / 8, disk: 0 } })))
  g.nodes = g.nodes.slice(0, 3)
  g.place()
  g.nodes = [...g.nodes, node('n4', { power: { source: 'battery', chargePercent: 30 } })]
  // n4 joins empty; put something on it by hand so the drain has work.
  const site = g.state.apps.get('site')!
  const where = Object.fromEntries([...g.state.placements.values()].filter(p => p.app === 'site').map(p => [p.instance, p.node]))
  where['site.web.3'] = 'n4'
  g.commit(placeApp('site', site.version, Object.entries(where).map(([instance, node]) => ({ instance, node })), 'test'))
  t.same(g.on('n4'), ['site.web.3'])
  t.same(g.power(), undefined, 'four anti-affine web instances need the four nodes')
  // Fewer web instances: n4 (battery) can go.
  g.put(app('site', component('web', 'web', 2, { antiAffinity: true, resources: { cpu: 0.1, memory: GiB / 8, disk: 0 } })))
  g.place()
  const first = g.power()
  t.match(first, { kind: 'park', node: 'n4' })
  g.take(first)
  t.same(adminOf(g.state, 'n4'), { cordoned: true, draining: true, parked: true })
  let rounds = 0
  let d: PowerDecision | undefined
  while ((d = g.power()) === undefined && rounds++ < 10) { /* the drain moves instances */ }
  t.match(d, { kind: 'parked', node: 'n4', reason: /emptied/ })
  t.same(g.on('n4'), [], 'nothing left on it')
  g.take(d)
  t.same(adminOf(g.state, 'n4'), { cordoned: true, draining: false, parked: true })
  const next = g.power()
  t.ok(next === undefined || (next.kind === 'park' && next.node !== 'n4'), 'the next park is another node')
  // While one node parks no other starts.
  g.take(next)
  if (next !== undefined) t.equal(g.power({ sinceChangeMs: Infinity })?.kind ?? 'parked', 'parked', 'a parking node is finished first')
})

t.test('wake: capacity short unparks a parked node, mains first, waking it when down', async t => {
  const g = new Grid([node('n1'), node('n2'), node('b1', { power: { source: 'battery', chargePercent: 90 } }), node('m1')])
  g.take({ kind: 'parked', node: 'b1', reason: 'test' })
  g.take({ kind: 'parked', node: 'm1', reason: 'test' })
  g.nodes = g.nodes.map(n => n.id === 'b1' || n.id === 'm1' ? { ...n, state: 'down' as const } : n)
  g.put(small)
  t.equal(g.power(), undefined, 'room enough: parked nodes stay off')
  // Three instances of 1.5 cores; n1 and n2 hold one each.
  g.put(app('big', component('work', 'work', 3, { resources: { cpu: 1.5, memory: GiB, disk: 0 } })))
  const d = g.power()
  t.match(d, { kind: 'unpark', node: 'm1', wake: true, reason: /capacity short: big/ }, 'mains before battery')
  t.equal(g.power({ waking: ['m1'] }), undefined, 'one woken at a time')
  g.take(d)
  t.same(adminOf(g.state, 'm1'), { cordoned: false, draining: false, parked: false })
  g.nodes = g.nodes.map(n => n.id === 'm1' ? { ...n, state: 'up' as const } : n)
  t.same(g.place(), [], 'the app is placed once the node is back')

  // An app that needs what no node has: waking helps nothing.
  const h = new Grid([node('n1'), node('n2'), node('p1')])
  h.take({ kind: 'parked', node: 'p1', reason: 'test' })
  h.put(app('ml', component('train', 'gpu')))
  t.equal(h.power(), undefined, 'a missing capability is not a shortage of nodes')

  // Several nodes needed: the first in wake order goes first.
  const k = new Grid([node('n1'), node('p1', { power: { source: 'battery', chargePercent: 50 } }), node('p2', { power: { source: 'battery', chargePercent: 70 } })])
  k.take({ kind: 'parked', node: 'p1', reason: 'test' })
  k.take({ kind: 'parked', node: 'p2', reason: 'test' })
  k.put(app('big', component('work', 'work', 3, { resources: { cpu: 2, memory: GiB, disk: 0 } })))
  t.match(k.power(), { kind: 'unpark', node: 'p2', wake: false, reason: /needs more parked nodes/ }, 'the fuller battery first; an up node needs no packet')
})

t.test('wake: load over the high threshold unparks; a parking node is called back first', async t => {
  const g = new Grid([node('n1'), node('n2'), node('p1'), node('p2')])
  g.take({ kind: 'parked', node: 'p1', reason: 'test' })
  g.take({ kind: 'park', node: 'p2', reason: 'test' })
  g.put(app('site', component('web', 'web', 2, { resources: { cpu: 1.7, memory: GiB, disk: 0 } })))
  t.match(g.power(), { kind: 'unpark', node: 'p2', reason: /load 85 % reached 80 %/ })
  t.not(g.power({ options: { highPercent: 90 } })?.kind, 'unpark', 'under a higher threshold nothing wakes (the empty parking node is parked)')
})

t.test("thresholds committed with the policy win over the caller's defaults", async t => {
  const g = new Grid([node('n1'), node('n2'), node('n3')])
  g.put(app('site', component('web', 'web', 2, { resources: { cpu: 0.6, memory: GiB / 4, disk: 0 } })))
  // 1.2 of 6 cores: the other two would carry 30 %.
  t.match(g.power(), { kind: 'park' })
  g.commit(setPower({ consolidate: true, lowPercent: 25 }))
  t.equal(g.power(), undefined, 'at most 25 %: no node goes')
  g.commit(setPower({ consolidate: true, minActiveNodes: 3 }))
  t.equal(g.power(), undefined, 'three active nodes kept')
  g.commit(setPower({ consolidate: true }))
  t.match(g.power(), { kind: 'park' }, 'back to the defaults')
})
