import t from 'tap'
import { trellis } from '../../../proto/gen/trellis.js'
import {
  decodeAdvert, decodeHeartbeat, encodeAdvert, encodeDatagramHeartbeat, encodeHeartbeat, MAX_ADVERT_BYTES, type NodeAdvert
} from '../../../daemon/resources/index.ts'
import { rawEncode, sampleAdvert } from './fixtures.ts'

t.test('an advert survives encode and decode unchanged', async t => {
  const advert = sampleAdvert()
  const bytes = encodeAdvert(advert)
  t.ok(bytes.byteLength < 1024, `a full advert is small (${bytes.byteLength} bytes)`)
  t.same(decodeAdvert(bytes), advert)
})

t.test('optional power fields stay absent, and zero stays zero', async t => {
  const advert = sampleAdvert()
  advert.power = { source: 'mains', charging: false }
  advert.cpu.load1 = 0
  advert.memory.allocated = 0
  const back = decodeAdvert(encodeAdvert(advert))
  t.same(back, advert)
  t.notOk('chargePercent' in back.power)
  t.notOk('timeRemainingMinutes' in back.power)

  advert.power = { source: 'battery', chargePercent: 0, charging: false }
  t.equal(decodeAdvert(encodeAdvert(advert)).power.chargePercent, 0, 'an empty battery is not "no battery"')
})

t.test('byte counts above 4 GiB and near 2^53 survive', async t => {
  const advert = sampleAdvert()
  advert.disk = { total: Number.MAX_SAFE_INTEGER, free: 2 ** 40 + 1, allocatable: 2 ** 52, allocated: 5 * 2 ** 32 }
  t.same(decodeAdvert(encodeAdvert(advert)).disk, advert.disk)
})

t.test('a power source from a newer peer reads as unknown', async t => {
  const a = sampleAdvert()
  const bytes = rawEncode(a, { power: { source: 7, charging: true } })
  t.same(decodeAdvert(bytes).power, { source: 'unknown', charging: true })
})

t.test('oversize adverts are refused on both sides', async t => {
  const big = sampleAdvert()
  for (let i = 0; i < 1000; i++) big.labels[`label-${i}`] = 'x'.repeat(20)
  t.throws(() => encodeAdvert(big), { code: 'ERR_ADVERT_TOO_LARGE' }, 'a node never sends one')
  const bytes = rawEncode(big)
  t.ok(bytes.byteLength > MAX_ADVERT_BYTES)
  t.throws(() => decodeAdvert(bytes), { code: 'ERR_ADVERT_TOO_LARGE', size: bytes.byteLength, limit: MAX_ADVERT_BYTES })
  t.throws(() => decodeAdvert(new Uint8Array(MAX_ADVERT_BYTES + 1)), { code: 'ERR_ADVERT_TOO_LARGE' }, 'checked before parsing')
})

t.test('garbage is refused', async t => {
  const cases: Array<[string, Uint8Array]> = [
    ['truncated varint', new Uint8Array([0xff, 0xff, 0xff])],
    ['text', new TextEncoder().encode('hello, is this the grid?')],
    ['empty', new Uint8Array(0)],
    ['a heartbeat', encodeHeartbeat({ nodeId: 'n', incarnation: 1, sequence: 1, sentAt: 1 })],
    ['truncated advert', encodeAdvert(sampleAdvert()).subarray(0, 60)],
    ['wrong wire type for node_id', new Uint8Array([0x0d, 1, 2, 3, 4])]
  ]
  for (const [name, bytes] of cases) {
    t.throws(() => decodeAdvert(bytes), { code: 'ERR_BAD_ADVERT' }, name)
  }
})

/** Each case breaks one field of a good advert; the decoder must name it. */
const INVALID: Array<[field: string, mutate: (a: NodeAdvert) => void]> = [
  ['nodeId', a => { a.nodeId = '' }],
  ['nodeId', a => { a.nodeId = 'x'.repeat(129) }],
  ['name', a => { a.name = '' }],
  ['incarnation', a => { a.incarnation = 0 }],
  ['sequence', a => { a.sequence = 0 }],
  ['sentAt', a => { a.sentAt = 0 }],
  ['labels', a => { a.labels[''] = 'empty key' }],
  ['cpu.cores', a => { a.cpu.cores = 0 }],
  ['cpu.load1', a => { a.cpu.load1 = Number.NaN }],
  ['cpu.load5', a => { a.cpu.load5 = -0.5 }],
  ['cpu.load15', a => { a.cpu.load15 = Number.POSITIVE_INFINITY }],
  ['cpu.usage', a => { a.cpu.usage = 150 }],
  ['cpu.usage', a => { a.cpu.usage = Number.NaN }],
  ['cpu.allocatable', a => { a.cpu.allocatable = 8 }],
  ['cpu.allocated', a => { a.cpu.allocated = -1 }],
  ['memory.free', a => { a.memory.free = a.memory.total + 1 }],
  ['memory.allocatable', a => { a.memory.allocatable = a.memory.total * 2 }],
  ['disk.free', a => { a.disk.free = a.disk.total + 4096 }],
  ['disk.allocatable', a => { a.disk.allocatable = a.disk.total + 1 }],
  ['power.chargePercent', a => { a.power.chargePercent = 101 }],
  ['power.chargePercent', a => { a.power.chargePercent = Number.NaN }],
  ['power.chargePercent', a => { a.power.chargePercent = -3 }],
  ['capabilities[1]', a => { a.capabilities[1] = '' }],
  ['listenAddrs[0]', a => { a.listenAddrs[0] = '' }]
]

