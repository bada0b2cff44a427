import type { AppRecord, GridState, ImageRecord, NodeAdmin, PlacementRecord, PowerPolicy, TokenRecord, VolumeRecord } from '../../controller/state/index.ts'
import { BadSnapshotError } from './errors.ts'

/** Format of the serialized state; bumped when the layout changes. Versions 1 (apps only), 2 (no volumes), 3 (no images), 4 (no tokens) and 5 (no revoked nodes) are still read. */
const SNAPSHOT_VERSION = 6

interface SnapshotBody {
  version: number
  appliedIndex: number
  apps: AppRecord[]
  placements?: PlacementRecord[]
  nodes?: Array<{ id: string } & NodeAdmin>
  volumes?: VolumeRecord[]
  images?: ImageRecord[]
  tokens?: TokenRecord[]
  /** The power policy, when one was ever set: zero or one record (absent before power). */
  power?: PowerPolicy[]
  revoked?: Array<{ id: string, index: number }>
}

/**
 * The state's records as of one applied index, in snapshot order: what a
 * snapshot of that index holds, however the state changes afterwards. Taking
 * one is cheap (the keys sorted, the records referenced, nothing copied): the
 * state machine never changes a record where it lies but puts a new one in
 * its map (controller/state/fsm.ts, tests/controller/state/records-unchanged.test.ts),
 * so a record once taken stays as it was.
 */
export interface CapturedState {
  appliedIndex: number
  /** Each array's JSON head and its records, so that heads + records joined by commas + TAIL is the body. */
  parts: Array<{ head: string, records: unknown[] }>
}

/** Takes the state's records as of now (see CapturedState). */
export function captureState (state: GridState): CapturedState {
  return {
    appliedIndex: state.appliedIndex,
    parts: snapshotParts(state).map(p => ({ head: p.head, records: p.keys.map(p.record) }))
  }
}

/**
 * Serializes the grid state for a Raft snapshot as UTF-8 JSON. JSON rather
 * than protobuf because GridState holds validated AppSpecs that are JSON
 * already (state.proto carries them as spec_json); records are sorted so
 * every node makes the same bytes for the same state.
 */
export function serializeState (state: GridState): Uint8Array {
  const out: string[] = []
  for (const p of captureState(state).parts) {
    out.push(p.head)
    for (let i = 0; i < p.records.length; i++) out.push((i === 0 ? '' : ',') + JSON.stringify(p.records[i]))
  }
  out.push(TAIL)
  return new TextEncoder().encode(out.join(''))
}

/**
 * serializeState of a captured state in slices: it gives the event loop back
 * (`pause`) whenever `sliceMs` of work has passed, so a large state does not
 * stall the node, and the state goes on changing meanwhile; the bytes are
 * those serializeState made of the state when it was captured.
 */
export async function serializeStateSliced (captured: CapturedState, sliceMs: number, pause: () => Promise<void>): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let out: string[] = []
  let since = performance.now()
  for (const p of captured.parts) {
    out.push(p.head)
    for (let i = 0; i < p.records.length; i++) {
      out.push((i === 0 ? '' : ',') + JSON.stringify(p.records[i]))
      if ((i & 31) === 31 && performance.now() - since >= sliceMs) {
        // Encoded slice by slice, so the end is one copy rather than a join and an encode of the whole.
        chunks.push(Buffer.from(out.join(''), 'utf8'))
        out = []
        await pause()
        since = performance.now()
      }
    }
  }
  out.push(TAIL)
  chunks.push(Buffer.from(out.join(''), 'utf8'))
  const all = Buffer.concat(chunks)
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength)
}

const TAIL = ']}'

/**
 * The body's arrays as sorted keys and a lookup, each after the JSON text
 * that precedes it, so that heads + records joined by commas + TAIL is
 * exactly JSON.stringify(SnapshotBody) with its keys in this order. Every map
 * is keyed by the field it is sorted on, so sorting the keys (the default
 * sort compares UTF-16 code units, as `<` does) is enough, and cheap. The
 * records built here (nodes', revoked nodes') are new objects of values that
 * never change, so they too stay as of the capture.
 */
function snapshotParts (state: GridState): Array<{ head: string, keys: string[], record: (key: string) => unknown }> {
  return [
    { head: `{"version":${SNAPSHOT_VERSION},"appliedIndex":${JSON.stringify(state.appliedIndex)},"apps":[`, keys: [...state.apps.keys()].sort(), record: k => state.apps.get(k) },
    { head: '],"placements":[', keys: [...state.placements.keys()].sort(), record: k => state.placements.get(k) },
    { head: '],"nodes":[', keys: [...state.nodes.keys()].sort(), record: k => ({ id: k, ...state.nodes.get(k) }) },
    { head: '],"volumes":[', keys: [...state.volumes.keys()].sort(), record: k => state.volumes.get(k) },
    { head: '],"images":[', keys: [...state.images.keys()].sort(), record: k => state.images.get(k) },
    { head: '],"tokens":[', keys: [...state.tokens.keys()].sort(), record: k => state.tokens.get(k) },
    // Zero or one record, so the layout stays arrays only and older snapshots (without it) read as before.
    { head: '],"power":[', keys: state.power === undefined ? [] : ['power'], record: () => state.power },
    { head: '],"revoked":[', keys: [...state.revoked.keys()].sort(), record: k => ({ id: k, index: state.revoked.get(k) }) }
  ]
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
  if (typeof body !== 'object' || body === null || ![1, 2, 3, 4, 5, SNAPSHOT_VERSION].includes(body.version) || !Array.isArray(body.apps)) {
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
  state.tokens.clear()
  for (const t of body.tokens ?? []) state.tokens.set(t.name, t)
  const power = body.power?.[0]
  if (power !== undefined) {
    state.power = { consolidate: power.consolidate === true }
    for (const key of ['lowPercent', 'highPercent', 'minActiveNodes'] as const) {
      if (typeof power[key] === 'number') state.power[key] = power[key]
    }
  } else delete state.power
  state.revoked.clear()
  for (const r of body.revoked ?? []) state.revoked.set(r.id, r.index)
  state.appliedIndex = index
}
