/**
 * The pgbench pair of the volumes bench (issue 12): PostgreSQL's pgbench
 * (TPC-B-like; 2 clients, scale 5) on a local directory and on ext4 on a
 * 2-replica Trellis volume (other counts of each for comparison: the
 * target is judged on these), with the same settings, and as a third side
 * `nbdkit file` behind the same mount chain (what the chain alone costs).
 * The volumes are mounted the way the daemon mounts one for an appliance
 * (`mountVolume`: kernel nbd where /dev/nbd0 exists, else nbdfuse + loop).
 * All three servers are set up first (initdb, `pgbench -i`), then the timed
 * runs take turns, round after round, so that the shared machine's moods
 * fall on every side alike. PostgreSQL refuses to run as root, so initdb,
 * postgres and pgbench run as the `postgres` user, under a 0755 temp dir
 * beside the bench's stores (one disk for all), each server on a Unix
 * socket in a dir of its own. Before the rounds, a file is copied onto each
 * side's filesystem as a user would copy data onto a volume (`dd bs=1M
 * conv=fsync` from a file in the page cache), and removed again. Not a bench
 * of its own: `npm run bench -- volumes` runs it.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { chmod, chown, mkdir, mkdtemp, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pino } from 'pino'
import { cleanupStaleMounts, mountVolume, workPaths, type MountedVolume } from '../../daemon/volumes/mount/index.ts'
import { cpuNs } from './proc-threads.ts'
import { quantile } from './stats.ts'
import { aptInstall } from '../helpers/debian.ts'
import { releaseMounts } from '../helpers/mounts.ts'
import { onProcessEnd } from '../helpers/process-end.ts'

const MiB = 1024 * 1024 // bytes
/** pgbench's scale factor: 100 000 accounts per unit, ~15 MiB of table each. */
export const PGBENCH_SCALE = 5
/** The target's setting: 2 clients on a 2-replica volume (issue 12). */
export const PGBENCH_CLIENTS = 2
export const PGBENCH_REPLICAS = 2
/** Least share of the local directory's tps the volume must reach (issue 12). */
export const PGBENCH_TARGET = 0.5
const DEBIAN_PACKAGE = 'postgresql'
const USER = 'postgres'
/** Only names the socket file (.s.PGSQL.<port>) in each server's own dir: no TCP listener, nothing to collide with. */
const PORT = 5432
const READY_TIMEOUT = 60_000 // ms
const STOP_TIMEOUT = 30_000 // ms
const POLL = 100 // ms
/** Longest one initdb, psql or pgbench may take beyond the timed run. */
const COMMAND_TIMEOUT = 600_000 // ms

/** One timed run. */
export interface PgbenchRun {
  /** Transactions per second, without the initial connection time. */
  tps: number
  /** Average transaction latency, ms. */
  latencyMs: number
  transactions: number
  /** What the volume's counters (MakeVolume) moved by during the run, per transaction. */
  perTransaction?: Record<string, number>
}
/** One side: its runs, one per round, and their median. */
export interface PgbenchSide {
  /** Seconds `pgbench -i` took (load, vacuum, keys). */
  initS: number
  runs: PgbenchRun[]
  tps: number
}
export interface PgbenchPair {
  /** Bytes per second of the file copy onto each side's filesystem, and the copy's size. */
  copy: { bytes: number, local: number, chain: number, volume: number }
  local: PgbenchSide
  /** nbdkit file behind the same mount chain: the chain's own share of the gap. */
  chain: PgbenchSide
  volume: PgbenchSide
  seconds: number
  /** pgbench's clients, and the volume's copies (the primary's own and its replicas'). */
  clients: number
  replicas: number
  /** How the volumes became block devices. */
  method: string
}

/**
 * How the caller makes the volume: served by an NbdServer on the
 * given Unix socket; counters, if given, are read before and after each
 * timed run (e.g. NBD requests, fdatasyncs of each store).
 */
export type MakeVolume = (socket: string, sizeBytes: number) => Promise<{ exportName: string, counters?: () => Promise<Record<string, number>> }>

type Counters = () => Promise<Record<string, number>>
interface Server { label: string, child: ChildProcess, as: RunAs, initS: number, counters?: Counters, runs: PgbenchRun[] }
interface RunAs { uid: number, gid: number, env: NodeJS.ProcessEnv, cwd: string }

