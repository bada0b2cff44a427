/**
 * `trellis rebalance`: evens out load after nodes join. Pure. For each app
 * whose instances are all placed, the scheduler is asked where the app would
 * go on a clean slate with the spread strategy; up to `maxMovesPerApp`
 * instances are moved toward that, taking first those on the most loaded
 * nodes. Each proposed placement is checked by the scheduler itself (it must
 * keep every instance where the plan puts it), so a rebalance never breaks
 * a rule that placement keeps.
 */
import type { GridState } from '../state/index.ts'
import type { ImageLookup, ScheduleRequest, ScheduleResult, SchedNode } from '../scheduler/types.ts'
import { instancesOf, usedByNode, type Decision, type PlanNode } from './plan.ts'

export interface RebalanceInput {
  state: GridState
  nodes: readonly PlanNode[]
  images: ImageLookup
  schedule: (request: ScheduleRequest) => ScheduleResult
  seed: number
  /** Instances moved per app in one call; small, so an app never loses much at once. Default 1. */
  maxMovesPerApp?: number
}

export function rebalance (input: RebalanceInput): Decision[] {
  const { state } = input
  const used = usedByNode(state)
  const nodes: SchedNode[] = input.nodes.map(n => ({ ...n, used: used.get(n.id) ?? { cpu: 0, memory: 0, disk: 0 } }))
  const load = (id: string): number => {
    const n = nodes.find(x => x.id === id)
    if (n === undefined) return 0
    return Math.max(n.used.cpu / Math.max(n.capacity.cpu, 1e-9), n.used.memory / Math.max(n.capacity.memory, 1))
  }
  const decisions: Decision[] = []
  for (const app of [...state.apps.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const current: Record<string, string> = {}
    for (const p of state.placements.values()) if (p.app === app.name) current[p.instance] = p.node
    const wanted = instancesOf(app.spec)
    if (!wanted.every(w => current[w.instance] !== undefined)) continue
    const ideal = input.schedule({ app: app.spec, images: input.images, nodes, existing: {}, options: { strategy: 'spread', seed: `${input.seed}/${app.name}` } })
    if (!ideal.ok) continue
    // Stateful instances stay: their data is where they are, and a move costs the app its database for a while.
    const stateful = new Set(app.spec.components.filter(c => c.volumes.length > 0).map(c => c.name))
    const candidates = ideal.placements
      .filter(p => !stateful.has(p.component) && current[p.instance] !== p.node && load(p.node) < load(current[p.instance]!))
      .sort((a, b) => load(current[b.instance]!) - load(current[a.instance]!) || a.instance.localeCompare(b.instance))
      .slice(0, input.maxMovesPerApp ?? 1)
    if (candidates.length === 0) continue
    const proposed: Record<string, string> = { ...current }
    for (const c of candidates) proposed[c.instance] = c.node
    // The scheduler must agree to keep every instance where the plan puts it.
    const check = input.schedule({ app: app.spec, images: input.images, nodes, existing: proposed, options: { seed: `${input.seed}/${app.name}/check` } })
    if (!check.ok || check.placements.some(p => proposed[p.instance] !== p.node)) continue
    decisions.push({
      kind: 'place',
      app: app.name,
      appVersion: app.version,
      placements: wanted.map(w => ({ instance: w.instance, node: proposed[w.instance]! })),
      reason: 'rebalance',
      moved: candidates.map(c => c.instance),
      volumes: []
    })
  }
  return decisions
}
