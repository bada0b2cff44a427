/**
 * The README's main job: `npm run demo` prints a URL that works, and Ctrl-C
 * leaves no process and no data dir behind.
 */
import t from 'tap'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort, ROOT, waitFor } from '../helpers/daemon.ts'

function processesOf (nodeId: string): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`TRELLIS_NODE=${nodeId}`)) pids.push(Number(entry))
    } catch {}
  }
  return pids
}

t.test('demo prints a working URL and Ctrl-C stops everything', async t => {
  const port = await freePort()
  const demo = spawn(process.execPath, [join(ROOT, 'examples', 'demo.ts'), '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  demo.stdout.on('data', d => { out += String(d) })
  demo.stderr.on('data', d => { out += String(d) })
  const exited = new Promise<number | null>(resolve => demo.once('exit', code => resolve(code)))
  let nodeId = ''
  t.teardown(() => {
    if (demo.exitCode === null) demo.kill('SIGKILL')
    for (const pid of nodeId === '' ? [] : processesOf(nodeId)) { try { process.kill(pid, 'SIGKILL') } catch {} }
  })
  const url = await waitFor('the demo to print its URL', 120_000, () => {
    if (demo.exitCode !== null) throw new Error(`demo exited early:\n${out}`)
    return /open (http:\/\/\S+)/.exec(out)?.[1]
  }, 200)
  t.equal(url, `http://127.0.0.1:${port}/`)
  const dataDir = /data dir (\S+),/.exec(out)?.[1] ?? ''
  nodeId = (JSON.parse(readFileSync(join(dataDir, 'identity.json'), 'utf8')) as { id: string }).id
  const page = await fetch(url)
  t.equal(page.status, 200)
  t.match(await page.text(), /Visits/)
  t.equal(processesOf(nodeId).length, 4, 'lb, two web and db are running')
  demo.kill('SIGINT')
  t.equal(await exited, 0, 'demo exits cleanly')
  t.same(processesOf(nodeId), [], 'no instance left running')
  t.notOk(existsSync(dataDir), 'data dir removed')
  for (const controller of ['memory', 'cpu']) {
    t.notOk(existsSync(`/sys/fs/cgroup/${controller}/trellis-demo-${demo.pid}`), `no ${controller} cgroup left`)
  }
  await t.rejects(fetch(url), 'the URL no longer answers')
})
