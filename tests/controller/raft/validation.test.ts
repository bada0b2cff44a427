import t from 'tap'
import { Cluster } from './harness.ts'

const B = new Uint8Array(0)

/** A 3-node cluster with a leader and b following, and a snapshot of what b looks like. */
function setup (): { cl: Cluster, term: number, last: number, before: () => string } {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  cl.propose('a', 'x')
  cl.tickAll(2)
  cl.queue = []
  const s = cl.status('b')
  const view = (): string => {
    const st = cl.status('b')
    return JSON.stringify([st.term, st.vote, st.commit, st.lastIndex, st.leader, st.role, cl.logOf('b'), cl.disk('b').hardState])
  }
  return { cl, term: s.term, last: s.lastIndex, before: view }
}

t.test('garbled messages are dropped, counted, and change nothing', async t => {
  const { cl, term, last, before } = setup()
  const entry = (index: number, t2 = term): object => ({ type: 'normal', term: t2, index, data: B })
  const append = (o: object): object => ({ type: 'append', from: 'a', to: 'b', term, index: last, logTerm: term, entries: [], commit: 0, ...o })
  const cases: Array<[string, unknown, string]> = [
    ['null', null, 'not-an-object'],
    ['a string', 'hello', 'not-an-object'],
    ['no type', { from: 'a', to: 'b', term }, 'unknown-type'],
    ['unknown type', { type: 'bogus', from: 'a', to: 'b', term }, 'unknown-type'],
    ['empty sender', append({ from: '' }), 'bad-address'],
    ['numeric sender', append({ from: 7 }), 'bad-address'],
    ['someone else\'s message', append({ to: 'c' }), 'wrong-recipient'],
    ['from itself', append({ from: 'b' }), 'from-self'],
    ['negative term', append({ term: -1 }), 'bad-term'],
    ['fractional term', append({ term: term + 0.5 }), 'bad-term'],
    ['unsafe term', append({ term: 2 ** 60 }), 'bad-term'],
    ['NaN term', append({ term: NaN }), 'bad-term'],
    ['term way out of range', append({ term: term + 2 ** 33 }), 'term-out-of-range'],
    ['negative index', append({ index: -3 }), 'bad-field'],
    ['missing commit', append({ commit: undefined }), 'bad-field'],
    ['log term above the message term', append({ logTerm: term + 1 }), 'bad-field'],
    ['entries not an array', append({ entries: 'x' }), 'bad-entries'],
    ['entries with a gap', append({ entries: [entry(last + 1), entry(last + 3)] }), 'bad-entries'],
    ['entries not after index', append({ entries: [entry(last + 2)] }), 'bad-entries'],
    ['entry from the future', append({ entries: [entry(last + 1, term + 1)] }), 'bad-entries'],
    ['entry term falling', append({ entries: [entry(last + 1, term), entry(last + 2, term - 1)] }), 'bad-entries'],
    ['entry without data', append({ entries: [{ type: 'normal', term, index: last + 1 }] }), 'bad-entries'],
    ['bad membership change', append({ entries: [{ type: 'conf-change', term, index: last + 1, change: { type: 'grow', node: 'z' } }] }), 'bad-entries'],
    ['heartbeat commit NaN', { type: 'heartbeat', from: 'a', to: 'b', term, commit: NaN, context: B }, 'bad-field'],
    ['heartbeat context not bytes', { type: 'heartbeat', from: 'a', to: 'b', term, commit: 0, context: 'ctx' }, 'bad-field'],
    ['vote log term above its term', { type: 'vote', from: 'c', to: 'b', term, index: 1, logTerm: term + 1, transfer: false }, 'bad-field'],
    ['vote without transfer flag', { type: 'vote', from: 'c', to: 'b', term, index: 1, logTerm: 1 }, 'bad-field'],
    ['snapshot at a negative index', { type: 'snapshot', from: 'a', to: 'b', term, snapshot: { index: -1, term: 1, conf: { voters: [], learners: [] }, data: B } }, 'bad-snapshot'],
    ['snapshot without membership', { type: 'snapshot', from: 'a', to: 'b', term, snapshot: { index: 50, term: 1, data: B } }, 'bad-snapshot'],
    ['response without reject flag', { type: 'append-response', from: 'c', to: 'b', term, index: 1, rejectHint: 0, logTerm: 0 }, 'bad-field'],
    ['vote from a stranger', { type: 'vote', from: 'zz', to: 'b', term: term + 1, index: last + 5, logTerm: term, transfer: true }, 'non-member'],
    ['read-index from a stranger', { type: 'read-index', from: 'zz', to: 'b', term, context: B }, 'non-member']
  ]
  for (const [name, m, reason] of cases) {
    const was = before()
    const dropped = cl.node('b').stats().dropped[reason] ?? 0
    t.equal(cl.step('b', m), false, `${name}: refused`)
    t.equal(cl.node('b').stats().dropped[reason], dropped + 1, `${name}: counted as ${reason}`)
    t.equal(before(), was, `${name}: nothing changed`)
    t.equal(cl.queue.length, 0, `${name}: nothing sent`)
  }
  // The node is unharmed: it still follows and replicates.
  cl.propose('a', 'after')
  t.same(cl.appliedData('b').slice(-2), ['x', 'after'])
})

