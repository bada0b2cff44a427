/**
 * Adverts and heartbeats to and from their wire form (proto/mesh.proto).
 * Decoding checks the size before parsing and validates after, so nothing a
 * peer sends reaches the rest of the daemon unless it is believable.
 */
import { trellis } from '../../proto/gen/trellis.js'
import { MAX_ADVERT_BYTES, MAX_HEARTBEAT_BYTES } from './constants.ts'
import { AdvertTooLargeError, BadAdvertError } from './errors.ts'
import type { Heartbeat, NodeAdvert, Power, PowerSource } from './types.ts'
import { validateAdvert, validateHeartbeat } from './validate.ts'

const wire = trellis.mesh

const SOURCE_TO_WIRE: Record<PowerSource, trellis.mesh.PowerSource> = {
  unknown: wire.PowerSource.POWER_SOURCE_UNKNOWN,
  mains: wire.PowerSource.POWER_SOURCE_MAINS,
  battery: wire.PowerSource.POWER_SOURCE_BATTERY
}

/** Validates and encodes an advert; throws BadAdvertError or AdvertTooLargeError. */
export function encodeAdvert (advert: NodeAdvert): Uint8Array {
  validateAdvert(advert)
  const bytes = wire.NodeAdvert.encode(toWire(advert)).finish()
  if (bytes.byteLength > MAX_ADVERT_BYTES) throw new AdvertTooLargeError(bytes.byteLength, MAX_ADVERT_BYTES)
  return bytes
}

/** Decodes and validates a peer's advert; throws AdvertTooLargeError or BadAdvertError. */
export function decodeAdvert (bytes: Uint8Array): NodeAdvert {
  if (bytes.byteLength > MAX_ADVERT_BYTES) throw new AdvertTooLargeError(bytes.byteLength, MAX_ADVERT_BYTES)
  let m: trellis.mesh.NodeAdvert
  try {
    m = wire.NodeAdvert.decode(bytes)
  } catch (err) {
    throw new BadAdvertError('advert cannot be decoded', { cause: err })
  }
  return validateAdvert(fromWire(m))
}

/** Validates and encodes a heartbeat; throws BadAdvertError or AdvertTooLargeError. */
export function encodeHeartbeat (heartbeat: Heartbeat): Uint8Array {
  validateHeartbeat(heartbeat)
  const bytes = wire.Heartbeat.encode(heartbeat).finish()
  if (bytes.byteLength > MAX_HEARTBEAT_BYTES) throw new AdvertTooLargeError(bytes.byteLength, MAX_HEARTBEAT_BYTES)
  return bytes
}

/**
 * Encodes a heartbeat for a datagram: the datagram proves its sender, so the
 * node id (52 of a beat's 66 bytes) stays out. Decode with `decodeHeartbeat(bytes, sender)`.
 */
export function encodeDatagramHeartbeat (heartbeat: Heartbeat): Uint8Array {
  validateHeartbeat(heartbeat)
  const { nodeId: _proven, ...rest } = heartbeat
  return wire.Heartbeat.encode(rest).finish()
}

/**
 * Decodes and validates a peer's heartbeat; throws AdvertTooLargeError or
 * BadAdvertError. `sender`: the node a datagram proved it came from, for a
 * beat that leaves its id out; one that names a node keeps that name.
 */
export function decodeHeartbeat (bytes: Uint8Array, sender?: string): Heartbeat {
  if (bytes.byteLength > MAX_HEARTBEAT_BYTES) throw new AdvertTooLargeError(bytes.byteLength, MAX_HEARTBEAT_BYTES)
  let m: trellis.mesh.Heartbeat
  try {
    m = wire.Heartbeat.decode(bytes)
  } catch (err) {
    throw new BadAdvertError('heartbeat cannot be decoded', { cause: err })
  }
  return validateHeartbeat({ nodeId: m.nodeId === '' && sender !== undefined ? sender : m.nodeId, incarnation: num(m.incarnation), sequence: num(m.sequence), sentAt: num(m.sentAt), leaving: m.leaving, ...(m.heard ? { heard: true } : {}) })
}

