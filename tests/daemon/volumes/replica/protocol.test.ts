import t from 'tap'
import type { Duplex } from 'node:stream'
import { FrameDecoder, frame } from '../../../../daemon/consensus/index.ts'
import {
  MAX_FRAME, Op, REPLICA_PROTOCOL, decodeRequest, decodeResponse, decodeSynced, encodeRequest, encodeResponse, framedRequestHead, framedResponse, framedSynced,
  type ReplicaRequest, type ReplicaResponse
} from '../../../../daemon/volumes/replica/index.ts'
import { KiB, VOLUME, cluster, crcs } from './helpers.ts'

const request = (over: Partial<ReplicaRequest> = {}): ReplicaRequest => ({
  id: 7, op: Op.write, volume: VOLUME, generation: 1, offset: 4096, length: 512, fua: true, noHole: false, syncSoon: false, payload: Buffer.alloc(512, 9), ...over
})

t.test('frames round-trip', async t => {
  const r = request()
  const back = decodeRequest(encodeRequest(r))
  t.same({ ...back, payload: Buffer.from(back.payload) }, { ...r, payload: Buffer.from(r.payload) })
  const res: ReplicaResponse = { id: 3, error: 'ERR_VOLUME_FENCED', generation: 5, payload: Buffer.alloc(0) }
  t.same({ ...decodeResponse(encodeResponse(res)), payload: Buffer.alloc(0) }, res)
})

t.test('malformed requests are refused with ERR_BAD_REPLICA_FRAME', async t => {
  const good = encodeRequest(request())
  const bad = (mutate: (b: Buffer) => Buffer, why: string): void => {
    t.throws(() => decodeRequest(mutate(Buffer.from(good))), { code: 'ERR_BAD_REPLICA_FRAME' }, why)
  }
  bad(b => b.subarray(0, 10), 'truncated header')
  bad(b => { b[0] = 2; return b }, 'a response where a request belongs')
  bad(b => { b[1] = 99; return b }, 'unknown op')
  bad(b => { b[6] = 0x80; return b }, 'unknown flag')
  bad(b => { b.writeBigUInt64BE(2n ** 60n, 7); return b }, 'generation beyond 2^53')
  bad(b => { b.writeUInt16BE(0, 27); return b }, 'empty volume id')
  bad(b => { b.writeUInt16BE(60000, 27); return b }, 'volume id past the end')
  bad(b => b.subarray(0, b.length - 1), 'payload shorter than the length')
  t.throws(() => decodeRequest(encodeRequest(request({ op: Op.flush }))), { code: 'ERR_BAD_REPLICA_FRAME' }, 'a flush carrying data')
  t.throws(() => decodeResponse(Buffer.alloc(3)), { code: 'ERR_BAD_REPLICA_FRAME' })
})

t.test('SYNC_SOON is protocol 2, on changes only; a synced frame round-trips and anything else is refused', async t => {
  const soon = encodeRequest(request({ syncSoon: true }))
  t.throws(() => decodeRequest(soon), { code: 'ERR_BAD_REPLICA_FRAME' }, 'protocol 1 does not know the flag')
  t.equal(decodeRequest(soon, 2).syncSoon, true, 'protocol 2 reads it on a write')
  t.equal(decodeRequest(encodeRequest(request()), 2).syncSoon, false, 'and its absence')
  for (const op of [Op.trim, Op.writeZeroes]) {
    t.equal(decodeRequest(encodeRequest(request({ op, syncSoon: true, payload: Buffer.alloc(0) })), 2).syncSoon, true, `on op ${op}, a change`)
  }
  for (const op of [Op.hello, Op.flush, Op.readChecksums]) {
    t.throws(() => decodeRequest(encodeRequest(request({ op, syncSoon: true, payload: Buffer.alloc(0) })), 2), { code: 'ERR_BAD_REPLICA_FRAME' }, `not on op ${op}, which changes nothing`)
  }
  for (const n of [0, 1, 2 ** 32 + 5, 2 ** 53 - 1]) t.equal(decodeSynced(framedSynced(n).subarray(4)), n, `${n} answers`)
  const good = framedSynced(7).subarray(4)
  t.throws(() => decodeSynced(good.subarray(0, 8)), { code: 'ERR_BAD_REPLICA_FRAME' }, 'truncated')
  t.throws(() => decodeSynced(Buffer.concat([good, Buffer.alloc(1)])), { code: 'ERR_BAD_REPLICA_FRAME' }, 'too long')
  t.throws(() => decodeSynced(Buffer.from([2, ...good.subarray(1)])), { code: 'ERR_BAD_REPLICA_FRAME' }, 'a response where a synced frame belongs')
  const huge = Buffer.from(good)
  huge.writeUInt32BE(2 ** 21, 1)
  t.throws(() => decodeSynced(huge), { code: 'ERR_BAD_REPLICA_FRAME' }, 'a count beyond 2^53')
  t.throws(() => decodeResponse(good), { code: 'ERR_BAD_REPLICA_FRAME' }, 'a synced frame is no response')
})

