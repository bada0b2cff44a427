import t from 'tap'
import { BlockLocks } from '../../../../daemon/volumes/block/locks.ts'

/** Resolves the acquire to its release function, whichever form it came in. */
async function held (h: (() => void) | Promise<() => void>): Promise<() => void> {
  return typeof h === 'function' ? h : await h
}

t.test('free blocks are held at once, with no promise', async t => {
  const locks = new BlockLocks()
  const a = locks.acquire(0, 3)
  t.type(a, 'function', 'the release function itself')
  const b = locks.acquire(4, 7)
  t.type(b, 'function', 'disjoint blocks are free too')
  ;(a as () => void)()
  ;(b as () => void)()
  t.type(locks.acquire(0, 7), 'function', 'released blocks are free again')
})

t.test('overlapping requests hold their blocks in the order they asked', async t => {
  const locks = new BlockLocks()
  const order: string[] = []
  const first = locks.acquire(2, 5)
  t.type(first, 'function')
  const second = locks.acquire(4, 8)
  const third = locks.acquire(8, 9)
  const disjoint = locks.acquire(20, 21)
  t.ok(second instanceof Promise, 'a request over a held block waits')
  t.ok(third instanceof Promise, 'and one over a block the waiting one asked for waits behind it')
  t.type(disjoint, 'function', 'a request over other blocks does not')
  const runs = [
    held(second).then(release => { order.push('second'); return release }),
    held(third).then(release => { order.push('third'); return release })
  ]
  await new Promise(resolve => setImmediate(resolve))
  t.same(order, [], 'nothing runs while the first holds its blocks')
  ;(first as () => void)()
  const releaseSecond = await runs[0]!
  t.same(order, ['second'])
  await new Promise(resolve => setImmediate(resolve))
  t.same(order, ['second'], 'the third waits for the second, not only the first')
  releaseSecond()
  ;(await runs[1]!)()
  t.same(order, ['second', 'third'])
  t.type(locks.acquire(2, 9), 'function', 'every block is free once all released')
})
