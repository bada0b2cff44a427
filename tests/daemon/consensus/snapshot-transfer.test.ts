import t from 'tap'
import type { Test } from 'tap'
import type { Duplex } from 'node:stream'
import { RealClock } from '../../../controller/clock/index.ts'
import type { Message } from '../../../controller/raft/index.ts'
import { LinkPacer, LoopbackNetwork, LoopbackTransport } from '../../../daemon/network/index.ts'
import { MAX_PIECE_BYTES, SNAPSHOT_PROTOCOL, SnapshotTransfers, encodeMessage, frame, readFrames } from '../../../daemon/consensus/index.ts'
import { logger, waitFor } from './helpers.ts'

type SnapshotMessage = Extract<Message, { type: 'snapshot' }>

const MiB = 1024 * 1024 // bytes

function snapshot (bytes: number, index = 10, term = 2, from = 'a', to = 'b'): SnapshotMessage {
  const data = new Uint8Array(bytes)
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + index) & 0xff
  return { type: 'snapshot', from, to, term, snapshot: { index, term, conf: { voters: ['a', 'b'], learners: [] }, data } }
}

interface End {
  transfers: SnapshotTransfers
  transport: LoopbackTransport
  got: Message[]
  progress: string[]
  done: Array<{ to: string, ok: boolean }>
}

async function pair (t: Test, init: { pacer?: LinkPacer, stallMs?: number, maxMessageBytes?: number, holdB?: boolean } = {}): Promise<{ a: End, b: End, network: LoopbackNetwork }> {
  const network = new LoopbackNetwork()
  const end = (id: string): End => {
    const transport = new LoopbackTransport({ network }, { nodeId: id })
    const e: End = { transport, got: [], progress: [], done: [], transfers: undefined as unknown as SnapshotTransfers }
    e.transfers = new SnapshotTransfers({ transport, clock: new RealClock(), logger }, {
      onMessage: m => { e.got.push(m) },
      onProgress: to => { e.progress.push(to) },
      onDone: (to, ok) => { e.done.push({ to, ok }) },
      pacerFor: () => init.pacer,
      ...(init.stallMs !== undefined ? { stallMs: init.stallMs } : {}),
      ...(init.maxMessageBytes !== undefined ? { maxMessageBytes: init.maxMessageBytes } : {})
    })
    return e
  }
  const a = end('a')
  const b = end('b')
  a.transfers.start()
  if (init.holdB !== true) b.transfers.start()
  t.teardown(async () => { a.transfers.stop(); b.transfers.stop(); await a.transport.close(); await b.transport.close() })
  return { a, b, network }
}

t.test('a snapshot larger than the Raft stream\'s backlog arrives whole, in acknowledged pieces', async t => {
  const { a, b } = await pair(t)
  const m = snapshot(6 * MiB + 123)
  a.transfers.send(m)
  await waitFor(() => a.done.length === 1, 20_000, 'the transfer ends')
  t.same(a.done, [{ to: 'b', ok: true }], 'reported delivered')
  t.equal(b.got.length, 1, 'the follower got one message')
  const got = b.got[0] as SnapshotMessage
  t.equal(got.snapshot.index, 10)
  t.equal(got.snapshot.term, 2)
  t.same(got.snapshot.conf, m.snapshot.conf)
  t.ok(Buffer.from(got.snapshot.data).equals(Buffer.from(m.snapshot.data)), 'every byte of the state')
  const pieces = Math.ceil(encodeMessage(m).byteLength / MAX_PIECE_BYTES)
  t.equal(a.progress.length, pieces, `progress told once per acknowledged piece (${pieces})`)
  t.match(a.transfers.stats(), { sent: 1, failed: 0 })
  t.match(b.transfers.stats(), { received: 1, garbled: 0 })
})

