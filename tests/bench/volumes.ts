/**
 * Replicated volumes: sequential and 4 KiB random throughput and durable QD1
 * write latency of our NbdServer over a ReplicatedBlockStore with 1, 2 and 3
 * replicas (1: the primary's own SparseFileStore and no member), beside
 * `nbdkit file` on the same disk, in one run; the QD1 figures beside a bare
 * write+fdatasync and the same on as many files at once as a replicated FUA
 * write syncs, measured just before each; the CPU each node process spends
 * per random write and per MiB written sequentially (all its threads, from
 * /proc: what a write costs, beside the rate the run got of a shared machine,
 * and the rate the cores could give at that cost), and per QD1 commit (an
 * 8 KiB write, then a flush) the CPU and thread switches of each server
 * process, nbdkit's beside the nodes'; then how fast a new, empty
 * member is rebuilt by resync (and its CPU per MiB), unthrottled and throttled, beside the disk's own
 * sequential write measured just before (the rebuild target's baseline: the
 * same bytes to a new file in resync-chunk writes, then fdatasync), and
 * whether each throttle held; last, the pgbench pair
 * (pgbench.ts): PostgreSQL on a local directory and on ext4 on a 2-replica
 * volume.
 *
 *   qemu-img / qemu-io ──NBD──▶ node A: NbdServer ─▶ ReplicatedBlockStore ─▶ SparseFileStore (a/<volume>)
 *                                                         ╚══ bulk channel (TLS) /trellis/replica/2 ══▶ node B, C: ReplicaServer ─▶ SparseFileStore
 *
 * Nodes A, B and C (volumes-node.ts) are MeshHosts (tcp · noise · yamux, as in the
 * daemon) with the daemon's split transport, replication over the bulk
 * channel (BENCH_BULK=0: over libp2p), on the V8 flags bin/launch gives the
 * daemon (BENCH_V8=default: V8's own), each in a process of its own, so no
 * node shares another's event loop; every store lives in its own subdirectory of one temp dir, so all of
 * them (and nbdkit's file) share one disk. I/O comes from real clients:
 * `qemu-img bench` for throughput and IOPS, `qemu-io write -f` (FUA) for the
 * QD1 latency, over a Unix socket to nbdkit and to the primary, as a
 * volume's clients dial it. `npm run bench -- volumes` (env BENCH_VOLUMES_NBD,
 * unix or tcp, how the clients connect; BENCH_VOLUMES_SIZE_MIB,
 * default 256; BENCH_VOLUMES_RAND_OPS, 10000; BENCH_VOLUMES_QD1_OPS, 1000;
 * BENCH_VOLUMES_REBUILD_MIB, 256; BENCH_VOLUMES_THROTTLE_MS, 6000;
 * BENCH_VOLUMES_BLOCK_KIB, the checksum block, 4 as the daemon's for new volumes;
 * BENCH_VOLUMES_WARMUP_MIB, 64: a volume on all three nodes written and read
 * untimed first, so no measured phase runs on cold code (0: none);
 * BENCH_VOLUMES_SEQ_KIB, 1024, and BENCH_VOLUMES_SEQ_DEPTH, 8: the sequential
 * phases' request size and depth (a copy onto a mounted volume arrives as
 * ~600 KiB requests one at a time);
 * BENCH_VOLUMES_PGBENCH_S, 30, seconds of each pgbench run;
 * BENCH_VOLUMES_PGBENCH_ROUNDS, 3, runs of each side, taking turns;
 * BENCH_VOLUMES_PGBENCH_CLIENTS, 2, and BENCH_VOLUMES_PGBENCH_REPLICAS, 2 or
 * 1, the volume's copies (other settings than 2 and 2 are measured, not judged);
 * BENCH_VOLUMES_COPY_MIB, 256, the file copied onto each side's filesystem first;
 * BENCH_VOLUMES_PGBENCH_MIB, 1024, its volume; BENCH_VOLUMES_PGBENCH:
 * on, off, or only (the pgbench pair alone; with _S=5 a quick smoke));
 * BENCH_VOLUMES_PROFILE=<dir>: a CPU profile of every node during one
 * phase, written there as <node>.cpuprofile (with BENCH_VOLUMES_PROFILE_ALLOC=1
 * also what it allocated, V8's sampling heap profiler with dead objects
 * included, as <node>.heapprofile: it slows the phase); BENCH_VOLUMES_PROFILE_PHASE,
 * rand (the random writes, default), seq (the sequential writes), rebuild
 * (the unthrottled one) or pgbench (the volume's first pgbench run: the
 * primary and its member); BENCH_VOLUMES_PROFILE_REPLICAS, whose phase at 1,
 * 2 (default) or 3 replicas).
 */
import { execFile, fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectNbd, type Target } from '../daemon/volumes/nbd/client.ts'
import { nbdProtocol as C } from '../../daemon/volumes/nbd/index.ts'
import { DEFAULT_BLOCK_SIZE } from '../../daemon/volumes/block/index.ts'
import { startNbdkitFile } from './nbdkit.ts'
import { cpuNs, ioCalls, loopSwitches, switches } from './proc-threads.ts'
import type { Command, Message, Peer } from './volumes-node.ts'
import { PGBENCH_CLIENTS, PGBENCH_REPLICAS, pgbenchPair, pgbenchTarget, type PgbenchPair } from './pgbench.ts'
import { quantile, replies, stopChildren } from './stats.ts'
import { onProcessEnd } from '../helpers/process-end.ts'
import { ensureDebian } from '../helpers/debian.ts'
import { benchNodeExecArgv, benchNodeV8 } from '../helpers/daemon-v8.ts'