function toWire (a: NodeAdvert): trellis.mesh.NodeAdvert.$Properties {
  const power: trellis.mesh.Power.$Properties = { source: SOURCE_TO_WIRE[a.power.source], charging: a.power.charging }
  if (a.power.chargePercent !== undefined) power.chargePercent = a.power.chargePercent
  if (a.power.timeRemainingMinutes !== undefined) power.timeRemainingMinutes = a.power.timeRemainingMinutes
  return {
    nodeId: a.nodeId,
    name: a.name,
    incarnation: a.incarnation,
    sequence: a.sequence,
    sentAt: a.sentAt,
    versions: a.versions,
    zone: a.zone,
    labels: a.labels,
    cpu: a.cpu,
    memory: a.memory,
    disk: a.disk,
    power,
    capabilities: a.capabilities,
    notes: a.notes,
    apiAddress: a.apiAddress,
    listenAddrs: a.listenAddrs,
    wakeMac: a.wakeMac ?? ''
  }
}

/**
 * A missing sub-message is refused rather than read as zeros: an advert
 * without memory figures would otherwise look like a node with no memory.
 */
function fromWire (m: trellis.mesh.NodeAdvert): NodeAdvert {
  const { cpu, memory, disk } = m
  if (cpu == null) throw new BadAdvertError('advert field cpu is missing', { field: 'cpu' })
  if (memory == null) throw new BadAdvertError('advert field memory is missing', { field: 'memory' })
  if (disk == null) throw new BadAdvertError('advert field disk is missing', { field: 'disk' })
  return {
    nodeId: m.nodeId,
    name: m.name,
    incarnation: num(m.incarnation),
    sequence: num(m.sequence),
    sentAt: num(m.sentAt),
    versions: { trellis: m.versions?.trellis ?? '', node: m.versions?.node ?? '' },
    zone: m.zone,
    labels: { ...m.labels },
    cpu: {
      cores: cpu.cores ?? 0,
      model: cpu.model ?? '',
      load1: cpu.load1 ?? 0,
      load5: cpu.load5 ?? 0,
      load15: cpu.load15 ?? 0,
      usage: cpu.usage ?? 0,
      allocatable: cpu.allocatable ?? 0,
      allocated: cpu.allocated ?? 0
    },
    memory: { total: num(memory.total), free: num(memory.free), allocatable: num(memory.allocatable), allocated: num(memory.allocated) },
    disk: { total: num(disk.total), free: num(disk.free), allocatable: num(disk.allocatable), allocated: num(disk.allocated) },
    power: powerFromWire(m.power),
    capabilities: [...m.capabilities],
    notes: [...m.notes],
    apiAddress: m.apiAddress,
    listenAddrs: [...m.listenAddrs],
    ...(m.wakeMac !== '' ? { wakeMac: m.wakeMac } : {})
  }
}

/** A source this daemon does not know (from a newer peer) reads as unknown rather than failing the advert. */
function powerFromWire (p: trellis.mesh.Power.$Properties | null | undefined): Power {
  if (p == null) return { source: 'unknown', charging: false }
  const source: PowerSource = p.source === wire.PowerSource.POWER_SOURCE_MAINS
    ? 'mains'
    : p.source === wire.PowerSource.POWER_SOURCE_BATTERY ? 'battery' : 'unknown'
  const power: Power = { source, charging: p.charging ?? false }
  if (p.chargePercent != null) power.chargePercent = p.chargePercent
  if (p.timeRemainingMinutes != null) power.timeRemainingMinutes = p.timeRemainingMinutes
  return power
}

/**
 * uint64 decodes as a Long when it does not fit 32 bits; validation refuses
 * values above 2^53 - 1. Absent is proto3's default, 0.
 */
function num (v: number | { toNumber: () => number } | null | undefined): number {
  if (v == null) return 0
  return typeof v === 'number' ? v : v.toNumber()
}
