import t from 'tap'
import { BufferPool, FrameDecoder, frame, framePrefix } from '../../../daemon/network/index.ts'
import { CopyingFrameDecoder } from '../../../daemon/network/frames.ts'
import { VirtualClock } from '../../../controller/clock/index.ts'

/** A seeded generator, so a failing split can be replayed. */
function rng (seed: number): (n: number) => number {
  let s = seed
  return n => { s = (s * 1103515245 + 12345) % 2 ** 31; return s % n }
}

t.test('framePrefix before the parts is the same bytes as frame()', async t => {
  const parts = [Buffer.from('head'), Buffer.alloc(5000, 7)]
  const length = parts.reduce((n, p) => n + p.length, 0)
  t.same(Buffer.concat([framePrefix(length), ...parts]), frame(Buffer.concat(parts)))
})

t.test('a frame inside one chunk is a view of it, not a copy; one over several chunks is whole', async t => {
  const chunk = Buffer.concat([frame(Buffer.from('one')), frame(Buffer.from('two'))])
  const d = new FrameDecoder(100)
  const [a, b] = d.push(chunk)
  t.equal(a?.toString(), 'one')
  t.equal(b?.toString(), 'two')
  t.equal(a?.buffer, chunk.buffer, 'the frame shares the chunk\'s memory')

  const big = Buffer.alloc(10_000)
  for (let i = 0; i < big.length; i++) big[i] = i & 0xff
  const bytes = frame(big)
  const d2 = new FrameDecoder(20_000)
  const out: Buffer[] = []
  for (let at = 0; at < bytes.length; at += 333) out.push(...d2.push(bytes.subarray(at, at + 333)))
  t.equal(out.length, 1)
  t.ok(out[0]!.equals(big), 'joined byte for byte')
  t.equal(d2.buffered, 0, 'nothing held after it')
})

t.test('a Uint8Array that is not a Buffer is taken as it is', async t => {
  const bytes = frame(Buffer.from('plain'))
  const u8 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  t.same(new FrameDecoder(100).push(u8).map(f => f.toString()), ['plain'])
})

t.test('a truncated frame yields nothing and is held until the rest comes', async t => {
  const bytes = frame(Buffer.alloc(64, 1))
  for (const cut of [1, 3, 4, 5, 40, bytes.length - 1]) {
    const d = new FrameDecoder(100)
    t.same(d.push(bytes.subarray(0, cut)), [], `cut at ${cut}`)
    t.equal(d.buffered, cut)
    t.equal(d.push(bytes.subarray(cut)).length, 1, 'the rest completes it')
  }
})

t.test('an oversized or zero length is refused as soon as its prefix is complete, before its body is held', async t => {
  const d = new FrameDecoder(1024)
  t.same(d.push(Buffer.from([0, 0])), [], 'half a prefix is not yet a length')
  t.throws(() => d.push(Buffer.from([0x04, 0x01])), { code: 'ERR_FRAME_TOO_LARGE' }, '1025 bytes')
  t.throws(() => new FrameDecoder(1024).push(Buffer.from([0xff, 0xff, 0xff, 0xff])), { code: 'ERR_FRAME_TOO_LARGE' })
  t.throws(() => new FrameDecoder(1024).push(Buffer.from([0, 0, 0, 0, 9])), { code: 'ERR_FRAME_TOO_LARGE' }, 'zero length')
  // A good frame followed by garbage: the good one is not lost before the throw is seen by a caller reading one push at a time.
  const good = new FrameDecoder(1024)
  t.equal(good.push(frame(Buffer.from('ok'))).length, 1)
  t.throws(() => good.push(Buffer.from([0x7f, 0, 0, 0])), { code: 'ERR_FRAME_TOO_LARGE' })
})

// The copying decoder takes bytes valid only during push() (a TLS socket read into a buffer of our own).

