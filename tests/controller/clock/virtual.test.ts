import t from 'tap'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { clockCompliance } from './clock-compliance.ts'

clockCompliance('VirtualClock', () => {
  const clock = new VirtualClock()
  return { clock, advance: ms => clock.advance(ms) }
})

t.test('starts where it is told and moves only by advance', async t => {
  const clock = new VirtualClock(1_000)
  t.equal(clock.now(), 1_000)
  await new Promise(resolve => setTimeout(resolve, 5))
  t.equal(clock.now(), 1_000)
  await clock.advance(250)
  t.equal(clock.now(), 1_250)
  await clock.advance(0)
  t.equal(clock.now(), 1_250)
})

t.test('advance fires in due order, ties in the order set, each at its own time', async t => {
  const clock = new VirtualClock()
  const fired: Array<[string, number]> = []
  const at = (name: string) => () => { fired.push([name, clock.now()]) }
  clock.setTimeout(at('b1'), 10)
  clock.setTimeout(at('a'), 5)
  clock.setTimeout(at('b2'), 10)
  clock.setTimeout(at('b3'), 10)
  clock.setTimeout(at('c'), 11)
  await clock.advance(10)
  t.same(fired, [['a', 5], ['b1', 10], ['b2', 10], ['b3', 10]])
  t.equal(clock.now(), 10)
  await clock.advance(1)
  t.same(fired.at(-1), ['c', 11])
})

t.test('timers set by a firing timer within the window fire in the same advance', async t => {
  const clock = new VirtualClock()
  const fired: Array<[string, number]> = []
  const at = (name: string) => () => { fired.push([name, clock.now()]) }
  clock.setTimeout(() => {
    at('outer')()
    clock.setTimeout(at('inner +3'), 3)
    clock.setTimeout(at('inner +0'), 0)
    clock.setTimeout(at('inner +20'), 20)
  }, 5)
  clock.setTimeout(at('sibling'), 5)
  await clock.advance(10)
  t.same(fired, [['outer', 5], ['sibling', 5], ['inner +0', 5], ['inner +3', 8]], 'a new timer due now goes after those already due')
  t.equal(clock.pending, 1, 'the one beyond the window waits')
  await clock.advance(15)
  t.same(fired.at(-1), ['inner +20', 25])
})

t.test('code resumed by a sleep can sleep again within the same advance', async t => {
  const clock = new VirtualClock()
  const woke: number[] = []
  const loop = (async () => {
    for (let i = 0; i < 3; i++) {
      await clock.sleep(10)
      await Promise.resolve()
      woke.push(clock.now())
    }
  })()
  await clock.advance(30)
  await loop
  t.same(woke, [10, 20, 30])
})

t.test('pending counts timers neither fired nor cancelled', async t => {
  const clock = new VirtualClock()
  t.equal(clock.pending, 0)
  const first = clock.setTimeout(() => {}, 1)
  const second = clock.setTimeout(() => {}, 2)
  clock.setTimeout(() => {}, 3)
  t.equal(clock.pending, 3)
  second.cancel()
  second.cancel()
  t.equal(clock.pending, 2, 'a second cancel counts once')
  await clock.advance(1)
  t.equal(clock.pending, 1)
  first.cancel()
  t.equal(clock.pending, 1, 'cancelling a fired timer changes nothing')
  const controller = new AbortController()
  const sleeping = clock.sleep(100, controller.signal).catch(() => {})
  t.equal(clock.pending, 2)
  controller.abort()
  await sleeping
  t.equal(clock.pending, 1, 'an aborted sleep takes its timer with it')
})

t.test('odd delays: negative and NaN mean now, Infinity means never', async t => {
  const clock = new VirtualClock()
  const fired: string[] = []
  clock.setTimeout(() => fired.push('negative'), -5)
  clock.setTimeout(() => fired.push('nan'), Number.NaN)
  clock.setTimeout(() => fired.push('never'), Number.POSITIVE_INFINITY)
  await clock.advance(0)
  t.same(fired, ['negative', 'nan'])
  await clock.advance(Number.MAX_SAFE_INTEGER)
  t.same(fired, ['negative', 'nan'])
  t.equal(clock.pending, 1)
})

t.test('advance refuses to move time backwards or by nothing real', async t => {
  const clock = new VirtualClock(100)
  for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    await t.rejects(clock.advance(ms), RangeError, String(ms))
  }
  t.equal(clock.now(), 100)
})

t.test('overlapping advances queue, so time never runs backwards', async t => {
  const clock = new VirtualClock()
  const seen: number[] = []
  for (const ms of [5, 15, 25]) clock.setTimeout(() => seen.push(clock.now()), ms)
  await Promise.all([clock.advance(20), clock.advance(10)])
  t.equal(clock.now(), 30)
  t.same(seen, [5, 15, 25])
})

t.test('a timer that throws fails the advance where it stood', async t => {
  const clock = new VirtualClock()
  const fired: number[] = []
  clock.setTimeout(() => { throw new Error('timer bug') }, 5)
  clock.setTimeout(() => fired.push(clock.now()), 7)
  await t.rejects(clock.advance(10), { message: 'timer bug' })
  t.equal(clock.now(), 5)
  await clock.advance(5)
  t.same(fired, [7], 'the next advance carries on')
})

t.test('many timers fire in exact order', async t => {
  const clock = new VirtualClock()
  // A fixed linear congruential sequence: varied delays, the same every run.
  let seed = 12345
  const random = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed }
  const fired: Array<{ at: number, seq: number }> = []
  const timers = []
  for (let seq = 0; seq < 20_000; seq++) {
    const at = random() % 1_000
    timers.push(clock.setTimeout(() => fired.push({ at, seq }), at))
  }
  for (let i = 0; i < timers.length; i += 3) timers[i].cancel()
  await clock.advance(1_000)
  const expected = Array.from({ length: 20_000 }, (_, seq) => seq).filter(seq => seq % 3 !== 0)
  t.equal(fired.length, expected.length, 'every live timer fired once')
  t.ok(fired.every((f, i) => i === 0 || f.at > fired[i - 1].at || (f.at === fired[i - 1].at && f.seq > fired[i - 1].seq)), 'by due time, then by order set')
  t.equal(clock.pending, 0)
})

t.test('timers keep their order when most are cancelled', async t => {
  const clock = new VirtualClock()
  const fired: number[] = []
  const timers = []
  for (let i = 0; i < 10_000; i++) timers.push(clock.setTimeout(() => fired.push(i), 10_000 - i))
  for (let i = 0; i < timers.length; i++) if (i % 10 !== 0) timers[i].cancel()
  t.equal(clock.pending, 1_000)
  await clock.advance(10_000)
  t.same(fired, Array.from({ length: 1_000 }, (_, k) => 9_990 - 10 * k))
})