t.test('with a link pacer, pieces go at its slots and its size, and the acknowledgements measure the link', async t => {
  const clock = new RealClock()
  const pacer = new LinkPacer(clock, { ceilingBytesPerSecond: 64 * MiB, share: 0.5, maxPieceBytes: 256 * 1024 })
  const { a, b } = await pair(t, { pacer })
  // A follower behind an 8 MB/s link: each piece answered once the link would have carried it (loopback answers within a millisecond, too fast to measure).
  const LINK = 8000 // bytes per ms
  const sizes: number[] = []
  let free = 0
  let total = 0
  b.transport.handle(SNAPSHOT_PROTOCOL, stream => {
    stream.on('error', () => {})
    let first = true
    void readFrames(stream, MAX_PIECE_BYTES, piece => {
      if (first) { first = false; return }
      sizes.push(piece.length)
      total += piece.length
      free = Math.max(free, Date.now()) + piece.length / LINK
      const ack = Buffer.alloc(4)
      ack.writeUInt32BE(total, 0)
      setTimeout(() => { stream.write(frame(ack)) }, Math.max(0, free - Date.now()))
    }).catch(() => {})
  })
  t.equal(pacer.view().estimate, 0, 'nothing measured before')
  a.transfers.send(snapshot(2 * MiB))
  await waitFor(() => a.done.length === 1, 30_000, 'the transfer ends')
  t.same(a.done, [{ to: 'b', ok: true }])
  t.equal(a.progress.length, sizes.length, 'progress told per piece')
  t.equal(sizes[0], 4096, 'unmeasured, the first pieces are the pacer\'s smallest')
  t.ok(Math.max(...sizes) > 4096 && Math.max(...sizes) <= 256 * 1024, `measured, they grow with the estimate, within its largest: up to ${Math.max(...sizes)} bytes`)
  const est = pacer.view().estimate
  t.ok(est > 0, `the acknowledgements measured the link: ${(est / 1e6).toFixed(1)} MB/s`)
})

t.test('a newer snapshot for the same peer cuts the one under way; an older or equal one is dropped', async t => {
  const { a, b } = await pair(t, { holdB: true })
  // b's first snapshot stream is read and never answered (a transfer under way on a slow link); later ones reach b's transfers.
  let real: ((stream: Duplex, from: string) => void) | undefined
  const handle = b.transport.handle.bind(b.transport)
  b.transport.handle = (protocol, handler) => { real = handler }
  b.transfers.start()
  let streams = 0
  handle(SNAPSHOT_PROTOCOL, (stream, from) => {
    if (streams++ > 0) { real!(stream, from); return }
    stream.on('error', () => {})
    stream.resume()
  })
  a.transfers.send(snapshot(1 * MiB, 10, 2))
  await waitFor(() => streams === 1, 5000, 'the first transfer under way')
  a.transfers.send(snapshot(1 * MiB, 10, 2))
  a.transfers.send(snapshot(1 * MiB, 9, 2))
  t.equal(a.transfers.stats().superseded, 0, 'an equal or older snapshot does not cut it')
  t.equal(streams, 1, 'nor opens another stream')
  a.transfers.send(snapshot(64 * 1024, 20, 2))
  t.equal(a.transfers.stats().superseded, 1, 'a newer one does')
  await waitFor(() => a.done.length === 1, 20_000, 'the newer transfer ends')
  t.same(a.done, [{ to: 'b', ok: true }], 'one outcome: the newer one\'s')
  t.same(b.got.map(m => (m as SnapshotMessage).snapshot.index), [20], 'the follower got only the newer snapshot')
  t.match(a.transfers.stats(), { sent: 1, failed: 0 })
})

t.test('a follower that stops acknowledging is cut after the stall time and the transfer reported failed', async t => {
  const { a, b } = await pair(t, { stallMs: 300 })
  // Reads everything, answers nothing.
  b.transport.handle(SNAPSHOT_PROTOCOL, stream => { stream.on('error', () => {}); stream.resume() })
  a.transfers.send(snapshot(3 * MiB))
  await waitFor(() => a.done.length === 1, 10_000, 'the transfer ends')
  t.same(a.done, [{ to: 'b', ok: false }])
  t.match(a.transfers.stats(), { sent: 0, failed: 1 })
})

t.test('an acknowledgement that does not match a piece sent fails the transfer', async t => {
  const { a, b } = await pair(t)
  b.transport.handle(SNAPSHOT_PROTOCOL, stream => {
    stream.on('error', () => {})
    let first = true
    void readFrames(stream, MAX_PIECE_BYTES, () => {
      if (first) { first = false; return }
      const ack = Buffer.alloc(4)
      ack.writeUInt32BE(7, 0)
      stream.write(frame(ack))
    }).catch(() => {})
  })
  a.transfers.send(snapshot(2 * MiB))
  await waitFor(() => a.done.length === 1, 10_000, 'the transfer ends')
  t.same(a.done, [{ to: 'b', ok: false }])
})

