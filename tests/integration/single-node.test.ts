/**
 * End to end on one node: a real daemon runs examples/three-tier.yaml and the
 * app answers through lb; losing a web instance or the db loses no request
 * that matters and no acknowledged write; a crashed daemon re-adopts its
 * instances.
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { get } from 'node:http'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { freePort, ROOT, startDaemon, taggedPids, trellisCli, waitFor } from '../helpers/daemon.ts'
import type { AppDetailView } from '../../controller/client/index.ts'

const daemon = await startDaemon(fn => t.teardown(fn))
const port = await freePort()
const doc = parseDocument(readFileSync(join(ROOT, 'examples', 'three-tier.yaml'), 'utf8'))
doc.setIn(['entries', 'http', 'port'], port)
const base = `http://127.0.0.1:${port}`

async function healthy (): Promise<AppDetailView> {
  return await waitFor('three-tier to be healthy', 60_000, async () => {
    const app = await daemon.client.app('three-tier')
    return app.status === 'healthy' ? app : undefined
  }, 200)
}

/** The page over a connection of its own: a kept-alive one idle for seconds can race the server closing it. */
async function page (): Promise<string> {
  return await new Promise((resolve, reject) => {
    get(`${base}/`, { agent: false }, res => {
      let text = ''
      res.setEncoding('utf8').on('data', (c: string) => { text += c }).on('end', () => { resolve(text) }).on('error', reject)
    }).on('error', reject)
  })
}

function pidOf (app: AppDetailView, id: string): number {
  const pid = app.instanceList.find(i => i.id === id)?.pid
  if (pid === undefined) throw new Error(`${id} has no pid`)
  return pid
}

t.test('apply runs the app and it answers through lb', async t => {
  const applied = await daemon.client.apply(doc.toString())
  t.equal(applied.change, 'created')
  const app = await healthy()
  t.equal(app.instanceList.length, 4, 'lb, web ×2, db')
  const page = await fetch(`${base}/`)
  t.equal(page.status, 200)
  t.match(await page.text(), /Trellis three-tier demo/)
  const before = await (await fetch(`${base}/api/visits`)).json() as { visits: number }
  await fetch(`${base}/`)
  const after = await (await fetch(`${base}/api/visits`)).json() as { visits: number }
  t.ok(after.visits > before.visits, 'the counter lives in db and grows')
  // The lb's own probes may still hold a web back that was not ready a moment ago (its db starting): ask until both answered, for 15 s at most.
  const servedBy = new Set<string>()
  const until = Date.now() + 15_000
  while (servedBy.size < 2 && Date.now() < until) {
    const info = await (await fetch(`${base}/api/info`)).json() as { instance: string }
    servedBy.add(info.instance)
    if (servedBy.size < 2) await new Promise(resolve => setTimeout(resolve, 100))
  }
  t.same([...servedBy].sort(), ['three-tier.web.0', 'three-tier.web.1'], 'lb spreads over both web instances')
  const again = await daemon.client.apply(doc.toString())
  t.equal(again.change, 'unchanged', 'the same graph again changes nothing')
})

t.test('killing one web instance leaves the app answering', async t => {
  const app = await healthy()
  const victim = pidOf(app, 'three-tier.web.0')
  process.kill(victim, 'SIGKILL')
  let failures = 0
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${base}/api/info`).catch(() => undefined)
    if (res?.status !== 200) failures++
    await res?.text()
  }
  t.equal(failures, 0, 'every request answered while web.0 was down')
  const healed = await healthy()
  t.not(pidOf(healed, 'three-tier.web.0'), victim, 'web.0 restarted with a new process')
  t.ok((healed.instanceList.find(i => i.id === 'three-tier.web.0')?.restarts ?? 0) >= 1)
})

t.test('kill -9 of db loses no acknowledged write', async t => {
  const app = await healthy()
  const acked: string[] = []
  let stop = false
  const writer = (async () => {
    for (let i = 0; !stop && i < 2000; i++) {
      const text = `note-${i}`
      const res = await fetch(`${base}/api/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }).catch(() => undefined)
      if (res?.status === 201) acked.push(text)
      await res?.text()
    }
  })()
  await waitFor('some acknowledged notes', 20_000, () => acked.length >= 20 ? true : undefined)
  process.kill(pidOf(app, 'three-tier.db.0'), 'SIGKILL')
  await healthy()
  await waitFor('writes to succeed again', 30_000, () => acked.length >= 40 ? true : undefined)
  stop = true
  await writer
  const notes = await (await fetch(`${base}/api/notes`)).json() as Array<{ text: string }>
  const stored = new Set(notes.map(n => n.text))
  const lost = acked.filter(text => !stored.has(text))
  t.same(lost, [], `all ${acked.length} acknowledged notes survived kill -9 of db`)
})

t.test('a crashed daemon re-adopts its instances', async t => {
  const before = await healthy()
  const pids = before.instanceList.map(i => i.pid)
  await daemon.crash()
  await daemon.restart()
  const after = await healthy()
  t.same(after.instanceList.map(i => i.pid), pids, 'same processes, not restarted')
  const res = await fetch(`${base}/api/visits`)
  t.equal(res.status, 200, 'app answers through the restarted daemon')
})

