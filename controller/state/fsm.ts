import type { AppSpec } from '../graph/types.ts'
import type { Command } from './commands.ts'
import { BadCommandError } from './errors.ts'
import type { ApplyResult, GridState } from './types.ts'

/**
 * Applies one committed command to the state, in place. Deterministic: the
 * same commands at the same indexes give the same state on every node, so it
 * reads nothing but its arguments (no clock, no randomness, no I/O).
 */
export function apply (state: GridState, index: number, command: Command): ApplyResult {
  if (index !== state.appliedIndex + 1) {
    throw new BadCommandError(`command at index ${index} applied after ${state.appliedIndex}`)
  }
  state.appliedIndex = index
  switch (command.kind) {
    case 'putApp': return applyPutApp(state, index, command)
    case 'deleteApp': return applyDeleteApp(state, command)
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
  const previous = state.apps.get(name)
  // An app stays on the node it was created on, wherever later versions are submitted.
  const homeNode = previous?.homeNode ?? submittedOn
  if (previous !== undefined && specJson === JSON.stringify(previous.spec)) {
    // Re-applying the same graph must not restart anything: keep the version.
    previous.source = source
    return { kind: 'app-put', name, version: previous.version, change: 'unchanged' }
  }
  state.apps.set(name, { name, spec, source, version: index, createdIndex: previous?.createdIndex ?? index, homeNode })
  return { kind: 'app-put', name, version: index, change: previous === undefined ? 'created' : 'updated' }
}

function applyDeleteApp (state: GridState, command: Command): ApplyResult {
  const name = command.deleteApp?.name ?? ''
  const existed = state.apps.delete(name)
  return { kind: 'app-deleted', name, existed }
}