const MiB = 1024 * 1024 // bytes
const SIZE = knob('BENCH_VOLUMES_SIZE_MIB', 256) * MiB // bytes per measured volume
const SEQ_BLOCK = knob('BENCH_VOLUMES_SEQ_KIB', 1024) * 1024 // bytes per sequential request
const SEQ_DEPTH = knob('BENCH_VOLUMES_SEQ_DEPTH', 8) // sequential requests in flight
const RAND_OPS = knob('BENCH_VOLUMES_RAND_OPS', 10000)
const RAND_DEPTH = 32 // random requests in flight
/**
 * qemu-img bench has no random mode, only a stride that wraps at the volume's
 * end: a prime number of 4 KiB pages is coprime with any power-of-two volume,
 * so RAND_OPS requests land on distinct pages ~32 MB apart, with no locality.
 */
const RAND_STRIDE = 7919 * 4096 // bytes
const QD1_OPS = knob('BENCH_VOLUMES_QD1_OPS', 1000)
/**
 * How the clients reach nbdkit and the primary: a Unix socket, as every
 * client of a volume does (nbdfuse mounts and QEMU's blockdev dial the
 * node's socket; a volume has no TCP export), or TCP on 127.0.0.1.
 */
const NBD_VIA = process.env.BENCH_VOLUMES_NBD ?? 'unix'
if (NBD_VIA !== 'unix' && NBD_VIA !== 'tcp') throw new Error(`BENCH_VOLUMES_NBD is unix or tcp, not '${NBD_VIA}'`)
/** Bytes of one commit's WAL write, and of the span its writes walk (overwrites, as PostgreSQL's pre-zeroed WAL segments are). */
const COMMIT_WRITE = 8192 // bytes
const COMMIT_SPAN = 1 * MiB // bytes
const REBUILD_SIZE = knob('BENCH_VOLUMES_REBUILD_MIB', 256) * MiB // bytes
/**
 * A volume on all three nodes written and read before anything is measured,
 * so that the measured phases do not pay V8's first compiles of the write
 * and replication paths (nbdkit, in C, has none to pay): without it the first
 * phase on each node ran cold (BENCH_VOLUMES_WARMUP_MIB=0, as before 2026-12-05).
 */
const WARMUP_SIZE = knob('BENCH_VOLUMES_WARMUP_MIB', 64, true) * MiB // bytes
/** How long a resync under a throttle below the copy speed runs before it is aborted and its rate read. */
const THROTTLE_CHECK_MS = knob('BENCH_VOLUMES_THROTTLE_MS', 6000)
/** Samples of each fdatasync baseline, taken right before the QD1 run it is set against (the disk is shared and its mood changes). */
const SYNC_SAMPLES = 300
/** Cores the nodes share, for the bound their CPU per MiB puts on a rate. */
const CORES = availableParallelism()
/** MiB per second the machine's cores allow when every MiB costs the nodes `msPerMiB` of CPU between them. */
const cpuCap = (msPerMiB: number): number => CORES * 1000 / msPerMiB
/** Checksum block of every store; the daemon creates volumes with the default (4 KiB; 64 KiB before). */
const BLOCK_KIB = knob('BENCH_VOLUMES_BLOCK_KIB', DEFAULT_BLOCK_SIZE / 1024)
const BLOCK_SIZE = BLOCK_KIB * 1024 // bytes
/** Longest one client run may take before the bench gives up on it. */
const CLIENT_TIMEOUT = 300_000 // ms
const PGBENCH_MODE = process.env.BENCH_VOLUMES_PGBENCH ?? 'on'
if (!['on', 'off', 'only'].includes(PGBENCH_MODE)) throw new Error(`BENCH_VOLUMES_PGBENCH must be on, off or only, not ${PGBENCH_MODE}`)
const PGBENCH_SECONDS = knob('BENCH_VOLUMES_PGBENCH_S', 30)
const PGBENCH_ROUNDS = knob('BENCH_VOLUMES_PGBENCH_ROUNDS', 3)
const PGBENCH_CLIENT_COUNT = knob('BENCH_VOLUMES_PGBENCH_CLIENTS', PGBENCH_CLIENTS)
/** Copies of the pgbench volume: 2 (the target's), or 1 (the primary alone: what replication costs, by difference). */
const PGBENCH_REPLICA_COUNT = knob('BENCH_VOLUMES_PGBENCH_REPLICAS', PGBENCH_REPLICAS)
if (![1, 2].includes(PGBENCH_REPLICA_COUNT)) throw new Error(`BENCH_VOLUMES_PGBENCH_REPLICAS must be 1 or 2, not ${PGBENCH_REPLICA_COUNT}`)
const PGBENCH_SIZE = knob('BENCH_VOLUMES_PGBENCH_MIB', 1024) * MiB // bytes
/** The file copied onto each side's filesystem before the pgbench rounds: it must fit beside PostgreSQL's data on the volume. */
const COPY_SIZE = knob('BENCH_VOLUMES_COPY_MIB', 256) * MiB // bytes
const PROFILE_DIR = process.env.BENCH_VOLUMES_PROFILE
const PROFILE_PHASE = process.env.BENCH_VOLUMES_PROFILE_PHASE ?? 'rand'
const PROFILE_ALLOC = process.env.BENCH_VOLUMES_PROFILE_ALLOC === '1'
if (!['rand', 'seq', 'rebuild', 'pgbench'].includes(PROFILE_PHASE)) throw new Error(`BENCH_VOLUMES_PROFILE_PHASE must be rand, seq, rebuild or pgbench, not ${PROFILE_PHASE}`)
const PROFILE_REPLICAS = knob('BENCH_VOLUMES_PROFILE_REPLICAS', 2)

const reply = replies<Message>()

const poolSize = process.env.UV_THREADPOOL_SIZE
// Six fdatasyncs at once for the floor baseline need six threads; set before this process's first threadpool job. The nodes keep the default.
process.env.UV_THREADPOOL_SIZE = '8'
await main()

// ───────────────────────────── the clients and the report ─────────────────────────────

/** A positive integer from the environment, or the default; anything else stops the bench before it starts. */
function knob (name: string, fallback: number, zero = false): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isSafeInteger(value) || value < (zero ? 0 : 1)) throw new Error(`${name} must be a ${zero ? 'non-negative' : 'positive'} integer, not ${process.env[name]}`)
  return value
}

