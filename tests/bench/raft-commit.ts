/**
 * Raft commit cost with 3 voters on one host: one RaftCommandLog per voter in this
 * process over the loopback transport, each on its own LevelDB with synced
 * writes, beside a bare write+fdatasync on the same disk measured in the same
 * run (interleaved with the unbatched commits, so both see the same load), and
 * the same-disk floor: three such writes at once, until two are done.
 * Each driver mode gets fresh voters:
 *
 * - before: the serial contract (persist, send, apply, advance per Ready) and
 *   snapshots serialized inline, as the driver used to run;
 * - after: pipelined Readys (a leader sends while it persists, apply without
 *   waiting for the commit index, one synced batch per write) and snapshots
 *   serialized in the background.
 *
 * Phases: unbatched latency (one proposal at a time), batched throughput
 * (many in flight, after BENCH_BATCHED_WARMUP unmeasured ones, in
 * BENCH_BATCHED_ROUNDS rounds, each one's rate shown, the rate of them all
 * the figure; with the CPU
 * time a commit cost, steadier than the rate on a shared machine), and
 * commits during snapshots of a large state (latency, and the longest the
 * event loop was blocked). Then the same loads (no
 * snapshot phase) with each voter in a process of its own on libp2p, as in a
 * grid, serial and pipelined (raft-voter.ts), on the daemon's V8 flags
 * (BENCH_V8=default: V8's own).
 * `npm run bench -- raft-commit`
 */
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pino } from 'pino'
import { RealClock } from '../../controller/clock/index.ts'
import { putApp } from '../../controller/state/index.ts'
import type { AppSpec } from '../../controller/graph/types.ts'
import { RaftCommandLog, serializeState } from '../../daemon/consensus/index.ts'
import type { RaftCommandLogInit } from '../../daemon/consensus/index.ts'
import { LoopbackNetwork, LoopbackTransport } from '../../daemon/network/index.ts'
import { openStore, type Store } from '../../daemon/store/index.ts'
import { settle, voterProcesses, type BatchedRound } from './raft-voter.ts'
import { quantile, summary } from './stats.ts'
import { benchNodeV8 } from '../helpers/daemon-v8.ts'

const UNBATCHED = Number(process.env.BENCH_UNBATCHED ?? 500)
const BATCHED = Number(process.env.BENCH_BATCHED ?? 6000)
/** Batched commits made first and not measured: without them the phase's 0.3–0.8 s is largely V8 compiling its paths. */
const BATCHED_WARMUP = Number(process.env.BENCH_BATCHED_WARMUP ?? 4000)
/**
 * Rounds of BATCHED commits, back to back; the figure is their sustained
 * rate, all commits over all the time, snapshots and all. One round alone
 * lasts 0.2–0.5 s, and on this shared machine one such round read anywhere
 * from 12,000 to 21,000 commits/s with nothing changed.
 */
const BATCHED_ROUNDS = Number(process.env.BENCH_BATCHED_ROUNDS ?? 5)
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 256)
/** Apps in the state when the snapshot phase starts (its serialization is what stalls). */
const SNAPSHOT_APPS = Number(process.env.BENCH_SNAPSHOT_APPS ?? 10000)
const SNAPSHOT_COMMITS = Number(process.env.BENCH_SNAPSHOT_COMMITS ?? 5000)
const SNAPSHOT_IN_FLIGHT = Number(process.env.BENCH_SNAPSHOT_IN_FLIGHT ?? 16)
const SNAPSHOT_SOURCE_BYTES = 2800
/** `before,after,processes-before,processes` (default), or some of them. */
const MODES = (process.env.BENCH_MODES ?? 'before,after,processes-before,processes').split(',')

const TARGET_LATENCY_FSYNCS = 2 // commit p50 ≤ this many fdatasync p50s
const TARGET_RATE = 20_000 // commits/s, batched

const root = await mkdtemp(join(tmpdir(), 'trellis-bench-raft-'))
const spec = (name: string): AppSpec => ({ name, components: [], entries: [], constraints: [] })
const logger = pino({ level: 'silent' })
const out = (line: string): void => { process.stdout.write(line + '\n') }
const ms = (v: number): string => `${v.toFixed(3)} ms`

/** One durable write on this disk: the baseline every figure is set against. */
const fsyncFile = openSync(join(root, 'fsync'), 'w')
const block = Buffer.alloc(256, 7)
function fsyncOnce (): number {
  const t0 = performance.now()
  writeSync(fsyncFile, block)
  fdatasyncSync(fsyncFile)
  return performance.now() - t0
}

/**
 * The same-disk floor of a commit: three voters each write and fdatasync at
 * once (on the thread pool, as LevelDB does) and a commit needs two of them
 * durable. Milliseconds until the second is done.
 */
