/**
 * The README's main job: `npm run demo` prints a URL that works, and Ctrl-C
 * leaves no process and no data dir behind.
 */
import t from 'tap'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { freePort, removeCgroups, ROOT, waitFor } from '../helpers/daemon.ts'
import { loopsUnder, mountsUnder, releaseMounts } from '../helpers/mounts.ts'

/** Pids whose /proc/PID/<file> (NUL-separated entries) has an entry that matches. */
function pidsWhere (file: 'environ' | 'cmdline', match: (entry: string) => boolean): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/${file}`, 'utf8').split('\0').some(match)) pids.push(Number(entry))
    } catch {}
  }
  return pids
}

/** The instances the nodes started (TRELLIS_NODE is its node's id). */
function processesOf (nodeIds: string[]): number[] {
  return pidsWhere('environ', e => nodeIds.some(id => e === `TRELLIS_NODE=${id}`))
}

/** Daemons whose command line names a directory under dataDir: the demo's, whatever state it left them in. */
function daemonsUnder (dataDir: string): number[] {
  return pidsWhere('cmdline', arg => arg.startsWith(dataDir + '/'))
}

/** The node ids a data root's nodes took, as far as they got. */
function nodeIdsUnder (dataDir: string): string[] {
  const ids: string[] = []
  for (const i of [1, 2, 3]) {
    try { ids.push((JSON.parse(readFileSync(join(dataDir, `node-${i}`, 'identity.json'), 'utf8')) as { id: string }).id) } catch {}
  }
  return ids
}

// The demo gives itself up to 4.5 minutes to come up (its own waits: nodes, grid, app, URL); on a loaded machine
// (npm test runs two files at once) it once took over two, so this file waits as long as the demo would.
t.setTimeout(420_000)

t.test('demo starts a grid of three, prints a working URL, and Ctrl-C stops everything', async t => {
  const port = await freePort()
  const demo = spawn(process.execPath, [join(ROOT, 'examples', 'demo.ts'), '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  demo.stdout.on('data', d => { out += String(d) })
  demo.stderr.on('data', d => { out += String(d) })
  const exited = new Promise<number | null>(resolve => demo.once('exit', code => resolve(code)))
  let nodeIds: string[] = []
  let dataDir = ''
  t.teardown(async () => {
    if (demo.exitCode === null) demo.kill('SIGKILL')
    // A demo stopped before it printed its URL still started daemons (and maybe instances): found by its data root.
    const root = dataDir !== '' ? dataDir : /data and logs under (\S+)\)/.exec(out)?.[1] ?? ''
    const ids = nodeIds.length > 0 ? nodeIds : root !== '' ? nodeIdsUnder(root) : []
    const left = [...(root !== '' ? daemonsUnder(root) : []), ...processesOf(ids)]
    for (const pid of left) { try { process.kill(pid, 'SIGKILL') } catch {} }
    // Gone before their mounts, directories and cgroups are removed under them.
    await waitFor('the demo\'s processes to die', 10_000, () => left.every(pid => !existsSync(`/proc/${pid}`)) ? true : undefined, 50).catch(() => {})
    if (root !== '') {
      releaseMounts(root)
      rmSync(root, { recursive: true, force: true })
    }
    for (const i of [1, 2, 3]) removeCgroups(`trellis-demo-${demo.pid}-${i}`)
  })
  const url = await waitFor('the demo to print its URL', 280_000, () => {
    if (demo.exitCode !== null) throw new Error(`demo exited early:\n${out}`)
    return /open (http:\/\/\S+)/.exec(out)?.[1]
  }, 200).catch((err: unknown) => { throw new Error(`${(err as Error).message}; it printed:\n${out}`) })
  t.equal(url, `http://127.0.0.1:${port}/`)
  dataDir = /data and logs under (\S+)\)/.exec(out)?.[1] ?? ''
  nodeIds = [1, 2, 3].map(i => (JSON.parse(readFileSync(join(dataDir, `node-${i}`, 'identity.json'), 'utf8')) as { id: string }).id)
  for (const host of ['127.0.0.1', '127.0.0.2', '127.0.0.3']) {
    const page = await fetch(`http://${host}:${port}/`)
    t.equal(page.status, 200, `the page answers on ${host}`)
    t.match(await page.text(), /Visits/)
  }
  t.equal(processesOf(nodeIds).length, 4, 'lb, two web and db are running')
  const victim = Number(/kill -9 (\d+)/.exec(out)?.[1])
  t.ok(victim > 0, 'it says how to kill a node')
  t.ok(mountsUnder(dataDir).length > 0, 'the db\'s replicated volume is mounted')
  // Do what it says: the app keeps answering on the other nodes, and Ctrl-C still leaves nothing behind.
  process.kill(victim, 'SIGKILL')
  const victimHost = ['127.0.0.1', '127.0.0.2', '127.0.0.3'].find((_, i) => /node-(\d)/.exec(out.slice(out.indexOf(`kill -9 ${victim}`)))?.[1] === String(i + 1))
  const other = ['127.0.0.1', '127.0.0.2', '127.0.0.3'].find(h => h !== victimHost)!
  await waitFor('the app to answer after the kill', 60_000, async () => (await fetch(`http://${other}:${port}/`, { signal: AbortSignal.timeout(5000) })).ok ? true : undefined, 250)
  demo.kill('SIGINT')
  const code = await exited
  t.equal(code, 0, 'demo exits cleanly')
  if (code !== 0) t.comment(out)
  t.same(processesOf(nodeIds), [], 'no instance left running')
  t.same(mountsUnder(dataDir), [], 'no volume mount left')
  t.same(loopsUnder(dataDir), [], 'no loop device left')
  t.notOk(existsSync(dataDir), 'data dir removed')
  for (const controller of ['memory', 'cpu']) {
    for (const i of [1, 2, 3]) {
      if (!t.notOk(existsSync(`/sys/fs/cgroup/${controller}/trellis-demo-${demo.pid}-${i}`), `no ${controller} cgroup left`)) t.comment(out)
    }
  }
  await t.rejects(fetch(url), 'the URL no longer answers')
})