/** Runs a client and resolves with its stdout; its stdin is closed, since qemu-io given no command would wait there for one. */
async function run (command: string, args: string[]): Promise<string> {
  return await new Promise((resolve, reject) => {
    const child = execFile(command, args, { maxBuffer: 64 * MiB, timeout: CLIENT_TIMEOUT }, (err, stdout, stderr) => {
      if (err !== null) reject(new Error(`${command} failed: ${err.message} ${stderr}`))
      else resolve(stdout)
    })
    child.stdin?.end()
  })
}

interface Figures {
  seqWrite: number
  seqRead: number
  randWrite: number
  randRead: number
  /** ms of each QD1 FUA write. */
  qd1: number[]
  /** ms of each QD1 write without FUA: the path without the syncs. */
  plain: number[]
  /** ms of a 4 KiB write + fdatasync of one file, just before qd1. */
  sync: number[]
  /** ms of the same on as many files at once as this target's FUA write syncs (its same-disk floor), just before qd1. */
  floor: number[]
  floorFiles: number
  /** ms of each QD1 commit's 8 KiB write, and of the flush after it (see commits()). */
  commitWrite: number[]
  commitFlush: number[]
  /** µs of CPU (all threads) each server process spent per commit: nbdkit's, or the nodes' a, b, c. */
  commitCpu: number[]
  /** Per commit, how often each server process's threads were switched to: its loop's wake-ups and its pool's (nbdkit: its threads'). */
  commitSwitches: number[]
  /** µs of CPU (all threads) each node process spent per 4 KiB random write, a, b, c; absent for nbdkit. */
  randWriteCpu?: number[]
  /** Per 4 KiB random write, each node process's read and write system calls and its event loop's wake-ups, a, b, c; absent for nbdkit. */
  randWriteCalls?: Array<{ reads: number, writes: number, wakeups: number }>
  /** ms of CPU (all threads) each node process spent per MiB of the sequential write and its flush, a, b, c; absent for nbdkit. */
  seqWriteCpu?: number[]
}
/** A node process's system calls and its event loop's wake-ups so far (or per write, as a difference). */
interface Calls { reads: number, writes: number, wakeups: number }
/** A server process's CPU so far, ns (all threads), and how often its threads were switched to. */
interface Server { cpu: number, switches: number }
/**
 * What measure() reads around its phases: `servers`, the server processes
 * (nbdkit, or the nodes), around the QD1 commits; the rest, the nodes only
 * (`profile` starts and stops a CPU profile of a phase).
 */
interface Probes {
  servers: () => Server[]
  profile?: (phase: string, start: boolean) => Promise<void>
  cpu?: () => number[]
  calls?: () => Calls[]
}
/** One resync: `limit`, the throttle it ran under (bytes per second), if any; `cpu`, ms of CPU each node process spent per MiB copied (the unthrottled one). */
interface Rebuild { label: string, bytes: number, ms: number, limit?: number, cpu?: number[] }
/** The resyncs, their chunk, and the disk's own sequential write measured just before them. */
interface Rebuilds { runs: Rebuild[], chunkBytes: number, diskBytesPerSecond: number }

