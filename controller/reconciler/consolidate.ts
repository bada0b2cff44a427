/**
 * Power: which node to park when the grid's load is low, and which parked
 * node to wake when capacity is short. Pure: the leader's loop turns the one
 * decision it returns into a SetNodeAdmin command (and a Wake-on-LAN packet).
 *
 *   capacity short? ──► unpark (parking node first, then mains, then fullest battery)
 *        │ no
 *   parking node empty? ──► parked
 *        │ no, none parking
 *   consolidate on, grid settled, load low? ──► park one node (battery first, lowest charge, least loaded)
 *
 * A node is parked in two steps: `park` marks it parked and draining, so the
 * reconciler's drain moves its instances off one at a time; `parked` ends the
 * drain once nothing is left on it. The rules and their reasons are in
 * docs/field.md (Power).
 */
import type { GridState } from '../state/index.ts'
import type { Amounts, ImageLookup, ScheduleRequest, ScheduleResult, SchedNode } from '../scheduler/types.ts'
import { pinnedOf, usedByNode, type PlanNode } from './plan.ts'

/** Load (percent of the active nodes' cpu or memory, whichever is higher) under which the grid parks a node, if the rest stays under it. Default. */
export const DEFAULT_LOW_PERCENT = 50
/** Load (percent) at or over which the grid wakes a parked node. Default. */
export const DEFAULT_HIGH_PERCENT = 80
/** Fewest active nodes the grid keeps: one to run on and one to fail over to. Default. */
export const DEFAULT_MIN_ACTIVE_NODES = 2
/** Least time after a power change (park, parked, unpark) or a node failure before the next park, ms: the grid settles first. Default. */
export const DEFAULT_SETTLE_MS = 60_000

/** Thresholds of the power policy. */
export interface PowerOptions {
  /** Park a node only when the load of the nodes that stay would be at most this, percent. */
  lowPercent?: number
  /** Wake a parked node when the active nodes' load reaches this, percent. */
  highPercent?: number
  /** Never park below this many active nodes. */
  minActiveNodes?: number
  /** Least time since the last power change before a park, ms. */
  settleMs?: number
}

export interface ConsolidateInput {
  state: GridState
  /** The nodes as the leader sees them, with their admin state (parked included). */
  nodes: readonly PlanNode[]
  images: ImageLookup
  schedule: (request: ScheduleRequest) => ScheduleResult
  seed: number
  /** Raft voters: parked only while those left up outlast one more failure (a powered-off voter costs the grid a vote). */
  voters: readonly string[]
  /** Apps the reconciler could not (fully) place this round. */
  unschedulable: readonly string[]
  /** Nodes woken and not yet up: while one is on its way, no other is woken. */
  waking: readonly string[]
  /** Time since the last power change or node failure, ms (Infinity when none is known). */
  sinceChangeMs: number
  options?: PowerOptions
}

/** One power change to commit. */
export type PowerDecision =
  | { kind: 'park', node: string, reason: string }
  | { kind: 'parked', node: string, reason: string }
  | { kind: 'unpark', node: string, reason: string, /** The node is down: send it a Wake-on-LAN packet. */ wake: boolean }

const ZERO: Amounts = { cpu: 0, memory: 0, disk: 0 }

/** The next power change, or undefined when there is none to make. At most one, so the grid changes one node at a time. */
export function consolidate (given: ConsolidateInput): PowerDecision | undefined {
  const input = { ...given, options: optionsOf(given) }
  const used = usedByNode(input.state)
  const nodes: SchedNode[] = input.nodes.map(n => ({ ...n, used: used.get(n.id) ?? ZERO }))
  return wake(input, nodes) ?? finishPark(input, nodes) ?? park(input, nodes)
}

/** The caller's options, with the thresholds an operator committed (trellis power) over them. */
function optionsOf (input: ConsolidateInput): PowerOptions {
  const options: PowerOptions = { ...input.options }
  for (const key of ['lowPercent', 'highPercent', 'minActiveNodes'] as const) {
    const value = input.state.power?.[key]
    if (value !== undefined) options[key] = value
  }
  return options
}

/** Takes new instances: up and under no admin state. */
function active (n: SchedNode): boolean {
  return n.state === 'up' && !n.cordoned && !n.draining && n.parked !== true
}

