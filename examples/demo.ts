/**
 * `npm run demo`: starts a grid of three Trellis nodes on this machine,
 * applies examples/three-tier.yaml (lb → web ×2 → db) to one of them, waits
 * until every instance is healthy and prints the URL, which answers on every
 * node. Ctrl-C stops everything and leaves nothing running.
 * Options: --port N (entry port, default 8080 or the next free one),
 * --nodes N (default 3), --keep (keep the data dirs).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { openSync, closeSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, rmdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parseDocument } from 'yaml'
import { TrellisClient } from '../controller/client/index.ts'
import { freePort } from '../daemon/network/ports.ts'
import { cleanupStaleMounts } from '../daemon/volumes/mount/index.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { port: { type: 'string' }, nodes: { type: 'string' }, keep: { type: 'boolean' } } })
const count = Number(values.nodes ?? 3)

function say (text: string): void {
  process.stdout.write(text + '\n')
}

async function portFree (host: string, port: number): Promise<boolean> {
  return await new Promise(resolve => {
    const s = createServer()
    s.once('error', () => { resolve(false) })
    s.listen({ host, port }, () => { s.close(() => { resolve(true) }) })
  })
}

/** Each node publishes entries on its own loopback address, as separate machines would. */
function hostOf (i: number): string {
  return `127.0.0.${i + 1}`
}

async function pickPort (): Promise<number> {
  if (values.port !== undefined) return Number(values.port)
  for (let p = 8080; p < 8100; p++) {
    let free = true
    for (let i = 0; i < count; i++) free &&= await portFree(hostOf(i), p)
    if (free) return p
  }
  throw new Error('no free port in 8080..8099; give one with --port')
}

async function waitFor<T> (what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 250))
  }
}

const dataRoot = await mkdtemp(join(tmpdir(), 'trellis-demo-'))
// mkdtemp makes it 0700; as root, instances run as other users and must pass through it to their node's data dir
await chmod(dataRoot, 0o711)
const daemons: ChildProcess[] = []
let cleaning: Promise<void> | undefined

async function cleanup (): Promise<void> {
  cleaning ??= (async () => {
    say('stopping the grid and its instances ...')
    // A node killed with kill -9 left its instances and volume mounts behind, as a
    // crashed machine's daemon would find them: start it again so it cleans up after
    // itself (orphans stopped, stale mounts undone), then stop it with the others.
    await Promise.all(daemons.map(async (d, i) => {
      if (d.exitCode === null && d.signalCode === null) return
      const again = startNode(i, [])
      await waitFor(`node-${i + 1} to start again`, 60_000, async () => {
        const c = await TrellisClient.fromDataDir(join(dataRoot, `node-${i + 1}`))
        await c.health()
        return (await c.node()).incarnation > 0 && again.exitCode === null ? true : undefined
      }).catch(() => {})
    }))
    await Promise.all(daemons.map(async d => {
      if (d.exitCode !== null || d.signalCode !== null) return
      const exited = new Promise(resolve => d.once('exit', resolve))
      d.kill('SIGTERM')
      // Last resort only: a node stopping kills what it runs; SIGKILL would leave that behind.
      const timer = setTimeout(() => d.kill('SIGKILL'), 90_000)
      await exited
      clearTimeout(timer)
      if (d.exitCode !== 0) say(`  a node stopped with ${d.signalCode ?? `exit code ${String(d.exitCode)}`}; see its log under ${dataRoot}`)
    }))
    // Last resort, for an instance that outlived its node (one SIGKILLed after 90 s above):
    // kill what is left in the nodes' cgroups, and say so.
    for (let i = 0; i < daemons.length; i++) {
      const left = await sweepCgroups(`trellis-demo-${process.pid}-${i + 1}`)
      if (left > 0) say(`  node-${i + 1} left ${left} process${left === 1 ? '' : 'es'} running; killed`)
    }
    // Last resort, for a node that could not clean up after itself: undo its volume mounts here.
    for (let i = 0; i < daemons.length; i++) {
      const mounts = join(dataRoot, `node-${i + 1}`, 'run', 'mounts')
      for (const name of await readdir(mounts).catch(() => [])) await cleanupStaleMounts(join(mounts, name)).catch(() => {})
    }
    if (values.keep === true) say(`data dirs kept under ${dataRoot}`)
    else await rm(dataRoot, { recursive: true, force: true }).catch((err: Error) => { say(`could not remove ${dataRoot}: ${err.message}`) })
  })()
  return await cleaning
}

