import type { Fingerprint, NodeAdvert, NodeResources, Power, Versions } from './types.ts'

/** What an operator configures about how the node presents itself. */
export interface AdvertConfig {
  zone?: string
  labels?: Record<string, string>
  /** host:port of the admin API, if peers may use it. */
  apiAddress?: string
  /** libp2p multiaddrs the node listens on. */
  listenAddrs?: readonly string[]
  /** MAC address Wake-on-LAN wakes the node at (configured, or the machine's own). */
  wakeMac?: string
}

/** Everything an advert is made from; the caller does the I/O and keeps the counters. */
export interface AdvertInput {
  identity: { id: string, name: string }
  incarnation: number
  sequence: number
  /** ms since the epoch, from the caller's clock. */
  sentAt: number
  versions: Versions
  config: AdvertConfig
  resources: NodeResources
  /** The machine's fingerprint, the driver's, ...; merged. */
  fingerprints: readonly Fingerprint[]
  /** What placed instances and volume replicas ask for in all: cores and bytes. */
  allocated: { cpu: number, memory: number, disk: number }
}

/**
 * The advert for this moment. Pure. Figures are clamped into what
 * validation accepts (whole bytes, free <= total, usage <= 100, no NaN), so
 * a quirky probe reading never stops a node from advertising itself;
 * capabilities are merged, sorted and made unique so that comparing two
 * adverts does not depend on probe order.
 */
export function buildAdvert (input: AdvertInput): NodeAdvert {
  const { resources: r, config, allocated } = input
  const cores = Math.max(1, Math.floor(finite(r.cpu.cores)))
  const memTotal = bytes(r.memory.total)
  const diskTotal = bytes(r.disk.total)
  const capabilities = [...new Set(input.fingerprints.flatMap(f => f.capabilities))].sort()
  const notes = [...new Set(input.fingerprints.flatMap(f => f.notes))]
  return {
    nodeId: input.identity.id,
    name: input.identity.name,
    incarnation: input.incarnation,
    sequence: input.sequence,
    sentAt: input.sentAt,
    versions: { trellis: input.versions.trellis, node: input.versions.node },
    zone: config.zone ?? '',
    labels: { ...config.labels },
    cpu: {
      cores,
      model: r.cpu.model,
      load1: finite(r.cpu.load1),
      load5: finite(r.cpu.load5),
      load15: finite(r.cpu.load15),
      usage: Math.min(100, finite(r.cpu.usage)),
      allocatable: Math.min(cores, finite(r.allocatable.cpu)),
      allocated: finite(allocated.cpu)
    },
    memory: {
      total: memTotal,
      free: Math.min(memTotal, bytes(r.memory.free)),
      allocatable: Math.min(memTotal, bytes(r.allocatable.memory)),
      allocated: bytes(allocated.memory)
    },
    disk: {
      total: diskTotal,
      free: Math.min(diskTotal, bytes(r.disk.free)),
      allocatable: Math.min(diskTotal, bytes(r.allocatable.disk)),
      allocated: bytes(allocated.disk)
    },
    power: clampPower(r.power),
    capabilities,
    notes,
    apiAddress: config.apiAddress ?? '',
    listenAddrs: [...(config.listenAddrs ?? [])],
    ...(config.wakeMac !== undefined && config.wakeMac !== '' ? { wakeMac: config.wakeMac } : {})
  }
}

function clampPower (p: Power): Power {
  const power: Power = { source: p.source, charging: p.charging }
  if (p.chargePercent !== undefined) power.chargePercent = Math.min(100, finite(p.chargePercent))
  if (p.timeRemainingMinutes !== undefined) power.timeRemainingMinutes = Math.floor(finite(p.timeRemainingMinutes))
  return power
}

/** A finite number >= 0; anything else is 0. */
function finite (n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0
}

/** Whole bytes that a double holds exactly. */
function bytes (n: number): number {
  return Math.min(Number.MAX_SAFE_INTEGER, Math.floor(finite(n)))
}
