/**
 * The grid simulator at scale: 1,000 simulated nodes, 10,000 instances.
 *
 *  1. Initial placement through the reconciler (the daemon's ReconcileLoop:
 *     plan + scheduler + PlaceApp through the state machine), wall time and
 *     placements/s; nodes used against the perfect-packing lower bound
 *     (max over cpu and memory of ceil(total demand / node capacity)).
 *     Baseline in the same run: the scheduler alone on the same apps and
 *     nodes, app by app, committing use as it goes.
 *  2. 5 % of the nodes (those holding instances, chosen by the seed) lose
 *     power at once: simulated time from the kill to the detector's verdict
 *     and to every instance they held serving again elsewhere.
 *
 * `npm run bench -- sim-grid`
 */
import { VirtualClock } from '../../controller/clock/index.ts'
import { Grid, simulate } from '../sim/grid/index.ts'
import type { AppTemplate, ComponentTemplate, Scenario } from '../sim/grid/index.ts'
import { schedule, type SchedNode } from '../../controller/scheduler/index.ts'
import { mulberry32 } from '../../controller/random/index.ts'

const NODES = Number(process.env.BENCH_NODES ?? 1000)
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 10_000)
const SEED = Number(process.env.BENCH_SEED ?? 1)
const KILL_FRACTION = 0.05
const NODE_CPU = 16 // cores
const NODE_MEM_GIB = 64
const ZONES = ['a', 'b', 'c', 'd']

const rng = mulberry32

function c (name: string, count: number, cpu: number, memoryMiB: number, diskGiB: number, antiAffinity = false): ComponentTemplate {
  return { name, image: 'plain', count, cpu, memoryMiB, diskGiB, antiAffinity }
}

/** The same mix as the scheduler bench: small web apps, three-tier apps, cpu-heavy workers, memory-heavy caches. */
function makeApps (random: () => number): AppTemplate[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T
  const apps: AppTemplate[] = []
  let total = 0
  while (total < INSTANCES) {
    const kind = random()
    let components: ComponentTemplate[]
    if (kind < 0.4) components = [c('web', 1 + Math.floor(random() * 8), pick([0.25, 0.5, 1]), pick([256, 512, 1024, 2048]), 1)]
    else if (kind < 0.7) components = [c('lb', 2, 0.25, 256, 1, true), c('web', 2 + Math.floor(random() * 3), pick([0.5, 1]), pick([1024, 2048]), 1), c('db', 1, pick([1, 2]), pick([4096, 8192]), 50)]
    else if (kind < 0.85) components = [c('worker', 1 + Math.floor(random() * 6), pick([2, 4]), pick([2048, 4096]), 10)]
    else components = [c('cache', 1 + Math.floor(random() * 3), 0.5, pick([8192, 12288, 16384]), 1, true)]
    const n = components.reduce((s, x) => s + x.count, 0)
    if (total + n > INSTANCES) components = [c('web', INSTANCES - total, 0.5, 512, 1)]
    total += components.reduce((s, x) => s + x.count, 0)
    apps.push({ name: `app${apps.length}`, components })
  }
  return apps
}

const apps = makeApps(rng(SEED))
const scenario: Scenario = {
  name: 'bench-1000',
  description: 'the benchmark grid',
  nodes: ZONES.map(zone => ({ zone, count: NODES / ZONES.length, cpu: NODE_CPU, memoryGiB: NODE_MEM_GIB, diskGiB: 1024 })),
  apps,
  images: { plain: [] },
  events: [],
  durationMs: 0
}
let cpuDemand = 0
let memDemand = 0
for (const a of apps) for (const x of a.components) { cpuDemand += x.count * x.cpu; memDemand += x.count * x.memoryMiB / 1024 }
const lowerBound = Math.max(Math.ceil(cpuDemand / NODE_CPU), Math.ceil(memDemand / NODE_MEM_GIB))
process.stdout.write(`grid: ${NODES} nodes of ${NODE_CPU} cores / ${NODE_MEM_GIB} GiB; ${apps.length} apps, ${INSTANCES} instances; perfect packing needs ≥ ${lowerBound} nodes\n`)