const floorFiles: FileHandle[] = []
async function twoOfThreeFsyncs (): Promise<number> {
  const t0 = performance.now()
  const done: number[] = []
  await Promise.all(floorFiles.map(async f => {
    await f.write(block)
    await f.datasync()
    done.push(performance.now() - t0)
  }))
  return done.sort((a, b) => a - b)[1]!
}

interface Voters { leader: RaftCommandLog, logs: RaftCommandLog[], close: () => Promise<void> }

async function startVoters (dir: string, init: RaftCommandLogInit): Promise<Voters> {
  const network = new LoopbackNetwork()
  const ids = ['a', 'b', 'c']
  const members: Array<{ log: RaftCommandLog, store: Store, transport: LoopbackTransport }> = []
  const close = async (): Promise<void> => {
    for (const m of members) { await m.log.close(); await m.transport.close(); await m.store.close() }
  }
  try {
    for (const id of ids) {
      const store = await openStore(join(dir, id))
      const transport = new LoopbackTransport({ network }, { nodeId: id })
      const log = new RaftCommandLog({ transport, store, clock: new RealClock(), logger }, { voters: ids, tickMs: 50, ...init })
      members.push({ log, store, transport })
      await log.start()
    }
    let leader: RaftCommandLog | undefined
    while ((leader = members.find(m => m.log.status().role === 'leader')?.log) === undefined) {
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    return { leader, logs: members.map(m => m.log), close }
  } catch (err) {
    await close()
    throw err
  }
}

/** Proposes `count` commands with `inFlight` outstanding; returns each one's latency in ms. */
async function load (leader: RaftCommandLog, count: number, inFlight: number, name: (i: number) => string, source = ''): Promise<number[]> {
  const latencies: number[] = []
  let next = 0
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < count) {
      const i = next++
      const t0 = performance.now()
      await leader.propose(putApp(spec(name(i)), source))
      latencies.push(performance.now() - t0)
    }
  }))
  return latencies
}

interface Figures { latencyRatio: number, rate: number }

/**
 * CPU time of the batched phase per commit, all threads (LevelDB's and the
 * fdatasyncs' included), and as a share of one core: on a shared machine the
 * rate swings with others' load, the CPU a commit costs much less.
 */
function cpuPerCommit (micros: number, seconds: number, commits: number): string {
  return `CPU ${(micros / commits).toFixed(1)} µs a commit (${(micros / 1e4 / seconds).toFixed(0)} % of a core)`
}

/** The batched rounds' line: every round's rate, then the sustained rate and CPU of them all; returns that rate. */
function batchedLine (rounds: BatchedRound[]): { line: string, rate: number } {
  const commits = rounds.length * BATCHED
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0)
  const rate = commits / seconds
  return {
    rate,
    line: `batched: ${rounds.length} rounds of ${BATCHED} commits, ${IN_FLIGHT} in flight: ${rounds.map(r => (BATCHED / r.seconds).toFixed(0)).join(', ')} commits/s; ` +
      `all ${commits} in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} commits/s; latency ${summary(rounds.flatMap(r => r.latencies), ' ms')}; ` +
      `${cpuPerCommit(rounds.reduce((n, r) => n + r.cpuMicros, 0), seconds, commits)}`
  }
}

