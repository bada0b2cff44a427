/**
 * Feasibility: may this node take one more instance of this component at all?
 * Each checker answers with a Reason when it says no, and the first no is the
 * one the explanation counts. Static checkers look at what a node is (its
 * state, power, capabilities, labels) and run once per node per component;
 * dynamic ones look at what it holds and run for every instance.
 */
import { formatConstraint } from '../graph/index.ts'
import type { Constraint } from '../graph/types.ts'
import type { ComponentContext } from './context.ts'
import { because, type Reason } from './explain.ts'
import type { Slot } from './slots.ts'
import type { SchedNode } from './types.ts'

/** One link of the feasibility chain. */
export interface FeasibilityChecker {
  readonly name: string
  /** Whether the checker can say no to this component at all; those that cannot are left out of its pipeline. */
  applies (ctx: ComponentContext): boolean
  /** undefined when the node may take the instance; otherwise why not. */
  feasible (slot: Slot, ctx: ComponentContext): Reason | undefined
}

const SUSPECT = because('are', 'suspect')
const DOWN = because('are', 'down')
const LEFT = because('have', 'left the grid')
const CORDONED = because('are', 'cordoned')
const DRAINING = because('are', 'draining')
const PARKED = because('are', 'parked')

/** Only nodes the failure detector holds up; a suspect one may be gone in a second, so nothing new goes there. */
export const nodeState: FeasibilityChecker = {
  name: 'node-state',
  applies: () => true,
  feasible: ({ node }) => node.state === 'up' ? undefined : node.state === 'down' ? DOWN : node.state === 'left' ? LEFT : SUSPECT
}

/** Operators' word: cordoned and parked nodes take nothing new, draining ones also give up what they hold. */
export const adminState: FeasibilityChecker = {
  name: 'admin-state',
  applies: () => true,
  feasible: ({ node }) => node.draining ? DRAINING : node.parked === true ? PARKED : node.cordoned ? CORDONED : undefined
}

/**
 * A node on a low battery will soon go dark, taking its instances with it. A
 * battery of unknown charge is let through: the power ranker already ranks it
 * below every mains node.
 */
export const power: FeasibilityChecker = {
  name: 'power',
  applies: () => true,
  feasible: ({ node }, ctx) => node.power.source === 'battery' && node.power.chargePercent !== undefined &&
    node.power.chargePercent < ctx.minBatteryPercent
    ? ctx.reasons.battery
    : undefined
}

/** What the image needs of the node (volume-mount, binary:postgres): the first one missing is named. */
export const capabilities: FeasibilityChecker = {
  name: 'capabilities',
  applies: ctx => ctx.requires.length > 0,
  feasible: ({ node }, ctx) => {
    for (const need of ctx.requires) {
      if (!node.capabilities.includes(need)) return because('lack', `capability ${need}`)
    }
    return undefined
  }
}

const NO_REPLICA = because('hold', 'no in-sync replica of its volume')

/**
 * A stateful component runs only where its volume's data is: on a node in
 * the volume's in-sync set. Anywhere else it would start on stale or empty
 * data, which is how a failover loses acknowledged writes.
 */
export const replicaHolder: FeasibilityChecker = {
  name: 'replica-holder',
  applies: ctx => ctx.pinned !== undefined,
  feasible: ({ node }, ctx) => ctx.pinned?.includes(node.id) === true ? undefined : NO_REPLICA
}

/** App-level then component-level placement constraints; the first that fails is named as written. */
export const constraints: FeasibilityChecker = {
  name: 'constraints',
  applies: ctx => ctx.constraints.length > 0,
  feasible: ({ node }, ctx) => {
    for (const c of ctx.constraints) {
      if (!holds(c, node)) return because('fail', `constraint ${formatConstraint(c)}`)
    }
    return undefined
  }
}

/** The value of a constraint attribute on a node: zone, name, id or label.<key>; undefined when it has none. */
export function attributeOf (node: SchedNode, attribute: string): string | undefined {
  if (attribute === 'zone') return node.zone
  if (attribute === 'name') return node.name
  if (attribute === 'id') return node.id
  if (attribute.startsWith('label.')) {
    const key = attribute.slice('label.'.length)
    return Object.hasOwn(node.labels, key) ? node.labels[key] : undefined
  }
  return undefined
}

/** Whether a node meets a constraint. A missing attribute fails ==, in and exists, and meets != and not-in. */
export function holds (c: Constraint, node: SchedNode): boolean {
  const value = attributeOf(node, c.attribute)
  switch (c.operator) {
    case 'exists': return value !== undefined
    case '==': return value !== undefined && value === c.values[0]
    case '!=': return value === undefined || value !== c.values[0]
    case 'in': return value !== undefined && c.values.includes(value)
    case 'not-in': return value === undefined || !c.values.includes(value)
  }
}

/** Instances of an anti-affine component go on distinct nodes, so one node's death takes at most one. */
export const antiAffinity: FeasibilityChecker = {
  name: 'anti-affinity',
  applies: ctx => ctx.component.antiAffinity,
  feasible: (slot, ctx) => (ctx.onSlot[slot.i] as number) > 0 ? ctx.reasons.antiAffinity : undefined
}

/** Room for the instance's cpu next to everything committed and tentatively placed. */
export const cpu: FeasibilityChecker = {
  name: 'cpu',
  applies: () => true,
  feasible: (slot, ctx) => slot.cpuUsed + ctx.demand.cpu > slot.cpuCap ? ctx.reasons.cpu : undefined
}

/** Room for the instance's memory. */
export const memory: FeasibilityChecker = {
  name: 'memory',
  applies: () => true,
  feasible: (slot, ctx) => slot.memUsed + ctx.demand.memory > slot.memCap ? ctx.reasons.memory : undefined
}

/** Room for the instance's disk. */
export const disk: FeasibilityChecker = {
  name: 'disk',
  applies: () => true,
  feasible: (slot, ctx) => slot.diskUsed + ctx.demand.disk > slot.diskCap ? ctx.reasons.disk : undefined
}

/** What a node is: checked once per node per component, in this order; the first no is the reason counted. */
export const STATIC_CHECKERS: readonly FeasibilityChecker[] = [
  nodeState, // first: a dead node needs no other reason, and it is what moves instances off a failed node
  adminState, // next: an operator's cordon or drain outranks anything the node could offer
  power, // before capabilities: a dying battery makes every other fact about the node moot
  capabilities, // before constraints: a missing capability names what to install, the more actionable fix
  replicaHolder, // before constraints: where the data is outranks where the author would like it
  constraints // last of the static ones: the author's own choice, named as written
]

/**
 * What a node holds: checked for every instance, after the static ones, since they change as instances land.
 * Each reads only the node itself and the component's count on it, which is what lets Selection rescore one node per placement.
 */
export const DYNAMIC_CHECKERS: readonly FeasibilityChecker[] = [
  antiAffinity, // first: one array read, and a node holding a sibling is out whatever its room
  cpu, // cpu, memory, disk: the order resource shortfalls are usually fixed in
  memory,
  disk
]

/** The first reason any of `checkers` gives against this node, or undefined when all let it through. */
export function firstReason (slot: Slot, ctx: ComponentContext, checkers: readonly FeasibilityChecker[]): Reason | undefined {
  for (let k = 0; k < checkers.length; k++) {
    const why = (checkers[k] as FeasibilityChecker).feasible(slot, ctx)
    if (why !== undefined) return why
  }
  return undefined
}
