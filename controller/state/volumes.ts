/**
 * The volume half of the state machine: creating volumes when their instance
 * is first placed, attaching them where it moves, and changing their replica
 * sets. The rules here are the safety argument of replicated volumes, so they
 * are checked at apply time on every node, not trusted from the proposer:
 *
 * - an instance attaches its volume only on a node in the in-sync set;
 * - every attach bumps the generation (replicas refuse older writers);
 * - an update applies only at the volume's present generation, so a deposed
 *   primary can change nothing;
 * - the primary never leaves the set, and the in-sync set never empties.
 */
import { statefulInstanceId, volumeId, type AppSpec } from '../graph/index.ts'
import type { Command } from './commands.ts'
import type { ApplyResult, GridState, VolumeRecord } from './types.ts'

/** One volume an app declares, with the instance that attaches it. */
export interface DeclaredVolume {
  id: string
  instance: string
  component: string
  name: string
  sizeBytes: number
  replicas: number
}

/** Every volume of an app. A component with volumes runs one instance (the validator sees to it), index 0. */
export function volumesOf (spec: AppSpec): DeclaredVolume[] {
  return spec.components.flatMap(c => c.volumes.map(v => ({
    id: volumeId(spec.name, c.name, v.name),
    instance: statefulInstanceId(spec.name, c.name),
    component: c.name,
    name: v.name,
    sizeBytes: v.size,
    replicas: v.replicas
  })))
}

/** Why a placement would attach a volume where its data is not, or undefined when every attach is safe. */
export function unsafeAttach (state: GridState, spec: AppSpec, next: Map<string, string>): string | undefined {
  for (const v of volumesOf(spec)) {
    const node = next.get(v.instance)
    const record = state.volumes.get(v.id)
    if (node === undefined || node === '' || record === undefined || record.primary === node) continue
    if (!record.inSync.includes(node)) return `${v.instance} on ${node}: it holds no in-sync replica of volume ${v.id}`
  }
  return undefined
}

/** Creates the app's new volumes and attaches each where its instance now runs; call after unsafeAttach said yes. */
export function attachVolumes (state: GridState, index: number, spec: AppSpec, next: Map<string, string>, command: Command): void {
  const chosen = new Map((command.placeApp?.volumes ?? []).map(v => [v.volume ?? '', v.members ?? []]))
  const declared = volumesOf(spec)
  // A volume whose component or declaration is gone from the app goes with it.
  for (const [id, v] of state.volumes) if (v.app === spec.name && !declared.some(d => d.id === id)) state.volumes.delete(id)
  for (const v of declared) {
    const node = next.get(v.instance)
    if (node === undefined || node === '') continue
    const record = state.volumes.get(v.id)
    if (record === undefined) {
      const members = distinct([node, ...(chosen.get(v.id) ?? [])])
      // A new volume is all zeroes everywhere: every member starts in sync.
      state.volumes.set(v.id, {
        id: v.id, app: spec.name, component: v.component, name: v.name, sizeBytes: v.sizeBytes, replicas: v.replicas,
        members, inSync: [...members], generation: index, primary: node, createdIndex: index
      })
    } else {
      // A new version of the app may want more replicas: the leader adds members to match.
      state.volumes.set(v.id, { ...record, replicas: v.replicas, ...(record.primary !== node ? { primary: node, generation: index } : {}) })
    }
  }
}

/** Forgets an app's volumes (its snapshots stay); nodes delete the replicas they no longer find in the state. */
export function deleteVolumesOf (state: GridState, app: string): void {
  for (const [id, v] of state.volumes) if (v.app === app && v.snapshot !== true) state.volumes.delete(id)
}

/** A volume id with a snapshot name: `<volume>@<name>`. */
export const SNAPSHOT_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/

/**
 * Applies a CopyVolume: the new volume's one member is the node holding the
 * source's freshest data, and its in-sync set stays empty until that node
 * has copied it (nothing can attach a volume with no in-sync replica).
 */
export function applyCopyVolume (state: GridState, index: number, command: Command): ApplyResult {
  const c = command.copyVolume
  const target = c?.target ?? ''
  const refuse = (why: string): ApplyResult => ({ kind: 'volume-copied', volume: target, applied: false, why })
  const source = state.volumes.get(c?.source ?? '')
  if (c === undefined || c === null || source === undefined) return refuse(`no volume ${c?.source ?? ''}`)
  if (target === '' || state.volumes.has(target)) return refuse(`volume ${target} exists`)
  const holder = source.primary !== '' ? source.primary : source.inSync[0]
  if (holder === undefined) return refuse(`volume ${source.id} has no in-sync replica to copy`)
  const app = c.app ?? ''
  state.volumes.set(target, {
    id: target, app, component: app === '' ? source.component : c.component ?? '', name: app === '' ? source.name : c.name ?? '',
    sizeBytes: source.sizeBytes, replicas: source.replicas, members: [holder], inSync: [], generation: index, primary: '',
    createdIndex: index, copiedFrom: source.id, ...(app === '' ? { snapshot: true } : {})
  })
  return { kind: 'volume-copied', volume: target, applied: true }
}

/** Applies an UpdateVolume: all of it, or nothing with the reason. */
export function applyUpdateVolume (state: GridState, command: Command): ApplyResult {
  const u = command.updateVolume
  const volume = u?.volume ?? ''
  const refuse = (why: string): ApplyResult => ({ kind: 'volume-updated', volume, applied: false, why })
  const record = state.volumes.get(volume)
  if (u === undefined || u === null || record === undefined) return refuse(`no volume ${volume}`)
  const generation = Number(u.generation ?? 0)
  if (generation !== record.generation) return refuse(`generation ${generation} is not the volume's ${record.generation}`)
  const next = nextSets(record, u.addMembers ?? [], u.removeMembers ?? [], u.addInSync ?? [], u.removeInSync ?? [])
  if (typeof next === 'string') return refuse(next)
  state.volumes.set(volume, { ...record, members: next.members, inSync: next.inSync })
  return { kind: 'volume-updated', volume, applied: true }
}

function nextSets (record: VolumeRecord, addMembers: string[], removeMembers: string[], addInSync: string[], removeInSync: string[]): { members: string[], inSync: string[] } | string {
  if (record.primary !== '' && (removeMembers.includes(record.primary) || removeInSync.includes(record.primary))) {
    return `the primary ${record.primary} cannot leave volume ${record.id}`
  }
  if ([...addMembers, ...removeMembers, ...addInSync, ...removeInSync].some(n => n === '')) return 'an empty node id'
  const members = distinct([...record.members.filter(n => !removeMembers.includes(n)), ...addMembers])
  for (const n of addInSync) if (!members.includes(n)) return `${n} is not a member of volume ${record.id}`
  const inSync = distinct([...record.inSync.filter(n => !removeInSync.includes(n) && members.includes(n)), ...addInSync])
  // A copy being made has none yet; a volume that has one never loses its last.
  if (inSync.length === 0 && record.inSync.length > 0) return `volume ${record.id} would have no in-sync replica`
  return { members, inSync }
}

function distinct (nodes: readonly string[]): string[] {
  return [...new Set(nodes.filter(n => n !== ''))]
}
