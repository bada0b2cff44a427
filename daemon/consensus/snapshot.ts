import type { AppRecord, GridState } from '../../controller/state/index.ts'
import { BadSnapshotError } from './errors.ts'

/** Format of the serialized state; bumped when the layout changes. */
const SNAPSHOT_VERSION = 1

interface SnapshotBody {
  version: number
  appliedIndex: number
  apps: AppRecord[]
}

/**
 * Serializes the grid state for a Raft snapshot as UTF-8 JSON. JSON rather
 * than protobuf because GridState holds validated AppSpecs that are JSON
 * already (state.proto carries them as spec_json); apps are sorted so every
 * node makes the same bytes for the same state.
 */
export function serializeState (state: GridState): Uint8Array {
  const apps = [...state.apps.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  const body: SnapshotBody = { version: SNAPSHOT_VERSION, appliedIndex: state.appliedIndex, apps }
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
  if (typeof body !== 'object' || body === null || body.version !== SNAPSHOT_VERSION || !Array.isArray(body.apps)) {
    throw new BadSnapshotError('snapshot data has an unknown layout')
  }
  if (body.appliedIndex !== index) throw new BadSnapshotError(`snapshot data is as of ${body.appliedIndex}, not ${index}`)
  for (const app of body.apps) {
    if (typeof app?.name !== 'string' || typeof app.version !== 'number') throw new BadSnapshotError('snapshot holds a malformed app')
  }
  state.apps.clear()
  for (const app of body.apps) state.apps.set(app.name, app)
  state.appliedIndex = index
}