t.test('well-formed but impossible messages are dropped without harm', async t => {
  const { cl, term, before } = setup()
  const commit = cl.status('b').commit
  const was = before()
  // Tries to rewrite b's committed entries: b answers with its commit index and keeps its log.
  const rewrite = { type: 'append', from: 'a', to: 'b', term, index: commit - 1, logTerm: cl.disk('b').term(commit - 1), entries: [{ type: 'normal', term, index: commit, data: B }], commit: 0 }
  cl.step('b', rewrite)
  const answer = cl.queue.splice(0).find(m => m.type === 'append-response')
  t.ok(answer !== undefined && answer.type === 'append-response' && answer.index === commit && !answer.reject, 'answered with the commit index')
  t.equal(before(), was, 'log untouched')
  // A heartbeat claiming a commit beyond b's log.
  cl.step('b', { type: 'heartbeat', from: 'a', to: 'b', term, commit: 10_000, context: B })
  t.equal(cl.node('b').stats().dropped['commit-beyond-log'], 1)
  t.equal(cl.status('b').commit, commit, 'commit unchanged')
  // At the leader: an acknowledgement beyond its log, and a second leader in its term.
  const lt = cl.status('a').term
  cl.step('a', { type: 'append-response', from: 'c', to: 'a', term: lt, index: 10_000, reject: false, rejectHint: 0, logTerm: 0 })
  t.equal(cl.node('a').stats().dropped['ack-beyond-log'], 1)
  cl.step('a', { type: 'heartbeat', from: 'c', to: 'a', term: lt, commit: 0, context: B })
  t.equal(cl.node('a').stats().dropped['second-leader-in-term'], 1)
  t.equal(cl.status('a').role, 'leader', 'a still leads')
})

t.test('messages from an older term are ignored, and answered where that helps', async t => {
  const { cl, term, last, before } = setup()
  const old = term - 1
  const cases: Array<[string, object, string | null]> = [
    ['append', { type: 'append', from: 'c', to: 'b', term: old, index: last, logTerm: old, entries: [], commit: 0 }, 'append-response'],
    ['heartbeat', { type: 'heartbeat', from: 'c', to: 'b', term: old, commit: 0, context: B }, 'append-response'],
    ['pre-vote', { type: 'pre-vote', from: 'c', to: 'b', term: old, index: last, logTerm: old, transfer: false }, 'pre-vote-response'],
    ['vote', { type: 'vote', from: 'c', to: 'b', term: old, index: last, logTerm: old, transfer: false }, null],
    ['vote response', { type: 'vote-response', from: 'c', to: 'b', term: old, reject: false }, null]
  ]
  for (const [name, m, reply] of cases) {
    const was = before()
    t.ok(cl.step('b', m), `${name}: well-formed`)
    t.equal(before(), was, `${name}: state unchanged`)
    const out = cl.queue.splice(0)
    if (reply === null) t.equal(out.length, 0, `${name}: no answer`)
    else t.ok(out.length === 1 && out[0]!.type === reply && out[0]!.term === term && out[0]!.to === 'c', `${name}: answered with ${reply} in our term`)
  }
})

t.test('messages from a newer term: step down, except for pre-votes', async t => {
  const { cl, term, last } = setup()
  // A heartbeat from a newer leader: follow it.
  cl.step('b', { type: 'heartbeat', from: 'c', to: 'b', term: term + 2, commit: 0, context: B })
  t.equal(cl.status('b').term, term + 2)
  t.equal(cl.status('b').leader, 'c')
  // An append from a newer term at the leader: it steps down.
  cl.step('a', { type: 'append', from: 'c', to: 'a', term: term + 2, index: last, logTerm: term, entries: [], commit: 0 })
  t.equal(cl.status('a').role, 'follower')
  t.equal(cl.status('a').term, term + 2)
  // A pre-vote for a future term never moves ours (on a fresh group nobody holds a lease).
  const fresh = new Cluster({ voters: ['a', 'b', 'c'] })
  fresh.step('a', { type: 'pre-vote', from: 'b', to: 'a', term: 2, index: 100, logTerm: 1, transfer: false })
  t.equal(fresh.status('a').term, 1, 'pre-vote leaves the term')
  const resp = fresh.queue.find(m => m.type === 'pre-vote-response')
  t.ok(resp !== undefined && resp.type === 'pre-vote-response' && !resp.reject && resp.term === 2, 'granted, answered in the candidate\'s term')
  // A granted pre-vote response at a newer term does not move the term either.
  cl.step('c', { type: 'pre-vote-response', from: 'a', to: 'c', term: cl.status('c').term + 1, reject: false })
  t.equal(cl.status('c').term, term, 'c keeps its term')
})
