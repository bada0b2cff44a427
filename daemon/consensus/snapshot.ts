import type { AppRecord, GridState, ImageRecord, NodeAdmin, PlacementRecord, VolumeRecord } from '../../controller/state/index.ts'
import { BadSnapshotError } from './errors.ts'

/** Format of the serialized state; bumped when the layout changes. Versions 1 (apps only), 2 (no volumes) and 3 (no images) are still read. */
const SNAPSHOT_VERSION = 4

interface SnapshotBody {
  version: number
  appliedIndex: number
  apps: AppRecord[]
  placements?: PlacementRecord[]
  nodes?: Array<{ id: string } & NodeAdmin>
  volumes?: VolumeRecord[]
  images?: ImageRecord[]
}

/**
 * Serializes the grid state for a Raft snapshot as UTF-8 JSON. JSON rather
 * than protobuf because GridState holds validated AppSpecs that are JSON
 * already (state.proto carries them as spec_json); apps are sorted so every
 * node makes the same bytes for the same state.
 */
export function serializeState (state: GridState): Uint8Array {
  const byKey = <T>(key: (x: T) => string) => (a: T, b: T): number => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
  const apps = [...state.apps.values()].sort(byKey(a => a.name))
  const placements = [...state.placements.values()].sort(byKey(p => p.instance))
  const nodes = [...state.nodes.entries()].map(([id, admin]) => ({ id, ...admin })).sort(byKey(n => n.id))
  const volumes = [...state.volumes.values()].sort(byKey(v => v.id))
  const images = [...state.images.values()].sort(byKey(i => i.digest))
  const body: SnapshotBody = { version: SNAPSHOT_VERSION, appliedIndex: state.appliedIndex, apps, placements, nodes, volumes, images }
  return new TextEncoder().encode(JSON.stringify(body))
}

/**
 * Replaces `state` in place with the one in `data`, which must be as of
 * `index`. Throws BadSnapshotError (and leaves `state` untouched) when the
 * data cannot be read.
 */
export function restoreState (state: GridState, data: Uint8Array, index: number): void {
  let body: SnapshotBody
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data)) as SnapshotBody
  } catch (err) {
    throw new BadSnapshotError('snapshot data is not JSON', { cause: err })
  }
  if (typeof body !== 'object' || body === null || ![1, 2, 3, SNAPSHOT_VERSION].includes(body.version) || !Array.isArray(body.apps)) {
    throw new BadSnapshotError('snapshot data has an unknown layout')
  }
  if (body.appliedIndex !== index) throw new BadSnapshotError(`snapshot data is as of ${body.appliedIndex}, not ${index}`)
  for (const app of body.apps) {
    if (typeof app?.name !== 'string' || typeof app.version !== 'number') throw new BadSnapshotError('snapshot holds a malformed app')
  }
  state.apps.clear()
  for (const app of body.apps) state.apps.set(app.name, app)
  state.placements.clear()
  for (const p of body.placements ?? []) state.placements.set(p.instance, p)
  state.nodes.clear()
  for (const { id, ...admin } of body.nodes ?? []) state.nodes.set(id, admin)
  state.volumes.clear()
  for (const v of body.volumes ?? []) state.volumes.set(v.id, v)
  state.images.clear()
  for (const i of body.images ?? []) state.images.set(i.digest, i)
  state.appliedIndex = index
}
