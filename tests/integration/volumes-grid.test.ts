/**
 * Replicated volumes with real daemons: the three-tier example's db runs on
 * a replicated volume mounted through NBD; kill -9 of the db's node (the
 * whole node: daemon, instances, mounts) while notes are being written, and
 * the db runs again on the node holding the in-sync replica with every
 * acknowledged note; the dead node's replica is replaced and rebuilt, and
 * `trellis volume list/describe` show it all.
 */
import t from 'tap'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { freePort, killNode, ROOT, startGrid, trellisCli, waitFor, type TestDaemon } from '../helpers/daemon.ts'
import { loopsUnder, mountsUnder } from '../helpers/mounts.ts'
import type { VolumeView } from '../../controller/client/index.ts'

const VOLUME = 'three-tier.db.data'
const { nodes } = await startGrid(fn => t.teardown(fn), 3, ['--replica-replace', '6000'])
const port = await freePort()
const doc = parseDocument(readFileSync(join(ROOT, 'examples', 'three-tier.yaml'), 'utf8'))
doc.setIn(['entries', 'http', 'port'], port)
doc.setIn(['components', 'db', 'volumes', 'data', 'size'], '256Mi')
const hosts = ['127.0.0.10', '127.0.0.11', '127.0.0.12']
const ids: string[] = []

async function healthy (on: TestDaemon, timeoutMs = 90_000): Promise<void> {
  await waitFor('three-tier healthy', timeoutMs, async () => (await on.client.app('three-tier')).status === 'healthy' ? true : undefined, 250)
}

async function note (host: string, text: string): Promise<boolean> {
  const r = await fetch(`http://${host}:${port}/api/notes`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }), signal: AbortSignal.timeout(5000)
  }).catch(() => undefined)
  // A connection relayed to the killed node is reset, also in the middle of an answer: the writer goes on.
  // A 201 whose body was cut still counts as acknowledged.
  await r?.text().catch(() => {})
  return r?.status === 201
}

async function notes (host: string): Promise<string[]> {
  const r = await fetch(`http://${host}:${port}/api/notes`, { signal: AbortSignal.timeout(5000) })
  if (r.status !== 200) throw new Error(`GET /api/notes: ${r.status}`)
  return ((await r.json()) as Array<{ text: string }>).map(n => n.text)
}

t.test('the db runs on a replicated volume, mounted, with both replicas in sync', async t => {
  for (const d of nodes) ids.push((await d.client.node()).id)
  await waitFor('three voters', 60_000, async () => (await nodes[0]!.client.raft()).peers.filter(p => p.suffrage === 'voter').length === 3 ? true : undefined, 250)
  await nodes[0]!.client.apply(doc.toString())
  await healthy(nodes[0]!)
  const v = await nodes[2]!.client.volume(VOLUME)
  t.equal(v.members.length, 2, 'two replicas')
  t.equal(new Set(v.members.map(m => m.id)).size, 2, 'on distinct nodes')
  t.ok(v.members.every(m => m.inSync), 'both in sync')
  const db = (await nodes[0]!.client.app('three-tier')).instanceList.find(i => i.component === 'db')!
  t.equal(v.primary?.id, db.node, 'attached where the db runs')
  t.equal(v.state, 'healthy')
  const primary = nodes[ids.indexOf(db.node)]!
  t.ok(mountsUnder(primary.dataDir).some(m => m.endsWith(`/mounts/${VOLUME}`)), 'its filesystem is mounted on the primary')
  t.same((await nodes[1]!.client.volumes()).map(x => x.id), [VOLUME], 'volume list on any node')
})

