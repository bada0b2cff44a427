import t from 'tap'
import type { Test } from 'tap'
import type { Duplex } from 'node:stream'
import { join } from 'node:path'
import { BLOB_PROTOCOL, BadBlobFrameError, type ImageRecord } from '../../../daemon/images/index.ts'
import { BlobOp, decodeRequest, decodeResponse, encodeRequest, encodeResponse, makeBitmap, hasBit, REQUEST_BYTES, responseFrame } from '../../../daemon/images/wire.ts'
import { FrameDecoder, LoopbackNetwork, LoopbackTransport, frame, readFrames } from '../../../daemon/network/index.ts'
import { blobNode, sampleTree, seed, tempDir, writeTree, type BlobNode } from './helpers.ts'

const HEX = 'ab'.repeat(32)

t.test('requests and answers round-trip, and anything a correct peer would not send is refused', async t => {
  const req = { id: 7, op: BlobOp.chunk, hex: HEX, index: 12 } as const
  t.same(decodeRequest(encodeRequest(req)), req)
  const res = { id: 9, op: BlobOp.chunk, error: '', payload: Buffer.from('bytes') }
  t.same(decodeResponse(encodeResponse(res)), res)
  const [head, payload] = responseFrame(res)
  const decoder = new FrameDecoder(1024)
  t.same(decodeResponse(decoder.push(Buffer.concat([head, payload]))[0] as Buffer), res, 'the two-part answer is one frame')
  t.same(decodeResponse(encodeResponse({ id: 1, op: BlobOp.have, error: 'ERR_UNKNOWN_BLOB', payload: Buffer.alloc(0) })).error, 'ERR_UNKNOWN_BLOB')

  const good = encodeRequest(req)
  const cases: Array<[string, Buffer]> = [
    ['empty', Buffer.alloc(0)],
    ['short', good.subarray(0, REQUEST_BYTES - 1)],
    ['long', Buffer.concat([good, Buffer.alloc(1)])],
    ['a response kind', Buffer.from(good).fill(2, 0, 1)],
    ['an unknown op', Buffer.from(good).fill(9, 1, 2)],
    ['a have naming a chunk', encodeRequest({ ...req, op: BlobOp.have, index: 3 })]
  ]
  for (const [name, b] of cases) t.throws(() => decodeRequest(b), { code: 'ERR_BAD_BLOB_FRAME' }, `request: ${name}`)
  const answer = encodeResponse(res)
  const refusal = encodeResponse({ id: 1, op: BlobOp.chunk, error: 'ERR_X', payload: Buffer.alloc(0) })
  const badAnswers: Array<[string, Buffer]> = [
    ['short', answer.subarray(0, 5)],
    ['a request kind', Buffer.from(answer).fill(1, 0, 1)],
    ['an unknown op', Buffer.from(answer).fill(0, 1, 2)],
    ['status 2', Buffer.from(answer).fill(2, 6, 7)],
    ['an error code on success', Buffer.from(answer).fill(3, 7, 8)],
    ['a refusal with a payload', Buffer.concat([refusal, Buffer.from('x')])],
    ['a code longer than the frame', Buffer.from(refusal).fill(60, 7, 8)]
  ]
  for (const [name, b] of badAnswers) t.throws(() => decodeResponse(b), BadBlobFrameError, `answer: ${name}`)
  const bitmap = makeBitmap(11, i => i % 3 === 0)
  t.equal(bitmap.length, 2)
  t.same(Array.from({ length: 11 }, (_, i) => hasBit(bitmap, i)), Array.from({ length: 11 }, (_, i) => i % 3 === 0))
})

