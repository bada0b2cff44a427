/**
 * The contract every Clock keeps (real and virtual), run against each by its
 * own test file. Delays are short so the real clock runs it quickly, and
 * far enough apart that timer jitter cannot reorder them.
 */
import t from 'tap'
import type { Clock } from '../../../controller/clock/index.ts'

/** A clock and a way to let time pass on it: waiting for a real one, advancing a virtual one. */
export interface ClockUnderTest {
  clock: Clock
  advance (ms: number): Promise<void>
}

/** Runs the Clock compliance suite against clocks made by setup. */
export function clockCompliance (name: string, setup: () => ClockUnderTest): void {
  t.test(`${name} keeps the Clock contract`, async t => {
    t.test('timers fire in due order, not before', async t => {
      const { clock, advance } = setup()
      const fired: string[] = []
      // 20 ms apart: Node's timers take their start from a loop time that can move on while they are armed, so on
      // a loaded machine 'first' armed 1 ms later than 'zero' fired before it when they were due 2 ms apart.
      clock.setTimeout(() => fired.push('third'), 60)
      clock.setTimeout(() => fired.push('first'), 20)
      clock.setTimeout(() => fired.push('second'), 40)
      clock.setTimeout(() => fired.push('late'), 400)
      clock.setTimeout(() => fired.push('zero'), 0)
      await advance(120)
      t.same(fired, ['zero', 'first', 'second', 'third'])
      await advance(400)
      t.same(fired, ['zero', 'first', 'second', 'third', 'late'])
    })

    t.test('a cancelled timer never fires', async t => {
      const { clock, advance } = setup()
      const fired: string[] = []
      const cancelled = clock.setTimeout(() => fired.push('cancelled'), 2)
      const kept = clock.setTimeout(() => fired.push('kept'), 4)
      cancelled.cancel()
      cancelled.cancel()
      await advance(10)
      t.same(fired, ['kept'])
      kept.cancel()
      t.pass('cancelling a fired timer is harmless')
    })

    t.test('sleep resolves once its time has passed', async t => {
      const { clock, advance } = setup()
      let done = false
      const sleeping = clock.sleep(25).then(() => { done = true })
      await advance(5)
      t.notOk(done, 'not yet')
      await advance(30)
      await sleeping
      t.ok(done)
    })

    t.test('sleep rejects with the reason of an aborted signal', async t => {
      const { clock, advance } = setup()
      const early = new AbortController()
      const earlyReason = new Error('aborted before the sleep')
      early.abort(earlyReason)
      t.equal(await clock.sleep(5, early.signal).catch(err => err), earlyReason, 'already aborted')

      const during = new AbortController()
      const duringReason = new Error('aborted during the sleep')
      const sleeping = clock.sleep(50, during.signal).catch(err => err)
      await advance(2)
      during.abort(duringReason)
      t.equal(await sleeping, duringReason, 'aborted mid-wait')

      const after = new AbortController()
      await Promise.all([clock.sleep(2, after.signal), advance(5)])
      after.abort(new Error('too late'))
      t.pass('an abort after the sleep ended changes nothing')
    })

    t.test('now() never goes back and moves with time', async t => {
      const { clock, advance } = setup()
      const readings = [clock.now()]
      for (let i = 0; i < 3; i++) {
        readings.push(clock.now())
        await advance(5)
        readings.push(clock.now())
      }
      t.ok(readings.every((r, i) => i === 0 || r >= readings[i - 1]), `monotonic: ${readings.join(' ')}`)
      t.ok(readings[readings.length - 1] > readings[0], 'it moved')
      t.ok(Number.isInteger(readings[0]), 'whole ms')
    })

    t.end()
  })
}