async function main (): Promise<void> {
  ensureDebian([{ command: 'qemu-img', pkg: 'qemu-utils' }, { command: 'qemu-io', pkg: 'qemu-utils' }, { command: 'nbdkit', pkg: 'nbdkit' }], 'the volumes bench')
  const root = await mkdtemp(join(tmpdir(), 'trellis-bench-volumes-'))
  const nodes: ChildProcess[] = []
  let kit: ChildProcess | undefined
  // A crash of this process, or a signal, must not leave nodes, nbdkit or their files behind.
  const kill = (): void => {
    for (const c of [...nodes, kit]) if (c !== undefined && c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    rmSync(root, { recursive: true, force: true })
  }
  onProcessEnd(kill)
  try {
    process.stdout.write(`volume ${SIZE / MiB} MiB, checksum block ${BLOCK_KIB} KiB; sequential ${SEQ_BLOCK / 1024} KiB × QD${SEQ_DEPTH}, writes flushed at the end; ` +
      `4 KiB × ${RAND_OPS} at QD${RAND_DEPTH} at a prime stride; QD1 4 KiB writes × ${QD1_OPS} with FUA, then without; clients qemu-img bench and qemu-io over ${NBD_VIA === 'unix' ? 'a Unix socket (as every client of a volume; BENCH_VOLUMES_NBD=tcp for TCP)' : 'TCP on 127.0.0.1'}\n`)
    process.stdout.write(`nodes: 3 processes on 127.0.0.1 on ${benchNodeV8()}, replication over ${process.env.BENCH_BULK === '0' ? 'libp2p (tcp · noise · yamux)' : 'the bulk channel (TLS 1.3)'}; every store under ${root}\n`)

    const results: Array<{ label: string, f: Figures }> = []
    if (PGBENCH_MODE !== 'only') {
      const started = await startNbdkitFile(root, SIZE, NBD_VIA === 'unix' ? join(root, 'nbdkit.sock') : undefined)
      kit = started.child
      // nbdkit's FUA is one fdatasync of one file.
      const kitPid = kit.pid!
      // Read while the commits' connection is open: nbdkit's threads for it end with it, and a thread that ended is no longer counted.
      results.push({ label: 'nbdkit file', f: await measure('nbdkit file', root, started.target, 'vol', 1, { servers: () => [{ cpu: cpuNs(kitPid), switches: switches(kitPid) }] }) })
      kit.kill('SIGTERM')
    }

    const gridKey = (await import('../../daemon/mesh/index.ts')).GridKey.create()
    const env: NodeJS.ProcessEnv = { ...process.env, BENCH_GRID_KEY: Buffer.from(gridKey.encode()).toString('base64') }
    if (poolSize === undefined) delete env.UV_THREADPOOL_SIZE
    else env.UV_THREADPOOL_SIZE = poolSize
    const peers: Peer[] = []
    for (const name of ['a', 'b', 'c']) {
      const child = fork(join(import.meta.dirname, 'volumes-node.ts'), [name], { env, stdio: 'inherit', execArgv: benchNodeExecArgv() })
      nodes.push(child)
      const ready = await reply(child, 'ready')
      peers.push({ peerId: ready.peerId, address: ready.address })
    }
    const [a, ...others] = nodes as [ChildProcess, ChildProcess, ChildProcess]
    const rebuilds = PGBENCH_MODE === 'only' ? undefined : await replicated(root, nodes, peers, results)
    let pair: PgbenchPair | undefined
    if (PGBENCH_MODE !== 'off') {
      pair = await pgbenchPair({
        root,
        seconds: PGBENCH_SECONDS,
        rounds: PGBENCH_ROUNDS,
        sizeBytes: PGBENCH_SIZE,
        copyBytes: COPY_SIZE,
        clients: PGBENCH_CLIENT_COUNT,
        replicas: PGBENCH_REPLICA_COUNT,
        aroundVolumeRun: async start => { await profiler(nodes)('pgbench', start) },
        makeVolume: async (socket, size) => {
          const member = PGBENCH_REPLICA_COUNT > 1
          if (member) await ask(others[0]!, { kind: 'replica', volume: 'pg', dir: join(root, 'b', 'pg'), size, blockSize: BLOCK_SIZE })
          await ask(a, { kind: 'primary', volume: 'pg', dir: join(root, 'a', 'pg'), size, blockSize: BLOCK_SIZE, members: member ? [peers[1]!] : [], socket })
          const counters = async (): Promise<Record<string, number>> => {
            const p = (await ask(a, { kind: 'counters', volume: 'pg' })).counters!
            const r = member ? (await ask(others[0]!, { kind: 'counters', volume: 'pg' })).counters! : undefined
            // A replica flushes for a flush request or a sync soon (protocol 2): the second, after a commit's write, spares its flush the crossing.
            const replica: Record<string, number> = r === undefined ? {} : { 'replica flush': r['store flush']!, 'of which syncs soon': r['sync soon']!, 'replica fdatasync': r['store fdatasync']! }
            // The primary's own time in its writes and flushes: what of a transaction's latency the volume itself takes;
            // and the CPU the node processes spent (all threads), which the database, pgbench and the mount chain contend with.
            const cpuUs = { 'primary CPU µs': cpuNs(a.pid!) / 1000, ...(member ? { 'replica CPU µs': cpuNs(others[0]!.pid!) / 1000 } : {}) }
            return { 'NBD write': p['NBD write']!, 'NBD flush': p['NBD flush']!, 'primary fdatasync': p['store fdatasync']!, ...replica, 'primary ms in writes': p['write ms']!, 'in flushes': p['flush ms']!, ...cpuUs }
          }
          return { exportName: 'pg', counters }
        }
      })
    }

    if (rebuilds !== undefined) report(results, rebuilds)
    if (pair !== undefined) process.stdout.write(`\ntarget, pgbench pair at ${pair.replicas} replica${pair.replicas === 1 ? '' : 's'} (${pair.method}):\n${pgbenchTarget(pair)}`)
  } finally {
    await stopChildren(nodes)
    if (kit !== undefined && kit.exitCode === null && kit.signalCode === null) {
      const exited = once(kit, 'exit')
      kit.kill('SIGTERM')
      await exited
    }
    await rm(root, { recursive: true, force: true })
  }
}

/** The throughput and QD1 figures at 1, 2 and 3 replicas (appended to results), then the rebuilds. */
async function replicated (root: string, nodes: ChildProcess[], peers: Peer[], results: Array<{ label: string, f: Figures }>): Promise<Rebuilds> {
  const { DEFAULT_RESYNC_CHUNK, DEFAULT_RESYNC_RATE } = await import('../../daemon/volumes/replica/index.ts')
  const [a, ...others] = nodes as [ChildProcess, ChildProcess, ChildProcess]
  const cpu = (): number[] => nodes.map(n => cpuNs(n.pid!))
  const calls = (): Calls[] => nodes.map(n => ({ ...ioCalls(n.pid!), wakeups: loopSwitches(n.pid!) }))
  const servers = (): Server[] => nodes.map(n => ({ cpu: cpuNs(n.pid!), switches: switches(n.pid!) }))
  if (WARMUP_SIZE > 0) await warmUp(root, a, others, peers)
  for (const replicas of [1, 2, 3]) {
    const volume = `r${replicas}`
    const members = others.slice(0, replicas - 1)
    for (const [i, m] of members.entries()) await ask(m, { kind: 'replica', volume, dir: join(root, 'bc'[i]!, volume), size: SIZE, blockSize: BLOCK_SIZE })
    const target = await primary(a, { volume, dir: join(root, 'a', volume), size: SIZE, members: peers.slice(1, replicas) }, root)
    const label = `trellis, ${replicas} replica${replicas > 1 ? 's' : ''}`
    // A FUA overwrite syncs each store's data file only (its checksum table waits for a flush): one per replica, all on this one disk.
    results.push({ label, f: await measure(label, root, target, volume, replicas, { profile: replicas === PROFILE_REPLICAS ? profiler(nodes) : undefined, cpu, calls, servers }) })
  }

  // Rebuild: a full volume on A, then an empty member on B (unthrottled), then one on C (default throttle).
  await ask(a, { kind: 'primary', volume: 'rebuild', dir: join(root, 'a', 'rebuild'), size: REBUILD_SIZE, blockSize: BLOCK_SIZE, members: [] })
  const fill = await ask(a, { kind: 'fill', volume: 'rebuild', block: SEQ_BLOCK, depth: SEQ_DEPTH })
  process.stdout.write(`rebuild volume ${REBUILD_SIZE / MiB} MiB written on A in ${fill.ms!.toFixed(0)} ms\n`)
  const diskBytesPerSecond = await diskSequentialWrite(root, REBUILD_SIZE, DEFAULT_RESYNC_CHUNK)
  const rebuilds: Rebuild[] = []
  for (const [i, throttle] of [0, undefined].entries()) {
    const to = others[i]!
    await ask(to, { kind: 'replica', volume: 'rebuild', dir: join(root, 'bc'[i]!, 'rebuild'), size: REBUILD_SIZE, blockSize: BLOCK_SIZE })
    if (throttle === 0) await profiler(nodes)('rebuild', true)
    const cpu0 = cpu()
    const r = await ask(a, { kind: 'resync', volume: 'rebuild', to: peers[i + 1]!, bytesPerSecond: throttle })
    const perMiB = cpu().map((ns, k) => (ns - cpu0[k]!) / 1e6 / (r.bytes! / MiB))
    if (throttle === 0) await profiler(nodes)('rebuild', false)
    rebuilds.push({ label: throttle === 0 ? 'unthrottled (bytesPerSecond: 0)' : `default throttle (${DEFAULT_RESYNC_RATE / MiB} MiB/s)`, bytes: r.bytes!, ms: r.ms!, ...(throttle === 0 ? { cpu: perMiB } : { limit: DEFAULT_RESYNC_RATE }) })
  }
  // The default throttle only shows when the copy can outrun it; when it cannot, check that a throttle at half the copy speed holds.
  const copyRate = rebuilds[0]!.bytes / (rebuilds[0]!.ms / 1000) // bytes per second
  if (copyRate < DEFAULT_RESYNC_RATE) {
    const half = Math.max(MiB, Math.round(copyRate / 2 / MiB) * MiB)
    await ask(a, { kind: 'primary', volume: 'throttle', dir: join(root, 'a', 'throttle'), size: REBUILD_SIZE, blockSize: BLOCK_SIZE, members: [] })
    await ask(a, { kind: 'fill', volume: 'throttle', block: SEQ_BLOCK, depth: SEQ_DEPTH })
    await ask(others[0]!, { kind: 'replica', volume: 'throttle', dir: join(root, 'b', 'throttle'), size: REBUILD_SIZE, blockSize: BLOCK_SIZE })
    const r = await ask(a, { kind: 'resync', volume: 'throttle', to: peers[1]!, bytesPerSecond: half, abortAfterMs: THROTTLE_CHECK_MS })
    rebuilds.push({ label: `throttle at ${half / MiB} MiB/s (half the copy speed; aborted after ${THROTTLE_CHECK_MS / 1000} s)`, bytes: r.bytes!, ms: r.ms!, limit: half })
  }

  return { runs: rebuilds, chunkBytes: DEFAULT_RESYNC_CHUNK, diskBytesPerSecond }
}

/**
 * The disk's sequential write, as a rebuild's member writes: `bytes` to a
 * fresh file on the same disk in `chunk`-sized writes, then one fdatasync
 * (a resync's time ends at the member's final flush); bytes per second.
 */
async function diskSequentialWrite (root: string, bytes: number, chunk: number): Promise<number> {
  const path = join(root, 'disk-sequential')
  const fh = await open(path, 'w')
  try {
    const buf = Buffer.alloc(chunk, 0x5a)
    const t0 = performance.now()
    for (let at = 0; at < bytes; at += chunk) await fh.write(buf, 0, Math.min(chunk, bytes - at), at)
    await fh.datasync()
    return bytes / ((performance.now() - t0) / 1000)
  } finally {
    await fh.close()
    await rm(path, { force: true })
  }
}

/** Starts or stops a CPU profile of every node, for the phase BENCH_VOLUMES_PROFILE_PHASE names (a no-op for any other, or without BENCH_VOLUMES_PROFILE). */
function profiler (nodes: ChildProcess[]): (phase: string, start: boolean) => Promise<void> {
  return async (phase, start) => {
    if (PROFILE_DIR === undefined || phase !== PROFILE_PHASE) return
    for (const [i, n] of nodes.entries()) await ask(n, { kind: 'profile', start, file: join(PROFILE_DIR, `${'abc'[i]!}.cpuprofile`), allocations: PROFILE_ALLOC })
  }
}

function report (results: Array<{ label: string, f: Figures }>, rebuilds: Rebuilds): void {
  const us = (ms: number): string => (ms * 1000).toFixed(0)
  const pct = (a: number, b: number): string => `${(100 * a / b).toFixed(0)} %`
  const plus = (a: number[], b: number[], q: number): string => { const d = quantile(a, q) - quantile(b, q); return `${d < 0 ? '−' : '+'}${us(Math.abs(d))}` }
  const base = results[0]!.f
  const cols = ['seq write MB/s', 'seq read MB/s', '4K rand write IOPS', '4K rand read IOPS', 'QD1 FUA write p50 µs', 'p99 µs', 'QD1 write without FUA p50 µs']
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |\n`
  let out = '\n' + row(['', ...cols]) + row(['---', ...cols.map(() => '---:')])
  out += row(['write+fdatasync 4 KiB, one file (all samples)', '', '', '', '', us(quantile(results.flatMap(r => r.f.sync), 0.5)), us(quantile(results.flatMap(r => r.f.sync), 0.99)), ''])
  for (const { label, f } of results.slice(1)) {
    out += row([`same-disk floor for ${label.replace('trellis, ', '')}: write+fdatasync of ${f.floorFiles} files at once`, '', '', '', '', us(quantile(f.floor, 0.5)), us(quantile(f.floor, 0.99)), ''])
  }
  for (const { label, f } of results) {
    out += row([label, f.seqWrite.toFixed(0), f.seqRead.toFixed(0), f.randWrite.toFixed(0), f.randRead.toFixed(0), us(quantile(f.qd1, 0.5)), us(quantile(f.qd1, 0.99)), us(quantile(f.plain, 0.5))])
  }
  out += row(['nbdkit file: QD1 over its fdatasync', '', '', '', '', plus(base.qd1, base.sync, 0.5), plus(base.qd1, base.sync, 0.99), ''])
  for (const { label, f } of results.slice(1)) {
    out += row([`${label} / nbdkit; QD1 over its fdatasync (over its floor)`, pct(f.seqWrite, base.seqWrite), pct(f.seqRead, base.seqRead), pct(f.randWrite, base.randWrite), pct(f.randRead, base.randRead),
      `${plus(f.qd1, f.sync, 0.5)} (${plus(f.qd1, f.floor, 0.5)})`, `${plus(f.qd1, f.sync, 0.99)} (${plus(f.qd1, f.floor, 0.99)})`, `${plus(f.plain, base.plain, 0.5)} over nbdkit`])
  }
  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length
  const ms = (v: number[]): string => `${quantile(v, 0.5).toFixed(2)} / ${mean(v).toFixed(2)}`
  out += '\n' + row(['one commit at QD1 (8 KiB write, then flush), ms', 'write p50 / mean', 'flush p50 / mean', 'commit p50 / mean', 'CPU µs per commit (nbdkit, or A / B / C)', 'threads woken per commit'])
  out += row(['---', '---:', '---:', '---:', '---:', '---:'])
  const per = (v: number[], digits: number): string => v.map(x => x.toFixed(digits)).join(' / ')
  for (const { label, f } of results) {
    out += row([label, ms(f.commitWrite), ms(f.commitFlush), ms(f.commitWrite.map((w, i) => w + f.commitFlush[i]!)), per(f.commitCpu, 0), per(f.commitSwitches, 2)])
  }
  // What a write costs, beside the rate: both move between runs on a shared machine, compare over alternated pairs.
  out += '\n' + row(['CPU per 4 KiB random write, µs (all threads of each node process)', 'A (primary)', 'B', 'C', 'sum'])
  out += row(['---', '---:', '---:', '---:', '---:'])
  for (const { label, f } of results) {
    if (f.randWriteCpu !== undefined) out += row([label, ...f.randWriteCpu.map(v => v.toFixed(0)), f.randWriteCpu.reduce((a, b) => a + b, 0).toFixed(0)])
  }
  out += '\n' + row(['per 4 KiB random write: read / write system calls, event-loop wake-ups', 'A (primary)', 'B', 'C'])
  out += row(['---', '---:', '---:', '---:'])
  for (const { label, f } of results) {
    if (f.randWriteCalls !== undefined) out += row([label, ...f.randWriteCalls.map(c => `${c.reads.toFixed(2)} / ${c.writes.toFixed(2)}, ${c.wakeups.toFixed(2)}`)])
  }
  // The bound the nodes' own CPU puts on the rate, whatever else the machine runs: what the sequential target asks of this machine.
  out += '\n' + row(['CPU per MiB of sequential write and its flush, ms (all threads of each node process)', 'A (primary)', 'B', 'C', 'sum', `the sum alone caps it at, MB/s (${CORES} cores)`])
  out += row(['---', '---:', '---:', '---:', '---:', '---:'])
  for (const { label, f } of results) {
    if (f.seqWriteCpu === undefined) continue
    const sum = f.seqWriteCpu.reduce((a, b) => a + b, 0)
    out += row([label, ...f.seqWriteCpu.map(v => v.toFixed(2)), sum.toFixed(2), (cpuCap(sum) * MiB / 1e6).toFixed(0)])
  }
  process.stdout.write(out)

  const two = results.find(r => r.label.startsWith('trellis, 2'))!.f
  const verdict = (ok: boolean): string => ok ? 'met' : 'MISSED'
  const added = quantile(two.qd1, 0.5) - quantile(two.sync, 0.5)
  process.stdout.write('\ntargets, 2 replicas:\n' +
    `  QD1 4 KiB FUA write p50 ≤ fdatasync + 0.3 ms: ${added < 0 ? '−' : '+'}${Math.abs(added).toFixed(3)} ms, ${verdict(added <= 0.3)}\n` +
    `  4 KiB random write ≥ 50 % of nbdkit: ${pct(two.randWrite, base.randWrite)}, ${verdict(two.randWrite >= 0.5 * base.randWrite)}\n` +
    `  sequential write ≥ 70 % of nbdkit: ${pct(two.seqWrite, base.seqWrite)}, ${verdict(two.seqWrite >= 0.7 * base.seqWrite)}\n` +
    `  sequential read ≥ 70 % of nbdkit: ${pct(two.seqRead, base.seqRead)}, ${verdict(two.seqRead >= 0.7 * base.seqRead)}\n`)
  process.stdout.write(`\nrebuild of an empty member, ${REBUILD_SIZE / MiB} MiB volume written end to end on the primary (its page cache still holds it):\n`)
  const rate = (r: Rebuild): number => r.bytes / (r.ms / 1000) // bytes per second
  for (const r of rebuilds.runs) {
    process.stdout.write(`  ${r.label}: ${(r.bytes / MiB).toFixed(0)} MiB copied in ${(r.ms / 1000).toFixed(2)} s, ${(rate(r) / MiB).toFixed(1)} MiB/s\n`)
    if (r.cpu === undefined) continue
    const sum = r.cpu.reduce((a, b) => a + b, 0)
    process.stdout.write(`    CPU per MiB copied (all threads of each node process): A (source) ${r.cpu[0]!.toFixed(2)} ms, B (member) ${r.cpu[1]!.toFixed(2)} ms, C ${r.cpu[2]!.toFixed(2)} ms; the sum alone caps it at ${cpuCap(sum).toFixed(0)} MiB/s on ${CORES} cores\n`)
  }
  const disk = rebuilds.diskBytesPerSecond
  const free = rebuilds.runs[0]!
  process.stdout.write(`  the disk's sequential write just before (${REBUILD_SIZE / MiB} MiB to a new file on the same disk in ${rebuilds.chunkBytes / MiB} MiB writes, then fdatasync): ${(disk / MiB).toFixed(1)} MiB/s\n` +
    `targets, rebuild:\n  unthrottled ≥ 70 % of the disk's sequential write: ${pct(rate(free), disk)}, ${verdict(rate(free) >= 0.7 * disk)}\n`)
  for (const r of rebuilds.runs.filter(r => r.limit !== undefined)) {
    // A pipelined copy runs up to its chunks in flight ahead of what its throttle has paid for.
    const allowed = r.limit! * r.ms / 1000 + 2 * rebuilds.chunkBytes
    process.stdout.write(`  throttle honoured, ${r.label}: ${(r.bytes / MiB).toFixed(1)} MiB copied, at most ${(allowed / MiB).toFixed(1)} allowed (its rate × its time + 2 chunks in flight), ${verdict(r.bytes <= allowed)}\n`)
  }
}

