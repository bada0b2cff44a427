import type { AppSpec } from '../graph/types.ts'
import type { Command } from './commands.ts'
import { BadCommandError } from './errors.ts'
import type { ApplyResult, AppRevision, GridState, PowerPolicy } from './types.ts'

/** Revisions an app keeps for history and rollback: enough to walk back through a bad afternoon. */
export const APP_HISTORY = 10
import { applyDeleteImage, applyImageHeld, applyPutImage, missingPin } from './images.ts'
import { applyPutToken } from './tokens.ts'
import { applyCopyVolume, applyUpdateVolume, attachVolumes, deleteVolumesOf, unsafeAttach } from './volumes.ts'

/**
 * Applies one committed command to the state, in place. Deterministic: the
 * same commands at the same indexes give the same state on every node, so it
 * reads nothing but its arguments (no clock, no randomness, no I/O). A record
 * is never changed where it lies: a change puts a new one in its map, so the
 * records taken for a snapshot stay as of its index while later commands
 * apply (daemon/consensus/snapshot.ts).
 */
export function apply (state: GridState, index: number, command: Command): ApplyResult {
  if (index !== state.appliedIndex + 1) {
    throw new BadCommandError(`command at index ${index} applied after ${state.appliedIndex}`)
  }
  state.appliedIndex = index
  switch (command.kind) {
    case 'putApp': return applyPutApp(state, index, command)
    case 'deleteApp': return applyDeleteApp(state, command)
    case 'placeApp': return applyPlaceApp(state, index, command)
    case 'setNodeAdmin': return applySetNodeAdmin(state, command)
    case 'setPower': {
      const p = command.setPower
      const consolidate = p?.consolidate === true
      // Zero is "the default": only thresholds an operator set are kept.
      const low = p?.lowPercent ?? 0
      const high = p?.highPercent ?? 0
      const min = p?.minActiveNodes ?? 0
      const policy: PowerPolicy = {
        consolidate,
        ...(low > 0 ? { lowPercent: low } : {}),
        ...(high > 0 ? { highPercent: high } : {}),
        ...(min > 0 ? { minActiveNodes: min } : {})
      }
      state.power = policy
      return { kind: 'power-set', consolidate, policy: { ...policy } }
    }
    case 'updateVolume': return applyUpdateVolume(state, command)
    case 'copyVolume': return applyCopyVolume(state, index, command)
    case 'deleteSnapshot': {
      const volume = command.deleteSnapshot?.volume ?? ''
      const existed = state.volumes.get(volume)?.snapshot === true
      if (existed) state.volumes.delete(volume)
      return { kind: 'snapshot-deleted', volume, existed }
    }
    case 'putImage': return applyPutImage(state, index, command)
    case 'deleteImage': return applyDeleteImage(state, command)
    case 'imageHeld': return applyImageHeld(state, command)
    case 'putToken': return applyPutToken(state, index, command)
    case 'revokeToken': {
      const name = command.revokeToken?.name ?? ''
      return { kind: 'token-revoked', name, existed: state.tokens.delete(name) }
    }
    case 'revokeNode': {
      const node = command.revokeNode?.node ?? ''
      if (node === '') throw new BadCommandError('revokeNode without node')
      const existed = state.revoked.has(node)
      if (!existed) state.revoked.set(node, index)
      return { kind: 'node-revoked', node, existed }
    }
    default: throw new BadCommandError(`unknown command kind ${String(command.kind)}`)
  }
}

