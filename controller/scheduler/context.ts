/**
 * What the checkers and rankers know about the component being placed: its
 * demand, its constraints, the run's options, and where its instances already
 * are. One per component per run.
 */
import { formatBytes, formatCpu } from '../graph/index.ts'
import type { AppSpec, ComponentSpec, Constraint } from '../graph/types.ts'
import { because, type Reason } from './explain.ts'
import { demandOf, type Demand } from './slots.ts'
import type { ImageRequirements, Strategy } from './types.ts'

/** Reasons that depend on the component's figures, worded once per component. */
export interface DemandReasons {
  cpu: Reason
  memory: Reason
  disk: Reason
  battery: Reason
  antiAffinity: Reason
}

/** The component being placed, as the pipeline sees it. */
export interface ComponentContext {
  readonly app: AppSpec
  readonly component: ComponentSpec
  readonly requires: readonly string[]
  /** The app's constraints, then the component's: all must hold. */
  readonly constraints: readonly Constraint[]
  readonly demand: Demand
  readonly strategy: Strategy
  readonly minBatteryPercent: number
  readonly reasons: DemandReasons
  /** Instances of this component on each slot (by Slot.i), kept and placed so far. */
  readonly onSlot: Int32Array
  /** Instances of this component in each zone. */
  readonly inZone: Map<string, number>
  /** Instances of this component kept or placed so far. */
  placed: number
  /** The only nodes it may run on (those holding an in-sync replica of its volume); undefined: any. */
  readonly pinned?: readonly string[]
  /** Nodes already holding the image's blob, and what fetching it costs elsewhere; undefined: every node has it. */
  readonly image?: { holders: ReadonlySet<string>, size: number }
}

/** Builds the context of one component for a run over `slots` nodes. */
export function contextOf (app: AppSpec, component: ComponentSpec, image: ImageRequirements, slots: number,
  options: { strategy: Strategy, minBatteryPercent: number, pinned?: readonly string[] }): ComponentContext {
  const demand = demandOf(component.resources)
  return {
    app,
    component,
    requires: image.requires,
    constraints: app.constraints.length === 0 ? component.constraints : [...app.constraints, ...component.constraints],
    demand,
    strategy: options.strategy,
    minBatteryPercent: options.minBatteryPercent,
    reasons: {
      cpu: because('lack', `${formatCpu(demand.cpu / 1000)} of free cpu`),
      memory: because('lack', `${formatBytes(demand.memory)} free memory`),
      disk: because('lack', `${formatBytes(demand.disk)} free disk`),
      battery: because('are', `on battery below ${options.minBatteryPercent}%`),
      antiAffinity: because('hold', `another ${component.name} instance (anti-affinity)`)
    },
    onSlot: new Int32Array(slots),
    inZone: new Map(),
    placed: 0,
    ...(options.pinned === undefined ? {} : { pinned: options.pinned }),
    ...(image.holders === undefined ? {} : { image: { holders: new Set(image.holders), size: image.size ?? 0 } })
  }
}
