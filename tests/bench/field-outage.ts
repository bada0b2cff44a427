/**
 * What a client sees of the example app while one node's radio link is
 * impaired: a 3-node `field` grid in network namespaces (tests/harness/netns)
 * running `three-tier`, its entry polled on every node once a second. One
 * run, one grid, scenarios in turn on the node that holds the db (the
 * hardest case), each window against the same window with no impairment:
 *
 *   none      no impairment (the baseline)
 *   slow      the node's link at 64 kbit/s each way
 *   flapping  the node's link cut 300 ms of every second
 *   island    the node cut off entirely (it keeps its stateless part)
 *
 * For each scenario, each node's entry and two paths (`/api/info`: lb and
 * web only; `/api/visits`: through to the db): answers that were not 200
 * (or took over 5 s) and the longest stretch without a 200. Targets (issue 13):
 * the app stays reachable through every other node's entry while one
 * node's link is slow or flapping; an island keeps serving its stateless
 * part (its own entry answers, from its lb and web, whatever the db says).
 *
 * Env: BENCH_WINDOW_S (default 40), BENCH_SETTLE_S (default 30, after each
 * scenario, for the grid to heal before the next), BENCH_SCENARIOS (default
 * none,slow,flapping,island), BENCH_POLL_MS (1000), BENCH_ANSWER_MS (5000).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FieldNet } from '../harness/netns/field-net.ts'
import { startFieldGrid, waitAllUp, type FieldDaemon } from '../harness/netns/field-grid.ts'
import { ROOT, waitFor } from '../helpers/daemon.ts'

const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 40)
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 30)
/** A client on a radio link: one request a second per entry, given 5 s to answer. Faster polling alone fills a 64 kbit/s link. */
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 1000)
const ANSWER_MS = Number(process.env.BENCH_ANSWER_MS ?? 5000)
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'none,slow,flapping,island').split(',') as Scenario[]
const PORT = 8080

type Scenario = 'none' | 'slow' | 'flapping' | 'island'
interface EntryFigure { node: string, path: string, impaired: boolean, polls: number, failed: number, longestGapMs: number }
/** The stateless path (lb → web) and one that reads the db (lb → web → db); small answers, so the polling does not fill a slow link itself. */
const PATHS = ['/api/info', '/api/visits']

const cleanups: Array<() => Promise<void> | void> = []
async function cleanup (): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) { try { await fn() } catch (err) { process.stderr.write(`cleanup: ${(err as Error).message}\n`) } }
}
process.on('SIGINT', () => { void cleanup().then(() => process.exit(130)) })

/** Polls one entry until `until`; what a client saw. */
async function poll (url: string, until: number): Promise<{ polls: number, failed: number, longestGapMs: number }> {
  let polls = 0
  let failed = 0
  let lastOk = Date.now()
  let longestGapMs = 0
  while (Date.now() < until) {
    polls++
    let ok = false
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(ANSWER_MS) })
      await r.arrayBuffer()
      ok = r.status === 200
    } catch {}
    const now = Date.now()
    if (ok) lastOk = now
    else failed++
    longestGapMs = Math.max(longestGapMs, now - lastOk)
    await new Promise(resolve => setTimeout(resolve, POLL_MS))
  }
  return { polls, failed, longestGapMs }
}

async function impair (net: FieldNet, scenario: Scenario, node: number, until: number): Promise<void> {
  if (scenario === 'slow') net.limit(node, { kbit: 64 })
  if (scenario === 'island') net.cut(node)
  if (scenario === 'flapping') {
    while (Date.now() < until) {
      net.cut(node)
      await new Promise(resolve => setTimeout(resolve, 300))
      net.heal(node)
      await new Promise(resolve => setTimeout(resolve, 700))
    }
  }
}

function restore (net: FieldNet, scenario: Scenario, node: number): void {
  if (scenario === 'slow') net.unlimit(node)
  if (scenario === 'island' || scenario === 'flapping') net.heal(node)
}

async function healthy (d: FieldDaemon, timeoutMs: number): Promise<void> {
  await waitFor('the example app to be healthy', timeoutMs, async () => {
    const apps = await d.client.apps().catch(() => [])
    return apps.length > 0 && apps.every(a => a.status === 'healthy') ? true : undefined
  }, 1000)
}

const results = new Map<Scenario, EntryFigure[]>()
try {
  const net = FieldNet.create({ nodes: 3 })
  cleanups.push(() => { net.destroy() })
  const daemons = await startFieldGrid(net, { profile: 'field', teardown: fn => { cleanups.push(fn) } })
  await waitAllUp(daemons, 120_000)
  await daemons[0]!.client.apply(readFileSync(join(ROOT, 'examples', 'three-tier.yaml'), 'utf8'))
  await healthy(daemons[0]!, 240_000)
  for (const scenario of SCENARIOS) {
    // The db's node, as it is now (an earlier scenario may have moved it).
    const app = await daemons[0]!.client.app('three-tier')
    const dbNodeName = app.instanceList.find(i => i.component === 'db')!.nodeName
    const target = daemons.find(d => d.name === dbNodeName) ?? daemons[2]!
    const holds = app.instanceList.filter(i => i.nodeName === target.name).map(i => i.id.split('.').slice(1).join('.')).sort().join(', ')
    const until = Date.now() + WINDOW_S * 1000
    const polling = daemons.flatMap(d => PATHS.map(async path => ({ node: d.name, path, impaired: d === target && scenario !== 'none', ...await poll(`http://${net.nodes[d.index]!.mgmtAddress}:${PORT}${path}`, until) })))
    await impair(net, scenario, target.index, until)
    const figures = await Promise.all(polling)
    restore(net, scenario, target.index)
    results.set(scenario, figures)
    report(scenario, `${target.name} (runs ${holds})`, figures)
    await new Promise(resolve => setTimeout(resolve, SETTLE_S * 1000))
    await healthy(daemons.find(d => d !== target)!, 180_000).catch(err => { process.stdout.write(`  (not healthy again within 180 s: ${(err as Error).message})\n`) })
  }
} finally {
  await cleanup()
}

function report (scenario: Scenario, target: string, figures: EntryFigure[]): void {
  const base = results.get('none')
  process.stdout.write(`${scenario}${scenario === 'none' ? '' : ` on ${target}`}, ${WINDOW_S} s:\n`)
  for (const f of figures) {
    const b = base?.find(x => x.node === f.node && x.path === f.path)
    const against = scenario === 'none' || b === undefined ? '' : ` (no impairment: ${b.failed} failed, gap ${(b.longestGapMs / 1000).toFixed(1)} s)`
    const target = scenario === 'none'
      ? ''
      : f.impaired
        ? (scenario === 'island' ? ` — its own entry keeps answering: ${f.failed < f.polls ? 'partly' : 'no'}` : '')
        : ` — reachable through this entry throughout: ${f.longestGapMs <= ANSWER_MS + POLL_MS ? 'met' : 'missed'}`
    process.stdout.write(`  ${f.node}${f.impaired ? ' (impaired)' : ''} ${f.path}: ${f.failed} of ${f.polls} failed, longest gap ${(f.longestGapMs / 1000).toFixed(1)} s${against}${target}\n`)
  }
}