function applyPutApp (state: GridState, index: number, command: Command): ApplyResult {
  const name = command.putApp?.name ?? ''
  const specJson = command.putApp?.specJson ?? ''
  const source = command.putApp?.source ?? ''
  const submittedOn = command.putApp?.homeNode ?? ''
  if (name === '' || specJson === '') throw new BadCommandError('putApp without name or spec')
  const spec = JSON.parse(specJson) as AppSpec
  // Its images may have been deleted since it was validated.
  const missing = missingPin(state, spec)
  if (missing !== undefined) return { kind: 'app-put', name, version: state.apps.get(name)?.version ?? 0, change: 'refused', why: missing }
  const previous = state.apps.get(name)
  // An app stays on the node it was created on, wherever later versions are submitted.
  const homeNode = previous?.homeNode ?? submittedOn
  if (previous !== undefined && specJson === JSON.stringify(previous.spec)) {
    // Re-applying the same graph must not restart anything: keep the version.
    state.apps.set(name, { ...previous, source })
    return { kind: 'app-put', name, version: previous.version, revision: previous.revision ?? 1, change: 'unchanged' }
  }
  const revision = (previous?.revision ?? (previous === undefined ? 0 : 1)) + 1
  const rollbackOf = command.putApp?.rollbackOf ?? 0
  const entry: AppRevision = { revision, version: index, spec, source, ...(rollbackOf > 0 ? { rollbackOf } : {}) }
  const history = [...(previous?.history ?? []), entry].slice(-APP_HISTORY)
  state.apps.set(name, { name, spec, source, version: index, createdIndex: previous?.createdIndex ?? index, homeNode, revision, history })
  return { kind: 'app-put', name, version: index, revision, change: previous === undefined ? 'created' : 'updated' }
}

function applyDeleteApp (state: GridState, command: Command): ApplyResult {
  const name = command.deleteApp?.name ?? ''
  const existed = state.apps.delete(name)
  for (const [id, p] of state.placements) if (p.app === name) state.placements.delete(id)
  deleteVolumesOf(state, name)
  return { kind: 'app-deleted', name, existed }
}

function applyPlaceApp (state: GridState, index: number, command: Command): ApplyResult {
  const name = command.placeApp?.app ?? ''
  const appVersion = Number(command.placeApp?.appVersion ?? 0)
  const app = state.apps.get(name)
  // A plan made for a version that has since changed (or an app since deleted) is stale.
  if (app === undefined || app.version !== appVersion) return { kind: 'app-placed', name, applied: false, moved: [] }
  const moved: string[] = []
  const next = new Map<string, string>()
  for (const p of command.placeApp?.placements ?? []) next.set(p.instance ?? '', p.node ?? '')
  const unsafe = unsafeAttach(state, app.spec, next)
  if (unsafe !== undefined) return { kind: 'app-placed', name, applied: false, moved: [], why: unsafe }
  for (const [id, p] of state.placements) if (p.app === name && !next.has(id)) state.placements.delete(id)
  for (const [instance, node] of next) {
    if (instance === '' || node === '') continue
    const previous = state.placements.get(instance)
    // The generation fences a stateful instance: it changes exactly when the instance moves.
    const generation = previous?.node === node ? previous.generation : index
    if (previous !== undefined && previous.node !== node) moved.push(instance)
    state.placements.set(instance, { instance, app: name, node, generation, appVersion })
  }
  attachVolumes(state, index, app.spec, next, command)
  return { kind: 'app-placed', name, applied: true, moved }
}

function applySetNodeAdmin (state: GridState, command: Command): ApplyResult {
  const node = command.setNodeAdmin?.node ?? ''
  if (node === '') throw new BadCommandError('setNodeAdmin without node')
  const parked = command.setNodeAdmin?.parked === true
  // A parked node takes nothing new, whoever parked it.
  const cordoned = command.setNodeAdmin?.cordoned === true || parked
  const draining = command.setNodeAdmin?.draining === true
  if (!cordoned && !draining) state.nodes.delete(node)
  // parked is written only when set, so records (and snapshots) of grids that never park are as before.
  else state.nodes.set(node, { cordoned, draining, ...(parked ? { parked } : {}) })
  const reason = command.setNodeAdmin?.reason ?? ''
  return { kind: 'node-admin', node, cordoned, draining, parked, ...(reason !== '' ? { reason } : {}) }
}
