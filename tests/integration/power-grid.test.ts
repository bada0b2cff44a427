/**
 * Power on a real three-node grid: `trellis node park` empties a node (its
 * instance moves elsewhere) and marks it parked; its daemon then stops as a
 * powered-off machine's would, and the grid says `node-off`, not a failure;
 * an app that needs the node's room makes the leader unpark it, with a
 * Wake-on-LAN packet to its advertised MAC, and once the node is back the
 * app is placed across all three.
 */
import t from 'tap'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { ROOT, startGrid, waitFor, type TestDaemon } from '../helpers/daemon.ts'

const MAC = '52:54:00:00:00:42'
const { nodes } = await startGrid(fn => t.teardown(fn), 3, ['--images', join(ROOT, 'tests', 'fixtures', 'images'), '--wake-mac', MAC])
const ids = await Promise.all(nodes.map(async d => (await d.client.node()).id))

function cli (d: TestDaemon, ...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [join(ROOT, 'controller', 'cli', 'main.ts'), '--data-dir', d.dataDir, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : Number((err as { code?: number }).code ?? 1), stdout, stderr })
    })
  })
}

t.test('park moves the instance off and parks the node; capacity short unparks and wakes it', async t => {
  for (const d of nodes) await waitFor('every node up, everywhere', 60_000, async () => (await d.client.nodes()).filter(n => n.state === 'up').length === 3 ? true : undefined, 250)
  t.match(await nodes[0]!.client.node(), { wakeMac: MAC }, 'the advert carries the configured MAC')
  await nodes[0]!.client.apply('name: calm\ncomponents:\n  quiet:\n    image: idle\n    count: 2\n    antiAffinity: true\n')
  const placed = await waitFor('calm placed and running', 60_000, async () => {
    const a = await nodes[0]!.client.app('calm')
    return a.status === 'healthy' ? a : undefined
  }, 250)
  // Park a node that runs an instance and does not lead, so the grid keeps its leader throughout.
  const leader = (await nodes[0]!.client.raft()).leader
  const target = placed.instanceList.map(i => i.node).find(n => n !== leader)!
  const parkedNode = nodes[ids.indexOf(target)]!
  const watcher = nodes.find(d => d !== parkedNode)!
  const name = (await parkedNode.client.node()).name
  const moving = placed.instanceList.find(i => i.node === target)!.id

  const park = await cli(watcher, 'node', 'park', name)
  t.equal(park.code, 0, park.stderr)
  t.match(park.stdout, new RegExp(`node ${name}: parking`))
  await waitFor('the node parked, its instance elsewhere', 60_000, async () => {
    const a = await watcher.client.app('calm')
    const n = (await watcher.client.nodes()).find(x => x.id === target)
    return a.status === 'healthy' && a.instanceList.every(i => i.node !== target) && n?.admin === 'parked' ? true : undefined
  }, 250)
  const moved = (await watcher.client.app('calm')).instanceList.find(i => i.id === moving)!
  t.not(moved.node, target, `${moving} moved off the parked node`)
  const power = await cli(watcher, 'power')
  t.match(power.stdout, /consolidation off/)
  t.match(power.stdout, new RegExp(`${name}\\s+parked\\s+up\\s+${MAC}`))

  // The machine powers off (its daemon stops as systemd would stop it).
  const offAt = Date.now()
  await parkedNode.stop()
  await waitFor('the grid to see it off', 30_000, async () => {
    const n = (await watcher.client.nodes()).find(x => x.id === target)
    return n !== undefined && n.state !== 'up' ? true : undefined
  }, 250)
  const list = await cli(watcher, 'nodes')
  t.match(list.stdout, new RegExp(`${name}\\s+off,parked`), 'trellis nodes shows it off and parked')
  const offEvents = (await watcher.client.events({ tail: 500 })).filter(e => e.at >= offAt)
  t.ok(offEvents.some(e => e.kind === 'node-off' && e.subject === name), 'its going quiet is node-off')
  t.notOk(offEvents.some(e => (e.kind === 'node-down' || e.kind === 'node-suspect') && e.subject === name), 'and no failure')

  // Three anti-affine instances need all three nodes: the leader unparks the parked one and sends it a wake.
  await watcher.client.apply('name: wide\ncomponents:\n  w:\n    image: idle\n    count: 3\n    antiAffinity: true\n')
  const unparked = await waitFor('the leader to unpark the node', 30_000, async () => {
    const events = await watcher.client.events({ tail: 500 })
    return events.find(e => e.kind === 'node-unparked' && e.subject === name)
  }, 250)
  t.match(unparked.detail, /capacity short: wide .*waking it \(Wake-on-LAN\)/)
  t.equal((await watcher.client.nodes()).find(x => x.id === target)?.admin, undefined, 'schedulable again')

  // What the packet would do: the machine boots, its daemon starts.
  await parkedNode.restart()
  const wide = await waitFor('wide placed on all three nodes', 60_000, async () => {
    const a = await watcher.client.app('wide')
    return a.status === 'healthy' ? a : undefined
  }, 250)
  t.equal(new Set(wide.instanceList.map(i => i.node)).size, 3)
  t.ok(wide.instanceList.some(i => i.node === target), 'one instance on the woken node')
})

t.test('trellis power turns consolidation on and off; a wrong word is refused', async t => {
  const on = await cli(nodes[1]!, 'power', 'consolidate', 'on')
  t.equal(on.code, 0, on.stderr)
  t.match(on.stdout, /consolidation on: a node is parked when the others would carry at most 50 %/)
  t.equal((await nodes[2]!.client.power()).consolidate, true, 'committed: every node reads it')
  const bad = await cli(nodes[1]!, 'power', 'consolidate', 'maybe')
  t.equal(bad.code, 2)
  const notParked = await nodes[1]!.client.park('node-0', 'unpark').then(() => undefined, (err: { code?: string }) => err)
  t.match(notParked, { code: 'ERR_BAD_REQUEST' }, 'unpark of a node that is not parked is refused')
  const tuned = await cli(nodes[1]!, '-o', 'json', 'power', '--low', '40', '--min-nodes', '3')
  t.match(JSON.parse(tuned.stdout), { consolidate: true, lowPercent: 40, highPercent: 80, minActiveNodes: 3 }, 'thresholds set; consolidation stays on')
  const crossed = await cli(nodes[1]!, 'power', '--low', '90')
  t.not(crossed.code, 0, 'a low threshold above the high one is refused')
  t.match(crossed.stderr, /lowPercent \(90\) must be below highPercent \(80\)/)
  t.equal((await nodes[0]!.client.power()).lowPercent, 40, 'and changed nothing')
  const off = await cli(nodes[1]!, '-o', 'json', 'power', 'consolidate', 'off')
  t.match(JSON.parse(off.stdout), { consolidate: false, lowPercent: 40 })
})