/** Dials b's replica server raw and collects its answers. */
async function raw (dial: () => Promise<Duplex>): Promise<{ stream: Duplex, answers: ReplicaResponse[], closed: Promise<void> }> {
  const stream = await dial()
  const answers: ReplicaResponse[] = []
  const decoder = new FrameDecoder(MAX_FRAME)
  stream.on('data', (chunk: Buffer) => { for (const f of decoder.push(chunk)) answers.push(decodeResponse(f)) })
  stream.on('error', () => {})
  const closed = new Promise<void>(resolve => { stream.once('close', () => { resolve() }) })
  return { stream, answers, closed }
}

t.test('garbage on the protocol closes the stream, is counted, and harms nothing', async t => {
  const { nodes, primary } = await cluster(t, ['a', 'b'])
  const p = await primary('a', {})
  await p.write(0, Buffer.alloc(64 * KiB, 5), { generation: 1 })
  const before = await crcs(nodes.b!.store)
  const dial = async (): Promise<Duplex> => await nodes.a!.transport.dial('b', REPLICA_PROTOCOL)

  const junk = await raw(dial)
  junk.stream.write(frame(Buffer.from('this is not a replica request at all')))
  await junk.closed
  const huge = await raw(dial)
  huge.stream.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 1, 2, 3]))
  await huge.closed
  const zero = await raw(dial)
  zero.stream.write(Buffer.from([0, 0, 0, 0]))
  await zero.closed
  t.equal(nodes.b!.server.stats().garbage, 3, 'each bad stream was counted')

  const ok = await raw(dial)
  ok.stream.write(frame(encodeRequest(request({ id: 1, volume: 'no-such-volume' }))))
  ok.stream.write(frame(encodeRequest(request({ id: 2, generation: 0 }))))
  await new Promise<void>(resolve => { const iv = setInterval(() => { if (ok.answers.length === 2) { clearInterval(iv); resolve() } }, 5) })
  const byId = new Map(ok.answers.map(a => [a.id, a]))
  t.equal(byId.get(1)?.error, 'ERR_NO_SUCH_REPLICA', 'an unknown volume is an answer, not a crash')
  t.equal(byId.get(2)?.error, 'ERR_VOLUME_FENCED', 'a stale generation is refused by the store fence')
  t.equal(byId.get(2)?.generation, 1, 'and the answer names the generation that wins')
  ok.stream.destroy()

  t.same(await crcs(nodes.b!.store), before, "b's replica is untouched")
  await p.write(64 * KiB, Buffer.alloc(4 * KiB, 6), { generation: 1 })
  t.same(await crcs(nodes.b!.store), await crcs(nodes.a!.store), 'and the real primary carries on')
})

t.test('many requests are in flight on one stream and answered by id', async t => {
  const { nodes } = await cluster(t, ['a', 'b'])
  const s = await raw(async () => await nodes.a!.transport.dial('b', REPLICA_PROTOCOL))
  for (let i = 1; i <= 32; i++) s.stream.write(frame(encodeRequest(request({ id: i, offset: i * 4 * KiB, fua: i % 2 === 0 }))))
  s.stream.write(frame(encodeRequest(request({ id: 100, op: Op.readChecksums, offset: 0, length: 256 * KiB, payload: Buffer.alloc(0), fua: false }))))
  await new Promise<void>(resolve => { const iv = setInterval(() => { if (s.answers.length === 33) { clearInterval(iv); resolve() } }, 5) })
  t.same(s.answers.map(a => a.id).sort((x, y) => x - y), [...Array.from({ length: 32 }, (_, i) => i + 1), 100])
  t.ok(s.answers.every(a => a.error === ''), 'all succeeded')
  t.same(await nodes.b!.store.read(32 * 4 * KiB, 512), Buffer.alloc(512, 9))
  s.stream.destroy()
})

t.test('a framed head with the payload after it is the same frame as encodeRequest, for every op', async t => {
  for (const op of Object.values(Op)) {
    const r = request({ id: op, op, payload: op === Op.write ? Buffer.alloc(512, op) : Buffer.alloc(0), offset: 2 ** 40, generation: 2 ** 52 })
    const head = framedRequestHead({ ...r, volume: Buffer.from(r.volume) }, r.payload.byteLength)
    const wire = Buffer.concat([head, r.payload])
    t.same(wire, frame(encodeRequest(r)), `op ${op}`)
    const back = decodeRequest(wire.subarray(4))
    t.same({ ...back, payload: Buffer.from(back.payload) }, { ...r, payload: Buffer.from(r.payload) })
  }
  const res: ReplicaResponse = { id: 9, error: '', generation: 2 ** 53 - 1, payload: Buffer.from([1, 2, 3]) }
  t.same(framedResponse(res), frame(encodeResponse(res)))
  t.same({ ...decodeResponse(framedResponse(res).subarray(4)), payload: Buffer.from([1, 2, 3]) }, res)
})

