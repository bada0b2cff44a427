import t from 'tap'
import type { Duplex } from 'node:stream'
import { FrameDecoder, frame } from '../../../../daemon/consensus/index.ts'
import {
  MAX_FRAME, Op, REPLICA_PROTOCOL, decodeRequest, decodeResponse, encodeRequest, encodeResponse,
  type ReplicaRequest, type ReplicaResponse
} from '../../../../daemon/volumes/replica/index.ts'
import { KiB, VOLUME, cluster, crcs } from './helpers.ts'

const request = (over: Partial<ReplicaRequest> = {}): ReplicaRequest => ({
  id: 7, op: Op.write, volume: VOLUME, generation: 1, offset: 4096, length: 512, fua: true, noHole: false, payload: Buffer.alloc(512, 9), ...over
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
