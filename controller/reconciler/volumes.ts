/**
 * Where volume replicas live, pure: which nodes hold a new volume's replicas,
 * and when a member whose node stays away is replaced by another. The node
 * attached as primary rebuilds a new member and adds it to the in-sync set
 * itself (it is the one that knows when the copy is whole); the leader only
 * decides membership.
 */
import { fnv1a } from '../random/index.ts'
import type { Constraint } from '../graph/types.ts'
import { holds } from '../scheduler/feasible.ts'
import type { ImageLookup, SchedNode } from '../scheduler/types.ts'
import type { GridState, VolumeChange } from '../state/index.ts'
import type { PlanNode } from './plan.ts'

/** How long a member's node may be down before its replica is replaced elsewhere, ms. */
export const DEFAULT_REPLICA_REPLACE_MS = 60_000 // ms

/** A membership change the leader proposes as an UpdateVolume. */
export interface VolumeDecision {
  kind: 'volume'
  volume: string
  generation: number
  change: VolumeChange
  reason: string
}

/**
 * Picks `want` nodes for replicas besides `have`: up, not cordoned or draining,
 * with room for the volume. Nodes that could run the instance (they meet its
 * constraints, have the capabilities its image `requires` and room for its
 * cpu and memory now)
 * come first, since only there can it fail over; then zones no member is in (a zone lost takes one replica),
 * then the most free disk, then a seeded order.
 */
export function chooseReplicas (nodes: readonly SchedNode[], have: readonly string[], want: number, sizeBytes: number, seed: string,
  instance: InstanceFit = {}): string[] {
  if (want <= 0) return []
  const zones = new Set(nodes.filter(n => have.includes(n.id)).map(n => n.zone))
  const free = (n: SchedNode): number => n.capacity.disk - n.used.disk
  const candidates = nodes
    .filter(n => n.state === 'up' && !n.cordoned && !n.draining && !have.includes(n.id) && free(n) >= sizeBytes)
    .map(n => ({ n, tie: fnv1a(`${seed}/${n.id}`) }))
    .sort((a, b) => a.n.id < b.n.id ? -1 : 1)
  const chosen: string[] = []
  while (chosen.length < want) {
    const left = candidates.filter(c => !chosen.includes(c.n.id))
    if (left.length === 0) break
    const cannot = (n: SchedNode): number => Number(!fits(n, instance))
    left.sort((a, b) => cannot(a.n) - cannot(b.n) || Number(zones.has(a.n.zone)) - Number(zones.has(b.n.zone)) || free(b.n) - free(a.n) || a.tie - b.tie)
    const pick = left[0]!.n
    chosen.push(pick.id)
    zones.add(pick.zone)
  }
  return chosen
}

/** What the instance of a volume needs of a node to run there. */
export interface InstanceFit {
  requires?: readonly string[]
  cpu?: number
  memory?: number
  constraints?: readonly Constraint[]
}

/** Whether the instance could run on the node now: capabilities, constraints, room for cpu and memory. */
export function fits (n: SchedNode, instance: InstanceFit): boolean {
  return (instance.requires ?? []).every(r => n.capabilities.includes(r)) &&
    (instance.constraints ?? []).every(c => holds(c, n)) &&
    n.capacity.cpu - n.used.cpu >= (instance.cpu ?? 0) && n.capacity.memory - n.used.memory >= (instance.memory ?? 0)
}

export interface VolumePlanInput {
  state: GridState
  nodes: readonly (PlanNode & { used: SchedNode['used'] })[]
  /** What each image needs of a node, so replicas go first where the instance could fail over. */
  images?: ImageLookup
  /** A member down this long is replaced; default DEFAULT_REPLICA_REPLACE_MS. */
  replaceAfterMs?: number
  seed: number
}

/**
 * Membership decisions, at most one per volume: members on nodes gone (left,
 * unknown, or down past the threshold) are replaced, and a volume with fewer
 * members than it wants (a grid that was too small) gains some. The primary
 * is never replaced here (the instance moves first, by placement), and a
 * replica that is the last in-sync copy stays whatever its node's state.
 */
