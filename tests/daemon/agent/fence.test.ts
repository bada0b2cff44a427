/** Self-fencing under a virtual clock, against the timing contract the leader relies on. */
import t from 'tap'
import type { Test } from 'tap'
import { pino } from 'pino'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { FENCE_AFTER_MS, FENCED_WITHIN_MS, QUORUM_CHECK_MS, STATEFUL_GRACE_MS } from '../../../controller/reconciler/index.ts'
import { SelfFence } from '../../../daemon/agent/index.ts'

type Quorum = 'ok' | 'refused' | 'silent'

function setup (t: Test): { clock: VirtualClock, verdicts: Array<{ at: number, fenced: boolean }>, set: (q: Quorum) => void, fenced: () => boolean } {
  const clock = new VirtualClock(0)
  let quorum: Quorum = 'ok'
  const verdicts: Array<{ at: number, fenced: boolean }> = []
  const fence = new SelfFence({
    clock,
    logger: pino({ level: 'silent' }),
    barrier: async () => {
      if (quorum === 'ok') return 1
      if (quorum === 'refused') throw new Error('no leader')
      return await new Promise(() => {})
    },
    fence: fenced => { verdicts.push({ at: clock.now(), fenced }) }
  })
  fence.start()
  t.teardown(() => fence.stop())
  return { clock, verdicts, set: q => { quorum = q }, fenced: () => verdicts.at(-1)?.fenced === true }
}

t.test('a node that reaches its quorum is never fenced', async t => {
  const { clock, verdicts, fenced } = setup(t)
  await clock.advance(30_000)
  t.ok(verdicts.length > 20, 'checked every half second or so')
  t.notOk(verdicts.some(v => v.fenced))
  t.notOk(fenced())
})

for (const how of ['refused', 'silent'] as const) {
  t.test(`with every barrier ${how}, the node fences after FENCE_AFTER_MS and within FENCED_WITHIN_MS`, async t => {
    const { clock, verdicts, set, fenced } = setup(t)
    await clock.advance(2000)
    const lastOkBefore = clock.now()
    set(how)
    await clock.advance(FENCE_AFTER_MS - QUORUM_CHECK_MS)
    t.notOk(fenced(), 'not before FENCE_AFTER_MS without a quorum')
    await clock.advance(FENCED_WITHIN_MS)
    const first = verdicts.find(v => v.fenced)
    t.ok(first !== undefined, 'fenced')
    t.ok(first!.at - lastOkBefore <= FENCED_WITHIN_MS, `fenced ${first!.at - lastOkBefore} ms after the last quorum, within ${FENCED_WITHIN_MS}`)
    t.ok(FENCED_WITHIN_MS < STATEFUL_GRACE_MS, 'the leader waits longer than that before moving the instances')
    set('ok')
    await clock.advance(2 * QUORUM_CHECK_MS)
    t.notOk(fenced(), 'unfenced at the next success')
  })
}
