/**
 * The reconciler's decisions, pure: given the committed state and the nodes
 * as the leader sees them, which apps to (re)place and why. The daemon's loop
 * on the leader turns each decision into a PlaceApp command; nothing here
 * reads a clock or does I/O.
 *
 *   state + nodes ──► needsPlacement? ──► scheduler ──► PlaceApp | unschedulable
 *                         (new app, new version, instance on a dead,
 *                          draining or unknown node, count changed)
 */
import { componentOf, instanceId, type AppSpec } from '../graph/index.ts'
import { volumesOf, type GridState } from '../state/index.ts'
import type { Amounts, ImageLookup, ScheduleRequest, ScheduleResult, SchedNode, Strategy } from '../scheduler/types.ts'
import { chooseReplicas } from './volumes.ts'

/** A node as the leader knows it, before this round's accounting of what placements use. */
export type PlanNode = Omit<SchedNode, 'used'> & {
  /** How long the node has been down, as the leader saw it; set only while down. */
  downForMs?: number
}

export interface PlanInput {
  state: GridState
  nodes: readonly PlanNode[]
  images: ImageLookup
  schedule: (request: ScheduleRequest) => ScheduleResult
  /** Instances that are up and healthy now; a drain moves the next one only when all of an app's are. */
  ready: (instance: string) => boolean
  /** Whether an instance's node gave up restarting it (crash loop): it then moves to another node. */
  failed?: (instance: string) => boolean
  /** Seeds the scheduler so a decision can be replayed from the same state. */
  seed: number
  strategy?: (app: string) => Strategy
  /**
   * How long a down node's stateful instances (those with volumes) stay put
   * before they move, in ms: longer than the node takes to fence itself, so
   * a volume never has two writers. Default 0 (move at once).
   */
  statefulGraceMs?: number
}

/** One thing the reconciler wants committed or said. */
export type Decision =
  | {
    kind: 'place'
    app: string
    appVersion: number
    placements: Array<{ instance: string, node: string }>
    reason: string
    moved: string[]
    /** Replica nodes of the volumes this placement creates. */
    volumes: Array<{ volume: string, members: string[] }>
  }
  | { kind: 'unschedulable', app: string, appVersion: number, explanations: Record<string, string> }

/** Every instance id an app asks for, in order. */
export function instancesOf (app: AppSpec): Array<{ instance: string, component: string }> {
  return app.components.flatMap(c => Array.from({ length: c.count }, (_, i) => ({ instance: instanceId(app.name, c.name, i), component: c.name })))
}

/** What every committed placement holds on each node, in cores and bytes. */
export function usedByNode (state: GridState): Map<string, Amounts> {
  const used = new Map<string, Amounts>()
  for (const p of state.placements.values()) {
    const app = state.apps.get(p.app)
    const component = app === undefined ? undefined : componentOf(app.spec, p.instance)
    if (component === undefined) continue
    const u = used.get(p.node) ?? { cpu: 0, memory: 0, disk: 0 }
    u.cpu += component.resources.cpu
    u.memory += component.resources.memory
    u.disk += component.resources.disk
    used.set(p.node, u)
  }
  // A volume takes its size on every node holding a replica, the primary's included.
  for (const v of state.volumes.values()) {
    for (const m of v.members) {
      const u = used.get(m) ?? { cpu: 0, memory: 0, disk: 0 }
      u.disk += v.sizeBytes
      used.set(m, u)
    }
  }
  return used
}

/**
 * The decisions for one round: at most one per app. Apps whose placements
 * are complete, current and on live nodes are left alone, so a stable grid
 * produces no commands at all.
 */
