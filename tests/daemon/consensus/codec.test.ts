import t from 'tap'
import { trellis } from '../../../proto/gen/trellis.js'
import { decodeEntryRun, decodeMessage, encodeEntry, encodeEntryRun, encodeMessage, frame, FrameDecoder } from '../../../daemon/consensus/index.ts'
import { checkMessage } from '../../../controller/raft/index.ts'
import type { Entry, Message } from '../../../controller/raft/index.ts'

const ctx = Uint8Array.from([1, 2, 3])
const base = { from: 'a', to: 'b', term: 7 }
const conf = { voters: ['a', 'b', 'c'], learners: ['d'] }

const samples: Message[] = [
  {
    ...base,
    type: 'append',
    index: 4,
    logTerm: 6,
    commit: 3,
    entries: [
      { type: 'normal', term: 7, index: 5, data: Uint8Array.from([9]) },
      { type: 'normal', term: 7, index: 6, data: new Uint8Array(0) },
      { type: 'conf-change', term: 7, index: 7, change: { type: 'add-learner', node: 'd' } }
    ]
  },
  { ...base, type: 'append-response', index: 4, reject: true, rejectHint: 2, logTerm: 5 },
  { ...base, type: 'heartbeat', commit: 3, context: ctx },
  { ...base, type: 'heartbeat-response', context: ctx },
  { ...base, type: 'heartbeat', commit: 3, context: ctx, round: 41, confirmed: 40 },
  { ...base, type: 'heartbeat-response', context: ctx, round: 41 },
  { ...base, type: 'vote', index: 10, logTerm: 6, transfer: true },
  { ...base, type: 'pre-vote', index: 10, logTerm: 6, transfer: false },
  { ...base, type: 'vote-response', reject: false },
  { ...base, type: 'pre-vote-response', reject: true },
  { ...base, type: 'snapshot', snapshot: { index: 20, term: 6, conf, data: Uint8Array.from([1, 2]) } },
  { ...base, type: 'read-index', context: ctx },
  { ...base, type: 'read-index-response', index: 12, context: ctx },
  { ...base, type: 'timeout-now' }
]

t.test('every message type round-trips and passes the core check', async t => {
  for (const m of samples) {
    const back = decodeMessage(encodeMessage(m))
    t.same(back, m, m.type)
    t.equal(checkMessage(back, 'b'), null, `${m.type} is sound to the core`)
  }
})

t.test('large terms and indexes survive the uint64 wire form', async t => {
  const m: Message = { ...base, term: 2 ** 40, type: 'append-response', index: 2 ** 50, reject: false, rejectHint: 0, logTerm: 0 }
  t.same(decodeMessage(encodeMessage(m)), m)
})

t.test('garbage, unknown types, missing fields and oversize are ERR_BAD_RAFT_MESSAGE', async t => {
  const bad = { code: 'ERR_BAD_RAFT_MESSAGE' }
  t.throws(() => decodeMessage(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff])), bad, 'garbled bytes')
  t.throws(() => decodeMessage(new Uint8Array(0)), bad, 'empty: type unspecified')
  const enc = (p: trellis.raft.Message.$Properties): Uint8Array => trellis.raft.Message.encode(p).finish()
  t.throws(() => decodeMessage(enc({ type: 99 as trellis.raft.MessageType, from: 'a', to: 'b' })), bad, 'unknown type')
  t.throws(() => decodeMessage(enc({ type: trellis.raft.MessageType.HEARTBEAT, to: 'b' })), bad, 'no sender')
  t.throws(() => decodeMessage(enc({ type: trellis.raft.MessageType.SNAPSHOT, from: 'a', to: 'b', term: 1 })), bad, 'snapshot missing')
  t.throws(() => decodeMessage(enc({
    type: trellis.raft.MessageType.APPEND, from: 'a', to: 'b', term: 1, entries: [{ type: trellis.raft.EntryType.CONF_CHANGE, term: 1, index: 1 }]
  })), bad, 'conf-change entry without a change')
  t.throws(() => decodeMessage(enc({
    type: trellis.raft.MessageType.APPEND, from: 'a', to: 'b', term: 1, entries: [{ type: 0 as trellis.raft.EntryType, term: 1, index: 1 }]
  })), bad, 'entry of no type')
  for (const term of ['18446744073709551615', String(2 ** 53)]) {
    t.throws(() => decodeMessage(enc({
      type: trellis.raft.MessageType.APPEND, from: 'a', to: 'b', term: 1, entries: [{ type: trellis.raft.EntryType.NORMAL, term: term as unknown as number, index: 1 }]
    })), bad, `entry term ${term}`)
  }
  t.throws(() => decodeMessage(enc({ type: trellis.raft.MessageType.HEARTBEAT, from: 'a', to: 'b', term: '18446744073709551615' as unknown as number })), bad, 'term past 2^53')
  t.throws(() => decodeMessage(encodeMessage(samples[2]!), 4), bad, 'over the size limit')
})

t.test('frames of 32-bit length come back whole across chunk boundaries', async t => {
  const dec = new FrameDecoder(1 << 20)
  const big = new Uint8Array(100_000).fill(7)
  const wire = Buffer.concat([frame(Uint8Array.from([1])), frame(big), frame(Uint8Array.from([2, 3]))])
  const got: Buffer[] = []
  for (let i = 0; i < wire.length; i += 999) got.push(...dec.push(wire.subarray(i, i + 999)))
  t.same(got.map(f => f.length), [1, 100_000, 2])
  t.equal(dec.buffered, 0)
  t.throws(() => new FrameDecoder(10).push(frame(new Uint8Array(11))), { code: 'ERR_FRAME_TOO_LARGE' })
  t.throws(() => new FrameDecoder(10).push(Buffer.from([0, 0, 0, 0])), { code: 'ERR_FRAME_TOO_LARGE' }, 'zero length')
})