/** Untimed: sequential writes and reads and random writes on a volume with every node a member, then it is left alone. */
async function warmUp (root: string, a: ChildProcess, members: ChildProcess[], peers: Peer[]): Promise<void> {
  const volume = 'warm'
  for (const [i, m] of members.entries()) await ask(m, { kind: 'replica', volume, dir: join(root, 'bc'[i]!, volume), size: WARMUP_SIZE, blockSize: BLOCK_SIZE })
  const target = await primary(a, { volume, dir: join(root, 'a', volume), size: WARMUP_SIZE, members: peers.slice(1) }, root)
  const url = nbdUrl(target, volume)
  const t0 = performance.now()
  const seq = ['-c', String(Math.floor(WARMUP_SIZE / SEQ_BLOCK)), '-d', String(SEQ_DEPTH), '-s', String(SEQ_BLOCK)]
  await bench(url, ['-w', '--pattern=90', ...seq])
  await flush(target, volume)
  await bench(url, seq)
  await bench(url, ['-w', '--pattern=165', '-c', String(Math.min(RAND_OPS, 4000)), '-d', String(RAND_DEPTH), '-s', '4096', '-S', String(RAND_STRIDE)])
  await flush(target, volume)
  process.stdout.write(`warm-up: ${WARMUP_SIZE / MiB} MiB written and read on a 3-node volume, untimed (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`)
}

