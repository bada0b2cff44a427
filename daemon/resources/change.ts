import type { NodeAdvert } from './types.ts'

/** How far figures may drift before a node publishes at once instead of at the next periodic advert. */
export interface ChangeThresholds {
  /** Share of total memory that memory.allocatable or memory.allocated must move by (0.05 = 5 %). */
  memoryFraction: number
  /** Share of the disk's total that disk.free, allocatable or allocated must move by. */
  diskFraction: number
  /** Share of the cores that cpu.allocatable or cpu.allocated must move by. */
  cpuFraction: number
  /** Change of the 1-minute load average per core (0.5 on 4 cores = 2.0). */
  loadPerCore: number
  /** Change of battery charge in percentage points. */
  chargePoints: number
}

/** The thresholds trellisd uses; docs/node-adverts.md lists them. */
export const CHANGE_THRESHOLDS: ChangeThresholds = {
  memoryFraction: 0.05,
  diskFraction: 0.05,
  cpuFraction: 0.05,
  loadPerCore: 0.5,
  chargePoints: 5
}

/**
 * Why `next` should be published now rather than with the periodic advert,
 * as the name of the first significant field (`power.source`,
 * `memory.allocated`, ...), or undefined when it can wait. Pure.
 *
 * Significant: anything the scheduler filters on (capabilities, labels,
 * zone, power state, hardware size) changing at all, and the figures it
 * ranks on moving by more than the thresholds. Free memory, usage and the
 * 5- and 15-minute loads change all the time and ride the periodic advert.
 * Amounts compare against the total (not the old value), so a move from 0
 * is measured on the same scale as any other.
 */
export function advertChanged (prev: NodeAdvert | undefined, next: NodeAdvert, t: ChangeThresholds = CHANGE_THRESHOLDS): string | undefined {
  if (prev === undefined) return 'first'
  if (prev.nodeId !== next.nodeId) return 'nodeId'
  if (prev.incarnation !== next.incarnation) return 'incarnation'
  for (const key of ['name', 'zone', 'apiAddress'] as const) {
    if (prev[key] !== next[key]) return key
  }
  if (prev.versions.trellis !== next.versions.trellis || prev.versions.node !== next.versions.node) return 'versions'
  if (!sameList(prev.listenAddrs, next.listenAddrs)) return 'listenAddrs'
  if (!sameLabels(prev.labels, next.labels)) return 'labels'
  if (!sameList(prev.capabilities, next.capabilities)) return 'capabilities'
  if (!sameList(prev.notes, next.notes)) return 'notes'

  if (prev.power.source !== next.power.source) return 'power.source'
  if (prev.power.charging !== next.power.charging) return 'power.charging'
  if (moved(prev.power.chargePercent, next.power.chargePercent, t.chargePoints)) return 'power.chargePercent'

  if (prev.cpu.cores !== next.cpu.cores) return 'cpu.cores'
  if (prev.memory.total !== next.memory.total) return 'memory.total'
  if (prev.disk.total !== next.disk.total) return 'disk.total'

  const cores = next.cpu.cores
  for (const key of ['allocatable', 'allocated'] as const) {
    if (moved(prev.cpu[key], next.cpu[key], t.cpuFraction * cores)) return `cpu.${key}`
  }
  for (const key of ['allocatable', 'allocated'] as const) {
    if (moved(prev.memory[key], next.memory[key], t.memoryFraction * next.memory.total)) return `memory.${key}`
  }
  for (const key of ['free', 'allocatable', 'allocated'] as const) {
    if (moved(prev.disk[key], next.disk[key], t.diskFraction * next.disk.total)) return `disk.${key}`
  }
  if (moved(prev.cpu.load1, next.cpu.load1, t.loadPerCore * cores)) return 'cpu.load1'
  return undefined
}

/** More than `by` apart; appearing or disappearing counts as a move. */
function moved (a: number | undefined, b: number | undefined, by: number): boolean {
  if (a === undefined || b === undefined) return a !== b
  return Math.abs(a - b) > by
}

function sameList (a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function sameLabels (a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every(k => Object.hasOwn(b, k) && a[k] === b[k])
}
