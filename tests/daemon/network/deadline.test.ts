import t from 'tap'
import { once } from 'node:events'
import { deadline } from '../../../daemon/network/deadline.ts'

// The deadlines' timers are unref'd: something must keep the test's process up while they run.
const alive = setInterval(() => {}, 1000)
t.teardown(() => { clearInterval(alive) })

t.test('aborts with a TimeoutError once the time is up', async t => {
  const { signal } = deadline(5)
  await once(signal, 'abort')
  t.equal(signal.aborted, true)
  t.equal((signal.reason as Error).name, 'TimeoutError')
  t.match((signal.reason as Error).message, /timed out after 5 ms/)
})

t.test('cleared, it never aborts', async t => {
  const cleared = deadline(5)
  cleared.clear()
  // Timers fire in the order they are due: had the first not been cleared, it would have aborted before this one did.
  const later = deadline(25)
  await once(later.signal, 'abort')
  t.equal(cleared.signal.aborted, false)
})

t.test('its timer does not keep the process alive', async t => {
  const before = process.getActiveResourcesInfo().filter(r => r === 'Timeout').length
  const d = deadline(60_000)
  t.equal(process.getActiveResourcesInfo().filter(r => r === 'Timeout').length, before, 'an unref\'d timer is not an active resource')
  d.clear()
})
