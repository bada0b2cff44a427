/**
 * The grid simulator's vocabulary: a scenario (nodes, apps, timed failures)
 * as plain data that JSON can hold, and what a run reports.
 */
import type { PowerOptions } from '../../../controller/reconciler/index.ts'
import type { Placement, ScheduleRequest, ScheduleResult, Strategy } from '../../../controller/scheduler/types.ts'

/** A batch of identical nodes in one zone. Ids are `<prefix><n>`, numbered across the whole scenario. */
export interface NodeGroup {
  count: number
  zone: string
  /** cores */
  cpu: number
  memoryGiB: number
  diskGiB: number
  /** e.g. `volume-mount` */
  capabilities?: string[]
  labels?: Record<string, string>
  /** Mains by default. A battery starts at chargePercent (default 100). */
  power?: { source: 'mains' | 'battery', chargePercent?: number }
}

/** One component of an app template. */
export interface ComponentTemplate {
  name: string
  /** An image name from Scenario.images (its `requires` are what the scheduler checks). */
  image: string
  count: number
  /** cores */
  cpu: number
  memoryMiB: number
  diskGiB?: number
  antiAffinity?: boolean
  /** A volume of this size (GiB), so the image must require volume-mount and the instance is fenced when cut off. */
  volumeGiB?: number
  /** How the instance behaves under the sim driver; default ['sim', 'run']. */
  command?: string[]
}

/** An app; `copies` makes `<name>-0` … `<name>-<copies-1>`. */
export interface AppTemplate {
  name: string
  copies?: number
  components: ComponentTemplate[]
}

/**
 * Which node an event hits: a node id, `random` (a live node, chosen by
 * the seeded rng), `random@<zone>`, or `random-busy` (a live node holding placements).
 */
export type NodeSelector = string

/** A failure or an operator's act at a simulated time (ms from the start). */
export type SimEvent =
  | { at: number, kind: 'kill-node', node: NodeSelector, reviveAfterMs?: number }
  | { at: number, kind: 'kill-zone', zone: string, reviveAfterMs?: number }
  | { at: number, kind: 'partition', zone?: string, node?: NodeSelector, durationMs: number }
  | { at: number, kind: 'battery-drain', zone: string, percentPerMinute: number }
  | { at: number, kind: 'restart-daemon', node: NodeSelector, downMs: number }
  | { at: number, kind: 'cordon' | 'uncordon' | 'drain', node: NodeSelector }
  /** Sets an app component's count (an operator's apply), to raise or lower the load. */
  | { at: number, kind: 'scale', app: string, component: string, count: number }

/** A whole simulated situation. */
export interface Scenario {
  name: string
  description: string
  nodes: NodeGroup[]
  apps: AppTemplate[]
  /** image name → node capabilities it requires. */
  images: Record<string, string[]>
  events: SimEvent[]
  /** Simulated run length, ms; leave room after the last event for the grid to converge. */
  durationMs: number
  /** Failure detector preset; default lan. */
  detector?: 'lan' | 'field'
  strategy?: Strategy
  /** When true, an app left unschedulable at the end is a violation (the scenario has room for everything). */
  expectAllPlaced?: boolean
  /** Node ids start with this; default `node-`. */
  nodePrefix?: string
  /** The power policy: consolidation on, and the planner's thresholds; a parked node powers itself off and wakes on Wake-on-LAN. */
  power?: { consolidate: boolean } & PowerOptions
}

/** Knobs of one run. */
export interface SimOptions {
  scenario: Scenario
  seed: number
  /** Replaces the real scheduler, e.g. with a deliberately broken stub in a test. */
  schedule?: (request: ScheduleRequest) => ScheduleResult
  /** Stop at the first invariant violation (sweeps); default false. */
  failFast?: boolean
  /** Check invariants every this many ticks (1 = every tick, the default); a benchmark may thin them. */
  checkEvery?: number
}

/** One line of the timeline. */
export interface TimelineEntry {
  at: number
  kind: string
  detail: string
}

/** Percentiles of a set of durations, ms. */
export interface Distribution {
  n: number
  p50: number
  p99: number
  max: number
}

/** What a run reports. */
export interface SimResult {
  scenario: string
  seed: number
  durationMs: number
  nodes: number
  instances: number
  timeline: TimelineEntry[]
  /** Fingerprint of the timeline: same seed, same hash. */
  hash: string
  violations: string[]
  /** kill → the failure detector's node-down verdict. */
  detection: Distribution
  /** kill → every instance the node held serving again somewhere. */
  recovery: Distribution
  /** Instances moved by the reconciler over the run. */
  moved: number
  /** Nodes holding at least one placement at the end, and the most at any time. */
  nodesUsed: number
  peakNodesUsed: number
  /** Apps left unschedulable at the end, with the scheduler's explanation. */
  unschedulable: Record<string, string>
  /** Commands applied to the state machine. */
  commands: number
  /** The command that replays this run. */
  rerun: string
}

export type { Placement }
