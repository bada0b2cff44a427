import { trellis } from '../../proto/gen/trellis.js'
import type { AppSpec } from '../graph/types.ts'
import { BadCommandError, UnsupportedCommandError } from './errors.ts'
import type { PowerPolicy, TokenRole } from './types.ts'

/** Highest command format this code writes and applies. */
export const COMMAND_VERSION = 1

export type Command = trellis.state.Command

/** A command that creates or replaces an app, submitted on `homeNode`. */
export function putApp (spec: AppSpec, source: string, homeNode = '', rollbackOf = 0): Command {
  return trellis.state.Command.create({
    version: COMMAND_VERSION,
    putApp: { name: spec.name, specJson: JSON.stringify(spec), source, homeNode, rollbackOf }
  })
}

/** A command that deletes an app. */
export function deleteApp (name: string): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, deleteApp: { name } })
}

/** A command that places every instance of an app version (all or nothing), with the replica nodes of volumes it creates. */
export function placeApp (app: string, appVersion: number, placements: Array<{ instance: string, node: string }>, reason: string,
  volumes: Array<{ volume: string, members: string[] }> = []): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, placeApp: { app, appVersion, placements, reason, volumes } })
}

/** The changes one UpdateVolume carries; absent lists are empty. */
export interface VolumeChange {
  addMembers?: string[]
  removeMembers?: string[]
  addInSync?: string[]
  removeInSync?: string[]
}

/** A command that changes a volume's members or in-sync set, valid only at `generation`. */
export function updateVolume (volume: string, generation: number, change: VolumeChange, reason: string): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, updateVolume: { volume, generation, ...change, reason } })
}

/** A command that records an operator's cordon or drain of a node, or its parking. */
export function setNodeAdmin (node: string, admin: { cordoned: boolean, draining: boolean, parked?: boolean }, reason = ''): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, setNodeAdmin: { node, cordoned: admin.cordoned, draining: admin.draining, parked: admin.parked === true, reason } })
}

/** A command that sets the grid's power policy, the whole of it (absent thresholds: the planner's defaults). */
export function setPower (policy: PowerPolicy): Command {
  return trellis.state.Command.create({
    version: COMMAND_VERSION,
    setPower: { consolidate: policy.consolidate, lowPercent: policy.lowPercent ?? 0, highPercent: policy.highPercent ?? 0, minActiveNodes: policy.minActiveNodes ?? 0 }
  })
}

export function encodeCommand (command: Command): Uint8Array {
  return trellis.state.Command.encode(command).finish()
}

/** Decodes a command, refusing garbage and versions from the future. */
export function decodeCommand (bytes: Uint8Array): Command {
  let command: Command
  try {
    command = trellis.state.Command.decode(bytes)
  } catch (err) {
    throw new BadCommandError('command cannot be decoded', { cause: err })
  }
  if (command.version > COMMAND_VERSION) throw new UnsupportedCommandError()
  if (command.kind === undefined) throw new BadCommandError('command has no kind')
  return command
}

/** A command that copies a volume's present data into a new one: a snapshot (app '') or a clone's volume. */
export function copyVolume (source: string, target: string, owner: { app: string, component: string, name: string }): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, copyVolume: { source, target, ...owner } })
}

/** What a PutImage records: the image, its blob's descriptor and manifest, and the node that imported it. */
export interface ImageImport {
  name: string
  version: string
  digest: string
  size: number
  chunkSize: number
  chunks: string[]
  manifest: string
  holder: string
}

/** A command that adds an image to the grid's catalog. */
export function putImage (image: ImageImport): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, putImage: image })
}

/** A command that deletes an image (refused while an app pins it). */
export function deleteImage (name: string, version: string): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, deleteImage: { name, version } })
}

/** A command that records that a node holds (or no longer holds) an image's whole blob. */
export function imageHeld (digest: string, node: string, held: boolean): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, imageHeld: { digest, node, held } })
}

/** A command that adds an API token (its hash) every node accepts. */
export function putToken (name: string, hash: string, role: TokenRole): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, putToken: { name, hash, role } })
}

/** A command that revokes an API token. */
export function revokeToken (name: string): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, revokeToken: { name } })
}

/** A command that removes a node from the grid for good: its peer id is refused from then on. */
export function revokeNode (node: string): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, revokeNode: { node } })
}

/** A command that deletes a snapshot. */
export function deleteSnapshot (volume: string): Command {
  return trellis.state.Command.create({ version: COMMAND_VERSION, deleteSnapshot: { volume } })
}
