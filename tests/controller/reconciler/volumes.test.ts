/**
 * Replica placement and replacement, with the real scheduler and state
 * machine: distinct nodes and zones, the stateful instance pinned to in-sync
 * members when it moves, down members replaced after the threshold, and the
 * last good copy never given up.
 */
import t from 'tap'
import { chooseReplicas, plan, planVolumes, usedByNode, type PlanNode } from '../../../controller/reconciler/index.ts'
import { schedule } from '../../../controller/scheduler/index.ts'
import type { SchedNode } from '../../../controller/scheduler/types.ts'
import { apply, emptyState, placeApp, putApp, updateVolume, type GridState } from '../../../controller/state/index.ts'
import type { AppSpec } from '../../../controller/graph/types.ts'

const GiB = 1024 ** 3
const images = { get: () => ({ requires: [] }) }

function node (id: string, over: Partial<PlanNode> = {}): PlanNode {
  return {
    id, name: id, zone: 'z1', labels: {}, state: 'up', cordoned: false, draining: false,
    power: { source: 'mains' }, capabilities: [], capacity: { cpu: 2, memory: 8 * GiB, disk: 100 * GiB }, ...over
  }
}
const sched = (n: PlanNode, usedDisk = 0): SchedNode => ({ ...n, used: { cpu: 0, memory: 0, disk: usedDisk } })

const app = (replicas: number): AppSpec => ({
  name: 'shop',
  components: [{
    name: 'db', image: 'db', count: 1, properties: {}, resources: { cpu: 0.25, memory: GiB / 4, disk: 0 }, connections: [],
    volumes: [{ name: 'data', size: 10 * GiB, replicas, mount: '/data' }], constraints: [], antiAffinity: false
  }],
  entries: [],
  constraints: []
})

class Grid {
  readonly state: GridState = emptyState()
  index = 0
  put (spec: AppSpec): void { apply(this.state, ++this.index, putApp(spec, '', 'n1')) }
  round (nodes: PlanNode[], statefulGraceMs = 0): ReturnType<typeof plan> {
    const decisions = plan({ state: this.state, nodes, images, schedule, ready: () => true, seed: 1, statefulGraceMs })
    for (const d of decisions) if (d.kind === 'place') apply(this.state, ++this.index, placeApp(d.app, d.appVersion, d.placements, d.reason, d.volumes))
    return decisions
  }

  volumes (nodes: PlanNode[], replaceAfterMs = 60_000): ReturnType<typeof planVolumes> {
    const used = usedByNode(this.state)
    const decisions = planVolumes({ state: this.state, nodes: nodes.map(n => ({ ...n, used: used.get(n.id) ?? { cpu: 0, memory: 0, disk: 0 } })), replaceAfterMs, seed: 1 })
    for (const d of decisions) apply(this.state, ++this.index, updateVolume(d.volume, d.generation, d.change, d.reason))
    return decisions
  }

  get vol () { return this.state.volumes.get('shop.db.data')! }
  get dbNode (): string | undefined { return this.state.placements.get('shop.db.0')?.node }
}

t.test('replicas go to distinct nodes, distinct zones first, and only where the volume fits', async t => {
  const nodes = [node('a', { zone: 'z1' }), node('b', { zone: 'z1' }), node('c', { zone: 'z2' }), node('d', { zone: 'z3' })].map(n => sched(n))
  t.same(chooseReplicas(nodes, ['a'], 2, GiB, 's').sort(), ['c', 'd'], 'two other zones before a second node in z1')
  t.same(chooseReplicas(nodes, ['a'], 5, GiB, 's').length, 3, 'no more than the nodes there are, never a member twice')
  const full = [sched(node('a')), sched(node('b'), 99.5 * GiB), sched(node('c', { state: 'down' })), sched(node('d', { cordoned: true }))]
  t.same(chooseReplicas(full, ['a'], 2, GiB, 's'), [], 'no room, down and cordoned nodes take no replica')
})

t.test('a new stateful app gets its replicas with its placement; the volume is on them all, in sync', async t => {
  const g = new Grid()
  g.put(app(3))
  const nodes = [node('n1'), node('n2'), node('n3'), node('n4')]
  const [d] = g.round(nodes)
  t.match(d, { kind: 'place', volumes: [{ volume: 'shop.db.data' }] })
  t.equal(g.vol.members.length, 3)
  t.equal(new Set(g.vol.members).size, 3, 'distinct nodes')
  t.equal(g.vol.members[0], g.dbNode, 'the first member is where the instance runs')
  t.same(g.vol.inSync, g.vol.members)
  t.same(g.volumes(nodes), [], 'a volume with all its replicas needs nothing')
  t.equal(usedByNode(g.state).get(g.vol.members[1]!)?.disk, 10 * GiB, 'a replica takes its size on every member')
})

