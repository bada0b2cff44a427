/**
 * The scheduler's working view of the nodes during one run: each node's
 * capacity and use as plain numbers (cpu in whole millicores, so sums stay
 * exact), with the instances placed so far reserved tentatively. Nothing here
 * outlives the run; the request's nodes are never written.
 */
import { InvalidScheduleRequestError } from './errors.ts'
import type { Amounts, SchedNode } from './types.ts'

/** What one instance asks for: cpu in millicores, memory and disk in bytes. */
export interface Demand {
  cpu: number
  memory: number
  disk: number
}

/** One node in the run, with its tentative use. */
export interface Slot {
  /** Position in the run's node list (sorted by id); indexes per-component tallies. */
  readonly i: number
  readonly node: SchedNode
  readonly cpuCap: number
  readonly memCap: number
  readonly diskCap: number
  cpuUsed: number
  memUsed: number
  diskUsed: number
}

/** Cores to whole millicores; figures finer than a millicore are refused by the graph validator already. */
export function millicores (cores: number): number {
  return Math.round(cores * 1000)
}

/** What one instance of a component with these resources asks for. */
export function demandOf (r: Amounts): Demand {
  return { cpu: millicores(r.cpu), memory: r.memory, disk: r.disk }
}

/**
 * The run's slots, sorted by node id so the caller's order never changes a
 * decision. Callers that keep nodes sorted skip the sort (the common case).
 */
export function slotsOf (nodes: readonly SchedNode[]): Slot[] {
  let sorted = true
  for (let k = 1; k < nodes.length; k++) {
    const a = (nodes[k - 1] as SchedNode).id
    const b = (nodes[k] as SchedNode).id
    if (a === b) throw new InvalidScheduleRequestError(`node ${a} is listed twice`)
    if (a > b) { sorted = false; break }
  }
  const ordered = sorted ? nodes : [...nodes].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const slots: Slot[] = new Array(ordered.length)
  for (let k = 0; k < ordered.length; k++) {
    const node = ordered[k] as SchedNode
    if (!sorted && k > 0 && (ordered[k - 1] as SchedNode).id === node.id) throw new InvalidScheduleRequestError(`node ${node.id} is listed twice`)
    slots[k] = {
      i: k,
      node,
      cpuCap: millicores(node.capacity.cpu),
      memCap: node.capacity.memory,
      diskCap: node.capacity.disk,
      cpuUsed: millicores(node.used.cpu),
      memUsed: node.used.memory,
      diskUsed: node.used.disk
    }
  }
  return slots
}

/** Holds an instance's resources on a slot for the rest of the run. */
export function reserve (slot: Slot, d: Demand): void {
  slot.cpuUsed += d.cpu
  slot.memUsed += d.memory
  slot.diskUsed += d.disk
}

/** Gives back an instance's resources; never below zero, since `used` may have been counted differently. */
export function release (slot: Slot, d: Demand): void {
  slot.cpuUsed = Math.max(0, slot.cpuUsed - d.cpu)
  slot.memUsed = Math.max(0, slot.memUsed - d.memory)
  slot.diskUsed = Math.max(0, slot.diskUsed - d.disk)
}
