/**
 * What makes an advert or heartbeat believable. Run on every one decoded
 * from a peer and on our own before sending, so a bug here shows up at the
 * sender. Each failure names the field, as `memory.free`.
 */
import { BadAdvertError } from './errors.ts'
import type { Heartbeat, NodeAdvert } from './types.ts'

/** Longest node id accepted, in characters (ours are 32). */
const MAX_ID_LENGTH = 128
/** Longest name, zone, label key or capability, in characters (a DNS name). */
const MAX_NAME_LENGTH = 253
const POWER_SOURCES: ReadonlySet<string> = new Set(['mains', 'battery', 'unknown'])

/** Throws BadAdvertError naming the first impossible field; returns the advert otherwise. */
export function validateAdvert (a: NodeAdvert): NodeAdvert {
  checkStamp(a)
  text(a.name, 'name', MAX_NAME_LENGTH, true)
  text(a.versions.trellis, 'versions.trellis', MAX_NAME_LENGTH, false)
  text(a.versions.node, 'versions.node', MAX_NAME_LENGTH, false)
  text(a.zone, 'zone', MAX_NAME_LENGTH, false)
  for (const [key, value] of Object.entries(a.labels)) {
    text(key, 'labels', MAX_NAME_LENGTH, true)
    if (typeof value !== 'string') fail(`labels.${key}`, 'is not a string')
  }

  if (!Number.isInteger(a.cpu.cores) || a.cpu.cores < 1) fail('cpu.cores', `must be a whole number >= 1, not ${a.cpu.cores}`)
  if (typeof a.cpu.model !== 'string') fail('cpu.model', 'is not a string')
  for (const key of ['load1', 'load5', 'load15', 'allocatable', 'allocated'] as const) real(a.cpu[key], `cpu.${key}`)
  if (real(a.cpu.usage, 'cpu.usage') > 100) fail('cpu.usage', `is above 100 percent: ${a.cpu.usage}`)
  if (a.cpu.allocatable > a.cpu.cores) fail('cpu.allocatable', `${a.cpu.allocatable} is more than the ${a.cpu.cores} cores`)

  for (const part of ['memory', 'disk'] as const) {
    const s = a[part]
    const total = count(s.total, `${part}.total`)
    for (const key of ['free', 'allocatable'] as const) {
      if (count(s[key], `${part}.${key}`) > total) fail(`${part}.${key}`, `${s[key]} is more than the total ${total}`)
    }
    count(s.allocated, `${part}.allocated`)
  }

  if (!POWER_SOURCES.has(a.power.source)) fail('power.source', `unknown source ${String(a.power.source)}`)
  if (typeof a.power.charging !== 'boolean') fail('power.charging', 'is not a boolean')
  if (a.power.chargePercent !== undefined && real(a.power.chargePercent, 'power.chargePercent') > 100) {
    fail('power.chargePercent', `is above 100 percent: ${a.power.chargePercent}`)
  }
  if (a.power.timeRemainingMinutes !== undefined) count(a.power.timeRemainingMinutes, 'power.timeRemainingMinutes')

  a.capabilities.forEach((c, i) => { text(c, `capabilities[${i}]`, MAX_NAME_LENGTH, true) })
  a.notes.forEach((n, i) => { if (typeof n !== 'string') fail(`notes[${i}]`, 'is not a string') })
  if (typeof a.apiAddress !== 'string') fail('apiAddress', 'is not a string')
  a.listenAddrs.forEach((m, i) => { text(m, `listenAddrs[${i}]`, Infinity, true) })
  if (a.wakeMac !== undefined && !WAKE_MAC.test(a.wakeMac)) fail('wakeMac', `is not a MAC address (aa:bb:cc:dd:ee:ff): ${JSON.stringify(a.wakeMac)}`)
  return a
}

/** A Wake-on-LAN target as adverts carry it: lower-case, colon-separated. */
const WAKE_MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/

/** Throws BadAdvertError naming the first impossible field; returns the heartbeat otherwise. */
export function validateHeartbeat (h: Heartbeat): Heartbeat {
  checkStamp(h)
  return h
}

function checkStamp (m: Heartbeat): void {
  text(m.nodeId, 'nodeId', MAX_ID_LENGTH, true)
  // 0 is what a missing uint64 decodes to, so numbering starts at 1.
  for (const key of ['incarnation', 'sequence', 'sentAt'] as const) {
    if (count(m[key], key) < 1) fail(key, 'is missing (0)')
  }
}

function fail (field: string, problem: string): never {
  throw new BadAdvertError(`advert field ${field} ${problem}`, { field })
}

function text (value: unknown, field: string, max: number, required: boolean): void {
  if (typeof value !== 'string') fail(field, 'is not a string')
  if (required && value === '') fail(field, 'is missing')
  if (value.length > max) fail(field, `is longer than ${max} characters`)
}

/** A finite number >= 0. */
function real (value: unknown, field: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) fail(field, 'is not a number')
  if (!Number.isFinite(value)) fail(field, 'is infinite')
  if (value < 0) fail(field, `is negative: ${value}`)
  return value
}

/** A whole number >= 0 that a double holds exactly (uint64 fields above 2^53 - 1 are refused). */
function count (value: unknown, field: string): number {
  const n = real(value, field)
  if (!Number.isSafeInteger(n)) fail(field, `is not a whole number below 2^53: ${n}`)
  return n
}