process.once('SIGINT', () => { void cleanup().then(() => process.exit(0)) })
process.once('SIGTERM', () => { void cleanup().then(() => process.exit(0)) })

function startNode (i: number, lead: string[]): ChildProcess {
  const dir = join(dataRoot, `node-${i + 1}`)
  const log = openSync(join(dataRoot, `node-${i + 1}.log`), 'a')
  const child = spawn(process.execPath, [
    join(root, 'daemon', 'main.ts'), ...lead, '--data-dir', dir, '--name', `node-${i + 1}`, '--api', '127.0.0.1:0',
    '--entry-host', hostOf(i), '--no-mdns', '--cgroup-parent', `trellis-demo-${process.pid}-${i + 1}`,
    ...(i === 0 ? [] : ['--listen', '/ip4/127.0.0.1/tcp/0'])
  ], { stdio: ['ignore', log, log] })
  closeSync(log)
  child.once('exit', (code, signal) => {
    if (cleaning === undefined) say(`node-${i + 1} exited (${signal ?? code}); see ${join(dataRoot, `node-${i + 1}.log`)}`)
  })
  daemons[i] = child
  return child
}

/** Tries to start node-1 this many times, each on a mesh port picked afresh. */
const FOUNDER_ATTEMPTS = 3

/**
 * Makes node-1 a grid's founder on a free mesh port and starts it; resolves
 * with the address the others join at. The port is free when picked, but
 * only bound once the daemon starts, and anything on the machine may take it
 * in between (under `npm test`, other tests bind ports all the time): a
 * founder that exits before it answers is made again on another port.
 */
async function startFounder (): Promise<string> {
  const dir = join(dataRoot, 'node-1')
  for (let attempt = 1; ; attempt++) {
    const meshPort = await freePort('127.0.0.1')
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    const init = execFileSync(process.execPath, [join(root, 'daemon', 'main.ts'), 'init', '--data-dir', dir,
      '--listen', `/ip4/127.0.0.1/tcp/${meshPort}`, '--announce', '127.0.0.1', '--name', 'node-1'], { encoding: 'utf8' })
    // trellisd join --token-file join.token <address> …: the token stays in a file, out of every process's arguments.
    const address = init.split('\n').find(l => l.includes('trellisd join'))?.trim().split(/\s+/)[4] ?? ''
    const founder = startNode(0, [])
    const up = await waitFor('node-1 to start', 60_000, async () => {
      if (founder.exitCode !== null || founder.signalCode !== null) return false
      const c = await TrellisClient.fromDataDir(dir)
      await c.health()
      return true
    })
    if (up) return address
    if (attempt === FOUNDER_ATTEMPTS) throw new Error(`node-1 did not start in ${FOUNDER_ATTEMPTS} tries; see ${join(dataRoot, 'node-1.log')}`)
    say(`  node-1 could not start on mesh port ${meshPort} (taken meanwhile?); trying another`)
  }
}