t.test('kill -9 of the db node while notes are written: the db moves to the in-sync replica with every acknowledged note', async t => {
  const app = await nodes[0]!.client.app('three-tier')
  const dbNode = app.instanceList.find(i => i.component === 'db')!.node
  const victim = nodes[ids.indexOf(dbNode)]!
  const before = await nodes[0]!.client.volume(VOLUME)
  const survivor = before.members.find(m => m.id !== dbNode)!.id
  // Entries of nodes that stay up.
  const live = nodes.filter(d => d !== victim).map(d => hosts[nodes.indexOf(d)]!)
  const acked: string[] = []
  let writing = true
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      const text = `note-${i}`
      if (await note(live[i % live.length]!, text)) acked.push(text)
      else await new Promise(r => setTimeout(r, 100))
    }
  })()
  t.teardown(() => { writing = false })
  await waitFor('some notes acknowledged', 30_000, () => acked.length >= 20 ? true : undefined, 50)
  // The whole node dies: its daemon, its instances and (with them) its mounts.
  await killNode(victim)
  const killedAt = acked.length
  const watcher = nodes.find(d => d !== victim)!
  await waitFor('the db to run on the in-sync replica', 90_000, async () => {
    const a = await watcher.client.app('three-tier')
    const db = a.instanceList.find(i => i.component === 'db')!
    return db.node === survivor && db.ready ? true : undefined
  }, 250)
  await waitFor('notes acknowledged after the move', 60_000, () => acked.length >= killedAt + 10 ? true : undefined, 100)
  writing = false
  await writer
  // Every note, from the db's own listing (the web page shows only the newest 100).
  const db = (await nodes[ids.indexOf(survivor)]!.client.app('three-tier')).instanceList.find(i => i.component === 'db')!
  const listing = await fetch(`http://${db.addresses.http!}/kv?prefix=note/&limit=1000`)
  t.equal(listing.status, 200, 'the db lists its notes')
  const stored = new Set(((await listing.json()) as Array<{ value: string }>).map(e => (JSON.parse(e.value) as { text: string }).text))
  t.ok(acked.length < 1000, 'fewer notes than one listing holds')
  const lost = acked.filter(n => !stored.has(n))
  t.same(lost, [], `all ${acked.length} acknowledged notes are there (${killedAt} before the kill)`)
  const after = await watcher.client.volume(VOLUME)
  t.equal(after.primary?.id, survivor)
  t.ok(after.generation > before.generation, `generation bumped on attach (${before.generation} → ${after.generation})`)
  t.notOk(after.members.find(m => m.id === dbNode)?.inSync ?? false, 'the dead node left the in-sync set')
})

t.test('the dead node\'s replica is replaced and rebuilt on the third node; volume describe shows it', async t => {
  const watcher = nodes[0]!.process.exitCode === null && nodes[0]!.process.signalCode === null ? nodes[0]! : nodes[1]!
  const v = await waitFor('a rebuilt replica in sync', 120_000, async () => {
    const x = await watcher.client.volume(VOLUME)
    return x.members.length === 2 && x.members.every(m => m.inSync && m.node === 'up') ? x : undefined
  }, 500)
  t.equal(v.state, 'healthy')
  t.equal(v.members.length, 2, 'two replicas again, both on live nodes')
  const dead = ids[nodes.findIndex(d => d.process.exitCode !== null || d.process.signalCode !== null)]!
  t.notOk(v.members.some(m => m.id === dead), 'the dead node\'s replica was replaced')
  // The leader records the event; another node hears of it with the leader's next report (every 2 s), which
  // can come after a small volume's rebuild is done.
  let events: Array<{ kind: string, detail: string }> = []
  const said = await waitFor('an event saying the replica was replaced', 15_000, async () => {
    events = (await watcher.client.app('three-tier')).events
    return events.some(e => e.kind === 'volume-members' && /replace replica/.test(e.detail)) ? true : undefined
  }, 250).catch(() => false)
  t.ok(said, 'an event says the replica was replaced', { events: events.filter(e => e.kind.startsWith('volume') || e.kind === 'moved').map(e => `${e.kind}: ${e.detail}`) })
})

t.test('the restarted node removes the replica it no longer holds', async t => {
  const dead = nodes.find(d => d.process.exitCode !== null || d.process.signalCode !== null)!
  // And one of a volume the grid no longer has, never opened after the restart.
  mkdirSync(join(dead.dataDir, 'replicas', 'deleted-long-ago'))
  writeFileSync(join(dead.dataDir, 'replicas', 'deleted-long-ago', 'data'), 'old')
  await dead.restart()
  const v = await dead.client.volume(VOLUME)
  const mine = ids[nodes.indexOf(dead)]!
  t.notOk(v.members.some(m => m.id === mine), 'not a member any more')
  await waitFor('its replica directories to be gone', 90_000, async () =>
    existsSync(join(dead.dataDir, 'replicas', VOLUME)) || existsSync(join(dead.dataDir, 'replicas', 'deleted-long-ago')) ? undefined : true, 250)
  t.same(mountsUnder(dead.dataDir), [], 'no mount left on it')
  t.same(loopsUnder(dead.dataDir), [], 'no loop device left for it')
  // Just restarted, it learns the others are up within a few heartbeats.
  const view: VolumeView = await waitFor('the restarted node to see the volume healthy', 30_000, async () => {
    const v = await dead.client.volume(VOLUME)
    return v.state === 'healthy' ? v : undefined
  }, 250)
  t.equal(view.members.filter(m => m.inSync).length, 2)
})