t.test('the frame decoder cuts frames the same however the bytes arrive', async t => {
  const frames = [Buffer.alloc(1, 1), Buffer.alloc(70_000, 2), Buffer.alloc(3, 3), Buffer.alloc(5 * 1024 * 1024, 4)]
  const wire = Buffer.concat(frames.map(f => frame(f)))
  for (const piece of [1, 3, 4, 5, 4096, 65536, wire.length]) {
    const d = new FrameDecoder(8 * 1024 * 1024)
    const out: Buffer[] = []
    for (let at = 0; at < wire.length; at += piece) out.push(...d.push(wire.subarray(at, at + piece)))
    t.same(out.map(f => f.length), frames.map(f => f.length), `in ${piece}-byte pieces`)
    t.ok(out.every((f, i) => f.equals(frames[i] as Buffer)))
    t.equal(d.buffered, 0)
  }
  const d = new FrameDecoder(100)
  t.throws(() => d.push(frame(Buffer.alloc(101))), { code: 'ERR_FRAME_TOO_LARGE' })
  t.throws(() => new FrameDecoder(100).push(Buffer.alloc(4)), { code: 'ERR_FRAME_TOO_LARGE' }, 'a zero length')
})

/** A holder with one blob and a raw client transport on the same loopback network. */
async function holderAndClient (t: Test): Promise<{ holder: BlobNode, client: LoopbackTransport, record: ImageRecord, network: LoopbackNetwork }> {
  const network = new LoopbackNetwork()
  const transport = new LoopbackTransport({ network }, { nodeId: 'holder' })
  const client = new LoopbackTransport({ network }, { nodeId: 'client' })
  t.teardown(async () => { await transport.close(); await client.close() })
  const holder = await blobNode(t, transport)
  const record = await seed([holder.store], await writeTree(join(await tempDir(t), 'src'), sampleTree(9 * 1024 * 1024)))
  return { holder, client, record, network }
}

/** Resolves when the stream closes (the server hung up on it). */
function closed (stream: Duplex): Promise<void> {
  return new Promise(resolve => { if (stream.destroyed) resolve(); else stream.once('close', () => { resolve() }) })
}

t.test('garbled, oversized, truncated or flooding requests close their stream and change nothing', async t => {
  const { holder, client, record } = await holderAndClient(t)
  const hex = record.digest.slice('sha256:'.length)
  const before = holder.store.list()

  const oversized = await client.dial('holder', BLOB_PROTOCOL)
  oversized.on('error', () => {})
  oversized.resume()
  const head = Buffer.alloc(4)
  head.writeUInt32BE(64 * 1024 * 1024)
  oversized.write(head)
  await closed(oversized)

  const garbled = await client.dial('holder', BLOB_PROTOCOL)
  garbled.on('error', () => {})
  garbled.resume()
  garbled.write(frame(Buffer.alloc(REQUEST_BYTES, 0xee)))
  await closed(garbled)

  const flood = await client.dial('holder', BLOB_PROTOCOL)
  flood.on('error', () => {})
  flood.resume()
  const many: Buffer[] = []
  for (let i = 1; i <= 40; i++) many.push(frame(encodeRequest({ id: i, op: BlobOp.chunk, hex, index: 0 })))
  flood.write(Buffer.concat(many))
  await closed(flood)

  const truncated = await client.dial('holder', BLOB_PROTOCOL)
  truncated.on('error', () => {})
  truncated.resume()
  truncated.end(frame(encodeRequest({ id: 1, op: BlobOp.chunk, hex, index: 0 })).subarray(0, 20))
  await closed(truncated)

  t.equal(holder.server.stats().garbage, 3, 'oversized, garbled and flood counted as garbage')
  t.same(holder.store.list(), before, 'the store is as it was')

  // The server still answers a well-behaved client, including refusals.
  const ok = await client.dial('holder', BLOB_PROTOCOL)
  const answers: Array<ReturnType<typeof decodeResponse>> = []
  const reading = readFrames(ok, 8 * 1024 * 1024, p => { answers.push(decodeResponse(p)) })
  ok.write(frame(encodeRequest({ id: 1, op: BlobOp.have, hex, index: 0 })))
  ok.write(frame(encodeRequest({ id: 2, op: BlobOp.chunk, hex, index: 1 })))
  ok.write(frame(encodeRequest({ id: 3, op: BlobOp.chunk, hex: '00'.repeat(32), index: 0 })))
  ok.write(frame(encodeRequest({ id: 4, op: BlobOp.chunk, hex, index: 99 })))
  while (answers.length < 4) await new Promise(resolve => setImmediate(resolve))
  ok.end()
  await reading
  const byId = new Map(answers.map(a => [a.id, a]))
  t.same(byId.get(1)?.payload, makeBitmap(record.chunks.length, () => true))
  t.same(byId.get(2)?.payload, await holder.store.readChunk(record.digest, 1))
  t.equal(byId.get(3)?.error, 'ERR_UNKNOWN_BLOB')
  t.equal(byId.get(4)?.error, 'ERR_MISSING_CHUNK')
})

