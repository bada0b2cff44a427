import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { putApp } from '../../../controller/state/index.ts'
import { catchUpOf, forceNewCluster } from '../../../daemon/consensus/index.ts'
import { soleVoterChanges } from '../../../daemon/consensus/recovery.ts'
import { openStore } from '../../../daemon/store/index.ts'
import type { Status } from '../../../controller/raft/index.ts'
import { Cluster, spec, waitFor } from './helpers.ts'

t.test('quorum lost for good: the forced survivor leads a 1-voter group with its state, and others rejoin as learners', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'], { snapshotEvery: 4, timeoutMs: 1000 })
  await c.waitLeader()
  for (let i = 0; i < 6; i++) await c.log('b').propose(putApp(spec(`app${i}`), `v${i}`))
  await waitFor(() => c.ids.every(id => c.log(id).state.apps.size === 6), 3000, 'all apply')
  await c.stop('b')
  await c.stop('c')
  const err = await c.log('a').propose(putApp(spec('stuck'), 'x')).catch((e: { code?: string }) => e)
  t.ok(['ERR_UNAVAILABLE', 'ERR_NOT_LEADER'].includes((err as { code?: string }).code ?? ''), 'no quorum: nothing commits')
  await c.stop('a')

  const store = await openStore(c.dir('a'))
  const forced = await forceNewCluster(store, 'a')
  await store.close()
  t.same(forced.before.voters, ['a', 'b', 'c'])
  t.same(forced.removed, ['b', 'c'])
  t.ok(forced.lastIndex > forced.previousCommit, 'the new membership is committed after the old log')

  const a = await c.start('a')
  await waitFor(() => a.status().role === 'leader', 3000, 'a leads alone')
  t.match(a.status(), { voters: ['a'], learners: [] })
  for (let i = 0; i < 6; i++) t.ok(a.state.apps.has(`app${i}`), `app${i} survived`)
  const r = await a.propose(putApp(spec('after'), 'after'))
  t.match(r, { kind: 'app-put', change: 'created' }, 'the forced group accepts new commands')

  // A replacement machine (new id, empty disk) rejoins as a learner and gets everything.
  const d = await c.add('d')
  await a.proposeConfChange({ type: 'add-learner', node: 'd' })
  await waitFor(() => d.state.apps.has('after') && d.state.apps.has('app0'), 3000, 'd catches up')
  // The add-learner entry comes after the apps d holds: wait for it to be applied there too.
  await waitFor(() => d.status().learners.includes('d'), 3000, 'd applies its own admission')
  t.same(d.status().learners, ['d'])

  // Restarting the forced node keeps its new membership.
  await c.stop('a')
  const again = await c.start('a')
  await waitFor(() => again.status().role === 'leader', 3000, 'a leads again after restart')
  t.ok(again.state.apps.has('after'))
})

t.test('forceNewCluster on an empty store: ERR_NOTHING_TO_RECOVER', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-force-'))
  const store = await openStore(dir)
  t.teardown(async () => { await store.close(); await rm(dir, { recursive: true, force: true }) })
  await t.rejects(forceNewCluster(store, 'a'), { code: 'ERR_NOTHING_TO_RECOVER' })
})

t.test('soleVoterChanges: self a voter first, then every other member removed', async t => {
  const table: Array<[string, { voters: string[], learners: string[] }, string, string[]]> = [
    ['a voter survivor', { voters: ['a', 'b', 'c'], learners: ['d'] }, 'a', ['remove b', 'remove c', 'remove d']],
    ['a learner survivor', { voters: ['a', 'b', 'c'], learners: ['d'] }, 'd', ['promote d', 'remove a', 'remove b', 'remove c']],
    ['a stranger', { voters: ['a'], learners: [] }, 'z', ['add-voter z', 'remove a']],
    ['already alone', { voters: ['a'], learners: [] }, 'a', []]
  ]
  for (const [name, conf, self, want] of table) t.same(soleVoterChanges(conf, self).map(ch => `${ch.type} ${ch.node}`), want, name)
})

t.test('catchUpOf: replicating and within the lag, from the leader only', async t => {
  const base: Status = {
    id: 'a', role: 'leader', leader: 'a', term: 2, vote: 'a', commit: 100, applied: 100, firstIndex: 1, lastIndex: 100,
    conf: { voters: ['a'], learners: ['b', 'c', 'd'] }, leadTransferee: null, ticks: 0, quorumContact: undefined,
    progress: { b: { match: 95, next: 101, state: 'replicate' }, c: { match: 99, next: 100, state: 'probe' }, d: { match: 10, next: 11, state: 'replicate' } }
  }
  t.match(catchUpOf(base, 'b', 10), { lag: 5, caughtUp: true })
  t.match(catchUpOf(base, 'c', 10), { lag: 1, caughtUp: false }, 'probing: not caught up whatever its match')
  t.match(catchUpOf(base, 'd', 10), { lag: 90, caughtUp: false })
  t.match(catchUpOf(base, 'a', 10), { caughtUp: true }, 'the leader itself')
  t.equal(catchUpOf(base, 'x', 10), undefined, 'not a member')
  t.equal(catchUpOf({ ...base, role: 'follower' }, 'b', 10), undefined, 'not the leader')
})