/**
 * Sets up pgbench on a local directory, on nbdkit file behind the mount
 * chain and on the volume makeVolume serves, then runs `rounds` rounds of
 * one timed run per side, printing each. Everything it starts or mounts is
 * undone before it returns or throws.
 */
export async function pgbenchPair (init: {
  root: string, seconds: number, rounds: number, sizeBytes: number, copyBytes: number,
  /** Makes a volume of `replicas` copies. */
  makeVolume: MakeVolume, replicas: number, clients: number
  /** Called before and after the volume's first timed run (a profile of the nodes, say). */
  aroundVolumeRun?: (start: boolean) => Promise<void>
}): Promise<PgbenchPair> {
  const { clients, replicas } = init
  const bin = ensurePostgres()
  const user = postgresUser()
  // Not under root (0700): postgres must reach its data dir, and every dir on the way must let it through.
  const top = await mkdtemp(join(tmpdir(), 'trellis-bench-pgbench-'))
  const servers: Server[] = []
  const children: ChildProcess[] = []
  const mounts: MountedVolume[] = []
  const workDirs: string[] = []
  let kit: ChildProcess | undefined
  // However the process ends (Ctrl-C, a signal, a crash): postgres and nbdkit
  // killed, mounts and loop devices released, nbdfuse stopped, nothing left
  // under top. Synchronous, as onProcessEnd needs; the finally block below
  // undoes the same in order when the pair ends normally.
  const release = onProcessEnd(() => {
    for (const c of [...children, kit]) if (c !== undefined && c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    for (const dir of [top, ...workDirs]) releaseMounts(dir)
    for (const dir of workDirs) killByPidFile(workPaths(dir).pidFile)
    rmSync(top, { recursive: true, force: true })
  })

  /** initdb in dir/pgdata, postgres on a socket of its own, `pgbench -i`, a checkpoint. */
  const start = async (label: string, name: string, dir: string, counters?: Counters): Promise<Server> => {
    const sockets = join(top, `run-${name}`)
    await mkdir(sockets)
    for (const d of [dir, sockets]) await chown(d, user.uid, user.gid)
    const data = join(dir, 'pgdata')
    const env = { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, LC_ALL: 'C', PGHOST: sockets, PGPORT: String(PORT), PGUSER: USER, PGDATABASE: 'postgres' }
    const as = { uid: user.uid, gid: user.gid, env, cwd: dir }
    await command(join(bin, 'initdb'), ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-instructions'], as)
    const logPath = join(sockets, 'postgres.log')
    const log = await open(logPath, 'w')
    let child: ChildProcess
    try {
      child = spawn(join(bin, 'postgres'), ['-D', data, '-k', sockets, '-p', String(PORT), '-c', 'listen_addresses='], { ...as, stdio: ['ignore', log.fd, log.fd] })
    } finally {
      await log.close()
    }
    children.push(child)
    await waitReady(bin, child, as, logPath)
    const t0 = performance.now()
    await command(join(bin, 'pgbench'), ['-i', '-s', String(PGBENCH_SCALE), '-q'], as)
    const initS = (performance.now() - t0) / 1000
    await checkpoint(bin, as)
    process.stdout.write(`pgbench pair: ${label} ready (pgbench -i took ${initS.toFixed(1)} s)\n`)
    const server = { label, child, as, initS, ...(counters === undefined ? {} : { counters }), runs: [] }
    servers.push(server)
    return server
  }
  const mount = async (name: string, socket: string, exportName: string): Promise<MountedVolume> => {
    const workDir = join(init.root, `mount-${name}`)
    workDirs.push(workDir)
    const m = await mountVolume({ logger: pino({ level: 'warn' }) }, { nbd: { path: socket }, exportName, workDir, target: join(top, name), sizeBytes: init.sizeBytes })
    mounts.push(m)
    return m
  }
  const via = (m: MountedVolume): string => m.method === 'kernel-nbd' ? `kernel nbd (${m.device})` : `nbdfuse + loop (${m.device})`

  try {
    await chmod(top, 0o755)
    process.stdout.write(`pgbench pair: PostgreSQL ${bin.split('/').at(-2)} as ${USER}, defaults (fsync, synchronous_commit on, wal_sync_method fdatasync, shared_buffers 128 MB); ` +
      `pgbench -i -s ${PGBENCH_SCALE}, then ${init.rounds} round${init.rounds > 1 ? 's' : ''} of -c ${clients} -j ${clients} -T ${init.seconds} on each side in turn, a checkpoint after each; all under ${tmpdir()}\n`)
    const localDir = join(top, 'local')
    await mkdir(localDir)
    const local = await start('local directory', 'local', localDir)

    const kitSocket = join(init.root, 'pgbench-nbdkit.sock')
    kit = await startNbdkitUnix(join(init.root, 'pgbench-nbdkit.img'), kitSocket, init.sizeBytes)
    const kitMount = await mount('nbdkit', kitSocket, 'vol')
    // nbdkit's CPU per transaction: the baseline for the node processes' (makeVolume's counters).
    const kitPid = kit.pid!
    const chain = await start(`nbdkit file through the same chain, ext4 through ${via(kitMount)}`, 'nbdkit', kitMount.path, async () => ({ 'nbdkit CPU µs': cpuNs(kitPid) / 1000 }))

    const socket = join(init.root, 'pg.sock')
    const made = await init.makeVolume(socket, init.sizeBytes)
    const volumeMount = await mount('volume', socket, made.exportName)
    const method = via(volumeMount)
    const volume = await start(`${replicas}-replica volume of ${init.sizeBytes / MiB} MiB, ext4 through ${method}`, 'volume', volumeMount.path, made.counters)

    const source = join(top, 'copy-source')
    await writeFile(source, copySource(init.copyBytes))
    const copy = { bytes: init.copyBytes, local: 0, chain: 0, volume: 0 }
    for (const [side, server, dir] of [['local', local, localDir], ['chain', chain, kitMount.path], ['volume', volume, volumeMount.path]] as const) {
      const before = await server.counters?.()
      const rate = copy[side] = await copyOnto(source, dir, init.copyBytes)
      const after = await server.counters?.()
      // What the copy asked of the volume: how many requests, hence how large each was.
      const moved = before === undefined || after === undefined ? undefined : countersMoved(before, after)
      const asked = moved === undefined
        ? ''
        : ` (${Object.entries(moved).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}${moved['NBD write'] === undefined ? '' : `; ${(init.copyBytes / 1024 / Math.max(1, moved['NBD write'])).toFixed(0)} KiB of the file per NBD write`})`
      process.stdout.write(`file copy onto ${server.label}: ${init.copyBytes / MiB} MiB in ${(init.copyBytes / rate).toFixed(2)} s, ${(rate / 1e6).toFixed(0)} MB/s${asked}\n`)
    }
    await rm(source)

    for (let round = 1; round <= init.rounds; round++) {
      for (const server of servers) {
        const watched = round === 1 && server === volume
        if (watched) await init.aroundVolumeRun?.(true)
        const run = await timedRun(bin, server, init.seconds, clients)
        if (watched) await init.aroundVolumeRun?.(false)
        server.runs.push(run)
        const per = run.perTransaction === undefined ? '' : `; per transaction: ${Object.entries(run.perTransaction).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`
        process.stdout.write(`pgbench round ${round}/${init.rounds} on ${server.label}: ${run.tps.toFixed(1)} tps, latency average ${run.latencyMs.toFixed(3)} ms, ${run.transactions} transactions${per}\n`)
      }
    }
    const summary = (s: Server): PgbenchSide => ({ initS: s.initS, runs: s.runs, tps: quantile(s.runs.map(r => r.tps), 0.5) })
    return { copy, local: summary(local), chain: summary(chain), volume: summary(volume), seconds: init.seconds, clients, replicas, method }
  } finally {
    await Promise.all(children.map(stopProcess))
    for (const m of mounts.reverse()) await m.unmount().catch(err => { process.stderr.write(`pgbench pair: unmount failed (${(err as Error).message}); unmounting lazily\n`) })
    // Lazily unmounts and detaches whatever a failed unmount (or a failure half-way through a mount) left.
    for (const dir of workDirs) await cleanupStaleMounts(dir)
    if (kit !== undefined) await stopProcess(kit)
    await rm(top, { recursive: true, force: true })
    release()
  }
}

/** The target lines for the volumes bench's report: medians over the rounds. */
export function pgbenchTarget (pair: PgbenchPair): string {
  const pct = (a: number, b: number): string => `${(100 * a / b).toFixed(0)} %`
  const ratio = pair.volume.tps / pair.local.tps
  const rounds = pair.local.runs.length
  const perRound = rounds === 1 ? '' : ` (rounds: ${pair.volume.runs.map((r, i) => pct(r.tps, pair.local.runs[i]!.tps)).join(', ')})`
  // Another setting is measured, not judged: the target is for 2 clients on a 2-replica volume.
  const judged = pair.clients === PGBENCH_CLIENTS && pair.replicas === PGBENCH_REPLICAS
  const verdict = judged ? (ratio >= PGBENCH_TARGET ? 'met' : 'MISSED') : `not judged (the target is for ${PGBENCH_CLIENTS} clients on a ${PGBENCH_REPLICAS}-replica volume)`
  return `  pgbench (${pair.clients} client${pair.clients === 1 ? '' : 's'}, scale ${PGBENCH_SCALE}, ${pair.replicas}-replica volume, ${pair.seconds} s${rounds === 1 ? '' : `, median of ${rounds} rounds`}) ≥ ${PGBENCH_TARGET * 100} % of a local directory: ` +
    `${pair.volume.tps.toFixed(0)} / ${pair.local.tps.toFixed(0)} tps = ${pct(pair.volume.tps, pair.local.tps)}${perRound}, ${verdict}\n` +
    `  (the mount chain alone, nbdkit file behind it: ${pair.chain.tps.toFixed(0)} tps = ${pct(pair.chain.tps, pair.local.tps)} of local; the volume is ${pct(pair.volume.tps, pair.chain.tps)} of that)\n` +
    `  file copy of ${pair.copy.bytes / MiB} MiB onto the filesystem (dd bs=1M conv=fsync): local ${(pair.copy.local / 1e6).toFixed(0)} MB/s, ` +
    `through the chain ${(pair.copy.chain / 1e6).toFixed(0)} MB/s, the volume ${(pair.copy.volume / 1e6).toFixed(0)} MB/s = ${pct(pair.copy.volume, pair.copy.local)} of local (no target)\n`
}

/** `bytes` that neither compress nor repeat per 4 KiB: each page its offset, the rest of it one random MiB. */
function copySource (bytes: number): Buffer {
  const random = randomBytes(MiB)
  const out = Buffer.allocUnsafe(bytes)
  for (let at = 0; at < bytes; at += MiB) random.copy(out, at, 0, Math.min(MiB, bytes - at))
  for (let at = 0; at < bytes; at += 4096) out.writeUInt32BE(at >>> 0, at)
  return out
}

/** Copies source into dir with dd (1 MiB blocks, synced at the end), removes the copy, and returns bytes per second. */
async function copyOnto (source: string, dir: string, bytes: number): Promise<number> {
  const target = join(dir, 'copy')
  const t0 = performance.now()
  await command('dd', [`if=${source}`, `of=${target}`, 'bs=1M', 'conv=fsync', 'status=none'], {})
  const rate = bytes / ((performance.now() - t0) / 1000)
  await rm(target)
  await command('sync', ['-f', dir], {})
  return rate
}

/** One `pgbench -T` on a server set up by start, then a checkpoint so that its dirty pages do not land on the next side's run. */
async function timedRun (bin: string, server: Server, seconds: number, clients: number): Promise<PgbenchRun> {
  const before = await server.counters?.()
  const out = await command(join(bin, 'pgbench'), ['-c', String(clients), '-j', String(clients), '-T', String(seconds)], server.as)
  const after = await server.counters?.()
  await checkpoint(bin, server.as)
  const tps = /^tps = ([\d.]+) \(without initial connection time\)/m.exec(out)
  const latency = /^latency average = ([\d.]+) ms/m.exec(out)
  const processed = /^number of transactions actually processed: (\d+)/m.exec(out)
  if (tps === null || latency === null || processed === null) throw new Error(`pgbench said: ${out}`)
  const transactions = Number(processed[1])
  const perTransaction = before === undefined || after === undefined
    ? undefined
    : Object.fromEntries(Object.entries(countersMoved(before, after)).map(([k, v]) => [k, v / transactions]))
  return { tps: Number(tps[1]), latencyMs: Number(latency[1]), transactions, ...(perTransaction === undefined ? {} : { perTransaction }) }
}

/** How far each counter moved between two readings. */
function countersMoved (before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map(k => [k, after[k]! - (before[k] ?? 0)]))
}

async function checkpoint (bin: string, as: RunAs): Promise<void> {
  await command(join(bin, 'psql'), ['-q', '-c', 'CHECKPOINT'], as)
}

/** nbdkit's file plugin on a sparse image, export "vol", on a Unix socket (the mount chain dials one); resolves once it listens. */
async function startNbdkitUnix (image: string, socket: string, size: number): Promise<ChildProcess> {
  await writeFile(image, '')
  await truncate(image, size)
  const child = spawn('nbdkit', ['-f', '-U', socket, '-e', 'vol', 'file', image], { stdio: 'ignore' })
  const deadline = Date.now() + READY_TIMEOUT
  while (!await stat(socket).then(s => s.isSocket(), () => false)) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) throw new Error(`nbdkit did not listen on ${socket}`)
    await sleep(POLL)
  }
  return child
}