try {
  const port = await pickPort()
  say(`starting a grid of ${count} Trellis nodes (data and logs under ${dataRoot}) ...`)
  const address = await startFounder()
  const tokenFile = join(dataRoot, 'node-1', 'join.token')
  for (let i = 1; i < count; i++) startNode(i, ['join', '--token-file', tokenFile, address])
  const clients = await Promise.all(Array.from({ length: count }, async (_, i) => await waitFor(`node-${i + 1} to start`, 60_000, async () => {
    const c = await TrellisClient.fromDataDir(join(dataRoot, `node-${i + 1}`))
    await c.health()
    return c
  })))
  await waitFor('the nodes to form a grid', 60_000, async () => {
    const r = await clients[0]!.raft()
    return r.peers.filter(p => p.suffrage === 'voter').length === Math.min(count % 2 === 0 ? count - 1 : count, 5) ? r : undefined
  })
  say(`grid formed: ${(await clients[0]!.nodes()).map(n => n.name).join(', ')}`)

  const doc = parseDocument(await readFile(join(root, 'examples', 'three-tier.yaml'), 'utf8'))
  doc.setIn(['entries', 'http', 'port'], port)
  const applied = await clients[0]!.apply(doc.toString())
  say(`applied app ${applied.name} to node-1; waiting for its instances to be healthy ...`)
  let last = ''
  const app = await waitFor('the app to be healthy', 120_000, async () => {
    const a = await clients[0]!.app(applied.name)
    const line = a.instanceList.map(i => `${i.id.split('.').slice(1).join('.')}@${i.nodeName ?? '?'}:${i.ready ? 'ready' : i.state}`).join('  ')
    if (line !== last) { say(`  ${line}`); last = line }
    return a.status === 'healthy' && a.events.some(e => e.kind === 'placed') ? a : undefined
  })
  const url = `http://127.0.0.1:${port}/`
  await waitFor(`${url} to answer`, 30_000, async () => (await fetch(url)).ok ? true : undefined)
  say('')
  say(`three-tier is running across the grid: open ${url}`)
  say(`  every node publishes it: ${Array.from({ length: count }, (_, i) => `http://${hostOf(i)}:${port}/`).join('  ')}`)
  say(`  watch it:  npm run trellis -- --data-dir ${join(dataRoot, 'node-1')} describe app three-tier`)
  say(`  or in the web console: ${clients[0]!.url}/  (log in with the token in ${join(dataRoot, 'node-1', 'admin.token')})`)
  const web = app.instanceList.find(i => i.component === 'web' && i.node !== app.instanceList.find(x => x.component === 'lb')?.node)
  const victim = daemons[(await Promise.all(clients.map(async c => (await c.node()).id))).indexOf(web?.node ?? '')]
  if (victim !== undefined) say(`  kill a node: kill -9 ${victim.pid}   (${web?.nodeName}, running ${web?.id}; the app heals in seconds)`)
  say('Press Ctrl-C to stop everything.')
} catch (err) {
  process.stderr.write(`demo failed: ${(err as Error).message}\n`)
  try { process.stderr.write((await readFile(join(dataRoot, 'node-1.log'), 'utf8')).split('\n').slice(-20).join('\n') + '\n') } catch {}
  await cleanup()
  process.exit(1)
}

/** Kills every process left in a cgroup subtree (v1 memory and cpu, or v2) and removes it; how many were killed. */
async function sweepCgroups (name: string): Promise<number> {
  const killed = new Set<number>()
  for (const root of ['/sys/fs/cgroup/memory', '/sys/fs/cgroup/cpu', '/sys/fs/cgroup']) {
    const top = join(root, name)
    const dirs: string[] = []
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) if (e.isDirectory()) await walk(join(dir, e.name))
      dirs.push(dir) // children first, so rmdir can go in order
    }
    await walk(top)
    if (!dirs.includes(top)) continue
    for (let round = 0; round < 50; round++) {
      const pids = (await Promise.all(dirs.map(async d => await readFile(join(d, 'cgroup.procs'), 'utf8').catch(() => '')))).join('\n').split('\n').filter(p => p !== '').map(Number)
      if (pids.length === 0) break
      for (const pid of pids) { try { process.kill(pid, 'SIGKILL'); killed.add(pid) } catch {} }
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    for (const d of dirs) await rmdir(d).catch(() => {})
  }
  return killed.size
}
