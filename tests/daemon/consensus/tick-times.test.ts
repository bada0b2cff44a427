import t from 'tap'
import { TickTimes } from '../../../daemon/consensus/tick-times.ts'

t.test('a tick is dated by when it ran, late timers included', async t => {
  const times = new TickTimes()
  t.equal(times.timeOf(0), undefined, 'nothing before the first tick')
  times.record(0, 1000)
  times.record(1, 1100)
  // The timer ran 900 ms late: tick 2 is not at 1200.
  times.record(2, 2000)
  t.equal(times.timeOf(1), 1100)
  t.equal(times.timeOf(2), 2000)
  t.equal(times.timeOf(3), undefined, 'a tick that has not run')
})

t.test('a tick older than those kept gets the oldest kept time', async t => {
  const times = new TickTimes()
  for (let i = 0; i <= 5000; i++) times.record(i, i * 100)
  t.equal(times.timeOf(5000), 500_000)
  t.equal(times.timeOf(4000), 400_000, 'recent enough to be kept')
  t.equal(times.timeOf(10), (5000 - 1023) * 100, 'dated to the oldest kept tick')
})
