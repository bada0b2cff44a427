import { EventEmitter } from 'node:events'
import t from 'tap'
import { VirtualClock } from '../../../controller/clock/index.ts'
import type { ConfChange } from '../../../controller/raft/index.ts'
import { MembershipLoop } from '../../../daemon/consensus/index.ts'
import type { MembershipConsensus, RaftCommandLogStatus } from '../../../daemon/consensus/index.ts'
import { logger } from './helpers.ts'

/** A Raft log that applies changes at once and records them. */
function fakeRaft (role: RaftCommandLogStatus['role'], voters: string[]): MembershipConsensus & { made: ConfChange[], conf: { voters: string[], learners: string[] } } {
  const conf = { voters, learners: [] as string[] }
  const made: ConfChange[] = []
  return {
    made,
    conf,
    status: () => ({ id: 'a', role, leader: role === 'leader' ? 'a' : 'b', term: 1, commit: 1, applied: 1, lastIndex: 1, pendingConfChange: false, progress: {}, voters: [...conf.voters], learners: [...conf.learners] }),
    catchUp: () => ({ match: 1, lastIndex: 1, lag: 0, caughtUp: true }),
    proposeConfChange: async (c: ConfChange) => {
      made.push(c)
      if (c.type === 'add-learner') conf.learners = [...conf.learners, c.node].sort()
      if (c.type === 'remove') { conf.voters = conf.voters.filter(x => x !== c.node); conf.learners = conf.learners.filter(x => x !== c.node) }
      if (c.type === 'promote') { conf.learners = conf.learners.filter(x => x !== c.node); conf.voters = [...conf.voters, c.node].sort() }
    }
  }
}

function directory (nodes: Array<{ id: string, state: 'up' | 'down', zone: string }>) {
  const d = new EventEmitter<{ event: [{ type: string, peer: string }] }>()
  return Object.assign(d, { nodes: () => nodes.map(n => ({ id: n.id, state: n.state, advert: { zone: n.zone } })) })
}

t.test('off the leader the loop proposes nothing', async t => {
  const clock = new VirtualClock()
  const raft = fakeRaft('follower', ['a', 'b', 'c'])
  const loop = new MembershipLoop({ raft, directory: directory([{ id: 'd', state: 'up', zone: 'z' }]), clock, logger }, { intervalMs: 100 })
  loop.start()
  await clock.advance(1000)
  await loop.stop()
  t.same(raft.made, [])
})

t.test('a member the directory never heard of is replaced after replaceAfterMs, counted from when it was first missed', async t => {
  const clock = new VirtualClock()
  const raft = fakeRaft('leader', ['a', 'b', 'c'])
  const nodes = [{ id: 'a', state: 'up' as const, zone: 'z1' }, { id: 'b', state: 'up' as const, zone: 'z2' }, { id: 'd', state: 'up' as const, zone: 'z3' }]
  const loop = new MembershipLoop({ raft, directory: directory(nodes), clock, logger }, { intervalMs: 100, replaceAfterMs: 1000 })
  loop.start()
  await clock.advance(500)
  t.same(raft.made, [{ type: 'add-learner', node: 'd' }], 'the up stranger joins as a learner; c is kept for now')
  await clock.advance(1000)
  t.same(raft.made.slice(1), [{ type: 'remove', node: 'c' }, { type: 'promote', node: 'd' }], 'c replaced by d')
  t.same(raft.conf, { voters: ['a', 'b', 'd'], learners: [] })
  await loop.stop()
  await loop.stop()
})

t.test('a parked node joins as a learner but is never promoted to voter', async t => {
  const clock = new VirtualClock()
  const raft = fakeRaft('leader', ['a'])
  const nodes = [{ id: 'a', state: 'up' as const, zone: 'z1' }, { id: 'b', state: 'up' as const, zone: 'z2' }, { id: 'c', state: 'up' as const, zone: 'z3' }]
  let parked = new Set(['c'])
  const loop = new MembershipLoop({ raft, directory: directory(nodes), clock, logger, parked: id => parked.has(id) }, { intervalMs: 100 })
  loop.start()
  await clock.advance(2000)
  t.same(raft.conf, { voters: ['a'], learners: ['b', 'c'] }, 'three up nodes, but c is parked: one voter, and b waits for a second to make three')
  parked = new Set()
  await clock.advance(2000)
  t.same(raft.conf, { voters: ['a', 'b', 'c'], learners: [] }, 'unparked: both promoted')
  await loop.stop()
})