t.test('a snapshot is copied on the primary and replicated; a clone starts on a copy of the data and then goes its own way', async t => {
  const on = nodes.find(d => d.process.exitCode === null && d.process.signalCode === null)!
  const host = hosts[nodes.indexOf(on)]!
  const before = await notes(host)
  t.ok(before.length > 0, `${before.length} notes in the source`)
  const cli = async (...args: string[]): Promise<{ status: number | null, stdout: string, stderr: string }> => await trellisCli(on.dataDir, args)
  const snapped = await cli('volume', 'snapshot', VOLUME, 'before-clone', '--wait', '60')
  t.equal(snapped.status, 0, snapped.stderr)
  t.match(snapped.stdout, `${VOLUME}@before-clone: every replica in sync (2)`, 'snapshot --wait returns once copied and replicated')
  const whole = await on.client.volume(`${VOLUME}@before-clone`)
  t.ok(whole.members.length === 2 && whole.members.every(m => m.inSync), 'which it is')
  t.equal(whole.primary, undefined, 'a snapshot is attached nowhere')
  await t.rejects(on.client.snapshotVolume(VOLUME, 'before-clone'), { code: 'ERR_CONFLICT' }, 'a snapshot name is used once')
  await t.rejects(on.client.snapshotVolume(VOLUME, 'Bad Name'), { code: 'ERR_BAD_REQUEST' })

  const stagingPort = await freePort()
  const clone = await cli('app', 'clone', 'three-tier', 'staging', '--port', `http=${stagingPort}`, '--wait', '90')
  t.equal(clone.status, 0, clone.stderr)
  t.match(clone.stdout, /volumes copied: staging\.db\.data[\s\S]*app staging running: 4\/4 healthy/, 'clone --wait returns once its copy is in sync and it runs')
  // Healthy instances first, then the entry: it is published by every node as it applies the app.
  const cloned = await waitFor('the clone\'s entry to answer', 30_000, async () => {
    const r = await fetch(`http://${host}:${stagingPort}/api/notes`, { signal: AbortSignal.timeout(5000) })
    return r.status === 200 ? ((await r.json()) as Array<{ text: string }>).map(n => n.text) : undefined
  }, 250)
  t.same(cloned.slice().sort(), before.slice().sort(), 'the clone has the source\'s notes')
  // Retried: once in a fresh-clone CI run the POST right after that GET met a reset connection (cause not found; counted here).
  const failed: string[] = []
  await waitFor('the clone to take a note of its own', 30_000, async () => {
    const w = await fetch(`http://${host}:${stagingPort}/api/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'staging-only' }), signal: AbortSignal.timeout(5000) })
      .catch((err: Error) => { failed.push(String((err.cause as Error | undefined)?.message ?? err.message)); return undefined })
    if (w === undefined) return undefined
    await w.text()
    if (w.status !== 201) failed.push(`HTTP ${w.status}`)
    return w.status === 201 ? true : undefined
  }, 250)
  if (failed.length > 0) t.comment(`the clone's first note took ${failed.length + 1} tries: ${failed.join('; ')}`)
  t.notOk((await notes(host)).includes('staging-only'), 'the source does not see the clone\'s writes')

  t.same(await on.client.deleteSnapshot(`${VOLUME}@before-clone`), { volume: `${VOLUME}@before-clone`, existed: true })
  await waitFor('the snapshot\'s replicas removed', 30_000, async () => {
    const { existsSync } = await import('node:fs')
    return nodes.every(d => !existsSync(join(d.dataDir, 'replicas', `${VOLUME}@before-clone`))) ? true : undefined
  }, 250)
  await t.rejects(on.client.deleteSnapshot(VOLUME), { code: 'ERR_BAD_REQUEST' }, 'an app\'s volume is not deleted as a snapshot')
})
