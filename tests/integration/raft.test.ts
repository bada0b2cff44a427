/**
 * The grid's replicated state with real daemons: an app applied on a
 * follower is on every node; kill -9 of the leader elects another within a
 * few election timeouts and loses no acknowledged app; the whole grid
 * stopped and started again keeps its state.
 */
import t from 'tap'
import { join } from 'node:path'
import { ROOT, startGrid, waitFor, type TestDaemon } from '../helpers/daemon.ts'
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
