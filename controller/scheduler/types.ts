/**
 * What the scheduler takes and gives. It is a pure function of a
 * ScheduleRequest: the caller (the reconciler on the Raft leader) gathers the
 * app, the images, the nodes with what is already committed on them, and the
 * app's present placements; the scheduler reads nothing else.
 */
import type { AppSpec } from '../graph/types.ts'

/** A node's membership as the failure detector sees it; only `up` nodes take instances. */
export type NodeState = 'up' | 'suspect' | 'down' | 'left'

/** Where a node's power comes from (the same words as the node advert). */
export type PowerSource = 'mains' | 'battery' | 'unknown'

/** Resource figures: cpu in cores, memory and disk in bytes. */
export interface Amounts {
  cpu: number
  memory: number
  disk: number
}

/** A node as the scheduler sees it: its advert, its membership and its admin state, merged. */
export interface SchedNode {
  id: string
  name: string
  zone: string
  labels: Record<string, string>
  state: NodeState
  cordoned: boolean
  draining: boolean
  /** Parked to save power: takes nothing new (docs/field.md, Power); absent means not parked. */
  parked?: boolean
  /** chargePercent 0..100; absent when unknown. */
  power: { source: PowerSource, chargePercent?: number }
  /** e.g. `volume-mount`, `binary:postgres`. */
  capabilities: readonly string[]
  /** What instances may use in all (the advert's allocatable). */
  capacity: Amounts
  /** What committed placements hold, this app's present instances included (see ScheduleRequest.existing). */
  used: Amounts
}

/** What the scheduler needs of an image: the node capabilities it requires, and where its blob already is. */
export interface ImageRequirements {
  requires: readonly string[]
  /** Node ids holding the image's whole blob; absent for images every node has (a local folder). */
  holders?: readonly string[]
  /** Bytes a node without the blob must fetch before it can start an instance. */
  size?: number
}

/** Finds an image by reference (name, name@version or digest); a Catalog or a Map of manifests both fit. */
export interface ImageLookup {
  get (ref: string): ImageRequirements | undefined
}

/** How instances are spread over nodes. */
export type Strategy = 'binpack' | 'spread'

/** Knobs of one scheduling run. */
export interface ScheduleOptions {
  /** binpack (default) fills nodes so empty ones can be powered down; spread prefers empty nodes and distinct zones. */
  strategy?: Strategy
  /** A node on battery below this charge (percent) takes no instances; default 20. */
  minBatteryPercent?: number
  /** Seeds the node shuffle; the same seed and input give the same placements. Default 0. */
  seed?: number | string
}

/** Everything one scheduling run reads. */
export interface ScheduleRequest {
  app: AppSpec
  images: ImageLookup
  nodes: readonly SchedNode[]
  /**
   * The app's present placements, instance id (`<app>.<component>.<index>`) → node id.
   * Their resources are counted in `used` at the component's present size; the
   * scheduler gives them back first and keeps each instance where it still fits.
   */
  existing?: Readonly<Record<string, string>>
  /**
   * Component name → the only nodes its instances may run on: for a component
   * whose volumes exist already, the nodes holding an in-sync replica of them.
   */
  pinned?: Readonly<Record<string, readonly string[]>>
  options?: ScheduleOptions
}

/** One instance on one node. */
export interface Placement {
  instance: string
  component: string
  node: string
}

/**
 * The whole app placed, or nothing: per failed component, one line such as
 * `db: 0 of 5 nodes feasible: 3 lack 4 GiB free memory, 2 lack capability volume-mount`.
 */
export type ScheduleResult =
  | { ok: true, placements: Placement[] }
  | { ok: false, explanations: Record<string, string> }