/** The higher of cpu and memory load over `nodes`, percent; 0 with no capacity. */
export function loadPercent (nodes: readonly SchedNode[]): number {
  return percentOf(sum(nodes.map(n => n.used)), sum(nodes.map(n => n.capacity)))
}

/** The higher of cpu and memory of `used` over `capacity`, percent. */
function percentOf (used: Amounts, capacity: Amounts): number {
  return 100 * Math.max(capacity.cpu > 0 ? used.cpu / capacity.cpu : 0, capacity.memory > 0 ? used.memory / capacity.memory : 0)
}

function sum (amounts: readonly Amounts[]): Amounts {
  return amounts.reduce((s, a) => ({ cpu: s.cpu + a.cpu, memory: s.memory + a.memory, disk: s.disk + a.disk }), ZERO)
}

/** Order to wake in: a node still parking (up, its instances partly there), then mains, then battery by most charge. */
function wakeOrder (a: SchedNode, b: SchedNode): number {
  return Number(b.draining) - Number(a.draining) || Number(b.state === 'up') - Number(a.state === 'up') ||
    powerRank(b) - powerRank(a) || (b.power.chargePercent ?? 100) - (a.power.chargePercent ?? 100) || a.id.localeCompare(b.id)
}

/** Mains 2, unknown 1, battery 0: the higher, the better a node is to keep running. */
function powerRank (n: SchedNode): number {
  return n.power.source === 'mains' ? 2 : n.power.source === 'unknown' ? 1 : 0
}

function wake (input: ConsolidateInput, nodes: SchedNode[]): PowerDecision | undefined {
  // A parked node that left (its daemon stopped cleanly as the machine powered off) is as wakeable as a down one.
  const parked = nodes.filter(n => n.parked === true).sort(wakeOrder)
  if (parked.length === 0) return undefined
  // A woken node takes a while to boot; waking another for the same shortage would wake them all.
  if (input.waking.length > 0) return undefined
  const unpark = (n: SchedNode, reason: string): PowerDecision => ({ kind: 'unpark', node: n.id, reason, wake: n.state !== 'up' })
  const byId = new Map(nodes.map(n => [n.id, n]))
  for (const app of [...input.unschedulable].sort()) {
    const record = input.state.apps.get(app)
    if (record === undefined) continue
    const existing: Record<string, string> = {}
    for (const p of input.state.placements.values()) {
      const on = p.app === app ? byId.get(p.node) : undefined
      if (on !== undefined && on.state === 'up' && !on.draining) existing[p.instance] = p.node
    }
    const placeable = (awake: ReadonlySet<string>): boolean => input.schedule({
      app: record.spec,
      images: input.images,
      nodes: nodes.map(n => awake.has(n.id) ? { ...n, state: 'up' as const, cordoned: false, draining: false, parked: false } : n),
      existing,
      pinned: pinnedOf(input.state, record.spec),
      options: { seed: `${input.seed}/${app}/wake` }
    }).ok
    // The first parked node that alone lets the app be placed; else the first of all, if all of them would. None when
    // waking would not help (a missing capability, say): the app's explanation says what does.
    const alone = parked.find(n => placeable(new Set([n.id])))
    if (alone !== undefined) return unpark(alone, `capacity short: ${app} cannot be placed without it`)
    if (parked.length > 1 && placeable(new Set(parked.map(n => n.id)))) return unpark(parked[0]!, `capacity short: ${app} needs more parked nodes, this one first`)
  }
  const high = input.options?.highPercent ?? DEFAULT_HIGH_PERCENT
  const load = loadPercent(nodes.filter(active))
  if (load >= high) return unpark(parked[0]!, `load ${load.toFixed(0)} % reached ${high} %`)
  return undefined
}

function finishPark (input: ConsolidateInput, nodes: SchedNode[]): PowerDecision | undefined {
  // Operators may park several by hand at once; any of them that is empty is done.
  for (const parking of nodes.filter(n => n.parked === true && n.draining)) {
    const left = [...input.state.placements.values()].some(p => p.node === parking.id)
    const replicas = [...input.state.volumes.values()].some(v => v.members.includes(parking.id))
    if (!left && !replicas) return { kind: 'parked', node: parking.id, reason: `emptied; the rest carry ${loadPercent(nodes.filter(active)).toFixed(0)} % load` }
  }
  return undefined
}

