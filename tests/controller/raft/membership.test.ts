import t from 'tap'
import type { ConfChange } from '../../../controller/raft/index.ts'
import { bytes, Cluster } from './harness.ts'

function change (cl: Cluster, leader: string, c: ConfChange): void {
  cl.node(leader).proposeConfChange(c)
  cl.drain(leader)
  cl.deliver()
  cl.tickAll(3)
}

t.test('a learner receives the log but neither votes nor counts for commit', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], spares: ['d'] })
  cl.elect('a')
  cl.propose('a', 'before')
  change(cl, 'a', { type: 'add-learner', node: 'd' })
  t.same(cl.status('a').conf, { voters: ['a', 'b', 'c'], learners: ['d'] })
  t.same(cl.status('d').conf, { voters: ['a', 'b', 'c'], learners: ['d'] }, 'd learned the membership from the log')
  t.same(cl.appliedData('d'), ['before'], 'd has the log')
  // With b and c gone, a and the learner are no majority.
  cl.crash('b')
  cl.crash('c')
  cl.node('a').propose(bytes('stuck'))
  cl.drain('a')
  cl.deliver()
  t.notOk(cl.appliedData('a').includes('stuck'), 'a learner does not count for commit')
  t.ok(cl.appliedData('d').length === 1, 'and d does not apply it')
  cl.tick('d', 100)
  t.equal(cl.status('d').role, 'follower', 'a learner never campaigns')
})

t.test('promote a learner, add a voter, remove a voter: the quorum follows', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], spares: ['d', 'e'] })
  cl.elect('a')
  change(cl, 'a', { type: 'add-learner', node: 'd' })
  change(cl, 'a', { type: 'promote', node: 'd' })
  t.same(cl.status('c').conf.voters, ['a', 'b', 'c', 'd'])
  change(cl, 'a', { type: 'add-voter', node: 'e' })
  t.same(cl.status('a').conf.voters, ['a', 'b', 'c', 'd', 'e'])
  change(cl, 'a', { type: 'remove', node: 'b' })
  change(cl, 'a', { type: 'remove', node: 'c' })
  t.same(cl.status('a').conf, { voters: ['a', 'd', 'e'], learners: [] })
  // Now a, d and e alone make progress, with b and c gone for good.
  cl.crash('b')
  cl.crash('c')
  cl.propose('a', 'three-of-three')
  t.ok(cl.appliedData('e').includes('three-of-three'))
  cl.crash('a')
  cl.tickAll(80)
  t.equal(cl.leaders().length, 1, 'd or e is elected without b and c')
})

t.test('a removed leader steps down once the removal commits', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  cl.node('a').proposeConfChange({ type: 'remove', node: 'a' })
  cl.drain('a')
  cl.deliver()
  t.equal(cl.status('a').role, 'follower', 'stepped down')
  t.same(cl.status('b').conf.voters, ['b', 'c'])
  cl.tickAll(60)
  const leaders = cl.leaders()
  t.equal(leaders.length, 1)
  t.not(leaders[0], 'a', 'b or c leads')
  cl.tick('a', 100)
  t.not(cl.status('a').role, 'leader', 'a never campaigns again')
})

t.test('one membership change at a time, and only after the leader committed in its term', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], spares: ['d', 'e'] })
  cl.elect('a')
  cl.isolate('b')
  cl.isolate('c')
  cl.node('a').proposeConfChange({ type: 'add-learner', node: 'd' })
  t.throws(() => cl.node('a').proposeConfChange({ type: 'add-learner', node: 'e' }), { code: 'ERR_CONF_CHANGE_PENDING' }, 'the first is not committed yet')
  cl.heal()
  cl.drain('a')
  cl.deliver()
  cl.tickAll(3)
  cl.node('a').proposeConfChange({ type: 'add-learner', node: 'e' })
  t.pass('accepted once the first committed')

  const fresh = new Cluster({ voters: ['a', 'b', 'c'], spares: ['d'] })
  fresh.filters.push(m => m.type === 'append' ? 'hold' : 'deliver')
  fresh.elect('a')
  t.equal(fresh.status('a').role, 'leader')
  t.throws(() => fresh.node('a').proposeConfChange({ type: 'add-learner', node: 'd' }), { code: 'ERR_CONF_CHANGE_PENDING' }, 'no change before the no-op commits')
})

t.test('changes that do not fit the membership are refused', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], spares: ['d'] })
  cl.elect('a')
  const a = cl.node('a')
  const cases: Array<[ConfChange, string]> = [
    [{ type: 'add-voter', node: 'b' }, 'already a voter'],
    [{ type: 'promote', node: 'b' }, 'not a learner'],
    [{ type: 'remove', node: 'd' }, 'not a member'],
    [{ type: 'add-learner', node: 'c' }, 'voter as learner']
  ]
  for (const [c, why] of cases) t.throws(() => a.proposeConfChange(c), { code: 'ERR_BAD_CONF_CHANGE' }, why)
  t.throws(() => a.proposeConfChange({ type: 'add-voter', node: '' }), { code: 'ERR_BAD_CONF_CHANGE' }, 'no node id')
  t.throws(() => cl.node('b').proposeConfChange({ type: 'add-learner', node: 'd' }), { code: 'ERR_NOT_LEADER' })
  const one = new Cluster({ voters: ['a'] })
  one.tickAll(30)
  t.throws(() => one.node('a').proposeConfChange({ type: 'remove', node: 'a' }), { code: 'ERR_BAD_CONF_CHANGE' }, 'the last voter stays')
})

t.test('a change takes effect when appended, and is undone if its entry is truncated', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c', 'e', 'f'], spares: ['d'], checkQuorum: false })
  cl.elect('a')
  // The change reaches b only, uncommitted.
  cl.filters.push(m => m.from === 'a' && m.type === 'append' && m.to !== 'b' ? 'drop' : 'deliver')
  cl.filters.push(m => m.from === 'b' && m.to === 'a' ? 'drop' : 'deliver')
  cl.node('a').proposeConfChange({ type: 'add-learner', node: 'd' })
  cl.drain('a')
  cl.deliver()
  t.same(cl.status('b').conf.learners, ['d'], 'in force on b as soon as b appended it')
  t.same(cl.status('c').conf.learners, [], 'not on c')
  // a dies; c wins with e and f (d never having been added) and overwrites b's entry.
  cl.crash('a')
  cl.heal()
  cl.filters.push(m => m.from === 'b' && (m.type === 'vote-response' || m.type === 'pre-vote-response') ? 'drop' : 'deliver')
  for (let i = 0; i < 10 && cl.status('c').role !== 'leader'; i++) cl.elect('c')
  t.equal(cl.status('c').role, 'leader')
  cl.heal()
  cl.propose('c', 'overwrite')
  cl.tickAll(3)
  t.same(cl.status('b').conf.learners, [], 'b\'s membership fell back with the truncation')
  t.same(cl.logOf('b'), cl.logOf('c'))
})
