import t from 'tap'
import { setTimeout as wait } from 'node:timers/promises'
import { RealClock } from '../../../controller/clock/index.ts'
import { clockCompliance } from './clock-compliance.ts'

clockCompliance('RealClock', () => ({ clock: new RealClock(), advance: ms => wait(ms) }))

t.test('now() reads the wall clock', async t => {
  const drift = Math.abs(new RealClock().now() - Date.now())
  t.ok(drift < 1000, `within a second of Date.now() (${drift} ms)`)
})

t.test('a delay longer than setTimeout takes is kept, not fired at once', async t => {
  const clock = new RealClock()
  let fired = false
  const timer = clock.setTimeout(() => { fired = true }, 2 ** 31 + 1000)
  t.teardown(() => timer.cancel())
  const never = clock.setTimeout(() => { fired = true }, Number.POSITIVE_INFINITY)
  t.teardown(() => never.cancel())
  const controller = new AbortController()
  const sleeping = clock.sleep(2 ** 32, controller.signal).then(() => 'resolved', () => 'aborted')
  await wait(10)
  t.notOk(fired)
  controller.abort()
  t.equal(await sleeping, 'aborted')
})
