import t from 'tap'
import { BufferPool } from '../../../daemon/network/index.ts'
import { VirtualClock } from '../../../controller/clock/index.ts'

const KiB = 1024
const MiB = 1024 * KiB

function pool (init: Partial<ConstructorParameters<typeof BufferPool>[1]> = {}): { clock: VirtualClock, pool: BufferPool } {
  const clock = new VirtualClock()
  return { clock, pool: new BufferPool({ clock }, { maxBytes: 4 * MiB, maxPooledBytes: 8 * MiB, idleMs: 10_000, ...init }) }
}

t.test('a buffer given back is taken again by a frame of its size class, with exactly the length asked', async t => {
  const { pool: p } = pool()
  const a = p.take(MiB + 40)
  t.equal(a.length, MiB + 40)
  t.equal(a.buffer.byteLength, MiB + 64 * KiB, 'rounded up to 64 KiB')
  p.give(a.subarray(29)) // a view into it, as a decoded request's payload is
  t.equal(p.freeBytes, MiB + 64 * KiB)
  const b = p.take(MiB + 1000)
  t.equal(b.buffer, a.buffer, 'the same memory, used again')
  t.equal(b.length, MiB + 1000)
  t.equal(p.freeBytes, 0)
  const c = p.take(MiB + 40)
  t.not(c.buffer, a.buffer, 'a buffer out is never handed out twice')
  t.same(p.stats(), { taken: 3, reused: 1, given: 1, dropped: 0 })
})

t.test('a buffer given twice, or one the pool never made, is ignored', async t => {
  const { pool: p } = pool()
  const a = p.take(100 * KiB)
  p.give(a)
  p.give(a)
  t.equal(p.freeBytes, 128 * KiB, 'once only')
  p.give(Buffer.allocUnsafeSlow(128 * KiB))
  p.give(new Uint8Array(64 * KiB))
  t.equal(p.freeBytes, 128 * KiB, 'strangers are not adopted')
  const x = p.take(100 * KiB)
  const y = p.take(100 * KiB)
  t.not(x.buffer, y.buffer, 'the double give did not put it in the pool twice')
})

t.test('under 64 KiB or over maxBytes is a buffer of its own; over maxPooledBytes a give is dropped', async t => {
  const { pool: p } = pool({ maxBytes: MiB, maxPooledBytes: 2 * MiB })
  const big = p.take(MiB + 1)
  p.give(big)
  const small = p.take(28)
  t.equal(small.length, 28)
  p.give(small)
  t.equal(p.freeBytes, 0, 'never pooled')
  t.equal(p.stats().taken, 0, 'nor counted')
  const bufs = [p.take(MiB), p.take(MiB), p.take(MiB)]
  for (const b of bufs) p.give(b)
  t.equal(p.freeBytes, 2 * MiB, 'kept up to the bound')
  t.equal(p.stats().dropped, 1)
})

t.test('free buffers are dropped after idleMs without a take, and not while takes go on', async t => {
  const { clock, pool: p } = pool({ idleMs: 10_000 })
  p.give(p.take(MiB))
  await clock.advance(6_000)
  p.give(p.take(MiB)) // a take at 6 s puts the trim off
  await clock.advance(6_000)
  t.equal(p.freeBytes, MiB, 'kept: taken 6 s ago')
  await clock.advance(4_000)
  t.equal(p.freeBytes, 0, 'dropped 10 s after the last take')
  const again = p.take(MiB)
  t.equal(again.length, MiB, 'and the pool still serves')
})
