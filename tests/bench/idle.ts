/**
 * An idle daemon's memory and CPU: a lone node, then the founder and a member
 * of a two-node grid, then the same grid running the example app (lb → web ×2
 * → db), each settled and then sampled from /proc (VmRSS every second,
 * utime+stime over the window, and the times its threads were switched to:
 * all of them, and the main thread's, the event loop's, alone). Baselines
 * sampled in the same windows: a bare Node process with one timer, and a
 * Node process running only a libp2p node (tcp · noise · yamux) listening on
 * loopback. Dev form (.ts through type stripping; a two-node grid is
 * started and stopped first so that Node's compile cache holds every
 * module, as a restarted node finds it) and dist form (tools/build.ts's
 * compiled JavaScript), both started through bin/trellisd as users start
 * them. Daemons log at info, as a deployed node does (tests run them at
 * debug).
 * `npm run bench -- idle`
 *
 * Env: BENCH_FORMS (default dev,dist), BENCH_PHASES (default lone,grid,app),
 * BENCH_WINDOW_S (default 30), BENCH_SETTLE_S (default 10).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loopSwitches, switches } from './proc-threads.ts'
import { cleanup, quantile } from './stats.ts'
import { freePort, ROOT, startDaemon, startGrid, waitFor, type TestDaemon } from '../helpers/daemon.ts'

const FORMS = (process.env.BENCH_FORMS ?? 'dev,dist').split(',') as Array<'dev' | 'dist'>
const PHASES = (process.env.BENCH_PHASES ?? 'lone,grid,app').split(',')
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 30)
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 10)
/** A deployed node's log level; commander takes the last of a repeated flag, so this overrides the test helper's debug. */
const LOG = ['--log-level', 'info']
/** Targets (issue 12): an idle daemon's resident memory and CPU. */
const TARGET_RSS_MB = 120
const TARGET_CPU_PERCENT = 1
/** Kernel clock ticks per second, the unit of utime and stime in /proc/PID/stat. */
const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

interface Figure { rssMb: number, rssMaxMb: number, cpuPercent: number, wakeupsPerS: number, loopWakeupsPerS: number }

function rssKb (pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(m?.[1] ?? Number.NaN)
}

function cpuTicks (pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/** Samples every named pid in the same window: RSS each second (median and max), CPU over the whole window. */
async function sample (pids: Record<string, number>, seconds: number): Promise<Record<string, Figure>> {
  const names = Object.keys(pids)
  const rss: Record<string, number[]> = Object.fromEntries(names.map(n => [n, []]))
  const ticks0 = names.map(n => cpuTicks(pids[n]!))
  const switches0 = names.map(n => switches(pids[n]!))
  const loop0 = names.map(n => loopSwitches(pids[n]!))
  const t0 = performance.now()
  for (let s = 0; s < seconds; s++) {
    await new Promise(resolve => setTimeout(resolve, 1000))
    for (const n of names) rss[n]!.push(rssKb(pids[n]!) / 1024)
  }
  const elapsedS = (performance.now() - t0) / 1000
  return Object.fromEntries(names.map((n, i) => [n, {
    rssMb: quantile(rss[n]!, 0.5),
    rssMaxMb: Math.max(...rss[n]!),
    cpuPercent: (cpuTicks(pids[n]!) - ticks0[i]!) / TICKS_PER_S / elapsedS * 100,
    wakeupsPerS: (switches(pids[n]!) - switches0[i]!) / elapsedS,
    loopWakeupsPerS: (loopSwitches(pids[n]!) - loop0[i]!) / elapsedS
  }]))
}

/** The baselines: bare Node with one timer, and Node with only a libp2p node listening on loopback. */
function startBaselines (add: (fn: () => Promise<void>) => void): Record<string, ChildProcess> {
  const libp2p = `import { createLibp2p } from 'libp2p'; import { tcp } from '@libp2p/tcp'; import { noise } from '@libp2p/noise'; import { yamux } from '@libp2p/yamux'
await createLibp2p({ addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] }, transports: [tcp()], connectionEncrypters: [noise()], streamMuxers: [yamux()] })`
  const children = {
    'bare node': spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }),
    'libp2p only': spawn(process.execPath, ['--input-type=module', '-e', libp2p], { stdio: 'ignore', cwd: ROOT })
  }
  for (const child of Object.values(children)) {
    add(async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    })
  }
  return children
}

async function allUp (nodes: TestDaemon[]): Promise<void> {
  for (const d of nodes) {
    await waitFor(`${nodes.length} up`, 120_000, async () => (await d.client.nodes()).filter(n => n.state === 'up').length === nodes.length ? true : undefined, 250)
  }
}

/** The example app, on a free entry port and a small volume so that it starts quickly. */
async function deployApp (d: TestDaemon): Promise<void> {
  const source = readFileSync(join(ROOT, 'examples', 'three-tier.yaml'), 'utf8')
    .replace(/port: 8080/, `port: ${await freePort()}`)
    .replace(/size: 1Gi/, 'size: 64Mi')
  await d.client.apply(source)
  await waitFor('the example app to be healthy', 240_000, async () => {
    const apps = await d.client.apps()
    return apps.length > 0 && apps.every(a => a.status === 'healthy') ? true : undefined
  }, 1000)
}