/** PostgreSQL's bin dir, newest major first; installs Debian's package when no server with pgbench is there. */
function ensurePostgres (): string {
  const found = postgresBin()
  if (found !== undefined) return found
  if (process.getuid?.() !== 0) throw new Error(`PostgreSQL is not installed (Debian: ${DEBIAN_PACKAGE}); run as root to let the bench install it`)
  process.stdout.write(`pgbench pair: PostgreSQL server and pgbench not found; installing the Debian package ${DEBIAN_PACKAGE}: apt-get install -y --no-install-recommends ${DEBIAN_PACKAGE}\n`)
  aptInstall([DEBIAN_PACKAGE])
  const bin = postgresBin()
  if (bin === undefined) throw new Error(`${DEBIAN_PACKAGE} installed, yet no /usr/lib/postgresql/<major>/bin with postgres, initdb and pgbench`)
  return bin
}

function postgresBin (): string | undefined {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root) ? readdirSync(root).filter(d => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : []
  return majors.map(m => join(root, m, 'bin')).find(bin => ['postgres', 'initdb', 'pgbench', 'pg_isready', 'psql'].every(c => existsSync(join(bin, c))))
}

function postgresUser (): { uid: number, gid: number } {
  const id = (flag: string): number => {
    const r = spawnSync('id', [flag, USER], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`no ${USER} user (Debian's ${DEBIAN_PACKAGE} creates it): ${r.stderr}`)
    return Number(r.stdout.trim())
  }
  return { uid: id('-u'), gid: id('-g') }
}

