import t from 'tap'
import { Cluster } from './harness.ts'

t.test('a leader is elected, by table', async t => {
  const cases = [
    { name: 'single node', voters: ['a'] },
    { name: 'three nodes', voters: ['a', 'b', 'c'] },
    { name: 'five nodes', voters: ['a', 'b', 'c', 'd', 'e'] },
    { name: 'three nodes without pre-vote', voters: ['a', 'b', 'c'], preVote: false },
    { name: 'five nodes without check-quorum', voters: ['a', 'b', 'c', 'd', 'e'], checkQuorum: false }
  ]
  for (const c of cases) {
    const { name, ...o } = c
    const cl = new Cluster({ ...o, seed: 7 })
    cl.tickAll(60)
    const leaders = cl.leaders()
    t.equal(leaders.length, 1, `${name}: exactly one leader`)
    const leader = leaders[0]!
    const term = cl.status(leader).term
    for (const id of c.voters) {
      t.equal(cl.status(id).leader, leader, `${name}: ${id} follows ${leader}`)
      t.equal(cl.status(id).term, term, `${name}: ${id} is at term ${term}`)
    }
    // The leader's no-op commits everywhere.
    t.equal(cl.status(leader).commit, cl.status(leader).lastIndex, `${name}: no-op committed`)
  }
})

t.test('the vote is persisted before the vote response leaves', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], preVote: false })
  cl.tick('a', 30)
  // a asked b and c for votes; let b answer and look at b's disk before a hears back.
  cl.filters.push(m => m.to === 'a' ? 'hold' : 'deliver')
  cl.deliver()
  t.equal(cl.disk('b').hardState.vote, 'a', 'b persisted its vote for a')
  t.equal(cl.disk('b').hardState.term, cl.status('a').term)
  t.ok(cl.held.some(m => m.type === 'vote-response' && m.from === 'b' && !m.reject), 'b granted')
})

t.test('split votes resolve through randomized timeouts', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c', 'd'], preVote: false, seed: 3 })
  // a and b campaign in the same term; c only hears a, d only hears b: 2–2, nobody wins.
  cl.tick('a', 30)
  cl.tick('b', 30)
  t.equal(cl.status('a').role, 'candidate')
  t.equal(cl.status('b').role, 'candidate')
  t.equal(cl.status('a').term, cl.status('b').term, 'same term')
  cl.filters.push(m => (m.type === 'vote' && ((m.from === 'a' && m.to === 'd') || (m.from === 'b' && m.to === 'c'))) ? 'drop' : 'deliver')
  cl.deliver()
  t.same(cl.leaders(), [], 'split vote: no leader')
  const splitTerm = cl.status('a').term
  cl.heal()
  cl.tickAll(100)
  t.equal(cl.leaders().length, 1, 'resolved to one leader')
  t.ok(cl.status(cl.leaders()[0]!).term > splitTerm, 'in a later term')
})

t.test('a candidate with a stale log cannot win (§5.4.1)', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], seed: 5 })
  cl.elect('a')
  t.same(cl.leaders(), ['a'])
  cl.isolate('c')
  cl.propose('a', 'x')
  cl.propose('a', 'y')
  cl.heal()
  // a disappears; c (missing x and y) must lose to b.
  cl.crash('a')
  cl.campaign('c')
  t.not(cl.status('c').role, 'leader', 'c is refused')
  cl.tickAll(80)
  t.same(cl.leaders(), ['b'], 'b, with the whole log, leads')
  t.same(cl.appliedData('c').slice(-2), ['x', 'y'], 'and c gets the entries it missed')
})

t.test('at most one leader per term over many seeds', async t => {
  for (let seed = 1; seed <= 40; seed++) {
    const cl = new Cluster({ voters: ['a', 'b', 'c', 'd', 'e'], seed })
    const byTerm = new Map<number, string>()
    for (let i = 0; i < 80; i++) {
      cl.tickAll(1)
      for (const id of cl.leaders()) {
        const term = cl.status(id).term
        const prev = byTerm.get(term)
        if (prev !== undefined && prev !== id) t.fail(`seed ${seed}: ${prev} and ${id} both lead term ${term}`)
        byTerm.set(term, id)
      }
    }
    if (cl.leaders().length !== 1) t.fail(`seed ${seed}: ${cl.leaders().length} leaders at the end`)
  }
  t.pass('one leader per term')
})
