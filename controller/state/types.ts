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
  /** 1 for the first version, +1 for every change (absent in records from before revisions: 1). */
  revision?: number
  /** The app's latest revisions, oldest first, the present one last; at most APP_HISTORY. */
  history?: AppRevision[]
}

/** One version of an app as it was applied, kept so it can be compared with and rolled back to. */
export interface AppRevision {
  revision: number
  /** Log index of the put (the app's version number then). */
  version: number
  spec: AppSpec
  source: string
  /** The revision it restored, for a rollback. */
  rollbackOf?: number
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

/**
 * A replicated block volume as the grid holds it. The in-sync set and the
 * generation are what make failover safe: the instance attaches only on an
 * in-sync member, every attach bumps the generation, and a replica refuses
 * writes from an older one.
 */
export interface VolumeRecord {
  /** `<app>.<component>.<volume>`. */
  id: string
  app: string
  component: string
  /** The volume's name in the component. */
  name: string
  sizeBytes: number
  /** Replicas wanted (the app's `replicas`). */
  replicas: number
  /** Nodes holding a replica, in sync or catching up. */
  members: string[]
  /** Members holding every acknowledged write; never empty. */
  inSync: string[]
  /** Log index of the latest attach (or of creation). */
  generation: number
  /** The node attached now, the writer; '' when none. */
  primary: string
  /** Log index of the command that created it. */
  createdIndex: number
  /** The volume it was copied from, for snapshots and clones. */
  copiedFrom?: string
  /** A snapshot: read-only, owned by no app, never attached. */
  snapshot?: boolean
}

/** What operators (or the grid's power policy) said about a node. */
export interface NodeAdmin {
  cordoned: boolean
  draining: boolean
  /** Kept empty to be powered off (implies cordoned; with draining, being emptied to park). Absent in records from before power: not parked. */
  parked?: boolean
}

/** A node's admin state as the state holds it: neither cordoned, draining nor parked unless someone said so. */
export function adminOf (state: GridState, node: string): Required<NodeAdmin> {
  const a = state.nodes.get(node)
  return { cordoned: a?.cordoned ?? false, draining: a?.draining ?? false, parked: a?.parked ?? false }
}

/** The grid's power policy; absent in states from before power: consolidation off. */
export interface PowerPolicy {
  /** Empty and park nodes when load is low (docs/field.md, Power). */
  consolidate: boolean
  /** The planner's thresholds, when an operator set them; absent means its defaults. */
  lowPercent?: number
  highPercent?: number
  minActiveNodes?: number
}

/** An image in the grid's catalog: what it is, how to check its blob, and who holds it. */
export interface ImageRecord {
  name: string
  version: string
  /** "sha256:" + hex sha256 of the whole canonical tar. */
  digest: string
  /** Bytes of the canonical tar. */
  size: number
  /** Bytes per chunk. */
  chunkSize: number
  /** Hex sha256 of each chunk, in order. */
  chunks: string[]
  /** manifest.yaml as imported. */
  manifest: string
  /** Log index of the import. */
  importedIndex: number
  /** Nodes holding the whole blob, checked; sorted. */
  holders: string[]
}

/** What a token may do: everything, or only read (GET routes and validate). */
export type TokenRole = 'admin' | 'read-only'

/** An API token of the grid. The secret itself is kept nowhere. */
export interface TokenRecord {
  name: string
  /** Hex sha256 of the secret. */
  hash: string
  role: TokenRole
  /** Log index of its creation. */
  createdIndex: number
}

/** The grid's authoritative state: what the command log has made of it. */
export interface GridState {
  apps: Map<string, AppRecord>
  /** instance id → placement */
  placements: Map<string, PlacementRecord>
  /** node id → admin state; absent means neither cordoned nor draining */
  nodes: Map<string, NodeAdmin>
  /** volume id → record */
  volumes: Map<string, VolumeRecord>
  /** image digest → record */
  images: Map<string, ImageRecord>
  /** token name → record */
  tokens: Map<string, TokenRecord>
  /** The power policy; absent means consolidation off. */
  power?: PowerPolicy
  /** node id → log index of its removal: nodes refused on every connection for good */
  revoked: Map<string, number>
  /** Index of the last command applied. */
  appliedIndex: number
}

/** What applying one command did, handed back to whoever proposed it. */
export type ApplyResult =
  | { kind: 'app-put', name: string, version: number, revision?: number, change: 'created' | 'updated' | 'unchanged' | 'refused', why?: string }
  | { kind: 'app-deleted', name: string, existed: boolean }
  | { kind: 'app-placed', name: string, applied: boolean, moved: string[], why?: string }
  | { kind: 'volume-updated', volume: string, applied: boolean, why?: string }
  | { kind: 'volume-copied', volume: string, applied: boolean, why?: string }
  | { kind: 'snapshot-deleted', volume: string, existed: boolean }
  | { kind: 'node-admin', node: string, cordoned: boolean, draining: boolean, parked?: boolean, reason?: string }
  | { kind: 'power-set', consolidate: boolean, policy: PowerPolicy }
  | { kind: 'image-put', name: string, version: string, digest: string, change: 'created' | 'unchanged' | 'refused', why?: string }
  | { kind: 'image-deleted', name: string, version: string, existed: boolean, usedBy: string[] }
  | { kind: 'image-held', digest: string, node: string, applied: boolean }
  | { kind: 'token-put', name: string, created: boolean }
  | { kind: 'token-revoked', name: string, existed: boolean }
  | { kind: 'node-revoked', node: string, existed: boolean }

/** Makes an empty state. */
export function emptyState (): GridState {
  return { apps: new Map(), placements: new Map(), nodes: new Map(), volumes: new Map(), images: new Map(), tokens: new Map(), revoked: new Map(), appliedIndex: 0 }
}
