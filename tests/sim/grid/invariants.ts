/**
 * What must hold at every step of a run, checked from the outside: the
 * checks read the committed state and the machines, never the scheduler's
 * own bookkeeping, so a scheduler that lies about what it did is caught.
 */
import { instancesOf } from '../../../controller/reconciler/index.ts'
import { STATEFUL_GRACE_MS } from '../../../controller/reconciler/index.ts'
import type { Grid } from './grid.ts'
import { componentOf, parseInstanceId } from '../../../controller/graph/index.ts'

/** Time the grid gets, after it stops hearing a node, to move that node's instances off it. */
export function deadBoundMs (grid: Grid, roundMs: number): number {
  const s = grid.settings
  // The detector's verdict (the widest it gives a silent peer: allowance plus the floor deviation at downPhi),
  // a full reconcile round to notice it, and a tick either side.
  const verdict = s.heartbeatMs + s.acceptablePauseMs + 8 * s.minStdDevMs + s.minSuspectMs
  return verdict + 2 * roundMs + 2 * s.tickMs
}

/** Instances on each node and what they hold: cpu in millicores, memory and disk (volumes included) in bytes. */
function holdings (grid: Grid): Map<string, { cpu: number, memory: number, disk: number }> {
  const out = new Map<string, { cpu: number, memory: number, disk: number }>()
  for (const p of grid.state.placements.values()) {
    const app = grid.state.apps.get(p.app)
    const c = app === undefined ? undefined : componentOf(app.spec, p.instance)
    if (c === undefined) continue
    const h = out.get(p.node) ?? { cpu: 0, memory: 0, disk: 0 }
    h.cpu += Math.round(c.resources.cpu * 1000)
    h.memory += c.resources.memory
    h.disk += c.resources.disk + c.volumes.reduce((s, v) => s + v.size, 0)
    out.set(p.node, h)
  }
  return out
}

/** Checks every invariant that holds at any instant; returns one line per breach. */
export function checkStep (grid: Grid, now: number, silentSince: Map<string, number>, bound: number): string[] {
  const out: string[] = []
  // No node holds more than it has.
  for (const [id, h] of holdings(grid)) {
    const node = grid.byId.get(id)
    if (node === undefined) { out.push(`placement on unknown node ${id}`); continue }
    const cap = node.facts.capacity
    if (h.cpu > Math.round(cap.cpu * 1000)) out.push(`${id} over cpu: ${h.cpu / 1000} of ${cap.cpu} cores`)
    if (h.memory > cap.memory) out.push(`${id} over memory: ${h.memory} of ${cap.memory} bytes`)
    if (h.disk > cap.disk) out.push(`${id} over disk: ${h.disk} of ${cap.disk} bytes (volumes included)`)
  }
  // A parked node (one done parking, not still draining) holds nothing: no instance, no volume replica.
  for (const [id, admin] of grid.state.nodes) {
    if (admin.parked !== true || admin.draining) continue
    const held = [...grid.state.placements.values()].filter(p => p.node === id).map(p => p.instance)
    const replicas = [...grid.state.volumes.values()].filter(v => v.members.includes(id)).map(v => v.id)
    if (held.length + replicas.length > 0) out.push(`parked ${id} holds ${[...held, ...replicas].join(', ')}`)
  }
  // Anti-affine siblings never share a node.
  const seen = new Map<string, string>()
  for (const p of grid.state.placements.values()) {
    const app = grid.state.apps.get(p.app)
    const c = app === undefined ? undefined : componentOf(app.spec, p.instance)
    if (c === undefined || !c.antiAffinity) continue
    const key = `${p.app}.${c.name}@${p.node}`
    const other = seen.get(key)
    if (other !== undefined) out.push(`anti-affinity broken: ${other} and ${p.instance} both on ${p.node}`)
    else seen.set(key, p.instance)
  }
  // Nothing stays on a node the grid stopped hearing beyond the bound, unless the planner said why it cannot move.
  // A stateful instance waits out the leader's grace on top, so the node has surely fenced it first.
  // Only the instance's own component explained as unplaceable excuses it: another component's
  // trouble (a db whose in-sync replicas are all gone) must not hold the rest of the app on a dead node.
  for (const p of grid.state.placements.values()) {
    const since = silentSince.get(p.node)
    if (since === undefined) continue
    const limit = grid.stateful(p.instance) ? bound + STATEFUL_GRACE_MS : bound
    if (now - since <= limit) continue
    const last = grid.lastDecision.get(p.app)
    const component = parseInstanceId(p.instance)?.component
    if (last?.kind === 'unschedulable' && component !== undefined && Object.hasOwn(last.explanations, component)) continue
    out.push(`${p.instance} still on ${p.node}, unheard for ${now - since} ms (bound ${limit} ms)`)
  }
  // A stateful instance never runs on two live daemons at once (fencing before re-placement).
  const running = new Map<string, string>()
  for (const n of grid.nodes) {
    if (!n.alive || !n.daemonUp) continue
    for (const id of n.host.running()) {
      if (!grid.stateful(id)) continue
      const other = running.get(id)
      if (other !== undefined) out.push(`stateful ${id} runs on ${other} and ${n.facts.id} at once`)
      else running.set(id, n.facts.id)
    }
  }
  return out
}

/** Checks what a reconcile round committed: nothing new on cordoned, draining or long-silent nodes, every app whole or explained. */
export function checkRound (grid: Grid, now: number, silentSince: Map<string, number>, bound: number): string[] {
  const out: string[] = []
  for (const p of grid.landed) {
    const admin = grid.state.nodes.get(p.node)
    if (admin?.draining === true) out.push(`${p.instance} placed on draining ${p.node}`)
    else if (admin?.cordoned === true) out.push(`${p.instance} placed on cordoned ${p.node}`)
    const since = silentSince.get(p.node)
    if (since !== undefined && now - since > bound) out.push(`${p.instance} placed on ${p.node}, unheard for ${now - since} ms`)
  }
  for (const app of grid.state.apps.values()) {
    if (grid.lastDecision.get(app.name)?.kind === 'unschedulable') continue
    const missing = instancesOf(app.spec).filter(w => grid.state.placements.get(w.instance)?.appVersion !== app.version)
    if (missing.length > 0) out.push(`app ${app.name} neither fully placed nor explained: ${missing.length} instances unplaced`)
  }
  return out
}

/**
 * Whether the grid has settled: every app fully placed on heard, undrained
 * nodes with every instance serving, or explained as unschedulable. Returns
 * what is still unsettled ([] when settled).
 */
export function unsettled (grid: Grid, expectAllPlaced: boolean): string[] {
  const out: string[] = []
  for (const app of grid.state.apps.values()) {
    if (grid.lastDecision.get(app.name)?.kind === 'unschedulable') {
      if (expectAllPlaced) out.push(`app ${app.name} unschedulable though the scenario has room`)
      continue
    }
    for (const { instance } of instancesOf(app.spec)) {
      const p = grid.state.placements.get(instance)
      const node = p === undefined ? undefined : grid.byId.get(p.node)
      if (p === undefined || node === undefined) { out.push(`${instance} unplaced`); continue }
      if (!node.heard) out.push(`${instance} on unheard ${p.node}`)
      else if (grid.state.nodes.get(p.node)?.draining === true) out.push(`${instance} still on draining ${p.node}`)
      else if (!grid.ready(instance)) out.push(`${instance} not serving on ${p.node}`)
    }
  }
  return out
}