t.test('an instance that died while the daemon was down is started again', async t => {
  const before = await healthy()
  const victim = pidOf(before, 'three-tier.web.1')
  await daemon.crash()
  process.kill(victim, 'SIGKILL')
  await daemon.restart()
  const after = await healthy()
  t.not(pidOf(after, 'three-tier.web.1'), victim, 'web.1 runs in a new process')
  t.equal(pidOf(after, 'three-tier.lb.0'), pidOf(before, 'three-tier.lb.0'), 'the others were re-adopted')
})

t.test('apply --wait returns once the new version runs everywhere, healthy', async t => {
  await healthy()
  const next = doc.clone()
  next.setIn(['components', 'web', 'properties', 'title'], 'Second edition')
  const cli = await trellisCli(daemon.dataDir, ['apply', '-f', '-', '--wait', '90'], next.toString())
  t.equal(cli.status, 0, cli.stderr)
  t.match(cli.stdout, /app three-tier version \d+ rolled out: 4\/4 instances healthy/)
  t.match(cli.stderr, /three-tier: [0-3]\/4 updated/, 'progress lines on a pipe, while the old web instances still ran')
  // Rolled out means every web instance serves the new version now, not eventually.
  for (let i = 0; i < 6; i++) t.match(await page(), /Second edition/, `request ${i}`)
  const app = await daemon.client.app('three-tier')
  t.equal(app.updated, 4)
  t.ok(app.instanceList.every(x => x.current))
})

t.test('diff, history and rollback count the app\'s own revisions', async t => {
  const cli = async (args: string[], input = ''): Promise<{ status: number | null, stdout: string, stderr: string }> => await trellisCli(daemon.dataDir, args, input)
  const first = await cli(['diff', '-f', '-'], doc.toString())
  t.equal(first.status, 1, 'differences: exit 1')
  t.match(first.stdout, /app three-tier, from revision 2:\n~ components\.web\.properties\.title: "Second edition" → "Trellis three-tier demo"\napplying it restarts web\n$/)
  const current = (await daemon.client.app('three-tier')).source
  t.equal((await cli(['diff', '-f', '-'], current)).status, 0, 'the present source: no changes, exit 0')

  const history = await daemon.client.history('three-tier')
  t.same(history.map(r => [r.revision, r.current]), [[1, false], [2, true]])
  t.same(history[1]!.restarts, ['web'])
  t.match((await cli(['app', 'history', 'three-tier'])).stdout, /2 \*\s+\d+\s+components\.web\.properties\.title changed; restarts web/)

  const back = await cli(['app', 'rollback', 'three-tier', '--wait', '90'])
  t.equal(back.status, 0, back.stderr)
  t.match(back.stdout, /app three-tier rolled back: revision 3/)
  for (let i = 0; i < 4; i++) t.match(await page(), /Trellis three-tier demo/, `request ${i} sees the first title`)
  const after = await daemon.client.history('three-tier')
  t.match(after.at(-1), { revision: 3, current: true, rollbackOf: 1 })
  t.equal((await cli(['app', 'rollback', 'three-tier', '--to-revision', '9'])).status, 1, 'a revision not kept is refused')
})

t.test('an entry that cannot bind makes the app degraded, and says why', async t => {
  const clash = `name: clash\ncomponents:\n  db:\n    image: db\n    volumes:\n      data: { size: 64Mi, replicas: 1 }\nentries:\n  http:\n    port: ${port}\n    to: db.http\n`
  await daemon.client.apply(clash)
  t.teardown(async () => { await daemon.client.deleteApp('clash').catch(() => {}) })
  const app = await waitFor('clash to report its entry', 60_000, async () => {
    const a = await daemon.client.app('clash')
    return a.healthy === 1 && a.entryErrors.length > 0 ? a : undefined
  }, 200)
  t.equal(app.status, 'degraded', 'its one instance is healthy, but its entry is not published')
  t.match(app.entryErrors[0], new RegExp(`^http: port ${port}: .*EADDRINUSE`))
  t.match(app.entryList[0], { published: false })
  t.ok(app.events.filter(e => e.kind === 'entry-failed').length === 1, 'said once, though tried again on every reconcile')
})

t.test('delete stops every instance', async t => {
  await daemon.client.deleteApp('three-tier')
  await waitFor('instances to stop', 30_000, () => taggedPids(daemon).length === 0 ? true : undefined)
  t.same(await daemon.client.apps(), [])
  await t.rejects(fetch(`${base}/`), 'entry closed')
})

// Ctrl-C reaches a daemon started from a terminal, then its supervisor's
// SIGTERM follows: the second signal must not cut the stop short.
t.test('a second signal while stopping still leaves no instance running', async t => {
  await daemon.client.apply(doc.toString())
  await healthy()
  t.ok(taggedPids(daemon).length >= 4, 'the app runs')
  const exited = new Promise<number | null>(resolve => daemon.process.once('exit', code => { resolve(code) }))
  daemon.process.kill('SIGINT')
  await waitFor('the daemon to start stopping', 10_000, () => daemon.logTail(20).includes('shutting down') ? true : undefined, 20)
  daemon.process.kill('SIGTERM')
  t.equal(await exited, 0, 'the daemon finished its stop and exited cleanly')
  t.same(taggedPids(daemon), [], 'every instance stopped with it')
  t.match(daemon.logTail(200), /already stopping its instances/)
})
