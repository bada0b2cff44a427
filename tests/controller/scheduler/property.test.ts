/**
 * Properties over seeded random grids and apps: whatever the input, a result
 * never overfills a node, always honours constraints and anti-affinity, is
 * all or nothing, and names every instance exactly once. A failing seed is in
 * the assertion's name and replays exactly.
 */
import t from 'tap'
import type { Test } from 'tap'
import { holds, schedule, type SchedNode, type ScheduleResult } from '../../../controller/scheduler/index.ts'
import type { AppSpec, ComponentSpec, Constraint } from '../../../controller/graph/types.ts'
import { IMAGES } from './harness.ts'
import { mulberry32 } from '../../../controller/random/index.ts'

const SEEDS = Number(process.env.SCHED_PROPERTY_SEEDS ?? 300)
const GiB = 1024 ** 3

const rng = mulberry32

function randomCase (seed: number): { app: AppSpec, nodes: SchedNode[], existing: Record<string, string>, strategy: 'binpack' | 'spread' } {
  const random = rng(seed)
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T
  const zones = ['a', 'b', 'c']
  const nodes: SchedNode[] = Array.from({ length: int(0, 12) }, (_, i): SchedNode => {
    const cpu = pick([2, 4, 8])
    const memory = pick([2, 4, 8]) * GiB
    return {
      id: `n${i}`,
      name: `node${i}`,
      zone: pick(zones),
      labels: random() < 0.5 ? { ssd: 'yes' } : {} as Record<string, string>,
      state: random() < 0.85 ? 'up' : pick(['suspect', 'down', 'left'] as const),
      cordoned: random() < 0.05,
      draining: random() < 0.05,
      power: random() < 0.7 ? { source: 'mains' } : { source: 'battery', chargePercent: int(0, 100) },
      capabilities: random() < 0.5 ? ['volume-mount', 'binary:postgres'] : [],
      capacity: { cpu, memory, disk: 100 * GiB },
      used: { cpu: int(0, cpu * 4) / 8, memory: Math.floor(random() * memory / 2), disk: 0 }
    }
  })
  const constraintPool: Constraint[] = [
    { attribute: 'zone', operator: '!=', values: ['a'] },
    { attribute: 'zone', operator: 'in', values: ['b', 'c'] },
    { attribute: 'label.ssd', operator: 'exists', values: [] },
    { attribute: 'zone', operator: '==', values: ['c'] },
    { attribute: 'label.ssd', operator: 'not-in', values: ['no'] }
  ]
  const components: ComponentSpec[] = Array.from({ length: int(1, 4) }, (_, i) => ({
    name: `c${i}`,
    image: random() < 0.2 ? 'postgres' : 'plain',
    count: int(0, 4),
    properties: {},
    resources: { cpu: pick([0.25, 0.5, 1, 2]), memory: pick([256 * 1024 ** 2, GiB, 2 * GiB]), disk: pick([0, GiB]) },
    connections: [],
    volumes: [],
    constraints: random() < 0.3 ? [pick(constraintPool)] : [],
    antiAffinity: random() < 0.4
  }))
  const app: AppSpec = { name: 'app', components, entries: [], constraints: random() < 0.2 ? [pick(constraintPool)] : [] }
  const existing: Record<string, string> = {}
  if (nodes.length > 0) {
    for (const c of components) for (let k = 0; k < c.count; k++) if (random() < 0.3) existing[`app.${c.name}.${k}`] = pick(nodes).id
  }
  return { app, nodes, existing, strategy: random() < 0.5 ? 'binpack' : 'spread' }
}

function check (t: Test, seed: number, input: ReturnType<typeof randomCase>, result: ScheduleResult): void {
  const { app, nodes } = input
  const label = `seed ${seed}`
  if (!result.ok) {
    t.notOk('placements' in result, `${label}: nothing placed`)
    const failed = Object.keys(result.explanations)
    t.ok(failed.length > 0, `${label}: a failure names a component`)
    for (const name of failed) t.ok(app.components.some(c => c.name === name), `${label}: explains a real component`)
    return
  }
  const wanted = app.components.reduce((s, c) => s + c.count, 0)
  t.equal(result.placements.length, wanted, `${label}: every instance placed`)
  t.equal(new Set(result.placements.map(p => p.instance)).size, wanted, `${label}: each once`)
  const byId = new Map(nodes.map(n => [n.id, n]))
  // What each node holds after the run: its committed use, less this app's old instances, plus the new placements.
  const load = new Map(nodes.map(n => [n.id, { cpu: Math.round(n.used.cpu * 1000), memory: n.used.memory, disk: n.used.disk }]))
  for (const [instance, nodeId] of Object.entries(input.existing)) {
    const c = app.components.find(x => instance.startsWith(`app.${x.name}.`)) as ComponentSpec
    const l = load.get(nodeId)!
    l.cpu = Math.max(0, l.cpu - Math.round(c.resources.cpu * 1000))
    l.memory = Math.max(0, l.memory - c.resources.memory)
    l.disk = Math.max(0, l.disk - c.resources.disk)
  }
  const onNode = new Map<string, number>()
  for (const p of result.placements) {
    const node = byId.get(p.node) as SchedNode
    const c = app.components.find(x => x.name === p.component) as ComponentSpec
    const l = load.get(p.node)!
    l.cpu += Math.round(c.resources.cpu * 1000)
    l.memory += c.resources.memory
    l.disk += c.resources.disk
    // A new placement needs a schedulable node; an instance kept where it runs needs only a live one.
    const kept = input.existing[p.instance] === p.node
    t.ok(kept ? node.state !== 'down' && node.state !== 'left' && !node.draining : node.state === 'up' && !node.cordoned && !node.draining,
      `${label}: ${p.instance} on a ${kept ? 'live' : 'schedulable'} node`)
    for (const cons of [...app.constraints, ...c.constraints]) t.ok(holds(cons, node), `${label}: ${p.instance} meets its constraints`)
    const key = `${p.component}@${p.node}`
    onNode.set(key, (onNode.get(key) ?? 0) + 1)
    if (c.antiAffinity) t.equal(onNode.get(key), 1, `${label}: ${p.component} anti-affinity on ${p.node}`)
  }
  for (const p of new Set(result.placements.map(x => x.node))) {
    const node = byId.get(p) as SchedNode
    const l = load.get(p)!
    t.ok(l.cpu <= Math.round(node.capacity.cpu * 1000) && l.memory <= node.capacity.memory && l.disk <= node.capacity.disk,
      `${label}: ${p} within capacity`)
  }
}

t.test('properties hold on seeded random grids', async t => {
  let placed = 0
  for (let seed = 1; seed <= SEEDS; seed++) {
    const input = randomCase(seed)
    const request = { app: input.app, images: IMAGES, nodes: input.nodes, existing: input.existing, options: { strategy: input.strategy, seed } }
    const result = schedule(request)
    if (result.ok) placed++
    check(t, seed, input, result)
    t.same(schedule(request), result, `seed ${seed}: replays`)
  }
  // Both outcomes must be exercised or the properties say little.
  t.ok(placed > SEEDS / 5 && placed < SEEDS * 4 / 5, `a mix of placed (${placed}) and unplaceable apps`)
})