t.test('each impossible field is refused on decode, naming the field', async t => {
  for (const [field, mutate] of INVALID) {
    const a = sampleAdvert()
    mutate(a)
    t.throws(() => decodeAdvert(rawEncode(a)), { code: 'ERR_BAD_ADVERT', field }, field)
  }
})

t.test('each impossible field is refused on encode too, so a node never sends one', async t => {
  for (const [field, mutate] of INVALID) {
    const a = sampleAdvert()
    mutate(a)
    t.throws(() => encodeAdvert(a), { code: 'ERR_BAD_ADVERT', field }, field)
  }
  // Values the wire cannot even carry: negative or fractional uint64s.
  const negative = sampleAdvert()
  negative.memory.total = -1
  t.throws(() => encodeAdvert(negative), { code: 'ERR_BAD_ADVERT', field: 'memory.total' })
  const fractional = sampleAdvert()
  fractional.disk.allocated = 1.5
  t.throws(() => encodeAdvert(fractional), { code: 'ERR_BAD_ADVERT', field: 'disk.allocated' })
})

t.test('missing sections and uint64s beyond 2^53 are refused', async t => {
  for (const field of ['cpu', 'memory', 'disk']) {
    t.throws(() => decodeAdvert(rawEncode(sampleAdvert(), { [field]: null })), { code: 'ERR_BAD_ADVERT', field }, `no ${field}`)
  }
  // 2^64 - 1 as a varint; a later occurrence of a field replaces the earlier one.
  const max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]
  const good = rawEncode(sampleAdvert())
  const withSequence = new Uint8Array([...good, 4 << 3, ...max])
  t.throws(() => decodeAdvert(withSequence), { code: 'ERR_BAD_ADVERT', field: 'sequence' })
  const withMemory = new Uint8Array([...good, (10 << 3) | 2, 1 + max.length, 1 << 3, ...max])
  t.throws(() => decodeAdvert(withMemory), { code: 'ERR_BAD_ADVERT', field: 'memory.total' })
  t.same(decodeAdvert(new Uint8Array([...good, 4 << 3, 18])).sequence, 18, 'the same splice with a sane value decodes')
})

t.test('heartbeats round trip and are validated', async t => {
  const hb = { nodeId: '0123456789abcdef0123456789abcdef', incarnation: 2, sequence: 2 ** 40, sentAt: 1_760_000_000_000, leaving: false }
  const bytes = encodeHeartbeat(hb)
  t.ok(bytes.byteLength < 64, `small (${bytes.byteLength} bytes)`)
  t.same(decodeHeartbeat(bytes), hb)
  t.throws(() => encodeHeartbeat({ ...hb, nodeId: '' }), { code: 'ERR_BAD_ADVERT', field: 'nodeId' })
  t.throws(() => decodeHeartbeat(trellis.mesh.Heartbeat.encode({ ...hb, incarnation: 0 }).finish()), { code: 'ERR_BAD_ADVERT', field: 'incarnation' })
  t.throws(() => decodeHeartbeat(new Uint8Array([0xff, 0xff])), { code: 'ERR_BAD_ADVERT' })
  t.throws(() => decodeHeartbeat(new Uint8Array(257)), { code: 'ERR_ADVERT_TOO_LARGE' })
})

t.test('a datagram heartbeat leaves the proven sender out and reads as the sender\'s', async t => {
  const hb = { nodeId: '12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN', incarnation: 3, sequence: 812, sentAt: 1_760_000_000_000, leaving: false, heard: true }
  const bytes = encodeDatagramHeartbeat(hb)
  t.ok(bytes.byteLength <= encodeHeartbeat(hb).byteLength - hb.nodeId.length, `the id's bytes saved (${bytes.byteLength} bytes)`)
  t.same(decodeHeartbeat(bytes, hb.nodeId), hb, 'the sender fills the id')
  t.throws(() => decodeHeartbeat(bytes), { code: 'ERR_BAD_ADVERT', field: 'nodeId' }, 'without a sender it names nobody: refused')
  t.equal(decodeHeartbeat(encodeHeartbeat({ ...hb, nodeId: 'someone-else' }), hb.nodeId).nodeId, 'someone-else', 'a beat that names a node keeps the name (the impostor check sees it)')
  t.throws(() => encodeDatagramHeartbeat({ ...hb, sequence: 0 }), { code: 'ERR_BAD_ADVERT', field: 'sequence' })
})

t.test('the Wake-on-LAN MAC: carried when known, absent otherwise, refused when malformed', async t => {
  const advert = sampleAdvert()
  t.notOk('wakeMac' in decodeAdvert(encodeAdvert(advert)), 'absent stays absent')
  advert.wakeMac = '52:54:00:12:34:56'
  t.same(decodeAdvert(encodeAdvert(advert)), advert)
  const bad = rawEncode(advert, { wakeMac: 'not-a-mac' })
  t.throws(() => decodeAdvert(bad), { code: 'ERR_BAD_ADVERT', field: 'wakeMac' })
})
