import t from 'tap'
import { deleteApp, putApp } from '../../../controller/state/index.ts'
import { Cluster, spec, waitFor } from './helpers.ts'

t.test('a command proposed on a follower is applied on all three', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'])
  const leader = await c.waitLeader()
  const follower = c.ids.find(id => id !== leader)!
  const seen: number[] = []
  c.log(leader).onApplied((_, index) => seen.push(index))
  const result = await c.log(follower).propose(putApp(spec('web'), 'web'))
  t.match(result, { kind: 'app-put', name: 'web', change: 'created' })
  await waitFor(() => c.ids.every(id => c.log(id).state.apps.has('web')), 3000, 'all apply')
  t.same(seen, [result.kind === 'app-put' ? result.version : -1], 'onApplied told the leader once')
  t.ok(c.log(follower).state.apps.has('web'), 'the proposer reads its own write at once')
  const onLeader = await c.log(leader).propose(deleteApp('web'))
  t.same(onLeader, { kind: 'app-deleted', name: 'web', existed: true })
  const leaderApplied = c.log(leader).state.appliedIndex
  const index = await c.log(follower).readBarrier()
  t.ok(index >= leaderApplied, 'the read index covers what the leader applied')
  t.notOk(c.log(follower).state.apps.has('web'), 'a read after the barrier sees the acknowledged delete')
  const st = c.log(follower).status()
  t.same(st.voters, ['a', 'b', 'c'])
  t.equal(st.leader, leader)
  t.equal(st.applied, c.log(follower).state.appliedIndex)
})

t.test('the leader closed: a new leader is elected and proposals continue', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'])
  const first = await c.waitLeader()
  await c.log(first).propose(putApp(spec('one'), 'one'))
  await c.stop(first)
  const second = await c.waitLeader()
  t.not(second, first)
  const survivor = c.ids.find(id => id !== first && id !== second)!
  await c.log(survivor).propose(putApp(spec('two'), 'two'))
  for (const id of [second, survivor]) t.same([...c.log(id).state.apps.keys()].sort(), ['one', 'two'], id)
})

t.test('all three closed and reopened from disk: state intact, a leader elected', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'], { snapshotEvery: 3 })
  await c.waitLeader()
  for (let i = 0; i < 8; i++) await c.log('a').propose(putApp(spec(`app${i}`), `v${i}`))
  await c.log('a').propose(deleteApp('app0'))
  await waitFor(() => c.ids.every(id => c.log(id).state.apps.size === 7), 3000, 'all apply')
  const applied = c.log('b').state.appliedIndex
  for (const id of c.ids) await c.stop(id)
  for (const id of c.ids) await c.start(id)
  for (const id of c.ids) t.ok(c.log(id).state.appliedIndex > 0, `${id} restored from its snapshot before any leader`)
  await c.waitLeader()
  await waitFor(() => c.ids.every(id => c.log(id).state.appliedIndex >= applied), 3000, 'replay')
  for (const id of c.ids) t.same([...c.log(id).state.apps.keys()].sort(), ['app1', 'app2', 'app3', 'app4', 'app5', 'app6', 'app7'], id)
  const r = await c.log('c').propose(putApp(spec('after'), 'after'))
  t.match(r, { kind: 'app-put', change: 'created' })
})

t.test('a partitioned minority cannot commit; after healing it converges', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'], { timeoutMs: 1000 })
  const old = await c.waitLeader()
  const rest = c.ids.filter(id => id !== old)
  for (const id of rest) c.network.partition(old, id)
  const err = await c.log(old).propose(putApp(spec('minority'), 'x')).then(() => null, (e: { code?: string }) => e)
  t.ok(err !== null && ['ERR_UNAVAILABLE', 'ERR_NOT_LEADER'].includes(err.code ?? ''), `minority refused (${err?.code})`)
  await waitFor(() => rest.every(id => { const l = c.log(id).status().leader; return l !== null && l !== old }), 5000, 'majority leader')
  await c.log(rest[0]!).propose(putApp(spec('majority'), 'y'))
  t.notOk(c.log(old).state.apps.has('majority'), 'the minority has not heard of it')
  c.network.heal()
  await waitFor(() => c.ids.every(id => c.log(id).state.apps.has('majority')), 5000, 'convergence')
  for (const id of c.ids) t.notOk(c.log(id).state.apps.has('minority'), `${id}: the uncommitted proposal never applied`)
})

t.test('a member cut off while the log was compacted catches up by a snapshot bigger than the Raft stream\'s backlog', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'], { snapshotEvery: 4, timeoutMs: 10_000 })
  const leader = await c.waitLeader()
  const behind = c.ids.find(id => id !== leader)!
  for (const id of c.ids) if (id !== behind) c.network.partition(behind, id)
  // 12 apps of 512 KiB each: a state of about 6 MiB (the Raft stream holds at most 4 MiB queued).
  const source = 'x'.repeat(512 * 1024)
  for (let i = 0; i < 12; i++) await c.log(leader).propose(putApp(spec(`big${i}`), `${source}${i}`))
  const up = c.ids.filter(id => id !== behind)
  await waitFor(() => up.every(id => c.log(id).stats().snapshots > 0), 10_000, 'the others compact their logs')
  c.network.heal()
  await waitFor(() => c.log(behind).state.apps.size === 12, 30_000, `${behind} catches up`)
  t.equal(c.log(behind).state.apps.get('big11')?.source, `${source}11`, 'with the whole state')
  const sent = up.reduce((n, id) => n + c.log(id).stats().transfers.sent, 0)
  t.ok(sent >= 1, `by a snapshot transfer (${sent})`)
  t.equal(c.log(behind).stats().transfers.received >= 1, true, 'which it received')
})

t.test('proposals made in one turn on the leader travel in one append per follower, each settled with its own result', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'])
  const leader = c.log(await c.waitLeader())
  await leader.propose(putApp(spec('warm'), ''))
  const sent = leader.stats().links.sent
  const results = await Promise.all(Array.from({ length: 100 }, async (_, i) => await leader.propose(putApp(spec(`p${i}`), ''))))
  t.same(results.map(r => r.kind === 'app-put' ? r.name : ''), Array.from({ length: 100 }, (_, i) => `p${i}`), 'each caller gets its own result')
  const versions = results.map(r => r.kind === 'app-put' ? r.version : 0)
  t.same(versions, [...versions].sort((a, b) => a - b), 'in the order proposed')
  // One append per follower with all 100, a commit-index append each, maybe a heartbeat each: not one message per proposal.
  t.ok(leader.stats().links.sent - sent <= 10, `the leader sent ${leader.stats().links.sent - sent} messages for 100 proposals`)
})

t.test('a proposal racing the leader closing fails with ERR_RAFT_CLOSED', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'])
  const id = await c.waitLeader()
  const p = c.log(id).propose(putApp(spec('late'), ''))
  const closing = c.stop(id)
  await t.rejects(p, { code: 'ERR_RAFT_CLOSED' })
  await closing
})
