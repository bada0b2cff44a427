import t from 'tap'
import type { AppendMessage, Message } from '../../../controller/raft/index.ts'
import { bytes, Cluster, diskWithLog } from './harness.ts'

const isAppend = (m: Message): m is AppendMessage => m.type === 'append'

t.test('entries replicate, commit and apply in order on every node', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  for (const x of ['x', 'y', 'z']) cl.propose('a', x)
  cl.tickAll(3)
  for (const id of ['a', 'b', 'c']) {
    t.same(cl.appliedData(id), ['x', 'y', 'z'], `${id} applied x y z`)
    t.same(cl.logOf(id), cl.logOf('a'), `${id} has the leader's log`)
  }
})

t.test('the Raft paper, figure 7: every follower log converges to the leader\'s', async t => {
  const leader = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6]
  const followers: Record<string, number[]> = {
    a: [1, 1, 1, 4, 4, 5, 5, 6, 6],
    b: [1, 1, 1, 4],
    c: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
    d: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
    e: [1, 1, 1, 4, 4, 4, 4],
    f: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3]
  }
  for (const [name, log] of Object.entries(followers)) {
    const voters = ['L', 'F', 'X']
    const disks = {
      L: diskWithLog(voters, leader, 7),
      F: diskWithLog(voters, log, Math.max(...log)),
      X: diskWithLog(voters, [], 1)
    }
    const cl = new Cluster({ voters, disks, seed: 3 })
    for (let i = 0; i < 5 && cl.status('L').role !== 'leader'; i++) cl.elect('L')
    t.equal(cl.status('L').role, 'leader', `(${name}) L wins with X's vote`)
    cl.tickAll(5)
    t.same(cl.logOf('F'), cl.logOf('L'), `(${name}) F's log equals L's`)
    const rejects = cl.sent.filter(m => m.type === 'append-response' && m.from === 'F' && m.reject).length
    // Fast backtracking: one rejection per divergent term at most, not one per entry.
    t.ok(rejects <= 3, `(${name}) found the match point in ${rejects} rejections`)
  }
})

t.test('the Raft paper, figure 8: entries of an earlier term are never committed by counting', async t => {
  const voters = ['s1', 's2', 's3', 's4', 's5']
  const setup = (): { cl: Cluster, x: number } => {
    const cl = new Cluster({ voters, preVote: false, checkQuorum: false, maxEntriesPerAppend: 1, seed: 9 })
    const win = (id: string): void => {
      for (let i = 0; i < 10 && cl.status(id).role !== 'leader'; i++) cl.elect(id)
      if (cl.status(id).role !== 'leader') throw new Error(`${id} did not win`)
    }
    // (a) s1 leads and gets x onto s2 only.
    win('s1')
    cl.tickAll(2)
    cl.filters.push(m => m.from === 's1' && isAppend(m) && m.to !== 's2' ? 'drop' : 'deliver')
    const x = cl.propose('s1', 'x')
    t.equal(cl.status('s2').lastIndex, x, 's2 has x')
    t.ok(cl.status('s3').lastIndex < x, 's3 does not')
    // (b) s1 crashes; s5 wins with s3 and s4 and writes its own entry at x's index, which goes nowhere.
    cl.crash('s1')
    cl.heal()
    cl.filters.push(m => m.from === 's2' || m.to === 's2' ? 'drop' : 'deliver')
    cl.filters.push(m => m.from === 's5' && isAppend(m) ? 'drop' : 'deliver')
    win('s5')
    t.equal(cl.status('s5').lastIndex, x, 's5 appended its no-op at x\'s index')
    // (c) s5 crashes; s1 returns and wins term 4 (s2, s3, s4); it copies x to s3, but not its own no-op.
    cl.crash('s5')
    cl.heal()
    cl.restart('s1')
    // s3 may take the probes that find its match point and then x, but nothing after x.
    const s3HasX = (): boolean => cl.disk('s3').lastIndex() >= x
    cl.filters.push(m => m.from === 's1' && isAppend(m) && (m.to === 's4' || m.to === 's5' || (m.to === 's3' && s3HasX() && m.entries.some(e => e.index > x))) ? 'drop' : 'deliver')
    win('s1')
    cl.deliver()
    cl.tick('s1', 3)
    cl.deliver()
    return { cl, x }
  }

  const { cl, x } = setup()
  t.equal(cl.disk('s3').term(x), cl.disk('s1').term(x), 'x (an earlier term) is now on s1, s2 and s3: a majority')
  t.ok(cl.status('s1').commit < x, 's1 does not commit x by counting replicas (§5.4.2)')
  t.notOk(cl.appliedData('s1').includes('x'), 'nor apply it')
  // (d) s1 crashes and s5 wins again, overwriting x: harmless, since x was never committed.
  cl.crash('s1')
  cl.heal()
  cl.restart('s5')
  for (let i = 0; i < 10 && cl.status('s5').role !== 'leader'; i++) cl.elect('s5')
  t.equal(cl.status('s5').role, 'leader', 's5 can still win (s3 and s4 vote for it)')
  cl.tickAll(5)
  for (const id of ['s2', 's3', 's4', 's5']) t.notOk(cl.appliedData(id).includes('x'), `${id} never applies x`)

  // (e) instead, once s1's own no-op reaches a majority, x commits with it.
  const again = setup()
  again.cl.heal()
  again.cl.tickAll(3)
  t.ok(again.cl.status('s1').commit > again.x, 'the term-4 entry commits, and x before it')
  t.ok(again.cl.appliedData('s3').includes('x'))
})

