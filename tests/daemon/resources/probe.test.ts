import t from 'tap'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  probeResources, powerFrom, RESERVED_MEMORY, type BatteryReading, type SystemInfo
} from '../../../daemon/resources/index.ts'

const NO_BATTERY: BatteryReading = { hasBattery: false, isCharging: false, acConnected: true, percent: 0, timeRemaining: null }

t.test('the probe returns sane figures on this machine', async t => {
  // CPU usage is a difference between two probes; the first has nothing to compare with.
  await probeResources(tmpdir())
  await new Promise(resolve => setTimeout(resolve, 50))
  const r = await probeResources(tmpdir())
  t.ok(Number.isInteger(r.cpu.cores) && r.cpu.cores >= 1, `cores ${r.cpu.cores}`)
  t.ok(r.cpu.model.length > 0, `model ${r.cpu.model}`)
  for (const key of ['load1', 'load5', 'load15'] as const) t.ok(r.cpu[key] >= 0 && Number.isFinite(r.cpu[key]), `${key} ${r.cpu[key]}`)
  t.ok(r.cpu.usage >= 0 && r.cpu.usage <= 100, `usage ${r.cpu.usage}`)
  t.ok(r.memory.total > 0 && r.memory.free <= r.memory.total, `memory ${r.memory.free} of ${r.memory.total}`)
  t.ok(r.disk.total > 0 && r.disk.free >= 0 && r.disk.free <= r.disk.total, `disk ${r.disk.free} of ${r.disk.total}`)
  t.equal(r.allocatable.cpu, r.cpu.cores)
  t.equal(r.allocatable.memory, Math.max(0, r.memory.total - RESERVED_MEMORY))
  t.ok(r.allocatable.disk <= r.disk.total)
  t.ok(['mains', 'battery', 'unknown'].includes(r.power.source))
  t.same(r.fallbacks, [], 'nothing fell back on a healthy machine')
})

t.test('the probe survives systeminformation failing in every way', async t => {
  const fail = async (): Promise<never> => { throw new Error('si is broken') }
  const throwing: SystemInfo = {
    currentLoad: () => { throw new Error('thrown synchronously') },
    mem: fail,
    battery: fail
  }
  const hanging: SystemInfo = {
    currentLoad: async () => await new Promise(() => {}),
    mem: async () => await new Promise(() => {}),
    battery: async () => await new Promise(() => {})
  }
  const nonsense: SystemInfo = {
    currentLoad: async () => ({ currentLoad: Number.NaN }),
    mem: async () => ({ total: -5, available: Number.POSITIVE_INFINITY }),
    battery: async () => ({ hasBattery: true, isCharging: false, acConnected: false, percent: Number.NaN, timeRemaining: null })
  }
  for (const [name, si] of [['throwing', throwing], ['hanging', hanging], ['nonsense', nonsense]] as const) {
    const started = process.hrtime.bigint()
    const r = await probeResources(tmpdir(), { si, timeoutMs: 50 })
    t.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2000, `${name}: does not wait on a hung call`)
    t.ok(r.cpu.cores >= 1, `${name}: cores from node:os`)
    t.ok(r.cpu.usage >= 0 && r.cpu.usage <= 100, `${name}: usage estimated from load`)
    t.ok(r.memory.total > 0 && r.memory.free <= r.memory.total, `${name}: memory from node:os`)
    t.ok(r.disk.total > 0, `${name}: disk still read`)
    t.ok(r.fallbacks.some(f => f.startsWith('cpu usage')), `${name}: says usage was estimated`)
    t.ok(r.fallbacks.some(f => f.startsWith('memory')), `${name}: says memory fell back`)
  }
  t.same((await probeResources(tmpdir(), { si: throwing })).power, { source: 'unknown', charging: false }, 'failed battery read is unknown power')
})

t.test('an unreadable data dir reads as an empty disk rather than throwing', async t => {
  const si: SystemInfo = { currentLoad: async () => ({ currentLoad: 12 }), mem: async () => ({ total: 8e9, available: 3e9 }), battery: async () => NO_BATTERY }
  const r = await probeResources(join(tmpdir(), 'trellis-no-such-dir', String(process.pid)), { si })
  t.same(r.disk, { total: 0, free: 0 })
  t.equal(r.allocatable.disk, 0)
  t.ok(r.fallbacks.some(f => f.includes('unreadable')))
  t.equal(r.cpu.usage, 12, 'the injected systeminformation is used')
  t.same(r.memory, { total: 8e9, free: 3e9 })
  t.equal(r.allocatable.memory, 8e9 - RESERVED_MEMORY)
  t.same(r.power, { source: 'mains', charging: false })
})

t.test('power from battery readings', async t => {
  const cases: Array<[string, BatteryReading | undefined, ReturnType<typeof powerFrom>]> = [
    ['reading failed', undefined, { source: 'unknown', charging: false }],
    ['no battery is mains', NO_BATTERY, { source: 'mains', charging: false }],
    ['battery, AC connected', { hasBattery: true, isCharging: false, acConnected: true, percent: 100, timeRemaining: 300 },
      { source: 'mains', charging: false, chargePercent: 100 }],
    ['battery, charging without a visible adapter', { hasBattery: true, isCharging: true, acConnected: false, percent: 40, timeRemaining: 50 },
      { source: 'mains', charging: true, chargePercent: 40 }],
    ['on battery', { hasBattery: true, isCharging: false, acConnected: false, percent: 55.5, timeRemaining: 123.7 },
      { source: 'battery', charging: false, chargePercent: 55.5, timeRemainingMinutes: 123 }],
    ['on battery, time unknown', { hasBattery: true, isCharging: false, acConnected: false, percent: 20, timeRemaining: null },
      { source: 'battery', charging: false, chargePercent: 20 }],
    ['percent out of range is clamped', { hasBattery: true, isCharging: false, acConnected: false, percent: 104, timeRemaining: -1 },
      { source: 'battery', charging: false, chargePercent: 100 }],
    ['percent unknown', { hasBattery: true, isCharging: false, acConnected: false, percent: null, timeRemaining: Number.NaN },
      { source: 'battery', charging: false }]
  ]
  for (const [name, reading, want] of cases) t.same(powerFrom(reading), want, name)
})
