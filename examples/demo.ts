/**
 * `npm run demo`: starts a Trellis node on this machine, applies
 * examples/three-tier.yaml (lb → web ×2 → db), waits until every instance is
 * healthy and prints the URL. Ctrl-C stops everything and leaves nothing
 * running. Options: --port N (entry port, default 8080 or the next free one),
 * --keep (keep the data dir).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { openSync, closeSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parseDocument } from 'yaml'
import { TrellisClient } from '../controller/client/index.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { port: { type: 'string' }, keep: { type: 'boolean' } } })

function say (text: string): void {
  process.stdout.write(text + '\n')
}

async function portFree (port: number): Promise<boolean> {
  return await new Promise(resolve => {
    const s = createServer()
    s.once('error', () => { resolve(false) })
    s.listen({ host: '127.0.0.1', port }, () => { s.close(() => { resolve(true) }) })
  })
}

async function pickPort (): Promise<number> {
  if (values.port !== undefined) return Number(values.port)
  for (let p = 8080; p < 8100; p++) if (await portFree(p)) return p
  throw new Error('no free port in 8080..8099; give one with --port')
}

async function waitFor<T> (what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 200))
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'trellis-demo-'))
const logFile = join(dataDir, 'trellisd.log')
let daemon: ChildProcess | undefined
let cleaning: Promise<void> | undefined

async function cleanup (): Promise<void> {
  cleaning ??= (async () => {
    if (daemon !== undefined && daemon.exitCode === null && daemon.signalCode === null) {
      say('stopping the node and its instances ...')
      const exited = new Promise(resolve => daemon!.once('exit', resolve))
      daemon.kill('SIGTERM')
      const timer = setTimeout(() => daemon!.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
    }
    if (values.keep === true) say(`data dir kept: ${dataDir}`)
    else await rm(dataDir, { recursive: true, force: true })
  })()
  return await cleaning
}

process.once('SIGINT', () => { void cleanup().then(() => process.exit(0)) })
process.once('SIGTERM', () => { void cleanup().then(() => process.exit(0)) })

try {
  const port = await pickPort()
  const doc = parseDocument(await readFile(join(root, 'examples', 'three-tier.yaml'), 'utf8'))
  doc.setIn(['entries', 'http', 'port'], port)

  say(`starting a Trellis node (data dir ${dataDir}, log ${logFile}) ...`)
  const log = openSync(logFile, 'a')
  daemon = spawn(process.execPath, [join(root, 'daemon', 'main.ts'), '--data-dir', dataDir, '--api', '127.0.0.1:0', '--entry-host', '127.0.0.1', '--cgroup-parent', `trellis-demo-${process.pid}`], {
    stdio: ['ignore', log, log]
  })
  closeSync(log)
  daemon.once('exit', (code, signal) => {
    if (cleaning === undefined) {
      process.stderr.write(`trellisd exited unexpectedly (${signal ?? code}); see ${logFile}\n`)
      void cleanup().then(() => process.exit(1))
    }
  })
  const client = await waitFor('the node to start', 30_000, async () => {
    const c = await TrellisClient.fromDataDir(dataDir)
    await c.health()
    return c
  })
  const node = await client.node()
  say(`node ${node.name} is up; API at ${client.url}`)

  const applied = await client.apply(doc.toString())
  say(`applied app ${applied.name} (version ${applied.version}); waiting for its instances to be healthy ...`)
  let last = ''
  await waitFor('the app to be healthy', 90_000, async () => {
    const app = await client.app(applied.name)
    const line = app.instanceList.map(i => `${i.id.split('.').slice(1).join('.')}:${i.ready ? 'ready' : i.state}`).join('  ')
    if (line !== last) { say(`  ${line}`); last = line }
    return app.status === 'healthy' ? app : undefined
  })
  const url = `http://127.0.0.1:${port}/`
  await waitFor(`${url} to answer`, 30_000, async () => {
    const res = await fetch(url)
    return res.ok ? true : undefined
  })
  say('')
  say(`three-tier is running: open ${url}`)
  say(`  try: curl -s ${url}api/visits   and   npm run trellis -- --data-dir ${dataDir} describe app three-tier`)
  say('Press Ctrl-C to stop everything.')
} catch (err) {
  process.stderr.write(`demo failed: ${(err as Error).message}\n`)
  try { process.stderr.write((await readFile(logFile, 'utf8')).split('\n').slice(-30).join('\n') + '\n') } catch {}
  await cleanup()
  process.exit(1)
}