/** A fake holder that answers every request with what `answer` makes of it. */
function fakeHolder (t: Test, network: LoopbackNetwork, id: string, answer: (req: ReturnType<typeof decodeRequest>, stream: Duplex) => void): void {
  const transport = new LoopbackTransport({ network }, { nodeId: id })
  t.teardown(() => transport.close())
  transport.handle(BLOB_PROTOCOL, stream => {
    stream.on('error', () => {})
    readFrames(stream, 1024, p => { answer(decodeRequest(p), stream) }).catch(() => {})
  })
}

t.test('a holder answering garbage is dropped as a protocol failure; the fetch finishes from another', async t => {
  const { holder, client, record, network } = await holderAndClient(t)
  const bitmap = makeBitmap(record.chunks.length, () => true)
  const have = (req: ReturnType<typeof decodeRequest>, stream: Duplex): boolean => {
    if (req.op !== BlobOp.have) return false
    stream.write(frame(encodeResponse({ id: req.id, op: req.op, error: '', payload: bitmap })))
    return true
  }
  fakeHolder(t, network, 'garbage', (req, stream) => { if (!have(req, stream)) stream.write(frame(Buffer.from('not a response at all'))) })
  fakeHolder(t, network, 'stranger', (req, stream) => { if (!have(req, stream)) stream.write(frame(encodeResponse({ id: req.id + 1000, op: req.op, error: '', payload: Buffer.alloc(1) }))) })
  fakeHolder(t, network, 'huge', (req, stream) => {
    if (have(req, stream)) return
    const h = Buffer.alloc(4)
    h.writeUInt32BE(1024 ** 3)
    stream.write(h)
  })
  fakeHolder(t, network, 'short-bitmap', (req, stream) => { stream.write(frame(encodeResponse({ id: req.id, op: req.op, error: '', payload: Buffer.alloc(0) }))) })
  fakeHolder(t, network, 'disk-error', (req, stream) => { if (!have(req, stream)) stream.write(frame(encodeResponse({ id: req.id, op: req.op, error: 'ERR_BLOB_INTERNAL', payload: Buffer.alloc(0) }))) })
  const f = await blobNode(t, client)
  const expected = { 'garbage': 'protocol', 'stranger': 'protocol', 'huge': 'protocol', 'short-bitmap': 'protocol', 'disk-error': 'refused' }
  for (const [node, reason] of Object.entries(expected)) {
    const err = await f.fetcher.fetch(record, { sources: [node] }).then(() => ({}), (e: unknown) => e) as { code?: string, dropped?: Array<{ node: string, reason: string }> }
    t.equal(err.code, 'ERR_FETCH_FAILED', `${node} alone: the fetch fails`)
    t.same(err.dropped?.map(d => [d.node, d.reason]), [[node, reason]], `${node} is dropped as ${reason}`)
    t.same(f.store.missing(record.digest), record.chunks.map((_, i) => i), 'and nothing was stored')
  }
  const result = await f.fetcher.fetch(record, { sources: [...Object.keys(expected), 'holder'] })
  t.equal(f.store.has(record.digest), true, 'with a good holder among them, the fetch completes')
  t.ok(result.dropped.every(d => d.node !== 'holder'))
  t.equal(holder.server.stats().garbage, 0)
})