// 1a. The baseline: the scheduler alone, app by app, on the nodes as the reconciler will see them.
{
  const grid = new Grid({ clock: new VirtualClock() }, { scenario, seed: SEED })
  const nodes: SchedNode[] = grid.world.nodes.map(f => ({ ...f, state: 'up', cordoned: false, draining: false, used: { cpu: 0, memory: 0, disk: 0 } }))
  const byId = new Map(nodes.map(n => [n.id, n]))
  let placed = 0
  const t0 = performance.now()
  for (const app of grid.world.apps) {
    const r = schedule({ app, images: grid.world.images, nodes, options: { seed: SEED } })
    if (!r.ok) continue
    const size = new Map(app.components.map(x => [x.name, x.resources]))
    for (const p of r.placements) {
      const n = byId.get(p.node) as SchedNode
      const res = size.get(p.component)!
      n.used.cpu += res.cpu; n.used.memory += res.memory; n.used.disk += res.disk
    }
    placed += r.placements.length
  }
  const s = (performance.now() - t0) / 1000
  const used = nodes.filter(n => n.used.cpu > 0).length
  process.stdout.write(`baseline, scheduler alone: ${placed} placements in ${(s * 1000).toFixed(0)} ms = ${(placed / s).toFixed(0)}/s; ${used} nodes = ${(used / lowerBound).toFixed(3)}× the bound\n`)
}

// 1b. Through the reconciler: one round of the daemon's loop places every app and commits each as a PlaceApp.
{
  const clock = new VirtualClock()
  const grid = new Grid({ clock }, { scenario, seed: SEED })
  for (let t = 0; t < 1000; t += grid.settings.tickMs) { grid.heartbeats(clock.now()); await clock.advance(grid.settings.tickMs) }
  const t0 = performance.now()
  await grid.loop.round()
  const s = (performance.now() - t0) / 1000
  const placed = grid.state.placements.size
  const used = new Set([...grid.state.placements.values()].map(p => p.node)).size
  process.stdout.write(`reconciler (plan + scheduler + state machine): ${placed} placements in ${(s * 1000).toFixed(0)} ms = ${(placed / s).toFixed(0)}/s; ` +
    `${used} nodes = ${(used / lowerBound).toFixed(3)}× the bound\n`)
}

// 2. Kill 5 % of the nodes, all holding instances, at once; 30 s of simulated time.
{
  const kills = Math.round(NODES * KILL_FRACTION)
  const t0 = performance.now()
  const r = await simulate({
    scenario: { ...scenario, events: Array.from({ length: kills }, () => ({ at: 5_000, kind: 'kill-node' as const, node: 'random-busy' })), durationMs: 35_000 },
    seed: SEED,
    checkEvery: 10 // invariants every second of simulated time: a full check walks all 10,000 placements
  })
  const s = (performance.now() - t0) / 1000
  const fmt = (d: { n: number, p50: number, p99: number, max: number }): string => `n=${d.n} p50=${(d.p50 / 1000).toFixed(2)} s p99=${(d.p99 / 1000).toFixed(2)} s max=${(d.max / 1000).toFixed(2)} s`
  process.stdout.write(`killed ${kills} busy nodes at t=5 s (simulated time):\n  kill → node-down: ${fmt(r.detection)}\n  kill → its instances serving again elsewhere: ${fmt(r.recovery)}\n` +
    `  ${r.moved} instances moved; invariants ${r.violations.length === 0 ? 'all held' : `BROKEN: ${r.violations.slice(0, 3).join('; ')}`}; ` +
    `35 s simulated in ${s.toFixed(1)} s wall (${(35 / s).toFixed(1)}× real time)\n`)
}
