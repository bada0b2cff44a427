/** Adverts for the resources tests, and a raw encoder that skips validation. */
import { trellis } from '../../../proto/gen/trellis.js'
import type { NodeAdvert } from '../../../daemon/resources/index.ts'

const GIB = 1024 ** 3

/** A believable advert; each call returns a fresh copy to mutate. */
export function sampleAdvert (): NodeAdvert {
  return {
    nodeId: '0123456789abcdef0123456789abcdef',
    name: 'field-a-1',
    incarnation: 3,
    sequence: 17,
    sentAt: 1_760_000_000_000,
    versions: { trellis: '0.1.0', node: '24.1.0' },
    zone: 'field-a',
    labels: { rack: 'r1', gpu: '' },
    cpu: { cores: 4, model: 'Test CPU', load1: 1.25, load5: 0.75, load15: 0.5, usage: 31.5, allocatable: 4, allocated: 1.5 },
    memory: { total: 16 * GIB, free: 9 * GIB, allocatable: 15.5 * GIB, allocated: 4 * GIB },
    disk: { total: 500 * GIB, free: 200 * GIB, allocatable: 499 * GIB, allocated: 20 * GIB },
    power: { source: 'battery', chargePercent: 80, timeRemainingMinutes: 95, charging: false },
    capabilities: ['binary:postgres', 'cgroup-limits', 'driver:process', 'volume-mount'],
    notes: ['no /dev/fuse: FUSE mounts unavailable'],
    apiAddress: '10.0.0.5:7420',
    listenAddrs: ['/ip4/10.0.0.5/tcp/4001']
  }
}

const SOURCES = { unknown: 0, mains: 1, battery: 2 } as const

/**
 * Encodes whatever it is given, impossible values included, the way a buggy
 * or hostile peer would; `source` may be a raw enum number.
 */
export function rawEncode (a: NodeAdvert, overrides: Record<string, unknown> = {}): Uint8Array {
  const source = typeof a.power.source === 'number' ? a.power.source : SOURCES[a.power.source]
  return trellis.mesh.NodeAdvert.encode({ ...a, power: { ...a.power, source }, ...overrides } as trellis.mesh.NodeAdvert.$Properties).finish()
}
