import t from 'tap'
import { onRhythm, Periodic, VirtualClock } from '../../../controller/clock/index.ts'

function setup (init: { immediate?: boolean, pokeGapMs?: number, roundMs?: number, fail?: boolean } = {}): { clock: VirtualClock, loop: Periodic, starts: number[], errors: unknown[] } {
  const clock = new VirtualClock()
  const starts: number[] = []
  const errors: unknown[] = []
  const loop = new Periodic({ clock, onError: err => { errors.push(err) } }, {
    intervalMs: 1000,
    immediate: init.immediate,
    pokeGapMs: init.pokeGapMs,
    run: async () => {
      starts.push(clock.now())
      if (init.roundMs !== undefined) await clock.sleep(init.roundMs)
      if (init.fail === true) throw new Error('round failed')
    }
  })
  return { clock, loop, starts, errors }
}

t.test('rounds come every interval, timed from the end of the last', async t => {
  const { clock, loop, starts } = setup({ roundMs: 100 })
  loop.start()
  await clock.advance(3500)
  t.same(starts, [1000, 2100, 3200])
  await loop.stop()
})

t.test('immediate runs the first round at start', async t => {
  const { clock, loop, starts } = setup({ immediate: true })
  loop.start()
  loop.start()
  await clock.advance(1500)
  t.same(starts, [0, 1000], 'a second start changes nothing')
  await loop.stop()
})

t.test('a poke runs a round now; pokes during a round make one more after it', async t => {
  const { clock, loop, starts } = setup({ roundMs: 100 })
  loop.start()
  await clock.advance(10)
  loop.poke()
  await clock.advance(0)
  t.same(starts, [10], 'poked while idle: at once')
  loop.poke()
  loop.poke()
  loop.poke()
  await clock.advance(100)
  t.same(starts, [10, 110], 'three pokes during the round: one round after it')
  await clock.advance(1200)
  t.same(starts, [10, 110, 1210], 'then the interval again')
  await loop.stop()
})

t.test('the poke gap keeps a round that pokes itself from spinning', async t => {
  const { clock, loop, starts } = setup({ pokeGapMs: 50 })
  loop.start()
  loop.poke()
  await clock.advance(0)
  loop.poke()
  await clock.advance(49)
  t.same(starts, [0])
  await clock.advance(1)
  t.same(starts, [0, 50])
  await loop.stop()
})

t.test('a failing round is reported and the loop goes on', async t => {
  const { clock, loop, starts, errors } = setup({ fail: true })
  loop.start()
  await clock.advance(2000)
  t.equal(starts.length, 2)
  t.equal(errors.length, 2)
  await loop.stop()
})

t.test('stop waits for the round under way and nothing runs after it', async t => {
  const { clock, loop, starts } = setup({ roundMs: 500 })
  loop.start()
  await clock.advance(1100)
  let stopped = false
  const stopping = loop.stop().then(() => { stopped = true })
  t.equal(loop.stop(), loop.stop(), 'the same promise every call')
  await clock.advance(0)
  t.notOk(stopped, 'the round is still under way')
  await clock.advance(400)
  await stopping
  t.ok(stopped)
  loop.poke()
  loop.start()
  await clock.advance(5000)
  t.same(starts, [1000], 'nothing after stop')
  t.equal(clock.pending, 0, 'no timer left')
})

t.test('aligned loops fall on one rhythm and share a timer', async t => {
  const clock = new VirtualClock(1000)
  const starts: Record<string, number[]> = { a: [], b: [], c: [] }
  const loop = (name: string, intervalMs: number, runMs = 0): Periodic => new Periodic({ clock, onError: () => {} }, {
    intervalMs, aligned: true, run: async () => { starts[name]!.push(clock.now()); if (runMs > 0) await clock.sleep(runMs) }
  })
  const a = loop('a', 500)
  a.start()
  await clock.advance(130)
  const b = loop('b', 1000)
  b.start()
  await clock.advance(70)
  const c = loop('c', 500, 300)
  c.start()
  t.equal(clock.pending, 2, 'a and c share the instant 1500; b waits for 2000')
  await clock.advance(3000)
  t.same(starts.a, [1500, 2000, 2500, 3000, 3500, 4000], 'every 500 ms from the origin')
  t.same(starts.b, [2000, 3000, 4000], 'every 1000 ms on the same rhythm')
  // A round of 300 ms ends less than half an interval before the next step: it waits for the one after.
  t.same(starts.c, [1500, 2500, 3500], 'a round ending late skips a step rather than run at once')
  await Promise.all([a.stop(), b.stop(), c.stop()])
  t.equal(clock.pending, 0, 'no timer left')
})

t.test('onRhythm: a timer on the rhythm aligned loops keep, shared by every call due in the same instant', async t => {
  const clock = new VirtualClock(1000)
  const fired: Array<[string, number]> = []
  const loop = new Periodic({ clock, onError: () => {} }, { intervalMs: 1000, aligned: true, run: () => { fired.push(['loop', clock.now()]) } })
  loop.start()
  await clock.advance(300)
  onRhythm(clock, 1000, () => { fired.push(['x', clock.now()]) })
  await clock.advance(400)
  // Less than half an interval before the instant 2000: the next one.
  const late = onRhythm(clock, 1000, () => { fired.push(['late', clock.now()]) })
  t.equal(clock.pending, 2, 'x shares the loop\'s timer at 2000; late has one at 3000')
  await clock.advance(1400)
  t.same(fired, [['loop', 2000], ['x', 2000], ['late', 3000], ['loop', 3000]])
  const cancelled = onRhythm(clock, 1000, () => { fired.push(['cancelled', clock.now()]) })
  cancelled.cancel()
  late.cancel()
  await loop.stop()
  await clock.advance(2000)
  t.equal(fired.length, 4, 'a cancelled one never runs')
  t.equal(clock.pending, 0, 'no timer left')
})
