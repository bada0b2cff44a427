/** The datagram frame, one payload or several, against truncated, oversized and garbage input. */
import t from 'tap'
import { randomBytes } from 'node:crypto'
import { BUNDLE_VERSION, encodeFrame, MAX_FRAME_BYTES, parseFrame, SINGLE_VERSION, TAG_BYTES } from '../../../daemon/mesh/datagram-frame.ts'
import { MAX_DATAGRAM_PAYLOAD, RIDER_OVERHEAD, Riders, type DatagramPart } from '../../../daemon/network/index.ts'
import { mulberry32 } from '../../../controller/random/index.ts'

const key = randomBytes(32)
const fakeTag = (body: Buffer): Buffer => Buffer.alloc(TAG_BYTES, body.byteLength & 0xff)
const text = (s: string): Uint8Array => new TextEncoder().encode(s)

function parts (frame: Buffer): Array<[string | undefined, string]> {
  const parsed = parseFrame(frame)
  if ('refused' in parsed) throw new Error(parsed.refused)
  return parsed.parts.map(p => [p.channel, p.data.toString()])
}

t.test('one payload goes as version 3, several as version 4, and both read back whole', async t => {
  const single = encodeFrame(key, [{ channel: 'raft', data: text('hb') }], fakeTag)
  t.equal(single[0], SINGLE_VERSION)
  t.equal(single.byteLength, 2 + 32 + 2 + 2 + TAG_BYTES, 'exactly as version 3 always was')
  t.same(parts(single), [['raft', 'hb']])
  const bundle = encodeFrame(key, [{ channel: 'raft', data: text('hb') }, { channel: 'detector', data: text('beat') }], fakeTag)
  t.equal(bundle[0], BUNDLE_VERSION)
  t.equal(bundle.byteLength, single.byteLength + RIDER_OVERHEAD + 4)
  t.same(parts(bundle), [['raft', 'hb'], ['detector', 'beat']])
  const parsed = parseFrame(bundle)
  if ('refused' in parsed) throw new Error(parsed.refused)
  t.same(parsed.rawKey, key, 'the sender\'s key')
  t.same(parsed.tag, fakeTag(bundle.subarray(0, bundle.byteLength - TAG_BYTES)), 'the tag covers every part')
  t.equal(parsed.body.byteLength, bundle.byteLength - TAG_BYTES)
  t.same(parts(encodeFrame(key, [{ channel: 'detector', data: new Uint8Array(0) }, { channel: 'raft', data: new Uint8Array(0) }], fakeTag)), [['detector', ''], ['raft', '']], 'empty payloads too')
})

t.test('truncated, padded, oversized and garbage frames are refused with a reason, never thrown on', async t => {
  const single = encodeFrame(key, [{ channel: 'raft', data: text('heartbeat') }], fakeTag)
  const bundle = encodeFrame(key, [{ channel: 'raft', data: text('heartbeat') }, { channel: 'detector', data: text('beat') }], fakeTag)
  const refused = (frame: Buffer): string => { const p = parseFrame(frame); return 'refused' in p ? p.refused : 'taken' }
  const cases: Array<[string, Buffer, string]> = [
    ['empty', Buffer.alloc(0), 'garbled'],
    ['shorter than a header and a tag', single.subarray(0, 40), 'garbled'],
    ['version 3 with a byte more', Buffer.concat([single, Buffer.from([0])]), 'garbled'],
    ['version 3 missing a byte', Buffer.concat([single.subarray(0, single.byteLength - TAG_BYTES - 1), single.subarray(single.byteLength - TAG_BYTES)]), 'garbled'],
    ['version 4 with no rider', Buffer.concat([Buffer.from([BUNDLE_VERSION]), single.subarray(1)]), 'garbled'],
    ['version 4 cut inside a rider\'s header', Buffer.concat([bundle.subarray(0, 2 + 32 + 2 + 9 + 2), Buffer.alloc(TAG_BYTES)]), 'garbled'],
    ['version 4 cut inside a rider\'s payload', Buffer.concat([bundle.subarray(0, bundle.byteLength - TAG_BYTES - 1), Buffer.alloc(TAG_BYTES)]), 'garbled'],
    ['a rider\'s length past the end', (() => { const b = Buffer.from(bundle); b.writeUInt16BE(0xffff, 2 + 32 + 2 + 9 + 1); return b })(), 'garbled'],
    ['the first length past the end', (() => { const b = Buffer.from(single); b.writeUInt16BE(0xffff, 34); return b })(), 'garbled'],
    ['over 512 bytes', Buffer.alloc(MAX_FRAME_BYTES + 1, 3), 'garbled'],
    ['version 2', Buffer.concat([Buffer.from([2]), single.subarray(1)]), 'other-version'],
    ['the first payload on an unknown channel', (() => { const b = Buffer.from(single); b[1] = 200; return b })(), 'unknown-channel']
  ]
  for (const [what, frame, reason] of cases) t.equal(refused(frame), reason, what)
  const unknownRider = Buffer.from(bundle)
  unknownRider[2 + 32 + 2 + 9] = 200
  t.same(parts(unknownRider), [['raft', 'heartbeat'], [undefined, 'beat']], 'a rider on a channel this node does not know is kept apart, for a newer node\'s sake')
  const rng = mulberry32(12)
  let taken = 0
  for (let i = 0; i < 5000; i++) {
    const garbage = Buffer.alloc(Math.floor(rng() * 600))
    for (let j = 0; j < garbage.byteLength; j++) garbage[j] = Math.floor(rng() * 256)
    if (rng() < 0.5 && garbage.byteLength > 0) garbage[0] = rng() < 0.5 ? SINGLE_VERSION : BUNDLE_VERSION
    if (rng() < 0.5 && garbage.byteLength > 1) garbage[1] = Math.floor(rng() * 2)
    const p = parseFrame(garbage)
    if ('refused' in p) continue
    taken++
    t.ok(p.parts.every(q => q.data.byteLength <= MAX_DATAGRAM_PAYLOAD) && p.body.byteLength + TAG_BYTES === garbage.byteLength, 'what parses stays inside what arrived')
  }
  t.ok(taken < 50, `random bytes rarely frame (${taken} of 5000), and none threw`)
})

t.test('riders take only the room left, never on their own channel, one taker per channel', async t => {
  const riders = new Riders()
  const asked: Array<[string, number]> = []
  riders.add('detector', (peer, room) => { asked.push([peer, room]); return room >= 4 ? text('beat') : undefined })
  t.same(riders.parts('p', 'detector', text('alone')).length, 1, 'not on its own channel')
  t.same(asked, [])
  const withRider = riders.parts('p', 'raft', text('hb'))
  t.same(withRider.map((q: DatagramPart) => q.channel), ['raft', 'detector'])
  t.same(asked, [['p', MAX_DATAGRAM_PAYLOAD - 2 - RIDER_OVERHEAD]], 'asked with the room a frame has left')
  t.same(riders.parts('p', 'raft', new Uint8Array(MAX_DATAGRAM_PAYLOAD - RIDER_OVERHEAD - 3)).length, 1, 'no rider where it does not fit')
  const greedy = new Riders()
  greedy.add('detector', () => new Uint8Array(MAX_DATAGRAM_PAYLOAD))
  t.same(greedy.parts('p', 'raft', text('hb')).length, 1, 'a rider larger than it was allowed is left out')
  const off = riders.add('detector', () => text('second'))
  t.same(riders.parts('p', 'raft', text('hb'))[1]!.data, text('second'), 'the newer taker replaces the older')
  off()
  t.same(riders.parts('p', 'raft', text('hb')).length, 1, 'and removing it leaves none')
})