export function plan (input: PlanInput): Decision[] {
  const { state } = input
  const byId = new Map(input.nodes.map(n => [n.id, n]))
  const used = usedByNode(state)
  const nodes: SchedNode[] = input.nodes.map(n => ({ ...n, used: used.get(n.id) ?? { cpu: 0, memory: 0, disk: 0 } }))
  const decisions: Decision[] = []
  for (const app of [...state.apps.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const wanted = instancesOf(app.spec)
    const current = new Map([...state.placements.values()].filter(p => p.app === app.name).map(p => [p.instance, p]))
    const reasons: string[] = []
    const existing: Record<string, string> = {}
    let drained: string | undefined
    // Nodes an instance of this app crash-looped on: no instance of its component is placed there anew.
    const shunned = new Set<string>()
    const shunnedBy = new Map<string, string[]>()
    for (const { instance, component } of wanted) {
      const p = current.get(instance)
      if (p === undefined) { reasons.push(`${instance} not placed`); continue }
      const node = byId.get(p.node)
      if (node === undefined || node.state === 'down' || node.state === 'left') {
        reasons.push(`${instance}: node ${node?.name ?? p.node} ${node?.state ?? 'unknown'}`)
        continue
      }
      // A drain moves one instance per app at a time, and only while the app is otherwise whole and healthy.
      if (node.draining && drained === undefined && wanted.every(w => w.instance === instance || input.ready(w.instance))) {
        drained = instance
        reasons.push(`${instance}: draining ${node.name}`)
        continue
      }
      if (input.failed?.(instance) === true) {
        shunned.add(p.node)
        shunnedBy.set(component, [...(shunnedBy.get(component) ?? []), p.node])
        reasons.push(`${instance}: crash-looping on ${node.name}`)
        continue
      }
      existing[instance] = p.node
    }
    const stale = [...current.values()].some(p => p.appVersion !== app.version)
    const extra = [...current.keys()].some(id => !wanted.some(w => w.instance === id))
    if (reasons.length === 0 && !stale && !extra) continue
    const request: ScheduleRequest = {
      // Only the crash-looping component shuns the node: a stateless instance leaving a dead node may
      // need the very node where the db crash-loops (three nodes, anti-affine web instances).
      app: shunnedBy.size === 0 ? app.spec : shunning(app.spec, shunnedBy),
      images: input.images,
      nodes,
      existing,
      pinned: pinnedOf(state, app.spec),
      options: { seed: `${input.seed}/${app.name}/${app.version}`, strategy: input.strategy?.(app.name) }
    }
    const whole = input.schedule(request)
    // All or nothing is for placing an app, not for healing one that runs: when every instance is
    // placed at this version, a component that fits nowhere (a db whose in-sync replicas are all on
    // dead nodes, or one crash-looping on its only replica's node) stays where it is and is explained,
    // while the rest of the app still leaves dead, draining and crash-loop nodes.
    const healing = !stale && !extra && wanted.every(w => current.has(w.instance))
    const result = whole.ok || !healing ? whole : partly(request, whole.explanations, current, input.schedule)
    if (!result.ok) {
      decisions.push({ kind: 'unschedulable', app: app.name, appVersion: app.version, explanations: result.explanations })
      continue
    }
    const waiting: Decision | undefined = whole.ok ? undefined : { kind: 'unschedulable', app: app.name, appVersion: app.version, explanations: whole.explanations }
    const grace = input.statefulGraceMs ?? 0
    const placements = result.placements.map(p => {
      const was = current.get(p.instance)?.node
      const on = was === undefined ? undefined : byId.get(was)
      // The scheduler keeps nothing on a node it would not place on anew (suspect,
      // cordoned, draining, shunned for another instance's crash loop); but such a
      // node still runs its instances, and only those that must move do.
      const mustMove = p.instance === drained || input.failed?.(p.instance) === true
      const waiting = was !== undefined && on !== undefined && !mustMove &&
        (on.state === 'suspect' || (on.state === 'up' && (on.cordoned || on.draining || shunned.has(was))))
      // A stateful instance of a node just declared down waits until that node has surely fenced itself.
      const stateful = componentOf(app.spec, p.instance)?.volumes.length !== 0
      const fencing = was !== undefined && stateful && on?.state === 'down' && (on.downForMs ?? 0) < grace
      return { instance: p.instance, node: waiting || fencing ? was! : p.node }
    })
    if (placements.every(p => current.get(p.instance)?.node === p.node) && !stale && !extra && placements.length === current.size) {
      if (waiting !== undefined) decisions.push(waiting)
      continue
    }
    const moved = placements.filter(p => current.get(p.instance) !== undefined && current.get(p.instance)!.node !== p.node).map(p => p.instance)
    const unplaced = wanted.filter(w => !current.has(w.instance)).length
    const reason = unplaced === wanted.length
      ? `new app version ${app.version}`
      : reasons.length > 0 ? reasons.join('; ') : stale ? `app version ${app.version}` : 'instances removed'
    const volumes = volumesOf(app.spec).filter(v => !state.volumes.has(v.id)).map(v => {
      const at = placements.find(p => p.instance === v.instance)?.node ?? ''
      const c = app.spec.components.find(x => x.name === v.component)
      const requires = c === undefined ? [] : input.images.get(c.image)?.requires ?? []
      const fits = { requires, cpu: c?.resources.cpu, memory: c?.resources.memory, constraints: [...app.spec.constraints, ...(c?.constraints ?? [])] }
      return { volume: v.id, members: [at, ...chooseReplicas(nodes, [at], v.replicas - 1, v.sizeBytes, `${input.seed}/${v.id}`, fits)] }
    })
    decisions.push({ kind: 'place', app: app.name, appVersion: app.version, placements, reason, moved, volumes })
    // Said after the placement, so that what is last said of the app is what still waits.
    if (waiting !== undefined) decisions.push(waiting)
    // Later apps in this round see what this one takes.
    for (const p of placements) {
      const node = nodes.find(n => n.id === p.node)
      const component = componentOf(app.spec, p.instance)
      if (node === undefined || component === undefined || existing[p.instance] === p.node) continue
      node.used = { cpu: node.used.cpu + component.resources.cpu, memory: node.used.memory + component.resources.memory, disk: node.used.disk + component.resources.disk }
    }
  }
  return decisions
}

/** The app with each crash-looping component kept off the nodes it crash-looped on. */
function shunning (spec: AppSpec, shunnedBy: ReadonlyMap<string, string[]>): AppSpec {
  return {
    ...spec,
    components: spec.components.map(c => {
      const nodes = shunnedBy.get(c.name)
      return nodes === undefined ? c : { ...c, constraints: [...c.constraints, { attribute: 'id', operator: 'not-in' as const, values: nodes }] }
    })
  }
}

/**
 * The app placed without the components the scheduler could not place,
 * whose instances stay on the nodes they are placed on. Their instances on
 * live nodes keep holding their room there (they are in the nodes' `used`,
 * and the scheduler gives back only what it places), so nothing lands on top of them.
 */
function partly (request: ScheduleRequest, explanations: Record<string, string>, current: ReadonlyMap<string, { node: string }>,
  schedule: (request: ScheduleRequest) => ScheduleResult): ScheduleResult {
  const stuck = request.app.components.filter(c => Object.hasOwn(explanations, c.name))
  const rest = request.app.components.filter(c => !Object.hasOwn(explanations, c.name))
  if (rest.length === 0) return { ok: false, explanations }
  const result = schedule({ ...request, app: { ...request.app, components: rest } })
  if (!result.ok) return { ok: false, explanations: { ...explanations, ...result.explanations } }
  const kept = stuck.flatMap(c => Array.from({ length: c.count }, (_, k) => {
    const instance = instanceId(request.app.name, c.name, k)
    return { instance, component: c.name, node: current.get(instance)!.node }
  }))
  return { ok: true, placements: [...result.placements, ...kept] }
}

/**
 * Component → the nodes holding an in-sync replica of every volume it has
 * already: where its instance may run. Components whose volumes do not exist
 * yet are free.
 */
export function pinnedOf (state: GridState, spec: AppSpec): Record<string, string[]> | undefined {
  let pinned: Record<string, string[]> | undefined
  for (const v of volumesOf(spec)) {
    const record = state.volumes.get(v.id)
    if (record === undefined) continue
    pinned ??= {}
    const before = pinned[v.component]
    pinned[v.component] = before === undefined ? [...record.inSync] : before.filter(n => record.inSync.includes(n))
  }
  return pinned
}