/** A primary for `volume` on node `a`, exported where the clients reach it (NBD_VIA). */
async function primary (a: ChildProcess, c: { volume: string, dir: string, size: number, members: Peer[] }, root: string): Promise<Target> {
  const socket = NBD_VIA === 'unix' ? join(root, `${c.volume}.sock`) : undefined
  const { port } = await ask(a, { kind: 'primary', ...c, blockSize: BLOCK_SIZE, ...(socket === undefined ? {} : { socket }) })
  return socket === undefined ? { port: port! } : { path: socket }
}

/** The URL qemu-img and qemu-io take for an export. */
function nbdUrl (target: Target, name: string): string {
  return 'path' in target ? `nbd+unix:///${encodeURIComponent(name)}?socket=${encodeURIComponent(target.path)}` : `nbd://127.0.0.1:${target.port}/${name}`
}

/** Every figure for one NBD export, in an order that leaves each step's data where the next expects it. */
async function measure (label: string, root: string, target: Target, name: string, floorFiles: number, probes: Probes): Promise<Figures> {
  const { profile, cpu, calls, servers } = probes
  const url = nbdUrl(target, name)
  // Whole requests only: qemu-img refuses a fractional count (BENCH_VOLUMES_SEQ_KIB=600, as a copy's requests come).
  const seqCount = Math.floor(SIZE / SEQ_BLOCK)
  const seqBytes = seqCount * SEQ_BLOCK
  // qemu-img bench stops its clock before a final flush is answered, so the flush is sent and timed here.
  await profile?.('seq', true)
  const seqCpu0 = cpu?.()
  const seqWrites = await bench(url, ['-w', '--pattern=90', '-c', String(seqCount), '-d', String(SEQ_DEPTH), '-s', String(SEQ_BLOCK)])
  const seqFlush = await flush(target, name)
  const seqWriteS = seqWrites + seqFlush
  const seqWriteCpu = seqCpu0 === undefined ? undefined : cpu!().map((ns, i) => (ns - seqCpu0[i]!) / 1e6 / (seqBytes / MiB))
  process.stdout.write(`${label}: sequential write ${seqWrites.toFixed(2)} s, then its flush ${seqFlush.toFixed(2)} s\n`)
  await profile?.('seq', false)
  const seqRead = seqBytes / 1e6 / await bench(url, ['-c', String(seqCount), '-d', String(SEQ_DEPTH), '-s', String(SEQ_BLOCK)])
  const rand = ['-c', String(RAND_OPS), '-d', String(RAND_DEPTH), '-s', '4096', '-S', String(RAND_STRIDE)]
  await profile?.('rand', true)
  const cpu0 = cpu?.()
  const calls0 = calls?.()
  const randWrite = RAND_OPS / await bench(url, ['-w', '--pattern=165', ...rand])
  const randWriteCpu = cpu0 === undefined ? undefined : cpu!().map((ns, i) => (ns - cpu0[i]!) / 1000 / RAND_OPS)
  const randWriteCalls = calls0 === undefined ? undefined : calls!().map((c, i) => ({ reads: (c.reads - calls0[i]!.reads) / RAND_OPS, writes: (c.writes - calls0[i]!.writes) / RAND_OPS, wakeups: (c.wakeups - calls0[i]!.wakeups) / RAND_OPS }))
  await profile?.('rand', false)
  // Untimed: the random writes' dirty pages would otherwise land on whichever step comes next.
  await flush(target, name)
  const randRead = RAND_OPS / await bench(url, rand)
  const sync = await parallelFdatasync(root, 1)
  const floor = floorFiles === 1 ? sync : await parallelFdatasync(root, floorFiles)
  const qd1 = await qd1Latency(url, true)
  const plain = await qd1Latency(url, false)
  await flush(target, name)
  process.stdout.write(`${label}: QD1 commits (8 KiB write, then flush) × ${QD1_OPS}\n`)
  const commit = await commits(target, name, servers)
  const f = { seqWrite: seqBytes / 1e6 / seqWriteS, seqRead, randWrite, randRead, qd1, plain, sync, floor, floorFiles, commitWrite: commit.write, commitFlush: commit.flush, commitCpu: commit.cpu, commitSwitches: commit.switches, randWriteCpu, randWriteCalls, seqWriteCpu }
  const p = (v: number[], q: number): string => (quantile(v, q) * 1000).toFixed(0)
  process.stdout.write(`${label}: seq write ${f.seqWrite.toFixed(0)} MB/s, seq read ${seqRead.toFixed(0)} MB/s, 4K rand write ${randWrite.toFixed(0)} IOPS, ` +
    `4K rand read ${randRead.toFixed(0)} IOPS, QD1 FUA write p50 ${p(qd1, 0.5)} µs p99 ${p(qd1, 0.99)} µs, without FUA p50 ${p(plain, 0.5)} µs ` +
    `(fdatasync just before: p50 ${p(sync, 0.5)} µs${floorFiles === 1 ? '' : `; ${floorFiles} files at once p50 ${p(floor, 0.5)} µs`})\n`)
  return f
}