function report (title: string, figures: Record<string, Figure>, daemons: string[]): void {
  const bare = figures['bare node']!
  const p2p = figures['libp2p only']!
  process.stdout.write(`${title} (${WINDOW_S} s after ${SETTLE_S} s settling):\n`)
  for (const [name, f] of Object.entries(figures)) {
    const line = `  ${name}: RSS ${f.rssMb.toFixed(1)} MB (max ${f.rssMaxMb.toFixed(1)}), CPU ${f.cpuPercent.toFixed(2)} % of a core, ${f.wakeupsPerS.toFixed(1)} wake-ups/s (the loop's ${f.loopWakeupsPerS.toFixed(1)})`
    if (!daemons.includes(name)) { process.stdout.write(`${line}\n`); continue }
    const rss = f.rssMaxMb < TARGET_RSS_MB ? 'met' : `missed by ${(f.rssMaxMb - TARGET_RSS_MB).toFixed(1)} MB`
    const cpu = f.cpuPercent < TARGET_CPU_PERCENT ? 'met' : `missed by ${(f.cpuPercent - TARGET_CPU_PERCENT).toFixed(2)} %`
    process.stdout.write(`${line}; ${(f.rssMb / bare.rssMb).toFixed(2)}× bare node, ${(f.rssMb / p2p.rssMb).toFixed(2)}× libp2p only; ` +
      `target RSS < ${TARGET_RSS_MB} MB: ${rss}; CPU < ${TARGET_CPU_PERCENT} %: ${cpu}\n`)
  }
}

/**
 * How a form of the daemon is started: as its users start it, through
 * bin/trellisd (bin/launch, which gives the daemon its V8 flags). The dev form
 * is the checkout's; the dist form is dist/ built now, launched from a folder
 * laid out as an installed package (bin/ and dist/, no .ts sources).
 */
async function programOf (form: 'dev' | 'dist', add: (fn: () => Promise<void>) => void): Promise<string[]> {
  if (form === 'dev') {
    // bin/launch keeps the type-stripped modules in Node's compile cache; a node's first start after an edit fills it.
    // Warm it as a restarted node finds it: a daemon's modules, then those a grid member loads on top.
    const program = [join(ROOT, 'bin', 'trellisd')]
    const warm = cleanup()
    try { await allUp((await startGrid(warm.add, 2, LOG, { program })).nodes) } finally { await warm.run() }
    return program
  }
  execFileSync(process.execPath, [join(ROOT, 'tools', 'build.ts')], { stdio: ['ignore', 'ignore', 'inherit'] })
  const installed = await mkdtemp(join(tmpdir(), 'trellis-bench-idle-'))
  add(async () => { await rm(installed, { recursive: true, force: true }) })
  await mkdir(join(installed, 'bin'))
  for (const file of ['launch', 'trellisd']) await cp(join(ROOT, 'bin', file), join(installed, 'bin', file))
  for (const dir of ['dist', 'node_modules']) await symlink(join(ROOT, dir), join(installed, dir))
  return [join(installed, 'bin', 'trellisd')]
}

const c = cleanup()
try {
  const baselines = startBaselines(c.add)
  const basePids = Object.fromEntries(Object.entries(baselines).map(([n, p]) => [n, p.pid!]))
  for (const form of FORMS) {
    const program = await programOf(form, c.add)
    if (PHASES.includes('lone')) {
      const run = cleanup()
      try {
        const d = await startDaemon(run.add, { program, extraArgs: LOG })
        await new Promise(resolve => setTimeout(resolve, SETTLE_S * 1000))
        report(`${form}, a lone node (no grid)`, await sample({ ...basePids, 'lone node': d.process.pid! }, WINDOW_S), ['lone node'])
      } finally { await run.run() }
    }
    if (PHASES.includes('grid') || PHASES.includes('app')) {
      const run = cleanup()
      try {
        const { nodes } = await startGrid(run.add, 2, LOG, { program })
        await allUp(nodes)
        const pids = { ...basePids, founder: nodes[0]!.process.pid!, member: nodes[1]!.process.pid! }
        if (PHASES.includes('grid')) {
          await new Promise(resolve => setTimeout(resolve, SETTLE_S * 1000))
          report(`${form}, a two-node grid, idle`, await sample(pids, WINDOW_S), ['founder', 'member'])
        }
        if (PHASES.includes('app')) {
          await deployApp(nodes[0]!)
          await new Promise(resolve => setTimeout(resolve, SETTLE_S * 1000))
          report(`${form}, a two-node grid running the example app`, await sample(pids, WINDOW_S), ['founder', 'member'])
        }
      } finally { await run.run() }
    }
  }
} finally {
  await c.run()
}
