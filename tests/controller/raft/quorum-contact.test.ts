/**
 * Quorum contact from heartbeat rounds: every node learns, from the
 * heartbeats Raft sends anyway, when it last reached a leader a quorum
 * stood behind, and stops learning it the moment it is cut off, either way.
 */
import t from 'tap'
import { Cluster } from './harness.ts'
import { FollowerRounds, LeaderRounds } from '../../../controller/raft/quorum-contact.ts'

const age = (cl: Cluster, id: string): number | undefined => {
  const s = cl.status(id)
  return s.quorumContact === undefined ? undefined : s.ticks - s.quorumContact
}

t.test('every node of a healthy group stays in contact, without a read of its own', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  cl.tickAll(20)
  for (const id of ['a', 'b', 'c']) {
    const a = age(cl, id)
    t.ok(a !== undefined && a <= 2, `${id}: contact at most two ticks old (${a})`)
  }
  t.notOk(cl.sent.some(m => m.type === 'read-index'), 'no read-index request was needed')
})

t.test('a node cut off either way loses contact; the majority keeps it', async t => {
  for (const way of ['both', 'hears only', 'speaks only'] as const) {
    const cl = new Cluster({ voters: ['a', 'b', 'c'] })
    cl.elect('a')
    cl.tickAll(10)
    if (way === 'both') cl.isolate('c')
    // The leader's heartbeats still reach c, but c's answers are lost: c must not count itself in contact.
    if (way === 'hears only') cl.filters.push(m => m.from === 'c' ? 'drop' : 'deliver')
    if (way === 'speaks only') cl.filters.push(m => m.to === 'c' ? 'drop' : 'deliver')
    cl.tickAll(40)
    t.ok(age(cl, 'c')! >= 38, `${way}: c's contact is as old as the cut (${age(cl, 'c')} ticks)`)
    t.ok(age(cl, 'a')! <= 2, `${way}: the leader keeps its quorum`)
    t.ok(age(cl, 'b')! <= 2, `${way}: so does b`)
    const leader = cl.status('a')
    t.ok(leader.ticks - leader.progress.c!.lastAnswer! >= 38, `${way}: the leader last heard c over Raft before the cut`)
    t.ok(leader.ticks - leader.progress.b!.lastAnswer! <= 2, `${way}: and b a moment ago`)
  }
})

t.test('a leader in a minority loses contact, and so does the follower cut off with it', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c', 'd', 'e'] })
  cl.elect('a')
  cl.tickAll(10)
  cl.partition(['a', 'b'], ['c', 'd', 'e'])
  cl.tickAll(60)
  t.ok(age(cl, 'a')! >= 58, `the old leader's contact dates from the cut (${age(cl, 'a')})`)
  t.ok(age(cl, 'b')! >= 58, `so does its follower's, though it heard the old leader for a while (${age(cl, 'b')})`)
  const leader = cl.leaders().find(id => ['c', 'd', 'e'].includes(id))
  t.ok(leader, 'the majority elected a leader')
  for (const id of ['c', 'd', 'e']) t.ok(age(cl, id)! <= 2, `${id} is in contact with it`)
  cl.heal()
  cl.tickAll(30)
  for (const id of ['a', 'b']) t.ok(age(cl, id)! <= 2, `${id} regains contact after the heal`)
})

t.test('a lone voter leading is always in contact', async t => {
  const cl = new Cluster({ voters: ['a'] })
  cl.elect('a')
  cl.tickAll(5)
  t.equal(age(cl, 'a'), 0)
})

t.test('LeaderRounds: confirms a round once a quorum including the leader has answered it', async t => {
  const r = new LeaderRounds()
  const voters = ['a', 'b', 'c', 'd', 'e']
  const one = r.next(10)
  const two = r.next(20)
  t.notOk(r.answer('b', one, voters, 'a', 3, 11), 'two of five is no quorum')
  t.equal(r.contact, undefined)
  t.ok(r.answer('c', two, voters, 'a', 3, 21), 'a, b and c: round 1 is confirmed (c answered a later one)')
  t.equal(r.contact, 10, 'dated to when round 1 was sent')
  t.equal(r.confirmedFor('b'), 1)
  t.equal(r.confirmedFor('d'), 0, 'never told to one that has not answered')
  t.notOk(r.answer('b', one, voters, 'a', 3, 22), 'an answer repeated counts once')
  t.notOk(r.answer('x', 99, voters, 'a', 3, 23), 'an answer to a round never sent is disregarded')
  t.ok(r.answer('b', two, voters, 'a', 3, 24))
  t.equal(r.contact, 20)
  t.same([...r.answeredAt], [['b', 24], ['c', 21]], 'when each peer last answered')
})

t.test('FollowerRounds: dates contact to the arrival of the confirmed round, per leader and term', async t => {
  const f = new FollowerRounds()
  f.heard('a', 2, 1, 0, 100)
  f.heard('a', 2, 2, 0, 110)
  t.equal(f.contact, undefined, 'nothing confirmed yet')
  f.heard('a', 2, 3, 1, 120)
  t.equal(f.contact, 100, 'round 1 arrived at 100')
  f.heard('b', 3, 1, 2, 130)
  t.equal(f.contact, 100, 'a new leader\'s round numbers are its own: its "2" is not a\'s')
  f.heard('b', 3, 2, 1, 140)
  t.equal(f.contact, 130)
  f.heard('b', 3, 3, 0, 150)
  t.equal(f.contact, 130, 'contact never goes back')
})