t.test('an append reuses each entry encoding and is the protobuf encoding of the message', async t => {
  for (const size of [0, 1, 127, 128, 300, 16_383, 16_384, 70_000]) {
    const data = new Uint8Array(size).fill(5)
    const m: Message = { ...base, type: 'append', index: 4, logTerm: 6, commit: 3, entries: [{ type: 'normal', term: 7, index: 5, data }, { type: 'normal', term: 7, index: 6, data: Uint8Array.from([1]) }] }
    const mine = encodeMessage(m)
    const theirs = trellis.raft.Message.encode({
      type: trellis.raft.MessageType.APPEND, from: 'a', to: 'b', term: 7, index: 4, logTerm: 6, commit: 3,
      entries: m.entries.map(e => ({ type: trellis.raft.EntryType.NORMAL, term: e.term, index: e.index, data: e.type === 'normal' ? e.data : undefined }))
    }).finish()
    t.same(Buffer.from(mine), Buffer.from(theirs), `${size}-byte entry: same bytes as protobufjs makes`)
    t.same(decodeMessage(mine), m, `${size}-byte entry round-trips`)
    t.same(Buffer.from(encodeMessage(m)), Buffer.from(mine), 'encoding again (from the kept entry bytes) gives the same')
  }
})

/** An entry with its data copied into a plain Uint8Array (decoded data may be a Buffer view), for t.same. */
const plain = (e: Entry): Entry => e.type === 'normal' ? { ...e, data: Uint8Array.from(e.data) } : e

t.test('a normal entry is encoded byte for byte as protobufjs encodes it', async t => {
  for (const [term, index] of [[1, 1], [127, 128], [2 ** 31, 2 ** 32 + 5], [2 ** 40, Number.MAX_SAFE_INTEGER]] as const) {
    for (const size of [0, 1, 200]) {
      const e: Entry = { type: 'normal', term, index, data: new Uint8Array(size).fill(3) }
      const theirs = trellis.raft.Entry.encode({ type: trellis.raft.EntryType.NORMAL, term, index, data: e.data }).finish()
      t.same(Buffer.from(encodeEntry(e)), Buffer.from(theirs), `term ${term}, index ${index}, ${size} bytes`)
      t.same(decodeEntryRun(encodeEntryRun([e])).map(plain), [e], 'and back')
    }
  }
})

t.test('a received append keeps each entry\'s bytes, wherever its entries are in the message', async t => {
  const entries = (samples[0] as Extract<Message, { type: 'append' }>).entries
  const w = {
    type: trellis.raft.MessageType.APPEND, from: 'a', to: 'b', term: 7, index: 4, logTerm: 6, commit: 3,
    entries: [{ type: trellis.raft.EntryType.NORMAL, term: 7, index: 5, data: Uint8Array.from([9, 8]) }],
    // Field 11 after the entries (protobufjs writes fields in number order): the other fields are not in one piece.
    context: Uint8Array.from([1])
  }
  const wire = trellis.raft.Message.encode(w).finish()
  const m = decodeMessage(wire)
  t.same(m, { from: 'a', to: 'b', term: 7, type: 'append', index: 4, logTerm: 6, commit: 3, entries: [{ type: 'normal', term: 7, index: 5, data: Uint8Array.from([9, 8]) }] })
  const got = (m as Extract<Message, { type: 'append' }>).entries[0]!
  t.same(Buffer.from(encodeEntry(got)), Buffer.from(trellis.raft.Entry.encode(w.entries[0]!).finish()), 'its encoding is the bytes received')
  wire.fill(0)
  t.same(got, { type: 'normal', term: 7, index: 5, data: Uint8Array.from([9, 8]) }, 'copied out of the frame')

  const run = encodeEntryRun(entries)
  t.same(decodeEntryRun(run).map(plain), entries, 'a run round-trips')
  t.same(Buffer.from(run), Buffer.from(encodeMessage({ ...base, type: 'append', index: 4, logTerm: 6, commit: 3, entries })).subarray(-run.byteLength), 'a run is the entries of an append')
  t.throws(() => decodeEntryRun(Uint8Array.from([0x42, 0x05, 0x08])), { code: 'ERR_BAD_RAFT_MESSAGE' }, 'truncated run')
  t.throws(() => decodeEntryRun(Uint8Array.from([0x08, 0x01])), { code: 'ERR_BAD_RAFT_MESSAGE' }, 'a run holding another field')
  t.throws(() => decodeMessage(Uint8Array.from([0x08, 0x01, 0x13])), { code: 'ERR_BAD_RAFT_MESSAGE' }, 'a group wire type')
})

t.test('the largest safe integer decodes; one more is refused', async t => {
  const enc = (term: string): Uint8Array => trellis.raft.Message.encode({ type: trellis.raft.MessageType.HEARTBEAT, from: 'a', to: 'b', term: term as unknown as number }).finish()
  t.equal(decodeMessage(enc(String(Number.MAX_SAFE_INTEGER))).term, Number.MAX_SAFE_INTEGER)
  t.equal(decodeMessage(enc(String(2 ** 32))).term, 2 ** 32)
  t.throws(() => decodeMessage(enc(String(2 ** 53))), { code: 'ERR_BAD_RAFT_MESSAGE' })
})
