/**
 * The reconciler's planner with the real scheduler: what it decides for new
 * apps, dead and draining nodes, new versions, and an impossible app; and
 * that a stable grid gives no decision at all.
 */
import t from 'tap'
import { plan, type PlanNode } from '../../../controller/reconciler/index.ts'
import { schedule } from '../../../controller/scheduler/index.ts'
import { apply, emptyState, placeApp, putApp, setNodeAdmin, updateVolume, type GridState } from '../../../controller/state/index.ts'
import type { AppSpec } from '../../../controller/graph/types.ts'
import { component, GiB, node } from './fixtures.ts'

const images = { get: (name: string) => name === 'db' ? { requires: ['volume-mount'] } : { requires: [] } }

const threeTier: AppSpec = {
  name: 'shop',
  components: [component('lb', 'lb'), component('web', 'web', 2, { antiAffinity: true }), component('db', 'db')],
  entries: [],
  constraints: []
}

class Grid {
  readonly state: GridState = emptyState()
  #index = 0
  put (spec: AppSpec): void { apply(this.state, ++this.#index, putApp(spec, '', 'n1')) }
  admin (id: string, a: { cordoned: boolean, draining: boolean }): void { apply(this.state, ++this.#index, setNodeAdmin(id, a)) }
  volume (command: Parameters<typeof apply>[2]): void { apply(this.state, ++this.#index, command) }
  /** Plans one round and commits every placement, as the leader's loop does. */
  round (nodes: PlanNode[], ready: (i: string) => boolean = () => true): ReturnType<typeof plan> {
    const decisions = plan({ state: this.state, nodes, images, schedule, ready, seed: 1 })
    for (const d of decisions) if (d.kind === 'place') apply(this.state, ++this.#index, placeApp(d.app, d.appVersion, d.placements, d.reason, d.volumes))
    return decisions
  }

  where (): Record<string, string> {
    return Object.fromEntries([...this.state.placements.values()].map(p => [p.instance, p.node]))
  }
}

const three = (): PlanNode[] => [node('n1'), node('n2'), node('n3')]

t.test('a new app is placed whole; a stable grid then gives no decision', async t => {
  const g = new Grid()
  g.put(threeTier)
  const first = g.round(three())
  t.equal(first.length, 1)
  t.match(first[0], { kind: 'place', app: 'shop', reason: /new app version/ })
  t.equal(Object.keys(g.where()).length, 4)
  t.not(g.where()['shop.web.0'], g.where()['shop.web.1'], 'anti-affinity held')
  t.same(g.round(three()), [], 'nothing to do once placed')
})

t.test('a dead node: only its instances move', async t => {
  const g = new Grid()
  g.put(threeTier)
  g.round(three())
  const before = g.where()
  const dead = before['shop.web.1']!
  const nodes = three().map(n => n.id === dead ? { ...n, state: 'down' as const } : n)
  const [d] = g.round(nodes)
  t.match(d, { kind: 'place', reason: new RegExp(`node ${dead} down`) })
  const after = g.where()
  for (const [instance, was] of Object.entries(before)) {
    if (was === dead) t.not(after[instance], dead, `${instance} left the dead node`)
    else t.equal(after[instance], was, `${instance} stayed`)
  }
  t.ok(d?.kind === 'place' && d.moved.length > 0, 'moved instances are named')
})

t.test('a drain moves one instance per round, and only while the app is healthy', async t => {
  const g = new Grid()
  g.put({ ...threeTier, components: [component('web', 'web', 3)] })
  g.round([node('n1'), node('n2', { capacity: { cpu: 0.1, memory: GiB, disk: GiB } })])
  t.same(new Set(Object.values(g.where())), new Set(['n1']), 'packed on n1 (n2 too small)')
  g.admin('n1', { cordoned: true, draining: true })
  const nodes = [node('n1', { cordoned: true, draining: true }), node('n2'), node('n3')]
  t.same(g.round(nodes, () => false), [], 'nothing moves while the app is not healthy')
  const moved: string[] = []
  for (let i = 0; i < 3; i++) {
    const [d] = g.round(nodes)
    t.ok(d?.kind === 'place' && d.moved.length === 1, `round ${i + 1} moves one instance: ${JSON.stringify(d)}`)
    if (d?.kind === 'place') moved.push(...d.moved)
  }
  t.equal(new Set(moved).size, 3)
  t.notOk(Object.values(g.where()).includes('n1'), 'n1 is empty')
  t.same(g.round(nodes), [], 'done')
})

t.test('an impossible app is explained, not placed', async t => {
  const g = new Grid()
  g.put({ name: 'big', components: [component('db', 'db', 1, { resources: { cpu: 1, memory: 64 * GiB, disk: 0 } })], entries: [], constraints: [] })
  const [d] = g.round(three())
  t.match(d, { kind: 'unschedulable', app: 'big' })
  t.match(d?.kind === 'unschedulable' ? d.explanations.db : '', /^db: 0 of 3 nodes feasible: 3 lack/)
  t.equal(g.state.placements.size, 0)
})

t.test('a new version is re-placed, keeping instances where they fit', async t => {
  const g = new Grid()
  g.put(threeTier)
  g.round(three())
  const before = g.where()
  g.put({ ...threeTier, components: threeTier.components.map(c => c.name === 'web' ? { ...c, count: 3 } : c) })
  const [d] = g.round(three())
  t.match(d, { kind: 'place', reason: /shop\.web\.2 not placed/ })
  const after = g.where()
  t.equal(Object.keys(after).length, 5)
  for (const [instance, was] of Object.entries(before)) t.equal(after[instance], was, `${instance} kept its node`)
})

t.test('a down node\'s stateful instance waits out the fencing grace; stateless ones move at once', async t => {
  const g = new Grid()
  const app: AppSpec = { name: 'kv', components: [component('web', 'web', 1), component('db', 'db', 1, { volumes: [{ name: 'data', size: GiB, replicas: 2, mount: '/data' }] })], entries: [], constraints: [] }
  g.put(app)
  g.round([node('n1')])
  t.same(g.where(), { 'kv.web.0': 'n1', 'kv.db.0': 'n1' })
  // n2 joined and its replica caught up, so the db may move there.
  g.volume(updateVolume('kv.db.data', g.state.volumes.get('kv.db.data')!.generation, { addMembers: ['n2'], addInSync: ['n2'] }, 'caught up'))
  const nodes = (downForMs: number): PlanNode[] => [node('n1', { state: 'down', downForMs }), node('n2')]
  const early = plan({ state: g.state, nodes: nodes(1000), images, schedule, ready: () => true, seed: 1, statefulGraceMs: 8000 })
  t.match(early[0], { kind: 'place', placements: [{ instance: 'kv.web.0', node: 'n2' }, { instance: 'kv.db.0', node: 'n1' }] }, 'web moves, db waits for the fence')
  const late = plan({ state: g.state, nodes: nodes(9000), images, schedule, ready: () => true, seed: 1, statefulGraceMs: 8000 })
  t.match(late[0], { kind: 'place', placements: [{ instance: 'kv.web.0', node: 'n2' }, { instance: 'kv.db.0', node: 'n2' }] }, 'after the grace the db moves too')
})

t.test('a crash-looping instance moves to another node; its neighbours stay', async t => {
  const g = new Grid()
  g.put({ name: 'loop', components: [component('web', 'web', 2)], entries: [], constraints: [] })
  g.round(three())
  const before = g.where()
  const failing = 'loop.web.0'
  const [d] = plan({ state: g.state, nodes: three(), images, schedule, ready: () => true, failed: i => i === failing, seed: 1 })
  t.match(d, { kind: 'place', reason: /crash-looping/ })
  const after = Object.fromEntries(d?.kind === 'place' ? d.placements.map(p => [p.instance, p.node]) : [])
  t.not(after[failing], before[failing], 'the failing instance leaves its node')
  t.equal(after['loop.web.1'], before['loop.web.1'], 'the healthy one stays, even on the same node')
})

t.test('re-placing an app leaves its instances on cordoned and suspect nodes alone', async t => {
  const g = new Grid()
  g.put({ name: 'c', components: [component('web', 'web', 3, { antiAffinity: true })], entries: [], constraints: [] })
  g.round(three())
  const before = g.where()
  const [cordoned, suspect, dead] = ['c.web.0', 'c.web.1', 'c.web.2'].map(i => before[i]!)
  const nodes = [...three().map(n => n.id === cordoned ? { ...n, cordoned: true } : n.id === suspect ? { ...n, state: 'suspect' as const } : n.id === dead ? { ...n, state: 'down' as const } : n), node('n4')]
  const [d] = g.round(nodes)
  t.match(d, { kind: 'place', moved: ['c.web.2'] })
  t.equal(g.where()['c.web.0'], cordoned, 'a cordon stops new placements only')
  t.equal(g.where()['c.web.1'], suspect, 'a suspect node keeps its instances until it is declared down')
  t.equal(g.where()['c.web.2'], 'n4')
})

t.test('rebalance spreads a packed app over new nodes, one instance per app per call', async t => {
  const { rebalance } = await import('../../../controller/reconciler/index.ts')
  const g = new Grid()
  g.put({ name: 'r', components: [component('web', 'web', 3)], entries: [], constraints: [] })
  g.round([node('n1')])
  t.same(new Set(Object.values(g.where())), new Set(['n1']), 'packed on the only node')
  const nodes = three()
  const seen: string[][] = []
  for (let i = 0; i < 4; i++) {
    const decisions = rebalance({ state: g.state, nodes, images, schedule, seed: i })
    for (const d of decisions) {
      if (d.kind !== 'place') continue
      t.equal(d.moved.length, 1, 'one instance per call')
      apply(g.state, g.state.appliedIndex + 1, placeApp(d.app, d.appVersion, d.placements, d.reason))
      seen.push(d.moved)
    }
  }
  t.equal(new Set(Object.values(g.where())).size, 3, 'spread over the three nodes')
  t.same(rebalance({ state: g.state, nodes, images, schedule, seed: 9 }), [], 'balanced: nothing more to move')
  t.ok(seen.length >= 2)
})

t.test('a dead node\'s stateless instances move even when its stateful one can go nowhere', async t => {
  const withDb: AppSpec = { ...threeTier, components: threeTier.components.map(c => c.name === 'db' ? { ...c, volumes: [{ name: 'data', size: GiB, replicas: 2, mount: '/data' }] } : c) }
  /** n1 runs lb, web.0 and the db (its volume's primary); n2 runs web.1 and holds the volume's other replica. */
  const packed = (): Grid => {
    const g = new Grid()
    g.put(withDb)
    g.volume(placeApp('shop', 1, [
      { instance: 'shop.lb.0', node: 'n1' }, { instance: 'shop.web.0', node: 'n1' }, { instance: 'shop.web.1', node: 'n2' }, { instance: 'shop.db.0', node: 'n1' }
    ], 'test', [{ volume: 'shop.db.data', members: ['n1', 'n2'] }]))
    return g
  }
  const n1Down = [node('n1', { state: 'down', downForMs: 30_000 }), node('n2'), node('n3')]

  await t.test('the db\'s only in-sync replica is on the dead node', async t => {
    const g = packed()
    // n2 missed a write and left the in-sync set before n1 died: only n1 holds the db's data.
    g.volume(updateVolume('shop.db.data', g.state.volumes.get('shop.db.data')!.generation, { removeInSync: ['n2'] }, 'replica failed'))
    const decisions = plan({ state: g.state, nodes: n1Down, images, schedule, ready: () => true, seed: 1, statefulGraceMs: 5500 })
    t.match(decisions, [
      { kind: 'place', moved: ['shop.lb.0', 'shop.web.0'] },
      { kind: 'unschedulable', explanations: { db: /hold no in-sync replica of its volume/ } }
    ], 'the stateless instances move; the db waits for its data, and why is said')
    const placed = decisions[0]?.kind === 'place' ? Object.fromEntries(decisions[0].placements.map(p => [p.instance, p.node])) : {}
    t.equal(placed['shop.db.0'], 'n1', 'the db stays with its data')
    t.equal(placed['shop.web.0'], 'n3', 'web.0 goes where web.1 is not')
    t.equal(placed['shop.web.1'], 'n2', 'web.1 stays')
    t.notOk(Object.keys(decisions[1]?.kind === 'unschedulable' ? decisions[1].explanations : {}).includes('web'), 'only the db is explained')
  })

  await t.test('the db crash-loops on the node of its only in-sync replica', async t => {
    const g = packed()
    // The db moved to n2, whose attach dropped unreachable n1 from the in-sync set; web.0 is still on n1.
    g.volume(placeApp('shop', 1, [
      { instance: 'shop.lb.0', node: 'n1' }, { instance: 'shop.web.0', node: 'n1' }, { instance: 'shop.web.1', node: 'n2' }, { instance: 'shop.db.0', node: 'n2' }
    ], 'test'))
    g.volume(updateVolume('shop.db.data', g.state.volumes.get('shop.db.data')!.generation, { removeInSync: ['n1'] }, 'unreachable at attach'))
    const decisions = plan({ state: g.state, nodes: n1Down, images, schedule, ready: () => true, failed: i => i === 'shop.db.0', seed: 1, statefulGraceMs: 5500 })
    t.match(decisions, [{ kind: 'place', moved: ['shop.lb.0', 'shop.web.0'] }, { kind: 'unschedulable', explanations: { db: /cordoned|in-sync/ } }])
    const placed = decisions[0]?.kind === 'place' ? Object.fromEntries(decisions[0].placements.map(p => [p.instance, p.node])) : {}
    t.equal(placed['shop.db.0'], 'n2', 'the db has nowhere else to go')
    t.not(placed['shop.web.0'], 'n1', 'web.0 leaves the dead node')
  })

  await t.test('the db crash-loops on the only node web.0 can go to: only the db shuns it', async t => {
    const g = packed()
    // Here the db's replica was on n3: it moved there, and its attach dropped unreachable n1.
    const v = g.state.volumes.get('shop.db.data')!
    v.members = ['n1', 'n3']
    v.inSync = ['n1', 'n3']
    g.volume(placeApp('shop', 1, [
      { instance: 'shop.lb.0', node: 'n1' }, { instance: 'shop.web.0', node: 'n1' }, { instance: 'shop.web.1', node: 'n2' }, { instance: 'shop.db.0', node: 'n3' }
    ], 'test'))
    // The attach replaced the record (the state machine never changes one in place): its generation is the new one's.
    g.volume(updateVolume('shop.db.data', g.state.volumes.get('shop.db.data')!.generation, { removeInSync: ['n1'] }, 'unreachable at attach'))
    t.same([g.where()['shop.db.0'], g.state.volumes.get('shop.db.data')!.inSync], ['n3', ['n3']], 'set up as described')
    const decisions = plan({ state: g.state, nodes: n1Down, images, schedule, ready: () => true, failed: i => i === 'shop.db.0', seed: 1, statefulGraceMs: 5500 })
    const placed = decisions[0]?.kind === 'place' ? Object.fromEntries(decisions[0].placements.map(p => [p.instance, p.node])) : {}
    t.equal(placed['shop.web.0'], 'n3', 'web.0 may go where the db crash-loops: n2 holds web.1')
    t.equal(placed['shop.db.0'], 'n3', 'the db stays: its only in-sync replica is there')
    t.match(decisions[1], { kind: 'unschedulable', explanations: { db: /not-in n3/ } })
  })

  await t.test('once the stateless ones have moved, the db is still explained every round, and nothing else is proposed', async t => {
    const g = packed()
    g.volume(updateVolume('shop.db.data', g.state.volumes.get('shop.db.data')!.generation, { removeInSync: ['n2'] }, 'replica failed'))
    const round = (): ReturnType<typeof plan> => {
      const decisions = plan({ state: g.state, nodes: n1Down, images, schedule, ready: () => true, seed: 1, statefulGraceMs: 5500 })
      for (const d of decisions) if (d.kind === 'place') g.volume(placeApp(d.app, d.appVersion, d.placements, d.reason, d.volumes))
      return decisions
    }
    round()
    t.match(round(), [{ kind: 'unschedulable', explanations: { db: /in-sync/ } }])
    t.equal(g.where()['shop.db.0'], 'n1')
  })

  await t.test('a new app is still placed all or nothing', async t => {
    const g = new Grid()
    g.put({ ...withDb, components: withDb.components.map(c => c.name === 'db' ? { ...c, resources: { ...c.resources, memory: 64 * GiB } } : c) })
    t.match(g.round(three()), [{ kind: 'unschedulable', explanations: { db: /lack/ } }])
    t.equal(g.state.placements.size, 0, 'nothing placed')
  })
})
