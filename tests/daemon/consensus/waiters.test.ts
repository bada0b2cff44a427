import t from 'tap'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { Waiters } from '../../../daemon/consensus/waiters.ts'

t.test('an applied-index waiter resolves at its index, not before', async t => {
  const clock = new VirtualClock()
  const w = new Waiters()
  let done = false
  const p = w.applied(5, 3, clock, 1000, 'not applied').then(() => { done = true })
  w.appliedTo(4)
  await clock.advance(10)
  t.notOk(done, 'index 4 is short of 5')
  w.appliedTo(5)
  await p
  t.ok(done)
  t.equal(w.pending, 0, 'nothing left waiting')
  await clock.advance(2000)
  t.equal(clock.pending, 0, 'its timer was cancelled')
})

t.test('an applied-index waiter fails with ERR_UNAVAILABLE and its reason after ms', async t => {
  const clock = new VirtualClock()
  const w = new Waiters()
  const p = w.applied(9, 1, clock, 500, 'read index 9 confirmed, not yet applied here')
  await clock.advance(499)
  t.equal(w.pending, 1, 'still waiting just before the deadline')
  const failed = t.rejects(p, { code: 'ERR_UNAVAILABLE', message: /read index 9 confirmed, not yet applied here/ })
  await clock.advance(1)
  await failed
  t.equal(w.pending, 0, 'the timed-out waiter is gone')
  w.appliedTo(9)
})

t.test('already applied: resolves at once without a timer', async t => {
  const clock = new VirtualClock()
  await new Waiters().applied(3, 3, clock, 100, 'x')
  t.equal(clock.pending, 0)
})

// The real clock unrefs its timers; a process whose only work is waiting for
// the applied index (a read barrier after restart) once exited mid-wait.
t.test('a process waiting only on the applied index stays alive until its deadline', async t => {
  const script = `
    import { RealClock } from ${JSON.stringify(join(import.meta.dirname, '../../../controller/clock/index.ts'))}
    import { Waiters } from ${JSON.stringify(join(import.meta.dirname, '../../../daemon/consensus/waiters.ts'))}
    try { await new Waiters().applied(5, 0, new RealClock(), 300, 'not applied in time') }
    catch (err) { process.stdout.write(err.code) }
  `
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (b: Buffer) => { out += b.toString() })
  const code = await new Promise(resolve => child.once('exit', resolve))
  t.equal(out, 'ERR_UNAVAILABLE', 'the wait ended by its timeout, not by the process running dry')
  t.equal(code, 0)
})

t.test('proposals share one expiry timer: each fails at its own deadline, none is left armed once all settle', async t => {
  const clock = new VirtualClock()
  const w = new Waiters()
  const failed: number[] = []
  const late = w.proposal(1, 1, clock, 300).catch((err: { code: string }) => { failed.push(1); t.equal(err.code, 'ERR_UNAVAILABLE') })
  const early = w.proposal(2, 1, clock, 100).catch((err: { code: string }) => { failed.push(2); t.equal(err.code, 'ERR_UNAVAILABLE') })
  const kept = w.proposal(3, 1, clock, 200)
  t.equal(clock.pending, 1, 'one timer for three proposals')
  await clock.advance(100)
  await early
  t.same(failed, [2], 'the earliest deadline first, the others still waiting')
  w.settle(3, 1, { kind: 'app-deleted', name: 'x', existed: false }, undefined)
  t.same(await kept, { kind: 'app-deleted', name: 'x', existed: false })
  await clock.advance(199)
  t.same(failed, [2], 'not before its deadline')
  await clock.advance(1)
  await late
  t.same(failed, [2, 1])
  t.equal(clock.pending, 0, 'nothing armed with nothing waiting')

  const settled = w.proposal(4, 2, clock, 1000)
  w.settle(4, 3, undefined, undefined)
  await t.rejects(settled, { code: 'ERR_NOT_LEADER' }, 'another term: overwritten')
  const empty = w.proposal(5, 2, clock, 1000)
  w.settle(5, 2, undefined, undefined)
  await t.rejects(empty, { code: 'ERR_UNAVAILABLE' }, 'a command entry that carried no command')
  t.equal(clock.pending, 0, 'settling the last one disarms the timer')
})
