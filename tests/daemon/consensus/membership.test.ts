import { EventEmitter } from 'node:events'
import t from 'tap'
import { RealClock } from '../../../controller/clock/index.ts'
import { putApp } from '../../../controller/state/index.ts'
import { MembershipLoop } from '../../../daemon/consensus/index.ts'
import type { MembershipDirectory, RaftCommandLog } from '../../../daemon/consensus/index.ts'
import type { NodeDirectory } from '../../../daemon/membership/index.ts'
import { Cluster, logger, spec, waitFor } from './helpers.ts'

// The composition root hands the real directory to the loop: it must fit.
const fits: (d: NodeDirectory) => MembershipDirectory = d => d
void fits

type State = 'up' | 'suspect' | 'down' | 'left'

/** The grid as every node's directory sees it; the test plays the failure detector. */
class FakeDirectory extends EventEmitter<{ event: [{ type: string, peer: string }] }> {
  readonly #nodes = new Map<string, { state: State, zone: string }>()

  set (id: string, state: State, zone?: string): void {
    const z = zone ?? this.#nodes.get(id)?.zone ?? ''
    this.#nodes.set(id, { state, zone: z })
    this.emit('event', { type: `node-${state}`, peer: id })
  }

  nodes (): Array<{ id: string, state: State, advert: { zone: string } }> {
    return [...this.#nodes].map(([id, n]) => ({ id, state: n.state, advert: { zone: n.zone } }))
  }

  zone (id: string): string {
    return this.#nodes.get(id)!.zone
  }
}

/** Keeps proposing on `log` until stopped; every command must commit. */
function writer (log: () => RaftCommandLog): { stop: () => Promise<void>, acked: string[], errors: unknown[] } {
  const acked: string[] = []
  const errors: unknown[] = []
  let running = true
  const done = (async () => {
    for (let i = 0; running; i++) {
      const name = `w${i}`
      try {
        await log().propose(putApp(spec(name), name))
        acked.push(name)
      } catch (err) {
        errors.push(err)
      }
      await new Promise(resolve => setTimeout(resolve, 10))
    }
  })()
  return { acked, errors, stop: async () => { running = false; await done } }
}

t.test('one voter grows to 3, then 5 across zones; a dead voter is replaced; commands commit throughout', async t => {
  const dir = new FakeDirectory()
  const c = await Cluster.create(t, ['a'], {}, ['a'])
  const loops: MembershipLoop[] = []
  t.teardown(async () => { for (const l of loops) await l.stop() })
  const loop = (id: string): void => {
    const l = new MembershipLoop({ raft: c.log(id), directory: dir, clock: new RealClock(), logger }, { intervalMs: 50, replaceAfterMs: 400 })
    l.start()
    loops.push(l)
  }
  const join = async (id: string, zone: string): Promise<void> => {
    await c.add(id)
    loop(id)
    dir.set(id, 'up', zone)
  }
  dir.set('a', 'up', 'z1')
  loop('a')
  t.equal(await c.waitLeader(), 'a', 'a founder alone elects itself')
  const w = writer(() => c.log('a'))
  t.teardown(w.stop)

  await join('b', 'z2')
  await waitFor(() => c.log('a').status().learners.includes('b'), 3000, 'b added as a learner')
  t.same(c.log('a').status().voters, ['a'], 'two nodes: one voter (an even group tolerates no more failures)')
  await join('c', 'z3')
  await waitFor(() => c.log('a').status().voters.length === 3, 5000, '3 voters')
  t.match(c.log('a').status(), { voters: ['a', 'b', 'c'], learners: [] }, 'b and c promoted')
  await waitFor(() => ['b', 'c'].every(id => c.log(id).status().voters.length === 3), 3000, 'the joiners know')
  t.equal(c.log('b').status().leader, 'a')

  await join('d', 'z1')
  await join('e', 'z2')
  await waitFor(() => c.log('a').status().voters.length === 5, 5000, '5 voters')
  const voters = c.log('a').status().voters
  t.same(voters, ['a', 'b', 'c', 'd', 'e'])
  t.same(new Set(voters.map(id => dir.zone(id))), new Set(['z1', 'z2', 'z3']), 'the voters span all three zones')

  await join('f', 'z3')
  await waitFor(() => c.log('a').status().learners.includes('f') && c.log('a').catchUp('f')?.caughtUp === true, 3000, 'f a caught-up learner')
  t.equal(c.log('a').status().voters.length, 5, 'a sixth node stays a learner')
  t.equal(c.log('f').status().role, 'follower')

  const before = w.acked.length
  await c.stop('c')
  dir.set('c', 'down')
  await new Promise(resolve => setTimeout(resolve, 200))
  t.ok(c.log('a').status().voters.includes('c'), 'not replaced before replaceAfterMs')
  await waitFor(() => !c.log('a').status().voters.includes('c') && c.log('a').status().voters.length === 5, 5000, 'c replaced')
  t.same(c.log('a').status().voters, ['a', 'b', 'd', 'e', 'f'], 'f (zone z3, like c) took c\'s seat')
  t.same(c.log('a').status().learners, [])
  const after = w.acked.length
  await waitFor(() => w.acked.length > after + 3, 3000, 'more commits after the replacement')
  await w.stop()
  t.same(w.errors, [], 'no command failed during any change')
  t.ok(after > before, `commands committed while c was down (${before} → ${after})`)
  const applied = c.log('a').state.appliedIndex
  await waitFor(() => ['b', 'd', 'e', 'f'].every(id => c.log(id).state.appliedIndex >= applied), 3000, 'all apply')
  for (const id of ['b', 'd', 'e', 'f']) t.equal(c.log(id).state.apps.size, w.acked.length, `${id} holds every acknowledged command`)
})

t.test('proposeConfChange: leader only, one change at a time, resolves when applied', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'])
  const leader = await c.waitLeader()
  const follower = c.ids.find(id => id !== leader)!
  await c.log(leader).propose(putApp(spec('x'), 'x'))
  const notLeader = await c.log(follower).proposeConfChange({ type: 'add-learner', node: 'd' }).catch((e: { code?: string }) => e)
  t.equal((notLeader as { code?: string }).code, 'ERR_NOT_LEADER')
  const bad = await c.log(leader).proposeConfChange({ type: 'promote', node: 'zz' }).catch((e: { code?: string }) => e)
  t.equal((bad as { code?: string }).code, 'ERR_BAD_CONF_CHANGE')

  const d = await c.add('d')
  await new Promise(resolve => setTimeout(resolve, 600))
  t.match(d.status(), { role: 'follower', term: 0, leader: null, voters: [], learners: [] }, 'a node with no founders waits passive: no bootstrap, no campaign')

  const first = c.log(leader).proposeConfChange({ type: 'add-learner', node: 'd' })
  const second = await c.log(leader).proposeConfChange({ type: 'remove', node: 'd' }).catch((e: { code?: string }) => e)
  t.equal((second as { code?: string }).code, 'ERR_CONF_CHANGE_PENDING', 'a second change waits for the first')
  await first
  t.same(c.log(leader).status().learners, ['d'])
  t.equal(c.log(leader).status().pendingConfChange, false)
  await waitFor(() => d.state.apps.has('x'), 3000, 'd receives the log')
  t.same(d.status().learners, ['d'], 'd learned its membership from the log')
  t.equal(d.status().leader, leader)
  await waitFor(() => c.log(leader).catchUp('d')?.caughtUp === true, 3000, 'd caught up')
  t.equal(c.log(follower).catchUp('d'), undefined, 'catch-up is known only on the leader')
  await c.log(leader).proposeConfChange({ type: 'promote', node: 'd' })
  t.same(c.log(leader).status().voters, ['a', 'b', 'c', 'd'])
  await c.log(leader).propose(putApp(spec('y'), 'y'))
  await waitFor(() => d.state.apps.has('y'), 3000, 'd applies as a voter')
})
