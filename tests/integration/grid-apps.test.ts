/**
 * The whole grid with real daemons: examples/three-tier.yaml submitted to one
 * node runs across nodes and answers on every node's entry; kill -9 of a node
 * hosting a web instance and the app answers again with the instance
 * running elsewhere.
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { freePort, ROOT, startGrid, waitFor, type TestDaemon } from '../helpers/daemon.ts'
import type { AppDetailView } from '../../controller/client/index.ts'

const { nodes } = await startGrid(fn => t.teardown(fn), 3)
const port = await freePort()
const doc = parseDocument(readFileSync(join(ROOT, 'examples', 'three-tier.yaml'), 'utf8'))
doc.setIn(['entries', 'http', 'port'], port)
const entryHosts = ['127.0.0.10', '127.0.0.11', '127.0.0.12']
/** The node the kill -9 subtest restarted last, if any. */
let restartedLast: TestDaemon | undefined

async function placed (on: TestDaemon): Promise<AppDetailView> {
  return await waitFor('three-tier healthy and placed', 60_000, async () => {
    const app = await on.client.app('three-tier')
    return app.status === 'healthy' && app.events.some(e => e.kind === 'placed') ? app : undefined
  }, 250)
}

t.test('three-tier submitted to one node runs across nodes and answers on every node', async t => {
  for (const d of nodes) await waitFor('three voters', 60_000, async () => (await d.client.raft()).peers.filter(p => p.suffrage === 'voter').length === 3 ? true : undefined, 250)
  await nodes[1]!.client.apply(doc.toString())
  const app = await placed(nodes[2]!)
  const where = new Set(app.instanceList.map(i => i.node))
  t.ok(where.size >= 2, `instances on ${where.size} nodes`)
  const webs = app.instanceList.filter(i => i.component === 'web')
  t.not(webs[0]!.node, webs[1]!.node, 'anti-affinity: the web instances on distinct nodes')
  const current = await waitFor('every instance reported on the present version', 30_000, async () => {
    const a = await nodes[2]!.client.app('three-tier')
    return a.updated === a.instances ? a : undefined
  }, 250)
  t.ok(current.instanceList.some(i => i.node !== current.instanceList[0]!.node), 'including instances other nodes run, by their reports')
  for (const host of entryHosts) {
    const res = await waitFor(`the entry on ${host}`, 20_000, async () => {
      const r = await fetch(`http://${host}:${port}/api/visits`).catch(() => undefined)
      return r?.status === 200 ? r : undefined
    }, 200)
    t.equal(res.status, 200, `${host} answers`)
    await res.text()
  }
})

t.test('kill -9 of the node hosting a web instance: the app answers again, the instance runs elsewhere', async t => {
  const app = await placed(nodes[0]!)
  const lbNode = app.instanceList.find(i => i.component === 'lb')!.node
  const ids = await Promise.all(nodes.map(async d => (await d.client.node()).id))
  // A node with a web instance but not the lb (whose entry we use to check).
  const victimWeb = app.instanceList.find(i => i.component === 'web' && i.node !== lbNode)!
  const victim = nodes[ids.indexOf(victimWeb.node)]!
  const survivor = nodes.find(d => d !== victim)!
  const entry = entryHosts[nodes.indexOf(survivor)]!
  await victim.crash()
  const healed = await waitFor('the web instance to run elsewhere', 60_000, async () => {
    const a = await survivor.client.app('three-tier')
    const w = a.instanceList.find(i => i.id === victimWeb.id)!
    // The leader's moved event reaches other nodes with its next instance report.
    return w.node !== victimWeb.node && w.ready && a.events.some(e => e.kind === 'moved' && e.instance === victimWeb.id) ? a : undefined
  }, 250)
  t.ok(healed.events.some(e => e.kind === 'moved' && e.instance === victimWeb.id), 'a moved event says why')
  let failures = 0
  for (let i = 0; i < 20; i++) {
    const r = await fetch(`http://${entry}:${port}/api/info`).catch(() => undefined)
    if (r?.status !== 200) failures++
    await r?.text()
  }
  t.equal(failures, 0, 'the app answers through lb')
  await victim.restart()
  restartedLast = victim
})

