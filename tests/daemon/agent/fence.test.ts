/** Self-fencing under a virtual clock, against the timing contract the leader relies on. */
import t from 'tap'
import type { Test } from 'tap'
import { pino } from 'pino'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { FENCE_AFTER_MS, FENCED_WITHIN_MS, QUORUM_CHECK_MS, STATEFUL_GRACE_MS } from '../../../controller/reconciler/index.ts'
import { SelfFence } from '../../../daemon/agent/index.ts'

/** How far behind now a healthy node's contact runs: a heartbeat round there and back. */
const ROUND_MS = 200

interface Setup { clock: VirtualClock, verdicts: Array<{ at: number, fenced: boolean }>, reach: (ok: boolean) => void, fenced: () => boolean }

function setup (t: Test, reached = true): Setup {
  const clock = new VirtualClock(0)
  // Raft's contact: it follows the clock while heartbeat rounds are confirmed, and stops when they are not.
  let contact: number | undefined
  let reaching = reached
  const verdicts: Array<{ at: number, fenced: boolean }> = []
  const fence = new SelfFence({
    clock,
    logger: pino({ level: 'silent' }),
    quorumContactAt: () => {
      if (reaching) contact = Math.max(0, clock.now() - ROUND_MS)
      return contact
    },
    fence: fenced => { verdicts.push({ at: clock.now(), fenced }) }
  })
  fence.start()
  t.teardown(() => fence.stop())
  return { clock, verdicts, reach: ok => { reaching = ok }, fenced: () => verdicts.at(-1)?.fenced === true }
}

t.test('a node that reaches its quorum is never fenced', async t => {
  const { clock, verdicts, fenced } = setup(t)
  await clock.advance(30_000)
  t.ok(verdicts.length > 20, 'checked every half second or so')
  t.notOk(verdicts.some(v => v.fenced))
  t.notOk(fenced())
})

t.test('once contact stops, the node fences after FENCE_AFTER_MS and within FENCED_WITHIN_MS, and unfences when it is back', async t => {
  const { clock, verdicts, reach, fenced } = setup(t)
  await clock.advance(2000)
  const lastOkBefore = clock.now()
  reach(false)
  await clock.advance(FENCE_AFTER_MS - QUORUM_CHECK_MS - ROUND_MS)
  t.notOk(fenced(), 'not before FENCE_AFTER_MS without a quorum')
  await clock.advance(FENCED_WITHIN_MS)
  const first = verdicts.find(v => v.fenced)
  t.ok(first !== undefined, 'fenced')
  t.ok(first!.at - lastOkBefore <= FENCED_WITHIN_MS, `fenced ${first!.at - lastOkBefore} ms after the last quorum, within ${FENCED_WITHIN_MS}`)
  t.ok(FENCED_WITHIN_MS < STATEFUL_GRACE_MS, 'the leader waits longer than that before moving the instances')
  reach(true)
  await clock.advance(2 * QUORUM_CHECK_MS)
  t.notOk(fenced(), 'unfenced at the next check with recent contact')
})

t.test('a node that never reaches a quorum fences FENCE_AFTER_MS after it starts', async t => {
  const { clock, verdicts } = setup(t, false)
  await clock.advance(FENCE_AFTER_MS + 2 * QUORUM_CHECK_MS)
  const first = verdicts.find(v => v.fenced)
  t.ok(first !== undefined && first.at >= FENCE_AFTER_MS && first.at <= FENCED_WITHIN_MS, `fenced at ${first?.at} ms`)
})