t.test('every truncation of a request or response is refused, and random bytes never decode to anything but a refusal or a frame', async t => {
  const good = encodeRequest(request())
  let refused = 0
  for (let cut = 0; cut < good.length; cut++) {
    t.throws(() => decodeRequest(good.subarray(0, cut)), { code: 'ERR_BAD_REPLICA_FRAME' }, `request cut at ${cut}`)
    refused++
  }
  const answer = encodeResponse({ id: 1, error: 'ERR_VOLUME_FENCED', generation: 3, payload: Buffer.alloc(0) })
  for (let cut = 0; cut < 16 + 5; cut++) {
    if (cut < 16 + 'ERR_VOLUME_FENCED'.length) t.throws(() => decodeResponse(answer.subarray(0, cut)), { code: 'ERR_BAD_REPLICA_FRAME' }, `response cut at ${cut}`)
  }
  t.throws(() => decodeRequest(Buffer.concat([good, Buffer.alloc(1)])), { code: 'ERR_BAD_REPLICA_FRAME' }, 'a payload longer than its length')
  const offsetTooBig = Buffer.from(good)
  offsetTooBig.writeUInt32BE(2 ** 21, 15)
  t.throws(() => decodeRequest(offsetTooBig), { code: 'ERR_BAD_REPLICA_FRAME' }, 'offset of 2^53')
  let seed = 11
  const next = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed }
  for (let i = 0; i < 2000; i++) {
    const junk = Buffer.alloc(next() % 80)
    for (let j = 0; j < junk.length; j++) junk[j] = next() & 0xff
    // Mostly plausible heads, so the checks past the kind byte are reached too.
    if (junk.length > 0 && i % 2 === 0) junk[0] = [1, 2, 3][(i / 2) % 3]!
    for (const decode of [decodeRequest, (b: Buffer) => decodeRequest(b, 2), decodeResponse, decodeSynced]) {
      try { decode(junk) } catch (err) {
        if ((err as { code?: string }).code !== 'ERR_BAD_REPLICA_FRAME') { t.fail(`random bytes threw ${String(err)}`); return }
        refused++
      }
    }
  }
  t.ok(refused > good.length, `${refused} refusals, each ERR_BAD_REPLICA_FRAME`)
})

/** Replaces b's replica server with `serve`, which gets each request b receives and the stream to answer on. */
function hostile (c: Awaited<ReturnType<typeof cluster>>, serve: (req: ReplicaRequest, stream: Duplex) => void): void {
  void c.nodes.b!.server.close()
  c.nodes.b!.transport.handle(REPLICA_PROTOCOL, stream => {
    stream.on('error', () => {})
    const decoder = new FrameDecoder(MAX_FRAME)
    stream.on('data', (chunk: Buffer) => { for (const f of decoder.push(chunk)) serve(decodeRequest(f), stream) })
  })
}

/** An honest hello answer for a 16 MiB volume in 4 KiB blocks, as b's store would give. */
function hello (req: ReplicaRequest, stream: Duplex, store: { size: number, minBlockSize: number, preferredBlockSize: number }): void {
  const g = Buffer.alloc(16)
  g.writeBigUInt64BE(BigInt(store.size), 0)
  g.writeUInt32BE(store.minBlockSize, 8)
  g.writeUInt32BE(store.preferredBlockSize, 12)
  stream.write(framedResponse({ id: req.id, error: '', generation: req.generation, payload: g }))
}

for (const [name, answer] of [
  ['garbage in a well-framed answer', (req: ReplicaRequest, s: Duplex) => { s.write(frame(Buffer.from(`no answer to ${req.id}`))) }],
  ['an oversized frame length', (_req: ReplicaRequest, s: Duplex) => { s.write(Buffer.from([0x7f, 0xff, 0xff, 0xff, 2, 0, 0])) }],
  ['a zero frame length', (_req: ReplicaRequest, s: Duplex) => { s.write(Buffer.from([0, 0, 0, 0])) }],
  ['half an answer, then the end', (req: ReplicaRequest, s: Duplex) => { s.end(framedResponse({ id: req.id, error: '', generation: 1, payload: Buffer.alloc(0) }).subarray(0, 9)) }],
  ['an answer to a request never made', (req: ReplicaRequest, s: Duplex) => { s.write(framedResponse({ id: req.id + 1000, error: '', generation: 1, payload: Buffer.alloc(0) })) }]
] as const) {
  t.test(`a replica answering with ${name} fails the write: it is not acknowledged`, async t => {
    const c = await cluster(t, ['a', 'b'])
    const store = c.nodes.b!.store
    hostile(c, (req, stream) => {
      if (req.op === Op.hello) hello(req, stream, store)
      else answer(req, stream)
    })
    const p = await c.primary('a', {})
    // Several at once, so the batch the hostile answer breaks holds more than one request.
    const writes = await Promise.allSettled(Array.from({ length: 4 }, async (_, i) => { await p.write(i * 4 * KiB, Buffer.alloc(4 * KiB, 1), { generation: 1, fua: true }) }))
    t.ok(writes.every(w => w.status === 'rejected' && (w.reason as { code?: string }).code === 'ERR_REPLICA_UNAVAILABLE'), 'every write in flight failed with ERR_REPLICA_UNAVAILABLE')
    t.notOk(p.fenced, 'a confused replica does not fence the primary')
  })
}