/** Park order: battery before unknown before mains, the lowest charge first, then the least loaded. */
function parkOrder (a: SchedNode, b: SchedNode): number {
  return powerRank(a) - powerRank(b) || (a.power.chargePercent ?? 100) - (b.power.chargePercent ?? 100) ||
    loadPercent([a]) - loadPercent([b]) || a.id.localeCompare(b.id)
}

function park (input: ConsolidateInput, nodes: SchedNode[]): PowerDecision | undefined {
  const { state } = input
  if (state.power?.consolidate !== true) return undefined
  // One at a time: a node still being emptied is finished first.
  if (nodes.some(n => n.parked === true && n.draining)) return undefined
  if (input.sinceChangeMs < (input.options?.settleMs ?? DEFAULT_SETTLE_MS)) return undefined
  // A failure to heal or an app waiting for room comes before saving power.
  if (input.unschedulable.length > 0) return undefined
  if (nodes.some(n => n.parked !== true && (n.state === 'suspect' || n.state === 'down'))) return undefined
  const running = nodes.filter(active)
  if (running.length <= (input.options?.minActiveNodes ?? DEFAULT_MIN_ACTIVE_NODES)) return undefined
  const low = input.options?.lowPercent ?? DEFAULT_LOW_PERCENT
  const holding = new Set<string>()
  for (const v of state.volumes.values()) for (const m of v.members) holding.add(m)
  // A voter only while the voters left up would still outlast one more failure (5 voters all up: one may go);
  // followers first, so a grid with any parks them before a voter.
  const votersUp = input.voters.filter(v => nodes.some(n => n.id === v && n.state === 'up' && n.parked !== true)).length
  const spareVoter = input.voters.length > 0 && votersUp - 1 >= Math.floor(input.voters.length / 2) + 2
  const isVoter = (n: SchedNode): boolean => input.voters.includes(n.id)
  const candidates = running.filter(n => (!isVoter(n) || spareVoter) && !holding.has(n.id))
    .sort((a, b) => Number(isVoter(a)) - Number(isVoter(b)) || parkOrder(a, b))
  for (const candidate of candidates) {
    const rest = running.filter(n => n.id !== candidate.id)
    // Everything the active nodes carry, carried by the rest: under the low threshold, or this node stays.
    const after = percentOf(sum(running.map(n => n.used)), sum(rest.map(n => n.capacity)))
    if (after > low) continue
    if (!movable(input, nodes, candidate)) continue
    return { kind: 'park', node: candidate.id, reason: `low load: the other ${rest.length} active nodes would carry ${after.toFixed(0)} % (at most ${low} %)` }
  }
  return undefined
}

/**
 * Whether every instance on `candidate` can be placed elsewhere, asked of the
 * scheduler app by app with the candidate draining, each app seeing what the
 * earlier ones took. Stateful instances never get here: their node holds a
 * replica, and such nodes are not candidates.
 */
function movable (input: ConsolidateInput, nodes: readonly SchedNode[], candidate: SchedNode): boolean {
  const { state } = input
  const view = nodes.map(n => n.id === candidate.id ? { ...n, draining: true } : { ...n, used: { ...n.used } })
  const byId = new Map(view.map(n => [n.id, n]))
  const apps = [...new Set([...state.placements.values()].filter(p => p.node === candidate.id).map(p => p.app))].sort()
  for (const app of apps) {
    const record = state.apps.get(app)
    if (record === undefined) continue
    const existing: Record<string, string> = {}
    for (const p of state.placements.values()) if (p.app === app && p.node !== candidate.id) existing[p.instance] = p.node
    const result = input.schedule({ app: record.spec, images: input.images, nodes: view, existing, pinned: pinnedOf(state, record.spec), options: { seed: `${input.seed}/${app}/park` } })
    if (!result.ok) return false
    for (const p of result.placements) {
      if (existing[p.instance] !== undefined) continue
      const node = byId.get(p.node)
      const component = record.spec.components.find(c => c.name === p.component)
      if (node === undefined || component === undefined) continue
      node.used = { cpu: node.used.cpu + component.resources.cpu, memory: node.used.memory + component.resources.memory, disk: node.used.disk + component.resources.disk }
    }
  }
  return true
}