t.test('when the primary dies the instance moves only to an in-sync member, and waits when none is up', async t => {
  const g = new Grid()
  g.put(app(2))
  const nodes = [node('n1'), node('n2'), node('n3')]
  g.round(nodes)
  const [primary, other] = g.vol.members as [string, string]
  const third = nodes.map(n => n.id).find(id => id !== primary && id !== other)!
  const generation = g.vol.generation
  // The other member missed a write, so it left the in-sync set: only the primary holds the data.
  apply(g.state, ++g.index, updateVolume('shop.db.data', generation, { removeInSync: [other] }, 'replica failed'))
  const dead = nodes.map(n => n.id === primary ? { ...n, state: 'down' as const, downForMs: 30_000 } : n)
  const stuck = g.round(dead)
  t.match(stuck, [{ kind: 'unschedulable', explanations: { db: /hold no in-sync replica of its volume/ } }], 'the stale replica is not used')
  t.equal(g.dbNode, primary)
  // Had it stayed in sync, the instance moves there and the attach bumps the generation.
  apply(g.state, ++g.index, updateVolume('shop.db.data', generation, { addInSync: [other] }, 'caught up'))
  g.round(dead)
  t.equal(g.dbNode, other)
  t.ok(g.vol.generation > generation, 'generation bumped')
  t.equal(g.vol.primary, other)
  t.not(g.dbNode, third)
})

t.test('a member down past the threshold is replaced; before it, and for the last good copy, nothing moves', async t => {
  const g = new Grid()
  g.put(app(2))
  const nodes = [node('n1'), node('n2'), node('n3')]
  g.round(nodes)
  const [primary, other] = g.vol.members as [string, string]
  const spare = nodes.map(n => n.id).find(id => id !== primary && id !== other)!
  const down = (ms: number): PlanNode[] => nodes.map(n => n.id === other ? { ...n, state: 'down' as const, downForMs: ms } : n)
  t.same(g.volumes(down(30_000)), [], 'not yet')
  const [d] = g.volumes(down(61_000))
  t.match(d, { change: { removeMembers: [other], addMembers: [spare] }, reason: /replace replica on .* down 61 s/ })
  t.same(g.vol.members, [primary, spare])
  t.same(g.vol.inSync, [primary], 'the new member is not in sync until the primary has rebuilt it')
  t.same(g.volumes(nodes), [], 'stable afterwards')

  const lone = new Grid()
  lone.put(app(2))
  lone.round(nodes)
  const v = lone.vol
  apply(lone.state, ++lone.index, updateVolume(v.id, v.generation, { removeInSync: [v.members[0]!] }, 'x'))
  // Not really possible (the primary is always in sync), but the guard must hold without a primary too.
  v.primary = ''
  v.inSync = [v.members[1]!]
  const gone = nodes.map(n => n.id === v.members[1] ? { ...n, state: 'left' as const } : n)
  t.same(lone.volumes(gone).filter(x => x.change.removeMembers?.includes(v.members[1]!)), [], 'the last in-sync copy is kept')
})

t.test('a grid too small for the replicas wanted gains them when nodes join', async t => {
  const g = new Grid()
  g.put(app(3))
  g.round([node('n1')])
  t.same(g.vol.members, ['n1'])
  const [d] = g.volumes([node('n1'), node('n2')])
  t.match(d, { change: { addMembers: ['n2'] }, reason: /1 of 3 replicas: adding 1/ })
  t.same(g.vol.inSync, ['n1'])
})

t.test('replicas go first where the instance may run: its constraints hold there', async t => {
  const nodes = [node('a'), node('b'), node('c', { labels: { disk: 'ssd' } })].map(n => sched(n))
  const constraints = [{ attribute: 'label.disk', operator: '==' as const, values: ['ssd'] }]
  t.same(chooseReplicas(nodes, ['a'], 1, GiB, 's', { constraints }), ['c'], 'the node meeting the constraint first')
  t.same(chooseReplicas(nodes, ['a'], 2, GiB, 's', { constraints }).sort(), ['b', 'c'], 'then others, for durability alone')
})

t.test('a drain of the primary\'s node adds a replica where the instance can run, moves it there once in sync, then drops the drained copy', async t => {
  const g = new Grid()
  g.put(app(2))
  // n2 holds the other replica but is cordoned: the db cannot move there.
  const nodes = [node('n1'), node('n2'), node('n3')]
  g.round(nodes)
  const [primary, other] = g.vol.members as [string, string]
  const third = nodes.map(n => n.id).find(id => id !== primary && id !== other)!
  const view = (n: PlanNode): PlanNode => n.id === primary ? { ...n, cordoned: true, draining: true } : n.id === other ? { ...n, cordoned: true } : n
  const drained = nodes.map(view)
  t.match(g.round(drained), [{ kind: 'unschedulable' }], 'nowhere to go yet')
  const [d] = g.volumes(drained)
  t.match(d, { change: { addMembers: [third] }, reason: /draining n\d: adding 1 replica on nodes that stay/ })
  t.same(g.vol.members.sort(), [primary, other, third].sort())
  // The primary rebuilt it and committed it in sync.
  apply(g.state, ++g.index, updateVolume('shop.db.data', g.vol.generation, { addInSync: [third] }, 'caught up'))
  g.round(drained)
  t.equal(g.dbNode, third, 'the drain moves the db to the new replica')
  const [cleanup] = g.volumes(drained)
  t.match(cleanup, { change: { removeMembers: [primary] }, reason: /removed \(draining/ })
  t.same(g.vol.members.sort(), [other, third].sort(), 'two replicas again, none on the drained node')
  t.same(g.volumes(drained), [], 'then stable: the cordoned replica stays, it is not beyond those wanted')
})