t.test('a peer without the snapshot protocol (an older version) gets it by the fallback, on the Raft stream', async t => {
  const { a, b } = await pair(t, { holdB: true })
  const fallen: Message[] = []
  const c = new SnapshotTransfers({ transport: a.transport, clock: new RealClock(), logger }, {
    onMessage: () => {}, onProgress: () => {}, onDone: (to, ok) => { a.done.push({ to, ok }) }, fallback: m => { fallen.push(m); return true }
  })
  t.teardown(() => { c.stop() })
  c.send(snapshot(1024))
  await waitFor(() => a.done.length === 1, 5000, 'the transfer ends')
  t.same(a.done, [{ to: 'b', ok: true }], 'reported as the fallback said')
  t.equal(fallen.length, 1, 'the message went by the fallback')
  t.equal(b.got.length, 0)
})

t.test('a snapshot to a peer that cannot be reached is reported failed', async t => {
  const { a } = await pair(t)
  a.transfers.send(snapshot(1024, 10, 2, 'a', 'nobody'))
  await waitFor(() => a.done.length === 1, 10_000, 'the transfer ends')
  t.same(a.done, [{ to: 'nobody', ok: false }])
})

/** Opens a raw snapshot stream from `a` to b's handler, writes `chunks`, ends; resolves when b closes its side. */
async function raw (a: End, chunks: Buffer[], end = true): Promise<Duplex> {
  const stream = await a.transport.dial('b', SNAPSHOT_PROTOCOL)
  stream.on('error', () => {})
  stream.resume()
  for (const c of chunks) stream.write(c)
  if (end) stream.end()
  return stream
}

function header (total: number, version = 1): Buffer {
  const h = Buffer.alloc(5)
  h.writeUInt8(version, 0)
  h.writeUInt32BE(total, 1)
  return frame(h)
}

t.test('the follower refuses bad input, delivers nothing and counts it', async t => {
  const { a, b } = await pair(t, { maxMessageBytes: 4 * MiB })
  const good = encodeMessage(snapshot(100 * 1024))
  const cases: Array<{ name: string, chunks: Buffer[], garbled: boolean }> = [
    { name: 'a total over the largest accepted', chunks: [header(5 * MiB)], garbled: true },
    { name: 'a zero total', chunks: [header(0)], garbled: true },
    { name: 'another version', chunks: [header(good.byteLength, 2)], garbled: true },
    { name: 'a header of the wrong size', chunks: [frame(Buffer.alloc(9))], garbled: true },
    { name: 'pieces past the total', chunks: [header(10), frame(Buffer.alloc(11))], garbled: true },
    { name: 'a piece frame over the largest piece', chunks: [header(good.byteLength), Buffer.from([0xff, 0xff, 0xff, 0xf0])], garbled: true },
    { name: 'bytes that are not a Raft message', chunks: [header(1000), frame(Buffer.alloc(1000, 0xee))], garbled: true },
    { name: 'a heartbeat instead of a snapshot', chunks: (() => { const hb = encodeMessage({ type: 'heartbeat', from: 'a', to: 'b', term: 1, commit: 0, context: new Uint8Array(0) }); return [header(hb.byteLength), frame(hb)] })(), garbled: true },
    { name: 'a snapshot claiming another sender', chunks: (() => { const s = encodeMessage(snapshot(1000, 10, 2, 'c')); return [header(s.byteLength), frame(s)] })(), garbled: true },
    { name: 'a transfer cut short', chunks: [header(good.byteLength), frame(Buffer.from(good.subarray(0, 5000)))], garbled: false }
  ]
  let garbled = 0
  for (const c of cases) {
    const stream = await raw(a, c.chunks)
    await new Promise<void>(resolve => { if (stream.destroyed) resolve(); else stream.once('close', () => { resolve() }) })
    if (c.garbled) garbled++
    await waitFor(() => b.transfers.stats().garbled === garbled, 5000, `${c.name}: counted`)
    t.equal(b.got.length, 0, `${c.name}: nothing delivered`)
  }
  // And the same follower still takes a good one afterwards.
  const stream = await raw(a, [header(good.byteLength), frame(good)], false)
  await waitFor(() => b.got.length === 1, 5000, 'a good snapshot after all that')
  stream.end()
  t.equal(b.transfers.stats().received, 1)
})
