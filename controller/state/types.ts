import type { AppSpec } from '../graph/types.ts'

/** An application as the grid holds it. */
export interface AppRecord {
  name: string
  spec: AppSpec
  /** The YAML as submitted. */
  source: string
  /** Log index of the put that made this version; grows with every change. */
  version: number
  /** Log index of the put that first created the app. */
  createdIndex: number
  /** The node the app was first submitted to (informational: the scheduler places instances). */
  homeNode: string
}

/** Where one instance runs. */
export interface PlacementRecord {
  instance: string
  app: string
  node: string
  /** Log index at which the instance was put on this node; bumps whenever it moves. */
  generation: number
  /** The app version the placement was made for. */
  appVersion: number
}

/** What operators said about a node. */
export interface NodeAdmin {
  cordoned: boolean
  draining: boolean
}

/** The grid's authoritative state: what the command log has made of it. */
export interface GridState {
  apps: Map<string, AppRecord>
  /** instance id → placement */
  placements: Map<string, PlacementRecord>
  /** node id → admin state; absent means neither cordoned nor draining */
  nodes: Map<string, NodeAdmin>
  /** Index of the last command applied. */
  appliedIndex: number
}

/** What applying one command did, handed back to whoever proposed it. */
export type ApplyResult =
  | { kind: 'app-put', name: string, version: number, change: 'created' | 'updated' | 'unchanged' }
  | { kind: 'app-deleted', name: string, existed: boolean }
  | { kind: 'app-placed', name: string, applied: boolean, moved: string[] }
  | { kind: 'node-admin', node: string, cordoned: boolean, draining: boolean }

/** Makes an empty state. */
export function emptyState (): GridState {
  return { apps: new Map(), placements: new Map(), nodes: new Map(), appliedIndex: 0 }
}
