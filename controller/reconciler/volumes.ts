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
import type { NodeView } from './plan.ts'

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
  instance: { requires?: readonly string[], cpu?: number, memory?: number, constraints?: readonly Constraint[] } = {}): string[] {
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
    const requires = instance.requires ?? []
    const cannot = (n: SchedNode): number => Number(!requires.every(r => n.capabilities.includes(r)) ||
      !(instance.constraints ?? []).every(c => holds(c, n)) ||
      n.capacity.cpu - n.used.cpu < (instance.cpu ?? 0) || n.capacity.memory - n.used.memory < (instance.memory ?? 0))
    left.sort((a, b) => cannot(a.n) - cannot(b.n) || Number(zones.has(a.n.zone)) - Number(zones.has(b.n.zone)) || free(b.n) - free(a.n) || a.tie - b.tie)
    const pick = left[0]!.n
    chosen.push(pick.id)
    zones.add(pick.zone)
  }
  return chosen
}

export interface VolumePlanInput {
  state: GridState
  nodes: readonly (NodeView & { used: SchedNode['used'] })[]
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
    const requires = component === undefined ? [] : input.images?.get(component.image)?.requires ?? []
    const add = chooseReplicas(input.nodes, v.members, v.replicas - keep.length, v.sizeBytes, `${input.seed}/${v.id}`,
      { requires, cpu: component?.resources.cpu, memory: component?.resources.memory, constraints: [...(spec?.constraints ?? []), ...(component?.constraints ?? [])] })
    if (gone.length === 0 && add.length === 0) continue
    const reason = gone.length > 0
      ? `replace replica on ${why.join(', ')}${add.length > 0 ? '' : ' (no node can take it yet)'}`
      : `${keep.length} of ${v.replicas} replicas: adding ${add.length}`
    decisions.push({ kind: 'volume', volume: v.id, generation: v.generation, change: { removeMembers: gone, addMembers: add }, reason })
  }
  return decisions
}
