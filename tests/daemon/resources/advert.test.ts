import t from 'tap'
import { tmpdir } from 'node:os'
import {
  buildAdvert, decodeAdvert, encodeAdvert, fingerprintHost, probeResources, validateAdvert,
  type AdvertInput, type NodeResources
} from '../../../daemon/resources/index.ts'

const GIB = 1024 ** 3

function resources (): NodeResources {
  return {
    cpu: { cores: 4, model: 'Test CPU', load1: 1, load5: 0.5, load15: 0.25, usage: 20 },
    memory: { total: 16 * GIB, free: 8 * GIB },
    disk: { total: 100 * GIB, free: 60 * GIB },
    power: { source: 'mains', charging: false },
    allocatable: { cpu: 4, memory: 15.5 * GIB, disk: 99 * GIB },
    fallbacks: []
  }
}

function input (over: Partial<AdvertInput> = {}): AdvertInput {
  return {
    identity: { id: 'fedcba9876543210fedcba9876543210', name: 'rack1-node2' },
    incarnation: 4,
    sequence: 9,
    sentAt: 1_760_000_000_123,
    versions: { trellis: '0.1.0', node: '24.1.0' },
    config: { zone: 'dc1', labels: { rack: 'r1' }, apiAddress: '10.1.0.2:7420', listenAddrs: ['/ip4/10.1.0.2/tcp/4001'] },
    resources: resources(),
    fingerprints: [
      { capabilities: ['nbd-kernel', 'binary:postgres', 'cgroup-limits'], notes: ['a note'] },
      { capabilities: ['driver:process', 'cgroup-limits'], notes: ['a note', 'driver note'] }
    ],
    allocated: { cpu: 1.5, memory: 2 * GIB, disk: 10 * GIB },
    ...over
  }
}

t.test('buildAdvert assembles identity, config, probe and fingerprints', async t => {
  const a = buildAdvert(input())
  t.same(a, {
    nodeId: 'fedcba9876543210fedcba9876543210',
    name: 'rack1-node2',
    incarnation: 4,
    sequence: 9,
    sentAt: 1_760_000_000_123,
    versions: { trellis: '0.1.0', node: '24.1.0' },
    zone: 'dc1',
    labels: { rack: 'r1' },
    cpu: { cores: 4, model: 'Test CPU', load1: 1, load5: 0.5, load15: 0.25, usage: 20, allocatable: 4, allocated: 1.5 },
    memory: { total: 16 * GIB, free: 8 * GIB, allocatable: 15.5 * GIB, allocated: 2 * GIB },
    disk: { total: 100 * GIB, free: 60 * GIB, allocatable: 99 * GIB, allocated: 10 * GIB },
    power: { source: 'mains', charging: false },
    capabilities: ['binary:postgres', 'cgroup-limits', 'driver:process', 'nbd-kernel'],
    notes: ['a note', 'driver note'],
    apiAddress: '10.1.0.2:7420',
    listenAddrs: ['/ip4/10.1.0.2/tcp/4001']
  })
  t.same(decodeAdvert(encodeAdvert(a)), a)
})

t.test('buildAdvert is pure: same input, same advert; the input is not shared', async t => {
  const i = input()
  const a = buildAdvert(i)
  t.same(buildAdvert(i), a)
  a.labels.rack = 'changed'
  a.listenAddrs.push('x')
  t.equal(i.config.labels?.rack, 'r1')
  t.equal(i.config.listenAddrs?.length, 1)
})

t.test('missing config reads as empty', async t => {
  const a = buildAdvert(input({ config: {} }))
  t.equal(a.zone, '')
  t.same(a.labels, {})
  t.equal(a.apiAddress, '')
  t.same(a.listenAddrs, [])
})

t.test('quirky probe readings are clamped into a valid advert', async t => {
  const r = resources()
  r.cpu = { cores: 0, model: '', load1: Number.NaN, load5: -1, load15: Number.POSITIVE_INFINITY, usage: 130 }
  r.memory = { total: 8.7 * GIB, free: 9 * GIB }
  r.disk = { total: 10.5, free: 11 }
  r.allocatable = { cpu: 6, memory: 9 * GIB, disk: 12 }
  r.power = { source: 'battery', charging: false, chargePercent: 100.4, timeRemainingMinutes: 12.9 }
  const a = buildAdvert(input({ resources: r, allocated: { cpu: -1, memory: Number.NaN, disk: 0.5 } }))
  t.doesNotThrow(() => validateAdvert(a))
  t.same(a.cpu, { cores: 1, model: '', load1: 0, load5: 0, load15: 0, usage: 100, allocatable: 1, allocated: 0 })
  t.equal(a.memory.total, Math.floor(8.7 * GIB))
  t.equal(a.memory.free, a.memory.total)
  t.equal(a.memory.allocatable, a.memory.total)
  t.equal(a.memory.allocated, 0)
  t.same(a.disk, { total: 10, free: 10, allocatable: 10, allocated: 0 })
  t.same(a.power, { source: 'battery', charging: false, chargePercent: 100, timeRemainingMinutes: 12 })
})

t.test('an advert of this machine encodes, decodes and fits', async t => {
  const [r, fp] = await Promise.all([probeResources(tmpdir()), fingerprintHost()])
  const a = buildAdvert(input({ resources: r, fingerprints: [fp, { capabilities: ['driver:process'], notes: [] }] }))
  const bytes = encodeAdvert(a)
  t.ok(bytes.byteLength < 2048, `${bytes.byteLength} bytes`)
  t.same(decodeAdvert(bytes), a)
})