async function runMode (mode: string): Promise<Figures> {
  const init: RaftCommandLogInit = mode === 'before' ? { pipelined: false, snapshotMode: 'inline' } : { pipelined: true, snapshotMode: 'background' }
  const voters = await startVoters(join(root, mode), init)
  try {
    const { leader } = voters
    out(`-- ${mode}: ${mode === 'before' ? 'serial Readys, snapshots inline' : 'pipelined Readys, snapshots in the background'}`)
    // Warm up the code paths and the disk.
    await load(leader, 200, 1, i => `w${i}`)

    const latencies: number[] = []
    const fsyncs: number[] = []
    const floors: number[] = []
    for (let i = 0; i < UNBATCHED; i++) {
      await settle()
      fsyncs.push(fsyncOnce())
      floors.push(await twoOfThreeFsyncs())
      const t0 = performance.now()
      await leader.propose(putApp(spec(`u${i}`), ''))
      latencies.push(performance.now() - t0)
    }
    const ratio = quantile(latencies, 0.5) / quantile(fsyncs, 0.5)
    out(`fdatasync of 256 bytes, interleaved: ${summary(fsyncs, ' ms')}`)
    out(`floor, 2 of 3 concurrent fdatasyncs: ${summary(floors, ' ms')} (p50 = ${(quantile(floors, 0.5) / quantile(fsyncs, 0.5)).toFixed(2)}× one)`)
    out(`unbatched commit on the leader:      ${summary(latencies, ' ms')} (p50 = ${ratio.toFixed(2)}× one fdatasync, ` +
      `${(quantile(latencies, 0.5) / quantile(floors, 0.5)).toFixed(2)}× the floor)`)

    if (BATCHED_WARMUP > 0) await load(leader, BATCHED_WARMUP, IN_FLIGHT, i => `w${i}`)
    const rounds: BatchedRound[] = []
    for (let r = 0; r < BATCHED_ROUNDS; r++) {
      const t0 = performance.now()
      const cpu0 = process.cpuUsage()
      const latencies = await load(leader, BATCHED, IN_FLIGHT, i => `b${r}-${i}`)
      const cpu = process.cpuUsage(cpu0)
      rounds.push({ seconds: (performance.now() - t0) / 1000, cpuMicros: cpu.user + cpu.system, latencies })
    }
    const { line, rate } = batchedLine(rounds)
    out(line.replace('; latency', ` (${(rate * quantile(fsyncs, 0.5) / 1000).toFixed(1)}× back-to-back fdatasyncs); latency`))

    // Grow the state, then commit through several snapshots of it.
    const have = leader.state.apps.size
    if (SNAPSHOT_APPS > have) await load(leader, SNAPSHOT_APPS - have, IN_FLIGHT, i => `p${i}`)
    const s0 = performance.now()
    const bytes = serializeState(leader.state).byteLength
    const serializeMs = performance.now() - s0
    const snapshots = (): number => voters.logs.reduce((n, l) => n + l.stats().snapshots, 0)
    const snapsBefore = snapshots()
    const loop = monitorEventLoopDelay({ resolution: 1 })
    loop.enable()
    // Updates of existing apps (the state stays put) with a source of SNAPSHOT_SOURCE_BYTES, so that
    // a thousand of them are about as large as the state (the snapshotter's LOG_SHARE): snapshots
    // about as often in both modes.
    const during = await load(leader, SNAPSHOT_COMMITS, SNAPSHOT_IN_FLIGHT, i => `s${i % 100}`, 'x'.repeat(SNAPSHOT_SOURCE_BYTES))
    loop.disable()
    out(`through snapshots (${leader.state.apps.size} apps, ${(bytes / 1e6).toFixed(1)} MB, one serialization ${ms(serializeMs)}; ` +
      `${SNAPSHOT_COMMITS} commits, ${SNAPSHOT_IN_FLIGHT} in flight, ${snapshots() - snapsBefore} snapshots made by the voters): ` +
      `${summary(during, ' ms')}; event loop blocked at most ${ms(loop.max / 1e6)}`)
    return { latencyRatio: ratio, rate }
  } finally {
    await voters.close()
  }
}

try {
  for (const name of ['f1', 'f2', 'f3']) floorFiles.push(await open(join(root, name), 'w'))
  const figures = new Map<string, Figures>()
  for (const mode of MODES) {
    if (!mode.startsWith('processes')) {
      figures.set(mode, await runMode(mode))
      continue
    }
    const pipelined = mode === 'processes'
    out(`-- ${mode}: ${pipelined ? 'pipelined' : 'serial'}, each voter in a process of its own on libp2p (tcp · noise · yamux), as in a grid, on ${benchNodeV8()}`)
    const p = await voterProcesses(join(root, mode), pipelined, { unbatched: UNBATCHED, batched: BATCHED, rounds: BATCHED_ROUNDS, warmup: BATCHED_WARMUP, inFlight: IN_FLIGHT })
    const ratio = quantile(p.latencies, 0.5) / quantile(p.fsyncs, 0.5)
    out(`fdatasync of 256 bytes, interleaved: ${summary(p.fsyncs, ' ms')}`)
    out(`unbatched commit on the leader:      ${summary(p.latencies, ' ms')} (p50 = ${ratio.toFixed(2)}× one fdatasync)`)
    const { line, rate } = batchedLine(p.rounds)
    out(`${line} (three processes)`)
    figures.set(mode, { latencyRatio: ratio, rate })
  }
  const met = (ok: boolean): string => ok ? 'met' : 'missed'
  for (const [mode, f] of figures) {
    if (mode.endsWith('before')) continue
    out(`target (${mode}): commit p50 ≤ ${TARGET_LATENCY_FSYNCS}× one fdatasync: ${f.latencyRatio.toFixed(2)}× — ${met(f.latencyRatio <= TARGET_LATENCY_FSYNCS)}`)
    out(`target (${mode}): ≥ ${TARGET_RATE} commits/s batched: ${f.rate.toFixed(0)}/s — ${met(f.rate >= TARGET_RATE)}`)
  }
} finally {
  closeSync(fsyncFile)
  for (const f of floorFiles) await f.close()
  await rm(root, { recursive: true, force: true })
}
