/** RaftNode.ticksToAct: the ticks before it do nothing but count, the one it names acts. */
import t from 'tap'
import { Cluster } from './harness.ts'

t.test('a follower acts on the tick ticksToAct names, not before', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], seed: 3 })
  cl.tickAll(60)
  cl.deliver()
  const leader = cl.leaders()[0]!
  const follower = ['a', 'b', 'c'].find(id => id !== leader)!
  const node = cl.node(follower)
  const n = node.ticksToAct()
  t.ok(n >= 1 && Number.isFinite(n), `a follower's election timeout is ${n} ticks away`)
  const sent = cl.sent.length
  const term = node.term
  for (let i = 0; i < n - 1; i++) cl.tick(follower, 1)
  t.equal(cl.sent.length, sent, 'the ticks before it send nothing')
  t.equal(node.ticksToAct(), 1, 'and count down to it')
  cl.tick(follower, 1)
  t.ok(cl.sent.length > sent, 'the tick it names campaigns')
  t.ok(cl.node(follower).term >= term, 'a (pre-)campaign started')
})

t.test('a leader acts on the tick ticksToAct names, not before', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], seed: 5 })
  cl.tickAll(60)
  cl.deliver()
  const leader = cl.leaders()[0]!
  for (let round = 0; round < 5; round++) {
    const n = cl.node(leader).ticksToAct()
    t.ok(n >= 1 && n <= 10, `the next heartbeat or quorum check is ${n} ticks away`)
    const sent = cl.sent.length
    for (let i = 0; i < n - 1; i++) cl.tick(leader, 1)
    t.equal(cl.sent.length, sent, 'the ticks before it send nothing')
    cl.tick(leader, 1)
    t.ok(cl.sent.length > sent || cl.node(leader).role !== 'leader', 'the tick it names heartbeats (or checks the quorum)')
    cl.deliver()
  }
})

t.test('a node that cannot campaign has no tick to act on', async t => {
  const cl = new Cluster({ voters: ['a'], spares: ['x'], seed: 1 })
  t.equal(cl.node('x').ticksToAct(), Infinity, 'outside the group: no tick acts')
})
