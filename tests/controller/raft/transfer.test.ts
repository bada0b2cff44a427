import t from 'tap'
import { bytes, Cluster } from './harness.ts'

t.test('leadership moves to an up-to-date voter at once', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  cl.propose('a', 'x')
  const term = cl.status('a').term
  cl.node('a').transferLeadership('b')
  cl.drain('a')
  cl.deliver()
  t.same(cl.leaders(), ['b'], 'b leads')
  t.equal(cl.status('b').term, term + 1, 'one term later, without a pre-vote round')
  t.ok(cl.sent.some(m => m.type === 'timeout-now' && m.to === 'b'), 'through TimeoutNow')
  t.equal(cl.status('a').role, 'follower')
})

t.test('a lagging target is caught up first; proposals wait for the transfer', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  cl.isolate('c')
  for (let i = 0; i < 5; i++) cl.propose('a', `w${i}`)
  cl.heal()
  cl.node('a').transferLeadership('c')
  t.throws(() => cl.node('a').propose(bytes('during')), { code: 'ERR_TRANSFER_IN_PROGRESS' }, 'proposals are refused meanwhile')
  cl.drain('a')
  cl.deliver()
  cl.tickAll(3)
  t.same(cl.leaders(), ['c'], 'c leads once it has the whole log')
  t.same(cl.appliedData('c').slice(-5), ['w0', 'w1', 'w2', 'w3', 'w4'])
})

t.test('a transfer that cannot finish is abandoned after an election timeout', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], electionTicks: 10 })
  cl.elect('a')
  cl.crash('c')
  cl.node('a').transferLeadership('c')
  cl.drain('a')
  t.equal(cl.status('a').leadTransferee, 'c')
  cl.tick('a', 10)
  cl.deliver()
  t.equal(cl.status('a').leadTransferee, null, 'abandoned')
  t.equal(cl.status('a').role, 'leader', 'a still leads')
  cl.propose('a', 'after')
  t.ok(cl.appliedData('a').includes('after'), 'and takes proposals again')
})

t.test('transfers to a non-voter or to itself, or off the leader, are refused', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], spares: ['d'] })
  cl.elect('a')
  const a = cl.node('a')
  t.throws(() => a.transferLeadership('a'), { code: 'ERR_BAD_TRANSFER' })
  t.throws(() => a.transferLeadership('d'), { code: 'ERR_BAD_TRANSFER' })
  t.throws(() => cl.node('b').transferLeadership('c'), { code: 'ERR_NOT_LEADER', leader: 'a' })
})
