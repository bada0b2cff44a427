/**
 * The grid's replicated state with real daemons: an app applied on a
 * follower is on every node; kill -9 of the leader elects another within a
 * few election timeouts and loses no acknowledged app; the whole grid
 * stopped and started again keeps its state.
 */
import t from 'tap'
import { join } from 'node:path'
import { ROOT, startGrid, trellisd, waitFor, type TestDaemon } from '../helpers/daemon.ts'
import type { RaftView } from '../../controller/client/index.ts'

// A catalog with one image that runs `sleep`: this test is about state, not instances.
const { nodes } = await startGrid(fn => t.teardown(fn), 3, ['--images', join(ROOT, 'tests', 'fixtures', 'images')])

function app (name: string): string {
  return `name: ${name}\ncomponents:\n  idle:\n    image: idle\n`
}

async function raftOf (d: TestDaemon): Promise<RaftView> {
  return await d.client.raft()
}

async function leaderOf (among: TestDaemon[]): Promise<TestDaemon> {
  return await waitFor('a leader', 30_000, async () => {
    for (const d of among) {
      const r = await raftOf(d).catch(() => undefined)
      if (r?.role === 'leader') return d
    }
    return undefined
  }, 100)
}

t.test('three nodes become three voters', async t => {
  for (const d of nodes) {
    const r = await waitFor('three voters', 60_000, async () => {
      const v = await raftOf(d)
      return v.peers.filter(p => p.suffrage === 'voter').length === 3 && v.leader !== null ? v : undefined
    }, 250)
    t.equal(r.peers.length, 3)
  }
})

t.test('an app applied on a follower is visible on every node', async t => {
  const leader = await leaderOf(nodes)
  const follower = nodes.find(d => d !== leader)!
  const applied = await follower.client.apply(app('from-follower'))
  t.equal(applied.change, 'created')
  for (const d of nodes) {
    const names = (await d.client.apps()).map(a => a.name)
    t.ok(names.includes('from-follower'), 'listed on every node right after the apply returned (linearizable reads)')
  }
})

t.test('kill -9 of the leader: a new leader soon, no acknowledged app lost', async t => {
  const leader = await leaderOf(nodes)
  const acked: string[] = []
  for (let i = 0; i < 10; i++) {
    const name = `acked-${i}`
    await leader.client.apply(app(name))
    acked.push(name)
  }
  const killedAt = Date.now()
  await leader.crash()
  const survivors = nodes.filter(d => d !== leader)
  const next = await leaderOf(survivors)
  const tookMs = Date.now() - killedAt
  t.ok(tookMs < 10_000, `new leader after ${tookMs} ms (election timeout 1-2 s)`)
  for (const d of survivors) {
    const names = (await d.client.apps()).map(a => a.name)
    t.same(acked.filter(n => !names.includes(n)), [], 'every acknowledged app is there')
  }
  const more = await next.client.apply(app('after-failover'))
  t.equal(more.change, 'created', 'the grid takes writes again')
  await leader.restart()
  const names = await waitFor('the old leader to catch up', 30_000, async () => {
    const list = (await leader.client.apps()).map(a => a.name)
    return list.includes('after-failover') ? list : undefined
  }, 250)
  t.same(acked.filter(n => !names.includes(n)), [], 'the restarted node has everything')
})

t.test('stopping and starting the whole grid keeps its state', async t => {
  const before = (await nodes[0]!.client.apps()).map(a => a.name).sort()
  for (const d of nodes) await d.stop()
  for (const d of nodes) await d.restart()
  await leaderOf(nodes)
  for (const d of nodes) {
    const after = await waitFor('apps back', 30_000, async () => (await d.client.apps().catch(() => undefined))?.map(a => a.name).sort(), 250)
    t.same(after, before, 'same apps after a full restart')
  }
})

/** The node removed for good; it stays refused. */
let revokedNode: TestDaemon | undefined

t.test('an operator removes a member gone for good; it cannot connect again', async t => {
  const leader = await leaderOf(nodes)
  const gone = nodes.find(d => d !== leader)!
  const goneId = (await gone.client.raft()).id
  const before = await leader.client.raft()
  t.ok(before.peers.some(p => p.id === goneId), `the member is listed: ${JSON.stringify(before.peers.map(p => [p.name, p.suffrage]))}`)
  await gone.stop()
  const removed = await leader.client.removePeer(goneId)
  t.equal(removed.removed, goneId)
  const view = await leader.client.raft()
  t.notOk(view.peers.some(p => p.id === goneId), 'the member is no longer listed')
  // With two nodes up, the voter policy keeps an odd voter set: it may already have made the other voter a learner.
  const settled = await waitFor('the voter policy to settle on one voter and one learner', 20_000, async () => {
    const peers = (await leader.client.raft()).peers
    return peers.filter(p => p.suffrage === 'voter').length === 1 && peers.filter(p => p.suffrage === 'learner').length === 1 ? peers : undefined
  }, 200)
  t.notOk(settled.some(p => p.id === goneId), 'the removed member does not come back')
  const again = await leader.client.apply(app('after-removal'))
  t.equal(again.change, 'created', 'the remaining two commit')
  const follower = nodes.find(d => d !== leader && d !== gone)!
  await t.rejects(follower.client.removePeer((await leader.client.raft()).id), { code: 'ERR_NOT_LEADER' }, 'only the leader changes membership')
  await t.rejects(leader.client.removePeer('no-such-node'), { code: 'ERR_NOT_FOUND' }, 'an unknown member is named as such')
  await t.rejects(leader.client.removePeer((await leader.client.raft()).id), { code: 'ERR_CONFLICT' }, 'the leader does not remove itself')

  // Removed is removed: back with its data dir, grid key and node key, it is refused.
  await gone.restart()
  // Give it several dial attempts and advert periods.
  await new Promise(resolve => setTimeout(resolve, 6000))
  t.same((await gone.client.nodes()).map(n => n.id), [goneId], 'the removed node sees only itself')
  for (const d of nodes.filter(n => n !== gone)) {
    t.notOk((await d.client.nodes()).some(n => n.id === goneId), 'members do not list it')
    t.notOk((await d.client.raft()).peers.some(p => p.id === goneId), 'nor take it back into the log')
  }
  revokedNode = gone
})

t.test('a grid that lost its quorum for good restarts from one survivor', async t => {
  const survivor = nodes.find(d => d !== revokedNode)!
  const apps = (await survivor.client.apps()).map(a => a.name).sort()
  for (const d of nodes) await d.stop()
  const out = await trellisd(['recover', '--force-new-cluster', '--data-dir', survivor.dataDir])
  t.match(out, /only voter/)
  await survivor.restart()
  const view = await waitFor('the survivor to lead', 30_000, async () => {
    const r = await survivor.client.raft()
    return r.role === 'leader' ? r : undefined
  }, 200)
  t.same(view.peers.filter(p => p.suffrage === 'voter').map(p => p.id), [view.id], 'the only voter')
  t.same((await survivor.client.apps()).map(a => a.name).sort(), apps, 'every committed app is there')
  const next = await survivor.client.apply(app('after-recovery'))
  t.equal(next.change, 'created', 'it takes writes alone')
})