t.test('a drain empties a node while the app keeps answering', async t => {
  const app = await placed(nodes[0]!)
  const lbNode = app.instanceList.find(i => i.component === 'lb')!.node
  const ids = await Promise.all(nodes.map(async d => (await d.client.node()).id))
  const target = nodes[ids.indexOf(lbNode)]!
  // Asked through the node restarted a moment ago when there is one: its
  // detector may not have heard every node yet, and its entry must wait for them
  // rather than refuse (a drain right after a restart reset connections).
  const watcher = restartedLast !== undefined && restartedLast !== target ? restartedLast : nodes.find(d => d !== target)!
  const entry = entryHosts[nodes.indexOf(watcher)]!
  let stop = false
  let ok = 0
  const failures: string[] = []
  const poll = (async () => {
    while (!stop) {
      const at = Date.now()
      const r = await fetch(`http://${entry}:${port}/api/info`, { signal: AbortSignal.timeout(10_000) }).catch((err: Error & { cause?: { code?: string, message?: string } }) => err)
      // What failed and how, so that a failure says whether the grid or the connection (a keep-alive race) was at fault.
      if (r instanceof Error) failures.push(`${at}: ${r.message} (${r.cause?.code ?? ''} ${r.cause?.message ?? ''})`)
      else if (r.status === 200) ok++
      else failures.push(`${at}: ${r.status} ${await r.clone().text()}`)
      if (!(r instanceof Error)) await r.text()
      await new Promise(resolve => setTimeout(resolve, 50))
    }
  })()
  // The poll must end whatever happens, or it keeps the test process alive.
  t.teardown(() => { stop = true })
  const name = (await target.client.node()).name
  try {
    // A node that restarted a moment ago may not have every advert yet.
    await waitFor('the watcher to know every node by name', 20_000, async () => (await watcher.client.nodes()).some(n => n.name === name) ? true : undefined, 200)
    const drained = await watcher.client.nodeAdmin(name, 'drain')
    t.same(drained, { node: name, cordoned: true, draining: true })
    await waitFor('the node to be empty', 90_000, async () => {
      const a = await watcher.client.app('three-tier')
      return a.instanceList.every(i => i.node !== lbNode) && a.status === 'healthy' ? true : undefined
    }, 250)
  } finally {
    stop = true
  }
  await poll
  t.ok(ok > 0, `${ok} requests answered during the drain`)
  t.same(failures, [], 'no request failed while instances moved off the node')
  t.match((await watcher.client.nodes()).find(n => n.id === lbNode), { admin: 'draining' })
  await watcher.client.nodeAdmin(name, 'uncordon')
  t.equal((await watcher.client.nodes()).find(n => n.id === lbNode)?.admin, undefined, 'uncordoned')
})

t.test('a node cut off from the quorum stops its stateful instance itself', async t => {
  const app = await placed(nodes[0]!)
  const ids = await Promise.all(nodes.map(async d => (await d.client.node()).id))
  const dbNode = app.instanceList.find(i => i.component === 'db')!.node
  const lonely = nodes[ids.indexOf(dbNode)]!
  const others = nodes.filter(d => d !== lonely)
  const dbPid = (await lonely.client.app('three-tier')).instanceList.find(i => i.component === 'db')!.pid!
  // Freeze the other two: the db's node can no longer reach a quorum.
  for (const d of others) d.process.kill('SIGSTOP')
  const alive = (pid: number): boolean => { try { process.kill(pid, 0); return true } catch { return false } }
  try {
    await waitFor('the db to be stopped by its own node', 20_000, () => alive(dbPid) ? undefined : true, 100)
    t.pass('the fenced node stopped its db')
    t.ok(app.instanceList.filter(i => i.component !== 'db' && i.node === dbNode).every(i => i.pid === undefined || alive(i.pid)), 'stateless instances keep running')
  } finally {
    for (const d of others) d.process.kill('SIGCONT')
  }
  const back = await waitFor('the app to be whole again', 60_000, async () => {
    const a = await others[0]!.client.app('three-tier')
    return a.status === 'healthy' ? a : undefined
  }, 250)
  t.equal(back.instanceList.filter(i => i.component === 'db').length, 1, 'one db, wherever it runs now')
})
