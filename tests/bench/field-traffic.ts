/**
 * Control traffic per node by profile: a 3-node grid in network namespaces
 * (tests/harness/netns), each daemon's field link counted at its veth, idle
 * and then running the example app (lb → web ×2 → db), in `lan` and in
 * `field`, in one run. Beside each figure: the bytes the same link carries
 * for a 64-byte ping-pong over TCP every second (the floor of any periodic
 * exchange on that link), measured the same way in the same run.
 *
 * Env: BENCH_PROFILES (default lan,field), BENCH_WINDOW_S (default 60, per
 * phase), BENCH_SETTLE_S (default 20, before counting), BENCH_APP (default 1).
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FieldNet } from '../harness/netns/field-net.ts'
import { startFieldGrid, waitAllUp, type FieldDaemon } from '../harness/netns/field-grid.ts'
import { ROOT, waitFor } from '../helpers/daemon.ts'

const PROFILES = (process.env.BENCH_PROFILES ?? 'lan,field').split(',') as Array<'lan' | 'field'>
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 60)
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 20)
const WITH_APP = process.env.BENCH_APP !== '0'
const NODES = 3
/** Targets (issue 13): idle control traffic per node, both directions together, kbit/s. */
const TARGET_KBIT: Record<'lan' | 'field', number> = { lan: 64, field: 16 }

interface Figure { profile: string, phase: string, perNode: Array<{ name: string, rxKbit: number, txKbit: number, leader: boolean }> }

type Cleanup = () => Promise<void> | void
const cleanups: Cleanup[] = []
async function cleanup (): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) { try { await fn() } catch (err) { process.stderr.write(`cleanup: ${(err as Error).message}\n`) } }
}
process.on('SIGINT', () => { void cleanup().then(() => process.exit(130)) })

function kbit (bytes: number, seconds: number): number {
  return bytes * 8 / 1000 / seconds
}

async function measure (net: FieldNet, daemons: FieldDaemon[], seconds: number): Promise<Figure['perNode']> {
  const before = net.nodes.map(n => net.bytes(n.index))
  await new Promise(resolve => setTimeout(resolve, seconds * 1000))
  const after = net.nodes.map(n => net.bytes(n.index))
  const status = await daemons[0]!.client.raft().catch(() => undefined)
  const ids = await Promise.all(daemons.map(async d => (await d.client.node()).id))
  return daemons.map((d, i) => ({
    name: d.name,
    rxKbit: kbit(after[i]!.rx - before[i]!.rx, seconds),
    txKbit: kbit(after[i]!.tx - before[i]!.tx, seconds),
    leader: status?.leader === ids[i]
  }))
}

/** The floor: one 64-byte request and its answer every second over one TCP connection between node 1 and node 0. */
async function baseline (net: FieldNet, seconds: number): Promise<number> {
  const server = `require('net').createServer(s=>s.on('data',d=>s.write(d))).listen(7999,'${net.nodes[0]!.address}')`
  const client = `const s=require('net').connect(7999,'${net.nodes[0]!.address}',()=>{setInterval(()=>s.write(Buffer.alloc(64)),1000)});s.on('data',()=>{})`
  const a = spawn('nsenter', [...net.nsenterArgs(0), process.execPath, '-e', server], { stdio: 'ignore' })
  cleanups.push(() => { a.kill('SIGKILL') })
  await new Promise(resolve => setTimeout(resolve, 1000))
  const b = spawn('nsenter', [...net.nsenterArgs(1), process.execPath, '-e', client], { stdio: 'ignore' })
  cleanups.push(() => { b.kill('SIGKILL') })
  await new Promise(resolve => setTimeout(resolve, 2000))
  const before = net.bytes(1)
  await new Promise(resolve => setTimeout(resolve, seconds * 1000))
  const after = net.bytes(1)
  a.kill('SIGKILL')
  b.kill('SIGKILL')
  return kbit(after.rx - before.rx + after.tx - before.tx, seconds)
}

async function deployApp (d: FieldDaemon): Promise<void> {
  const source = readFileSync(join(ROOT, 'examples', 'three-tier.yaml'), 'utf8')
  await d.client.apply(source)
  await waitFor('the example app to be healthy', 240_000, async () => {
    const apps = await d.client.apps()
    return apps.length > 0 && apps.every(a => a.status === 'healthy') ? true : undefined
  }, 1000)
}

const figures: Figure[] = []
try {
  const base = await (async () => {
    const net = FieldNet.create({ nodes: 2 })
    cleanups.push(() => { net.destroy() })
    try { return await baseline(net, 20) } finally { net.destroy() }
  })()
  process.stdout.write(`baseline: a 64-byte TCP ping-pong every second on one link: ${base.toFixed(2)} kbit/s (both directions)\n`)
  for (const profile of PROFILES) {
    const net = FieldNet.create({ nodes: NODES })
    cleanups.push(() => { net.destroy() })
    const daemons = await startFieldGrid(net, { profile, teardown: fn => { cleanups.push(fn) } })
    await waitAllUp(daemons, 120_000)
    await new Promise(resolve => setTimeout(resolve, SETTLE_S * 1000))
    figures.push({ profile, phase: 'idle', perNode: await measure(net, daemons, WINDOW_S) })
    report(figures.at(-1)!, base)
    if (WITH_APP) {
      await deployApp(daemons[0]!)
      await new Promise(resolve => setTimeout(resolve, SETTLE_S * 1000))
      figures.push({ profile, phase: 'with the example app', perNode: await measure(net, daemons, WINDOW_S) })
      report(figures.at(-1)!, base)
    }
    await cleanup()
  }
} finally {
  await cleanup()
}

function report (f: Figure, base: number): void {
  const target = TARGET_KBIT[f.profile as 'lan' | 'field']
  process.stdout.write(`${f.profile}, ${f.phase} (${WINDOW_S} s):\n`)
  for (const n of f.perNode) {
    const total = n.rxKbit + n.txKbit
    const met = f.phase === 'idle' ? ` — target ≤ ${target}: ${total <= target ? 'met' : `missed by ${(total - target).toFixed(1)}`}` : ''
    process.stdout.write(`  ${n.name}${n.leader ? ' (leader)' : ''}: rx ${n.rxKbit.toFixed(2)} + tx ${n.txKbit.toFixed(2)} = ${total.toFixed(2)} kbit/s (${(total / base).toFixed(1)}× baseline)${met}\n`)
  }
}