/**
 * ms of each step of QD1 commits as PostgreSQL's make them on a volume (the
 * pgbench pair counts one NBD write and one flush per transaction): an 8 KiB
 * write without FUA, then a flush once it is answered, on one connection.
 */
async function commits (target: Target, name: string, servers: () => Server[]): Promise<{ write: number[], flush: number[], cpu: number[], switches: number[] }> {
  const c = await connectNbd(target, name)
  const write: number[] = []
  const flushed: number[] = []
  const page = Buffer.alloc(COMMIT_WRITE, 0x3c)
  try {
    const before = servers()
    for (let i = 0; i < QD1_OPS; i++) {
      const t0 = performance.now()
      const w = await c.request(C.NBD_CMD_WRITE, 0, (i * COMMIT_WRITE) % COMMIT_SPAN, COMMIT_WRITE, page)
      const t1 = performance.now()
      const f = await c.request(C.NBD_CMD_FLUSH, 0, 0, 0)
      const t2 = performance.now()
      if (w.error !== 0 || f.error !== 0) throw new Error(`commit ${i} failed: write ${w.error}, flush ${f.error}`)
      write.push(t1 - t0)
      flushed.push(t2 - t1)
    }
    const after = servers()
    return { write, flush: flushed, cpu: after.map((s, i) => (s.cpu - before[i]!.cpu) / 1000 / QD1_OPS), switches: after.map((s, i) => (s.switches - before[i]!.switches) / QD1_OPS) }
  } finally {
    await c.disconnect()
  }
}

