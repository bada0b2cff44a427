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
  /** The node the app was submitted to; its instances run there until the scheduler places them. */
  homeNode: string
}

/** The grid's authoritative state: what the command log has made of it. */
export interface GridState {
  apps: Map<string, AppRecord>
  /** Index of the last command applied. */
  appliedIndex: number
}

/** What applying one command did, handed back to whoever proposed it. */
export type ApplyResult =
  | { kind: 'app-put', name: string, version: number, change: 'created' | 'updated' | 'unchanged' }
  | { kind: 'app-deleted', name: string, existed: boolean }

/** Makes an empty state. */
export function emptyState (): GridState {
  return { apps: new Map(), appliedIndex: 0 }
}
