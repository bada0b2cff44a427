import t from 'tap'
import { bytes, Cluster } from './harness.ts'

const ctx = (s: string): Uint8Array => bytes(s)
const text = (b: Uint8Array): string => new TextDecoder().decode(b)

t.test('a read at the leader is answered after a heartbeat round confirms its leadership', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  cl.propose('a', 'x')
  cl.filters.push(m => m.type === 'heartbeat-response' ? 'hold' : 'deliver')
  cl.node('a').readIndex(ctx('r1'))
  cl.drain('a')
  cl.deliver()
  t.same(cl.reads.get('a'), [], 'not answered before a quorum acknowledges')
  cl.heal()
  cl.release()
  cl.deliver()
  const rs = cl.reads.get('a')!
  t.equal(rs.length, 1)
  t.equal(text(rs[0]!.context), 'r1')
  t.equal(rs[0]!.index, cl.status('a').commit, 'at the commit index when asked')
})

t.test('a read at a follower goes through the leader', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  cl.propose('a', 'x')
  cl.node('b').readIndex(ctx('from-b'))
  cl.drain('b')
  cl.deliver()
  const rs = cl.reads.get('b')!
  t.equal(rs.length, 1, 'b got its answer')
  t.equal(text(rs[0]!.context), 'from-b')
  t.equal(rs[0]!.index, cl.status('a').commit)
  t.ok(cl.sent.some(m => m.type === 'read-index' && m.from === 'b' && m.to === 'a'), 'forwarded to a')
  t.ok(cl.status('b').applied >= rs[0]!.index, 'b can serve it once applied reaches the index')
})

t.test('a deposed leader cannot serve a stale read', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], seed: 12 })
  cl.elect('a')
  cl.isolate('a')
  // The majority elects b and commits a write a never sees.
  cl.tick('b', 25)
  cl.tick('c', 25)
  cl.deliver()
  cl.tickAll(30)
  const newLeader = cl.leaders().find(id => id !== 'a')!
  t.ok(newLeader, 'a new leader')
  cl.propose(newLeader, 'fresh')
  // a may still think it leads (if it has not yet checked its quorum); either way no read is confirmed.
  const stale = cl.hosts.get('a')!.node!
  if (stale.role === 'leader') stale.readIndex(ctx('stale'))
  else t.throws(() => stale.readIndex(ctx('stale')), { code: 'ERR_NOT_LEADER' })
  cl.drain('a')
  cl.tick('a', 40)
  cl.deliver()
  t.same(cl.reads.get('a'), [], 'the isolated old leader never answers')
  t.not(cl.status('a').role, 'leader', 'and has stepped down')
  t.ok((cl.node('a').stats().ignored['reads-dropped-on-step-down'] ?? 0) <= 1, 'its pending read was dropped')
})

t.test('a new leader holds reads until it has committed an entry of its term', async t => {
  // Without leases, so that b can win the moment a is gone.
  const cl = new Cluster({ voters: ['a', 'b', 'c'], checkQuorum: false })
  cl.elect('a')
  cl.propose('a', 'x')
  // b wins, but its no-op cannot reach anyone yet.
  cl.filters.push(m => m.type === 'append' && m.from === 'b' ? 'hold' : 'deliver')
  cl.crash('a')
  for (let i = 0; i < 5 && cl.status('b').role !== 'leader'; i++) cl.elect('b')
  t.equal(cl.status('b').role, 'leader')
  t.ok(cl.status('b').commit < cl.status('b').lastIndex, 'its no-op is not committed')
  cl.node('b').readIndex(ctx('early'))
  cl.drain('b')
  cl.tick('b', 3)
  cl.deliver()
  t.same(cl.reads.get('b'), [], 'no answer while the commit index may be stale')
  cl.heal()
  cl.release()
  cl.deliver()
  cl.tick('b', 2)
  cl.deliver()
  const rs = cl.reads.get('b')!
  t.equal(rs.length, 1, 'answered once the no-op commits')
  t.ok(rs[0]!.index >= cl.status('b').lastIndex, 'at an index covering its no-op')
})

t.test('a lone voter answers at once; a follower with no leader refuses', async t => {
  const one = new Cluster({ voters: ['a'] })
  one.tickAll(30)
  one.node('a').readIndex(ctx('solo'))
  one.drain('a')
  t.equal(one.reads.get('a')!.length, 1)
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  t.throws(() => cl.node('b').readIndex(ctx('?')), { code: 'ERR_NOT_LEADER', leader: null })
})