/** Seconds `qemu-img bench` reports for its run (its own clock: no process start or connect). */
async function bench (url: string, args: string[]): Promise<number> {
  const stdout = await run('qemu-img', ['bench', '-f', 'raw', ...args, url])
  const m = /Run completed in ([\d.]+) seconds/.exec(stdout)
  if (m === null) throw new Error(`qemu-img bench said: ${stdout}`)
  return Number(m[1])
}

/** Seconds one NBD flush takes, on a connection of its own. */
async function flush (target: Target, name: string): Promise<number> {
  const c = await connectNbd(target, name)
  try {
    const t0 = performance.now()
    const r = await c.request(C.NBD_CMD_FLUSH, 0, 0, 0)
    if (r.error !== 0) throw new Error(`flush failed: ${r.error}`)
    return (performance.now() - t0) / 1000
  } finally {
    await c.disconnect()
  }
}

/**
 * Latency in ms of QD1 4 KiB writes, each timed by qemu-io itself (it prints
 * ops/sec, the inverse of the one op's time). Under `-t writeback` qemu sends
 * NBD_CMD_FLAG_FUA exactly on `write -f` (its default, writethrough, would
 * set it on every write), as nbdkit's log filter shows.
 */
async function qd1Latency (url: string, fua: boolean): Promise<number[]> {
  const pages = SIZE / 4096
  const args = ['-t', 'writeback', '-f', 'raw', url]
  for (let i = 0; i < QD1_OPS; i++) args.push('-c', `write ${fua ? '-f ' : ''}-P 60 ${(i * 7919 % pages) * 4096} 4k`)
  const stdout = await run('qemu-io', args)
  const out = [...stdout.matchAll(/and ([\d.]+) ops\/sec/g)].map(m => 1000 / Number(m[1]))
  if (out.length !== QD1_OPS) throw new Error(`qemu-io reported ${out.length} of ${QD1_OPS} writes: ${stdout.slice(0, 500)}`)
  return out
}

/**
 * ms until a 4 KiB pwrite + fdatasync has completed on each of n files at
 * once, over already allocated blocks as a volume's overwrites are; through
 * the threadpool, as the stores do.
 */
async function parallelFdatasync (root: string, n: number): Promise<number[]> {
  const files = await Promise.all(Array.from({ length: n }, async (_, i) => await open(join(root, `floor-${n}-${i}`), 'w')))
  try {
    const block = Buffer.alloc(4096, 7)
    await Promise.all(files.map(async fh => { await fh.write(Buffer.alloc(64 * 4096, 7), 0, 64 * 4096, 0); await fh.datasync() }))
    const out: number[] = []
    for (let i = 0; i < SYNC_SAMPLES; i++) {
      const t0 = performance.now()
      await Promise.all(files.map(async fh => { await fh.write(block, 0, block.length, (i % 64) * 4096); await fh.datasync() }))
      out.push(performance.now() - t0)
    }
    return out
  } finally {
    for (const fh of files) await fh.close()
  }
}

async function ask (child: ChildProcess, command: Command): Promise<Extract<Message, { kind: 'done' }>> {
  const answer = reply(child, 'done')
  child.send(command)
  return await answer
}
