import t from 'tap'
import { advertChanged, CHANGE_THRESHOLDS, type NodeAdvert } from '../../../daemon/resources/index.ts'
import { sampleAdvert } from './fixtures.ts'

const GIB = 1024 ** 3

/** Each case changes a copy of the sample; `want` is the reason, or undefined for "wait". */
const CASES: Array<[string, (a: NodeAdvert) => void, string | undefined]> = [
  ['nothing but the stamp', a => { a.sequence += 1; a.sentAt += 10_000 }, undefined],
  ['free memory moves a lot', a => { a.memory.free -= 4 * GIB }, undefined],
  ['usage swings', a => { a.cpu.usage = 99 }, undefined],
  ['slow loads move', a => { a.cpu.load5 = 3; a.cpu.load15 = 3 }, undefined],
  ['load1 moves within the threshold (0.5 per core, 4 cores)', a => { a.cpu.load1 += 2 }, undefined],
  ['load1 moves past it', a => { a.cpu.load1 += 2.01 }, 'cpu.load1'],
  ['load1 falls to 0, within the threshold', a => { a.cpu.load1 = 0 }, undefined],
  ['memory allocated +5 % of total exactly', a => { a.memory.allocated += 0.05 * 16 * GIB }, undefined],
  ['memory allocated +6 % of total', a => { a.memory.allocated += 0.06 * 16 * GIB }, 'memory.allocated'],
  ['memory allocated drops to 0', a => { a.memory.allocated = 0 }, 'memory.allocated'],
  ['memory allocatable shrinks 10 %', a => { a.memory.allocatable -= 1.6 * GIB }, 'memory.allocatable'],
  ['cpu allocated +0.25 of 4 cores (6 %)', a => { a.cpu.allocated += 0.25 }, 'cpu.allocated'],
  ['cpu allocated +0.1 of 4 cores', a => { a.cpu.allocated += 0.1 }, undefined],
  ['disk free drops 10 %', a => { a.disk.free -= 50 * GIB }, 'disk.free'],
  ['disk allocated +1 %', a => { a.disk.allocated += 5 * GIB }, undefined],
  ['disk allocated +10 %', a => { a.disk.allocated += 50 * GIB }, 'disk.allocated'],
  ['power source', a => { a.power.source = 'mains' }, 'power.source'],
  ['starts charging', a => { a.power.charging = true }, 'power.charging'],
  ['charge drops 3 points', a => { a.power.chargePercent = 77 }, undefined],
  ['charge drops 6 points', a => { a.power.chargePercent = 74 }, 'power.chargePercent'],
  ['battery disappears', a => { delete a.power.chargePercent }, 'power.chargePercent'],
  ['time remaining changes', a => { a.power.timeRemainingMinutes = 30 }, undefined],
  ['capability gained', a => { a.capabilities = [...a.capabilities, 'binary:haproxy'].sort() }, 'capabilities'],
  ['capability lost', a => { a.capabilities = a.capabilities.slice(1) }, 'capabilities'],
  ['notes change', a => { a.notes = [] }, 'notes'],
  ['label value changes', a => { a.labels.rack = 'r2' }, 'labels'],
  ['label added', a => { a.labels.ssd = 'yes' }, 'labels'],
  ['labels rebuilt in another order', a => { a.labels = { gpu: '', rack: 'r1' } }, undefined],
  ['zone', a => { a.zone = 'field-b' }, 'zone'],
  ['renamed', a => { a.name = 'field-a-2' }, 'name'],
  ['upgraded', a => { a.versions.trellis = '0.2.0' }, 'versions'],
  ['new listen address', a => { a.listenAddrs.push('/ip4/10.0.1.5/tcp/4001') }, 'listenAddrs'],
  ['api moved', a => { a.apiAddress = '10.0.0.5:7421' }, 'apiAddress'],
  ['restarted', a => { a.incarnation += 1; a.sequence = 1 }, 'incarnation'],
  ['cores hot-plugged', a => { a.cpu.cores = 8; a.cpu.allocatable = 8 }, 'cpu.cores'],
  ['memory resized', a => { a.memory.total += GIB }, 'memory.total'],
  ['disk grown', a => { a.disk.total += GIB }, 'disk.total']
]

t.test('advertChanged decides publish-now vs wait, by table', async t => {
  for (const [name, mutate, want] of CASES) {
    const prev = sampleAdvert()
    const next = sampleAdvert()
    mutate(next)
    t.equal(advertChanged(prev, next), want, name)
  }
})

t.test('the first advert always goes out, and identical ones wait', async t => {
  t.equal(advertChanged(undefined, sampleAdvert()), 'first')
  t.equal(advertChanged(sampleAdvert(), sampleAdvert()), undefined)
})

t.test('thresholds can be tightened', async t => {
  const next = sampleAdvert()
  next.memory.allocated += 0.02 * next.memory.total
  t.equal(advertChanged(sampleAdvert(), next), undefined)
  t.equal(advertChanged(sampleAdvert(), next, { ...CHANGE_THRESHOLDS, memoryFraction: 0.01 }), 'memory.allocated')
})
