/**
 * The mesh with real daemons as separate processes: five nodes form a grid
 * from one bootstrap address, see each other's resources, detect a kill -9
 * within the detector's window without a false verdict on the others, and
 * recognise the killed node when it comes back.
 */
import t from 'tap'
import { join } from 'node:path'
import { ROOT, startGrid, waitFor, type TestDaemon } from '../helpers/daemon.ts'
import type { NodeView } from '../../controller/client/index.ts'

const { nodes } = await startGrid(fn => t.teardown(fn), 5, ['--images', join(ROOT, 'tests', 'fixtures', 'images')])
/** The node killed on purpose; its down verdicts are expected. */
let victimId = ''

async function view (d: TestDaemon): Promise<NodeView[]> {
  return await d.client.nodes()
}

t.test('five daemons form a grid from one bootstrap address and see each other\'s resources', async t => {
  for (const d of nodes) {
    const list = await waitFor('every node to be seen', 30_000, async () => {
      const l = await view(d)
      return l.filter(n => n.state === 'up' && n.cpu.cores > 0).length === 5 ? l : undefined
    }, 250)
    t.same(list.map(n => n.name).sort(), ['node-0', 'node-1', 'node-2', 'node-3', 'node-4'])
    for (const n of list) {
      t.ok(n.memory.total > 0 && n.disk.total > 0, `${n.name}: memory and disk advertised`)
      t.ok(n.capabilities.includes('driver:process'), `${n.name}: capabilities advertised`)
    }
  }
})

t.test('five nodes become five voters; an apply on a follower is on every node', async t => {
  await waitFor('five voters', 60_000, async () => {
    const r = await nodes[0]!.client.raft()
    return r.peers.filter(p => p.suffrage === 'voter').length === 5 && r.leader !== null ? r : undefined
  }, 250)
  let follower: TestDaemon | undefined
  for (const d of nodes) if (follower === undefined && (await d.client.raft()).role === 'follower') follower = d
  await follower!.client.apply('name: five\ncomponents:\n  idle:\n    image: idle\n')
  for (const d of nodes) t.ok((await d.client.apps()).some(a => a.name === 'five'), 'visible on every node')
})

t.test('kill -9 of one node is seen as down by every other; the others stay up; it comes back as the same node', async t => {
  const victim = nodes[4]!
  victimId = (await victim.client.node()).id
  const killedAt = Date.now()
  await victim.crash()
  const seen: number[] = []
  for (const d of nodes.slice(0, 4)) {
    await waitFor('the victim to be down', 15_000, async () => {
      const n = (await view(d)).find(x => x.id === victimId)
      return n?.state === 'down' ? true : undefined
    }, 100)
    seen.push(Date.now() - killedAt)
  }
  t.ok(Math.max(...seen) < 10_000, `every node saw it down within ${Math.max(...seen)} ms (lan preset)`)
  for (const d of nodes.slice(0, 4)) {
    const others = (await view(d)).filter(n => n.id !== victimId)
    t.same(others.map(n => n.state), ['up', 'up', 'up', 'up'], 'no false down for a healthy node')
  }
  await victim.restart()
  for (const d of nodes.slice(0, 4)) {
    const back = await waitFor('the victim to be up again', 30_000, async () => {
      const n = (await view(d)).find(x => x.id === victimId)
      return n?.state === 'up' ? n : undefined
    }, 200)
    t.equal(back.name, 'node-4', 'same node id and name')
  }
  t.equal((await victim.client.node()).id, victimId, 'the restarted node kept its identity')
  t.same(falseDowns(victimId), [], 'no node was ever declared down but the victim')
})

t.test('a busy machine (both cores loaded) gets no node declared down', async t => {
  const { spawn } = await import('node:child_process')
  const burners = Array.from({ length: 3 }, () => spawn(process.execPath, ['-e', 'const end = Date.now() + 12000; while (Date.now() < end) {}'], { stdio: 'ignore' }))
  t.teardown(() => { for (const b of burners) b.kill('SIGKILL') })
  await Promise.all(burners.map(async b => await new Promise(resolve => b.once('exit', resolve))))
  t.same(falseDowns(victimId), [], 'no node-down while the cores were saturated')
  for (const d of nodes) {
    const states = (await view(d)).map(n => n.state)
    t.same(states, ['up', 'up', 'up', 'up', 'up'], 'everyone still up')
  }
})

/** node-down verdicts in every daemon's log about any node but `except`. */
function falseDowns (except: string): string[] {
  const found: string[] = []
  for (const d of nodes) {
    for (const line of d.logTail(100_000).split('\n')) {
      if (!line.includes('"msg":"node-down"')) continue
      const peer = (JSON.parse(line) as { peer: string }).peer
      if (peer !== except) found.push(`${d.dataDir}: ${peer}`)
    }
  }
  return found
}
