/** OverlapQueue: which changes wait for which, entered synchronously (enter/leave) or run. */
import t from 'tap'
import { OverlapQueue } from '../../../../daemon/volumes/replica/ordering.ts'

/** Whether a promise has settled, after the microtasks queued now have run. */
async function settled (p: Promise<unknown>): Promise<boolean> {
  let done = false
  void p.then(() => { done = true })
  await new Promise(resolve => setImmediate(resolve))
  return done
}

t.test('a change waits for every earlier overlapping change and for no disjoint one', async t => {
  const q = new OverlapQueue()
  const a = q.enter(0, 8)
  t.equal(a.ready, undefined, 'the first change starts at once')
  const b = q.enter(8, 8)
  t.equal(b.ready, undefined, 'a change touching the first only at its end is disjoint and starts at once')
  const c = q.enter(4, 8)
  t.not(c.ready, undefined, 'a change overlapping both waits')
  const d = q.enter(100, 1)
  t.equal(d.ready, undefined, 'a disjoint change entered later does not wait for them')
  q.leave(a.turn)
  t.notOk(await settled(c.ready!), 'it still waits while one change it overlaps is under way')
  q.leave(b.turn)
  t.ok(await settled(c.ready!), 'and starts once both left')
  q.leave(c.turn)
  q.leave(d.turn)
  t.equal(q.enter(0, 200).ready, undefined, 'once all left, nothing is waited for')
})

t.test('run keeps the call order of overlapping changes, and a failure frees the range', async t => {
  const q = new OverlapQueue()
  const order: string[] = []
  let release!: () => void
  const first = q.run(0, 10, async () => { await new Promise<void>(resolve => { release = resolve }); order.push('first') })
  const failing = q.run(5, 10, async () => { order.push('failing'); throw new Error('boom') })
  const third = q.run(0, 20, async () => { order.push('third') })
  const apart = q.run(50, 10, async () => { order.push('apart') })
  await apart
  t.same(order, ['apart'], 'a disjoint change ran while the others waited')
  release()
  await first
  await t.rejects(failing, /boom/)
  await third
  t.same(order, ['apart', 'first', 'failing', 'third'], 'overlapping changes ran in call order, past the failure')
})