export function planVolumes (input: VolumePlanInput): VolumeDecision[] {
  const byId = new Map(input.nodes.map(n => [n.id, n]))
  const after = input.replaceAfterMs ?? DEFAULT_REPLICA_REPLACE_MS
  const decisions: VolumeDecision[] = []
  for (const v of [...input.state.volumes.values()].sort((a, b) => a.id < b.id ? -1 : 1)) {
    // A copy not yet made stays where its data is coming from.
    if (v.inSync.length === 0) continue
    const gone: string[] = []
    const why: string[] = []
    for (const m of v.members) {
      if (m === v.primary) continue
      const node = byId.get(m)
      const away = node === undefined || node.state === 'left' || (node.state === 'down' && (node.downForMs ?? 0) >= after)
      if (!away) continue
      if (v.inSync.every(s => s === m || gone.includes(s))) continue // the last good copy waits for its node
      gone.push(m)
      why.push(`${node?.name ?? m} ${node === undefined ? 'unknown' : node.state === 'left' ? 'left the grid' : `down ${Math.round((node.downForMs ?? 0) / 1000)} s`}`)
    }
    const keep = v.members.filter(m => !gone.includes(m))
    const spec = input.state.apps.get(v.app)?.spec
    const component = spec?.components.find(c => c.name === v.component)
    const fit: InstanceFit = {
      requires: component === undefined ? [] : input.images?.get(component.image)?.requires ?? [],
      cpu: component?.resources.cpu,
      memory: component?.resources.memory,
      constraints: [...(spec?.constraints ?? []), ...(component?.constraints ?? [])]
    }
    const seed = `${input.seed}/${v.id}`
    // Members on draining nodes are leaving: replacements are made first, and they go once those are in sync.
    const leaving = keep.filter(m => byId.get(m)?.draining === true)
    const add = chooseReplicas(input.nodes, v.members, v.replicas - (keep.length - leaving.length), v.sizeBytes, seed, fit)
    const canRun = (id: string): boolean => {
      const n = byId.get(id)
      return n !== undefined && n.state === 'up' && !n.cordoned && !n.draining && fits(n, fit)
    }
    // A drain moves the instance only to a member that can run it: when none can, one more replica
    // is made where it can (rebuilt by the primary), and the drain moves the instance once it is in sync.
    const extra = gone.length === 0 && add.length === 0 && byId.get(v.primary)?.draining === true && !v.members.some(m => m !== v.primary && canRun(m))
      ? chooseReplicas(input.nodes, v.members, 1, v.sizeBytes, seed, fit).filter(canRun)
      : []
    // A replica on a node being emptied (or, beyond those wanted, on a cordoned one) goes once enough others are in sync.
    const spare: string[] = []
    for (const m of keep) {
      const n = byId.get(m)
      if (m === v.primary || (n?.draining !== true && n?.cordoned !== true)) continue
      if (n?.draining !== true && keep.length - spare.length <= v.replicas) continue
      if (v.inSync.filter(x => x !== m && !gone.includes(x) && !spare.includes(x)).length >= v.replicas) spare.push(m)
    }
    if (gone.length === 0 && add.length === 0 && extra.length === 0 && spare.length === 0) continue
    const reason = gone.length > 0
      ? `replace replica on ${why.join(', ')}${add.length > 0 ? '' : ' (no node can take it yet)'}`
      : add.length > 0
        ? leaving.length > 0
          ? `draining ${leaving.map(m => byId.get(m)?.name ?? m).join(', ')}: adding ${add.length} replica${add.length === 1 ? '' : 's'} on nodes that stay`
          : `${keep.length} of ${v.replicas} replicas: adding ${add.length}`
        : extra.length > 0
          ? `draining ${byId.get(v.primary)?.name ?? v.primary}: a replica where the instance can move`
          : `replica on ${spare.map(m => byId.get(m)?.name ?? m).join(', ')} removed (draining, or cordoned and not needed)`
    decisions.push({ kind: 'volume', volume: v.id, generation: v.generation, change: { removeMembers: [...gone, ...spare], addMembers: [...add, ...extra] }, reason })
  }
  return decisions
}