t.test('copying: a truncated frame yields nothing until the rest comes; an oversized or zero length is refused at its prefix', async t => {
  const bytes = frame(Buffer.alloc(64, 1))
  for (const cut of [1, 3, 4, 5, 40, bytes.length - 1]) {
    const d = new CopyingFrameDecoder(100)
    t.same(d.push(bytes.subarray(0, cut)), [], `cut at ${cut}`)
    t.same(d.push(bytes.subarray(cut)).map(f => f.length), [64], 'the rest completes it')
  }
  let taken = 0
  const d = new CopyingFrameDecoder(1024, n => { taken += n; return Buffer.alloc(n) })
  t.same(d.push(Buffer.from([0, 0])), [], 'half a prefix is not yet a length')
  t.throws(() => d.push(Buffer.from([0x04, 0x01])), { code: 'ERR_FRAME_TOO_LARGE' }, '1025 bytes')
  t.equal(taken, 0, 'nothing was allocated for it')
  t.throws(() => new CopyingFrameDecoder(1024).push(Buffer.from([0xff, 0xff, 0xff, 0xff])), { code: 'ERR_FRAME_TOO_LARGE' })
  t.throws(() => new CopyingFrameDecoder(1024).push(Buffer.from([0, 0, 0, 0, 9])), { code: 'ERR_FRAME_TOO_LARGE' }, 'zero length')
  const good = new CopyingFrameDecoder(1024)
  t.same(good.push(frame(Buffer.from('ok'))).map(f => f.toString()), ['ok'])
  t.throws(() => good.push(Buffer.from([0x7f, 0, 0, 0])), { code: 'ERR_FRAME_TOO_LARGE' }, 'garbage after a good frame')
})

/**
 * How a socket hands a decoder its pieces: the holding decoder gets each in
 * a buffer of its own, as data events deliver them; the copying one gets
 * every piece in one buffer, overwritten after each push, as a read into a
 * buffer of our own does.
 */
function feeder (copying: boolean): (d: { push: (b: Uint8Array) => Buffer[] }, piece: Buffer) => Buffer[] {
  if (!copying) return (d, piece) => d.push(Buffer.from(piece))
  const reused = Buffer.alloc(64 * 1024)
  return (d, piece) => {
    piece.copy(reused)
    const frames = d.push(reused.subarray(0, piece.length))
    reused.fill(0xee)
    return frames
  }
}

for (const copying of [false, true]) {
  const how = copying ? 'copying' : 'holding'
  const decoder = (max: number, take?: (n: number) => Buffer): { push: (b: Uint8Array) => Buffer[] } => copying ? new CopyingFrameDecoder(max, take) : new FrameDecoder(max, take)
  const feed = feeder(copying)

  t.test(`${how}: any split of a stream of frames decodes to the same frames (seeded splits)`, async t => {
    const next = rng(7)
    const frames = Array.from({ length: 60 }, (_, i) => Buffer.alloc(1 + next(3000), i))
    const stream = Buffer.concat(frames.map(f => frame(f)))
    for (let round = 0; round < 50; round++) {
      const d = decoder(4096)
      const out: Buffer[] = []
      for (let at = 0; at < stream.length;) {
        const n = Math.min(1 + next(round % 2 === 0 ? 7 : 5000), stream.length - at)
        out.push(...feed(d, stream.subarray(at, at + n)))
        at += n
      }
      if (out.length !== frames.length || out.some((f, i) => !f.equals(frames[i]!))) {
        t.fail(`round ${round} decoded differently`)
        return
      }
    }
    t.pass('50 splits, all equal')
  })

  t.test(`${how}: frames are put together in buffers from take; given back and reused, none is corrupted (seeded)`, async t => {
    const next = rng(11)
    const clock = new VirtualClock()
    const pool = new BufferPool({ clock }, { maxBytes: 512 * 1024, maxPooledBytes: 4 * 1024 * 1024, idleMs: 10_000 })
    // Small frames (Node's own buffers) among pooled ones, of a few size classes.
    const frames = Array.from({ length: 200 }, (_, i) => Buffer.alloc(i % 3 === 0 ? 1 + next(3000) : 64 * 1024 + next(200_000), i))
    const stream = Buffer.concat(frames.map(f => frame(f)))
    const d = decoder(512 * 1024, n => pool.take(n))
    const out: Buffer[] = []
    for (let at = 0; at < stream.length;) {
      const n = Math.min(1 + next(40_000), stream.length - at)
      for (const f of feed(d, stream.subarray(at, at + n))) {
        // Checked at once, then given back while later frames are still to come, as the replica server does.
        out.push(Buffer.from(f))
        pool.give(f)
      }
      at += n
    }
    t.equal(out.length, frames.length)
    t.ok(out.every((f, i) => f.equals(frames[i]!)), 'every frame byte for byte')
    t.ok(pool.stats().reused > 50, `buffers were reused (${pool.stats().reused} of ${pool.stats().taken})`)
  })
}