t.test('batching: appends carry at most maxEntriesPerAppend entries and maxBytesPerAppend bytes', async t => {
  const cases = [
    { maxEntriesPerAppend: 4, maxBytesPerAppend: 1 << 20, size: 10, most: 4 },
    { maxEntriesPerAppend: 100, maxBytesPerAppend: 250, size: 100, most: 2 }
  ]
  for (const c of cases) {
    const cl = new Cluster({ voters: ['a', 'b', 'c'], maxEntriesPerAppend: c.maxEntriesPerAppend, maxBytesPerAppend: c.maxBytesPerAppend })
    cl.elect('a')
    cl.isolate('c')
    cl.node('a').proposeBatch(Array.from({ length: 20 }, (_, i) => bytes(String(i).padEnd(c.size, '.'))))
    cl.drain('a')
    cl.deliver()
    cl.heal()
    const start = cl.sent.length
    cl.tickAll(20)
    const toC = cl.sent.slice(start).filter(m => isAppend(m) && m.to === 'c') as AppendMessage[]
    t.ok(toC.length > 1, 'c was caught up over several appends')
    t.ok(toC.every(m => m.entries.length <= c.most), `no append has more than ${c.most} entries`)
    t.equal(cl.appliedData('c').length, 20, 'c has all 20')
  }
})

t.test('pipelining: a replicating follower gets up to maxInflight appends before any answer', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], maxInflight: 3 })
  cl.elect('a')
  cl.tickAll(2)
  t.equal(cl.status('a').progress.b?.state, 'replicate')
  cl.filters.push(m => m.to === 'b' || m.from === 'b' ? 'hold' : 'deliver')
  for (let i = 0; i < 8; i++) {
    cl.node('a').propose(bytes(`p${i}`))
    cl.drain('a')
    cl.deliver()
  }
  const withEntries = cl.held.filter(m => isAppend(m) && m.to === 'b' && m.entries.length > 0)
  t.equal(withEntries.length, 3, 'exactly the window of 3 went out unacknowledged')
  t.equal(cl.status('a').commit, cl.status('a').lastIndex, 'c alone makes the majority meanwhile')
  cl.heal()
  cl.release()
  cl.deliver()
  cl.tickAll(3)
  t.equal(cl.appliedData('b').length, 8, 'b catches up once answers flow')
})

t.test('a lost window is recovered: a heartbeat response lets an empty append probe again', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], maxInflight: 2 })
  cl.elect('a')
  cl.tickAll(2)
  cl.filters.push(m => isAppend(m) && m.to === 'b' ? 'drop' : 'deliver')
  for (let i = 0; i < 5; i++) cl.propose('a', `q${i}`)
  cl.heal()
  cl.tickAll(10)
  t.equal(cl.appliedData('b').length, 5, 'b got every entry after the window was lost')
})

t.test('a follower commits no further than the leader knows it matches', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  cl.isolate('c')
  cl.propose('a', 'x')
  cl.heal()
  // c hears a heartbeat before any append: commit in it is min(c's match, commit).
  cl.queue = []
  cl.tick('a', 1)
  const hb = cl.queue.find(m => m.type === 'heartbeat' && m.to === 'c')
  t.ok(hb !== undefined && hb.type === 'heartbeat' && hb.commit < cl.status('a').commit, 'heartbeat commit is capped at c\'s match')
})
