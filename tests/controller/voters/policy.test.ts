import t from 'tap'
import { nextMembershipChange, targetVoters } from '../../../controller/voters/index.ts'
import type { VoterCandidate, VoterPolicyInput } from '../../../controller/voters/index.ts'

/** `id:zone:state[:downForMs][:lag]` → a candidate; caught up unless `lag` is given. */
function n (spec: string): VoterCandidate {
  const [id, zone, state, down, lag] = spec.split(':')
  return { id: id!, zone: zone!, state: (state ?? 'up') as VoterCandidate['state'], downForMs: down === undefined || down === '' ? undefined : Number(down), caughtUp: lag === undefined }
}

function input (voters: string[], learners: string[], nodes: string[], over: Partial<VoterPolicyInput> = {}): VoterPolicyInput {
  return { conf: { voters, learners }, self: 'a', nodes: nodes.map(n), replaceAfterMs: 1000, pendingChange: false, ...over }
}

const cases: Array<{ name: string, in: VoterPolicyInput, want: { type: string, node: string } | undefined }> = [
  { name: 'a lone voter: nothing to do', in: input(['a'], [], ['a:z1:up']), want: undefined },
  { name: 'a pending change: never act', in: input(['a'], [], ['a:z1:up', 'b:z2:up'], { pendingChange: true }), want: undefined },
  { name: 'an up non-member is added as a learner', in: input(['a'], [], ['a:z1:up', 'b:z2:up']), want: { type: 'add-learner', node: 'b' } },
  { name: 'suspect, down and left non-members are not added', in: input(['a'], [], ['a:z1:up', 'b:z2:suspect', 'c:z2:down:5', 'd:z1:left']), want: undefined },
  { name: 'two nodes: the second stays a learner (target 1)', in: input(['a'], ['b'], ['a:z1:up', 'b:z2:up']), want: undefined },
  { name: '1 voter, 2 learners, one not caught up: wait (no even interlude)', in: input(['a'], ['b', 'c'], ['a:z1:up', 'b:z2:up', 'c:z3:up::lag']), want: undefined },
  { name: '1 voter, 2 caught-up learners: promote the first', in: input(['a'], ['b', 'c'], ['a:z1:up', 'b:z2:up', 'c:z3:up']), want: { type: 'promote', node: 'b' } },
  { name: '2 voters (growing): promote the second at once', in: input(['a', 'b'], ['c'], ['a:z1:up', 'b:z2:up', 'c:z3:up']), want: { type: 'promote', node: 'c' } },
  { name: 'promotion prefers a zone with no voter over a lower id', in: input(['a'], ['b', 'c', 'd'], ['a:z1:up', 'b:z1:up', 'c:z1:up', 'd:z2:up']), want: { type: 'promote', node: 'd' } },
  { name: 'zone tie: lowest id', in: input(['a', 'd'], ['b', 'c'], ['a:z1:up', 'd:z2:up', 'b:z3:up', 'c:z3:up']), want: { type: 'promote', node: 'b' } },
  { name: 'grow 3 → 5 with two ready', in: input(['a', 'b', 'c'], ['d', 'e'], ['a:z1:up', 'b:z2:up', 'c:z3:up', 'd:z1:up', 'e:z2:up']), want: { type: 'promote', node: 'd' } },
  { name: '4 up nodes: target 3, the 4th stays a learner', in: input(['a', 'b', 'c'], ['d'], ['a:z1:up', 'b:z2:up', 'c:z3:up', 'd:z1:up']), want: undefined },
  { name: 'never more than maxVoters', in: input(['a', 'b', 'c', 'd', 'e'], ['f', 'g'], ['a:z1', 'b:z2', 'c:z3', 'd:z1', 'e:z2', 'f:z1', 'g:z2'].map(s => s + ':up')), want: undefined },
  { name: 'maxVoters 3 respected', in: input(['a', 'b', 'c'], ['d', 'e'], ['a:z1:up', 'b:z2:up', 'c:z3:up', 'd:z1:up', 'e:z2:up'], { maxVoters: 3 }), want: undefined },
  { name: 'a learner that is not up is not promoted', in: input(['a', 'b'], ['c'], ['a:z1:up', 'b:z2:up', 'c:z3:suspect']), want: undefined },
  { name: 'a left voter is removed at once', in: input(['a', 'b', 'c'], [], ['a:z1:up', 'b:z2:left', 'c:z3:up']), want: { type: 'remove', node: 'b' } },
  { name: 'a voter down briefly is kept', in: input(['a', 'b', 'c'], ['d'], ['a:z1:up', 'b:z2:down:500', 'c:z3:up', 'd:z2:up']), want: undefined },
  { name: 'a voter down with unknown duration is kept', in: input(['a', 'b', 'c'], ['d'], ['a:z1:up', 'b:z2:down', 'c:z3:up', 'd:z2:up']), want: undefined },
  { name: 'a voter down past the threshold is removed (3 → 2, both up)', in: input(['a', 'b', 'c'], ['d'], ['a:z1:up', 'b:z2:down:5000', 'c:z3:up', 'd:z2:up']), want: { type: 'remove', node: 'b' } },
  { name: '…then a caught-up learner replaces it', in: input(['a', 'c'], ['d'], ['a:z1:up', 'b:z2:down:5000', 'c:z3:up', 'd:z2:up']), want: { type: 'promote', node: 'd' } },
  { name: 'the longest-down voter goes first', in: input(['a', 'b', 'c', 'd', 'e'], [], ['a:z1:up', 'b:z2:down:2000', 'c:z3:down:9000', 'd:z1:up', 'e:z2:up']), want: { type: 'remove', node: 'c' } },
  { name: 'never remove when the live voters would lack a majority of the new membership', in: input(['a', 'b', 'c'], [], ['a:z1:up', 'b:z2:down:5000', 'c:z3:down:5000']), want: undefined },
  { name: '5 voters, 3 down: the 2 up are no majority of 4', in: input(['a', 'b', 'c', 'd', 'e'], [], ['a:z1:up', 'b:z2:up', 'c:z3:down:5000', 'd:z1:down:5000', 'e:z2:down:5000']), want: undefined },
  { name: '5 voters, 2 down and 1 suspect: 2 up of 4 is no majority', in: input(['a', 'b', 'c', 'd', 'e'], [], ['a:z1:up', 'b:z2:suspect', 'c:z3:down:5000', 'd:z1:down:5000', 'e:z2:up']), want: undefined },
  { name: 'a left voter whose removal would break the live majority is kept', in: input(['a', 'b', 'c'], [], ['a:z1:up', 'b:z2:left', 'c:z3:down:10']), want: undefined },
  { name: 'the leader is never removed, even if reported down', in: input(['a', 'b', 'c'], [], ['a:z1:down:9000', 'b:z2:up', 'c:z3:up']), want: undefined },
  { name: 'a member the directory does not know is never removed for it', in: input(['a', 'b', 'c'], [], ['a:z1:up', 'c:z3:up']), want: undefined },
  { name: 'a left learner is removed', in: input(['a'], ['b'], ['a:z1:up', 'b:z2:left']), want: { type: 'remove', node: 'b' } },
  { name: 'a learner down past the threshold is removed', in: input(['a'], ['b'], ['a:z1:up', 'b:z2:down:5000']), want: { type: 'remove', node: 'b' } },
  { name: 'an even, all-up set that cannot grow shrinks (2 → 1), never the leader', in: input(['a', 'b'], [], ['a:z1:up', 'b:z2:up']), want: { type: 'remove', node: 'b' } },
  { name: 'an even set waiting for a learner to catch up does not shrink', in: input(['a', 'b'], ['c'], ['a:z1:up', 'b:z2:up', 'c:z3:up::lag']), want: undefined },
  { name: '4 all up, no fifth: shrink from the most crowded zone', in: input(['a', 'b', 'c', 'd'], [], ['a:z1:up', 'b:z2:up', 'c:z1:up', 'd:z3:up']), want: { type: 'remove', node: 'c' } },
  { name: 'an even set with a voter down (not yet replaced) does not shrink', in: input(['a', 'b', 'c', 'd'], [], ['a:z1:up', 'b:z2:up', 'c:z1:down:10', 'd:z3:up']), want: undefined },
  { name: 'more than maxVoters: a down voter goes first', in: input(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [], ['a:z1:up', 'b:z2:up', 'c:z1:up', 'd:z3:up', 'e:z1:down:1', 'f:z2:up', 'g:z3:up']), want: { type: 'remove', node: 'e' } },
  { name: 'zone spread: a crowded zone gives up a voter for a waiting learner in a new zone', in: input(['a', 'b', 'c'], ['d'], ['a:z1:up', 'b:z1:up', 'c:z2:up', 'd:z3:up']), want: { type: 'remove', node: 'b' } },
  { name: 'zone spread: not while the learner lags', in: input(['a', 'b', 'c'], ['d'], ['a:z1:up', 'b:z1:up', 'c:z2:up', 'd:z3:up::lag']), want: undefined },
  { name: 'zone spread: not when every zone is covered', in: input(['a', 'b', 'c'], ['d'], ['a:z1:up', 'b:z1:up', 'c:z2:up', 'd:z2:up']), want: undefined },
  { name: 'zone spread: the leader is not the one moved', in: input(['a', 'b'], ['c'], ['a:z1:up', 'c:z3:up', 'b:z2:up'], { maxVoters: 1 }), want: { type: 'remove', node: 'b' } },
  { name: 'a self-learner that is leader (impossible) still never removes self', in: input(['b', 'a'], [], ['a:z1:up', 'b:z1:up'], { maxVoters: 1 }), want: { type: 'remove', node: 'b' } }
]

t.test('decision table', async t => {
  for (const c of cases) {
    const got = nextMembershipChange(c.in)
    t.same(got === undefined ? undefined : { type: got.type, node: got.node }, c.want, c.name)
    if (got !== undefined) t.ok(got.reason.length > 0, `${c.name}: has a reason`)
  }
})

t.test('target voters: odd, at most max', async t => {
  const table: Array<[number, number, number]> = [[0, 5, 1], [1, 5, 1], [2, 5, 1], [3, 5, 3], [4, 5, 3], [5, 5, 5], [6, 5, 5], [9, 5, 5], [9, 7, 7], [4, 4, 3], [2, 1, 1]]
  for (const [up, max, want] of table) t.equal(targetVoters(up, max), want, `${up} up, max ${max}`)
})

t.test('the input is not changed and the same input gives the same answer', async t => {
  const i = input(['a'], ['b', 'c'], ['a:z1:up', 'b:z2:up', 'c:z3:up'])
  const copy = JSON.parse(JSON.stringify(i)) as unknown
  t.same(nextMembershipChange(i), nextMembershipChange(i))
  t.same(i, copy)
})
