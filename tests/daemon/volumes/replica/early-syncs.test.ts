/**
 * EarlySyncs (daemon/volumes/replica/early-syncs.ts): which flushes a primary
 * may skip or share after starting its own store's flush early. The store is
 * a function here whose flushes the test settles one by one, so every
 * interleaving is stepped through deterministically.
 */
import t from 'tap'
import { EarlySyncs } from '../../../../daemon/volumes/replica/early-syncs.ts'
import { settledWithin as settled } from './helpers.ts'

/** A store's flush whose calls wait until the test settles them, in order. */
function gatedFlush (): { flush: () => Promise<void>, calls: number, settle: (err?: Error) => Promise<void> } {
  const waiting: Array<{ resolve: () => void, reject: (err: Error) => void }> = []
  const g = {
    calls: 0,
    flush: async (): Promise<void> => {
      g.calls++
      await new Promise<void>((resolve, reject) => { waiting.push({ resolve, reject }) })
    },
    settle: async (err?: Error): Promise<void> => {
      const w = waiting.shift()
      if (w === undefined) throw new Error('no flush is waiting')
      if (err === undefined) w.resolve()
      else w.reject(err)
      // Let the promise chains behind it run.
      for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve))
    }
  }
  return g
}

/** An EarlySyncs over a gated flush, one change counted and its early flush begun (and waiting at the gate). */
function begun (): { g: ReturnType<typeof gatedFlush>, e: EarlySyncs } {
  const g = gatedFlush()
  const e = new EarlySyncs(g.flush)
  e.count()
  e.soon()
  return { g, e }
}

t.test('before any early flush finished, a flush always flushes the store, even with no change counted', async t => {
  const g = gatedFlush()
  const e = new EarlySyncs(g.flush)
  const f = e.flush()
  t.equal(g.calls, 1)
  await g.settle()
  await f
})

t.test('a flush while an early one covering every change runs waits for it and flushes nothing more; then one with nothing new skips', async t => {
  const { g, e } = begun()
  t.equal(g.calls, 1, 'the early flush began')
  const f = e.flush()
  t.notOk(await settled(f), 'the flush waits for it')
  await g.settle()
  await f
  t.equal(g.calls, 1, 'and shared it')
  await e.flush()
  t.equal(g.calls, 1, 'nothing changed since: no flush at all')
  e.count()
  const again = e.flush()
  t.equal(g.calls, 2, 'a change since the early flush: the flush flushes')
  await g.settle()
  await again
})

t.test('a change after the early flush began is not covered by it: the flush waits, then flushes', async t => {
  const { g, e } = begun()
  e.count()
  const f = e.flush()
  t.equal(g.calls, 2, 'flushed at once: the one running does not cover the second change')
  await g.settle()
  await g.settle()
  await f
})

t.test('an early flush asked for while one runs runs after it, covering what came meanwhile', async t => {
  const { g, e } = begun()
  e.count()
  e.soon()
  t.equal(g.calls, 1, 'one at a time')
  await g.settle()
  t.equal(g.calls, 2, 'the second began once the first finished')
  const f = e.flush()
  t.notOk(await settled(f), 'a flush waits for the one that covers both changes')
  await g.settle()
  await f
  t.equal(g.calls, 2, 'and flushes nothing more')
})

t.test('a failed early flush is left to the flush, which flushes again and reports its own outcome', async t => {
  const { g, e } = begun()
  const f = e.flush()
  await g.settle(new Error('the disk failed'))
  t.equal(g.calls, 2, 'the flush flushed itself')
  const failed = t.rejects(f, { message: 'still failing' })
  await g.settle(new Error('still failing'))
  await failed
  const ok = e.flush()
  await g.settle()
  await ok
  t.equal(g.calls, 3)
})

t.test('once stopped, no early flush starts', async t => {
  const g = gatedFlush()
  const e = new EarlySyncs(g.flush)
  e.stop()
  e.count()
  e.soon()
  t.equal(g.calls, 0)
})

t.test('each early flush tells what it covered, or that it failed', async t => {
  const g = gatedFlush()
  const told: Array<number | string> = []
  const e = new EarlySyncs(g.flush, { synced: covers => { told.push(covers) }, failed: err => { told.push((err as Error).message) } })
  e.count()
  e.soon()
  e.count()
  e.count()
  e.soon()
  await g.settle()
  await g.settle(new Error('the disk failed'))
  t.same(told, [1, 'the disk failed'], 'the first covered one change; the second, asked for meanwhile, failed')
})