async function waitReady (bin: string, server: ChildProcess, as: RunAs, logPath: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT
  while (spawnSync(join(bin, 'pg_isready'), ['-q'], as).status !== 0) {
    if (server.exitCode !== null || server.signalCode !== null || Date.now() > deadline) {
      throw new Error(`postgres did not start: ${(await readFile(logPath, 'utf8').catch(() => '')).slice(-2000)}`)
    }
    await sleep(POLL)
  }
}

/** SIGINT (postgres: fast shutdown; nbdkit: exit), SIGKILL if it outlasts the bound. */
async function stopProcess (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGINT')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT)
  await exited
  clearTimeout(timer)
}

async function command (file: string, args: string[], options: object): Promise<string> {
  return await new Promise((resolve, reject) => {
    execFile(file, args, { ...options, timeout: COMMAND_TIMEOUT, maxBuffer: 16 * MiB }, (err, stdout, stderr) => {
      if (err !== null) reject(new Error(`${file} ${args.join(' ')} failed: ${err.message} ${stderr}`))
      else resolve(`${stdout}${stderr}`)
    })
  })
}

/** Kills the process a pid file names, if any (nbdfuse runs detached, outside this process's group). */
function killByPidFile (file: string): void {
  try {
    process.kill(Number(readFileSync(file, 'utf8').trim()), 'SIGKILL')
  } catch {}
}
