/**
 * The pgbench pair of the volumes bench (issue 12): PostgreSQL's pgbench
 * (TPC-B-like; 2 clients, scale 5) on a local directory and on ext4 on a
 * 2-replica Trellis volume, one after the other with the same settings.
 * The volume is mounted the way the daemon mounts it for an appliance
 * (`mountVolume`: kernel nbd where /dev/nbd0 exists, else nbdfuse + loop).
 * PostgreSQL refuses to run as root, so initdb, postgres and pgbench run as
 * the `postgres` user, under a 0755 temp dir beside the bench's stores (one
 * disk for all), and talk over a Unix socket in a dir of their own.
 * Not a bench of its own: `npm run bench -- volumes` runs it.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readdirSync } from 'node:fs'
import { chmod, chown, mkdir, mkdtemp, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pino } from 'pino'
import { cleanupStaleMounts, mountVolume, type MountedVolume } from '../../daemon/volumes/mount/index.ts'

const MiB = 1024 * 1024 // bytes
/** pgbench's scale factor: 100 000 accounts per unit, ~15 MiB of table each. */
export const PGBENCH_SCALE = 5
export const PGBENCH_CLIENTS = 2
/** Least share of the local directory's tps the volume must reach (issue 12). */
export const PGBENCH_TARGET = 0.5
const DEBIAN_PACKAGE = 'postgresql'
const USER = 'postgres'
/** Only names the socket file (.s.PGSQL.<port>) in a dir of our own: no TCP listener, nothing to collide with. */
const PORT = 5432
const READY_TIMEOUT = 60_000 // ms
const STOP_TIMEOUT = 30_000 // ms
const POLL = 100 // ms
/** Longest one initdb or pgbench may take beyond the timed run. */
const COMMAND_TIMEOUT = 600_000 // ms

/** One side of the pair. */
export interface PgbenchRun {
  /** Seconds `pgbench -i` took (load, vacuum, keys). */
  initS: number
  /** Transactions per second, without the initial connection time. */
  tps: number
  /** Average transaction latency, ms. */
  latencyMs: number
  transactions: number
  /** What the volume's counters (MakeVolume) moved by during the timed run, per transaction. */
  perTransaction?: Record<string, number>
}
export interface PgbenchPair {
  local: PgbenchRun
  /** nbdkit file behind the same mount chain: the chain's own share of the gap. */
  chain: PgbenchRun
  volume: PgbenchRun
  seconds: number
  method: string
}

/**
 * How the caller makes the 2-replica volume: served by an NbdServer on the
 * given Unix socket; counters, if given, are read before and after the timed
 * run (e.g. NBD requests, fdatasyncs of each store).
 */
export type MakeVolume = (socket: string, sizeBytes: number) => Promise<{ exportName: string, counters?: () => Promise<Record<string, number>> }>

/**
 * Runs pgbench on a local directory, on `nbdkit file` behind the same mount
 * chain (what the chain alone costs), then on the volume makeVolume serves,
 * and prints each side's figures. Everything it starts or mounts is undone
 * before it returns or throws.
 */
export async function pgbenchPair (init: { root: string, seconds: number, sizeBytes: number, makeVolume: MakeVolume }): Promise<PgbenchPair> {
  const bin = ensurePostgres()
  const user = postgresUser()
  // Not under root (0700): postgres must reach its data dir, and every dir on the way must let it through.
  const top = await mkdtemp(join(tmpdir(), 'trellis-bench-pgbench-'))
  const workDirs: string[] = []
  let mounted: MountedVolume | undefined
  let server: ChildProcess | undefined
  let kit: ChildProcess | undefined
  let interrupted: string | undefined
  // Ctrl-C must not leave a mount behind: stop postgres at once (SIGQUIT: no checkpoint, no more I/O), so the step under way fails and the finally blocks undo the rest.
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`pgbench pair: ${signal}, stopping postgres and cleaning up\n`)
    interrupted = signal
    server?.kill('SIGQUIT')
  }
  const check = (): void => { if (interrupted !== undefined) throw new Error(`pgbench pair interrupted by ${interrupted}`) }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const track = (child: ChildProcess): void => { server = child; if (interrupted !== undefined) child.kill('SIGQUIT') }
  /** Mounts the export, runs one side on it, unmounts. */
  const onVolume = async (name: string, socket: string, exportName: string, counters?: () => Promise<Record<string, number>>): Promise<{ run: PgbenchRun, method: string }> => {
    const workDir = join(init.root, `mount-${name}`)
    workDirs.push(workDir)
    check()
    mounted = await mountVolume({ logger: pino({ level: 'warn' }) }, { nbd: { path: socket }, exportName, workDir, target: join(top, name), sizeBytes: init.sizeBytes })
    const method = mounted.method === 'kernel-nbd' ? `kernel nbd (${mounted.device})` : `nbdfuse + loop (${mounted.device})`
    const run = await side(bin, user, mounted.path, join(top, `run-${name}`), init.seconds, track, counters)
    check()
    await mounted.unmount()
    mounted = undefined
    return { run, method }
  }
  try {
    await chmod(top, 0o755)
    process.stdout.write(`pgbench pair: PostgreSQL ${bin.split('/').at(-2)} as ${USER}, defaults (fsync, synchronous_commit on, wal_sync_method fdatasync, shared_buffers 128 MB); ` +
      `pgbench -i -s ${PGBENCH_SCALE}, then -c ${PGBENCH_CLIENTS} -j ${PGBENCH_CLIENTS} -T ${init.seconds}; on a local directory, nbdkit file and the volume in turn, all under ${tmpdir()}\n`)
    const local = join(top, 'local')
    await mkdir(local)
    const localRun = await side(bin, user, local, join(top, 'run-local'), init.seconds, track)
    check()
    print('local directory', localRun)

    const kitSocket = join(init.root, 'pgbench-nbdkit.sock')
    kit = await startNbdkitUnix(join(init.root, 'pgbench-nbdkit.img'), kitSocket, init.sizeBytes)
    const chain = await onVolume('nbdkit', kitSocket, 'vol')
    await stopProcess(kit)
    print(`nbdkit file through the same chain, ${chain.method}`, chain.run)

    const socket = join(init.root, 'pg.sock')
    const { exportName, counters } = await init.makeVolume(socket, init.sizeBytes)
    const volume = await onVolume('volume', socket, exportName, counters)
    print(`2-replica volume of ${init.sizeBytes / MiB} MiB, ext4 through ${volume.method}`, volume.run)
    return { local: localRun, chain: chain.run, volume: volume.run, seconds: init.seconds, method: volume.method }
  } finally {
    if (server !== undefined) await stopProcess(server)
    if (mounted !== undefined) await mounted.unmount().catch(err => { process.stderr.write(`pgbench pair: unmount failed (${(err as Error).message}); unmounting lazily\n`) })
    // Lazily unmounts and detaches whatever a failed unmount (or a failure half-way through a mount) left.
    for (const dir of workDirs) await cleanupStaleMounts(dir)
    if (kit !== undefined) await stopProcess(kit)
    await rm(top, { recursive: true, force: true })
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
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

/** The target line for the volumes bench's report. */
export function pgbenchTarget (pair: PgbenchPair): string {
  const ratio = pair.volume.tps / pair.local.tps
  return `  pgbench (${PGBENCH_CLIENTS} clients, scale ${PGBENCH_SCALE}, ${pair.seconds} s) ≥ ${PGBENCH_TARGET * 100} % of a local directory: ` +
    `${pair.volume.tps.toFixed(0)} / ${pair.local.tps.toFixed(0)} tps = ${(100 * ratio).toFixed(0)} %, ${ratio >= PGBENCH_TARGET ? 'met' : 'MISSED'}\n` +
    `  (the mount chain alone, nbdkit file behind it: ${pair.chain.tps.toFixed(0)} tps = ${(100 * pair.chain.tps / pair.local.tps).toFixed(0)} % of local; ` +
    `the volume is ${(100 * pair.volume.tps / pair.chain.tps).toFixed(0)} % of that)\n`
}

function print (label: string, r: PgbenchRun): void {
  const per = r.perTransaction === undefined ? '' : `; per transaction: ${Object.entries(r.perTransaction).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`
  process.stdout.write(`pgbench on ${label}: ${r.tps.toFixed(1)} tps, latency average ${r.latencyMs.toFixed(3)} ms, ${r.transactions} transactions (pgbench -i took ${r.initS.toFixed(1)} s)${per}\n`)
}

/** PostgreSQL's bin dir, newest major first; installs Debian's package when no server with pgbench is there. */
function ensurePostgres (): string {
  const found = postgresBin()
  if (found !== undefined) return found
  if (process.getuid?.() !== 0) throw new Error(`PostgreSQL is not installed (Debian: ${DEBIAN_PACKAGE}); run as root to let the bench install it`)
  process.stdout.write(`pgbench pair: PostgreSQL server and pgbench not found; installing the Debian package ${DEBIAN_PACKAGE}: apt-get install -y --no-install-recommends ${DEBIAN_PACKAGE}\n`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', DEBIAN_PACKAGE]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${r.status ?? r.signal})`)
  }
  const bin = postgresBin()
  if (bin === undefined) throw new Error(`${DEBIAN_PACKAGE} installed, yet no /usr/lib/postgresql/<major>/bin with postgres, initdb and pgbench`)
  return bin
}

function postgresBin (): string | undefined {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root) ? readdirSync(root).filter(d => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : []
  return majors.map(m => join(root, m, 'bin')).find(bin => ['postgres', 'initdb', 'pgbench', 'pg_isready'].every(c => existsSync(join(bin, c))))
}

function postgresUser (): { uid: number, gid: number } {
  const id = (flag: string): number => {
    const r = spawnSync('id', [flag, USER], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`no ${USER} user (Debian's ${DEBIAN_PACKAGE} creates it): ${r.stderr}`)
    return Number(r.stdout.trim())
  }
  return { uid: id('-u'), gid: id('-g') }
}

/**
 * One side: initdb in dir/pgdata, postgres on a socket in sockets, `pgbench
 * -i`, then the timed run; postgres is stopped before it returns.
 */
async function side (bin: string, user: { uid: number, gid: number }, dir: string, sockets: string, seconds: number, track: (c: ChildProcess) => void,
  counters?: () => Promise<Record<string, number>>): Promise<PgbenchRun> {
  await mkdir(sockets)
  for (const d of [dir, sockets]) await chown(d, user.uid, user.gid)
  const data = join(dir, 'pgdata')
  const env = { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, LC_ALL: 'C', PGHOST: sockets, PGPORT: String(PORT), PGUSER: USER, PGDATABASE: 'postgres' }
  const as = { uid: user.uid, gid: user.gid, env, cwd: dir }
  await command(join(bin, 'initdb'), ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-instructions'], as)
  const logPath = join(sockets, 'postgres.log')
  const log = await open(logPath, 'w')
  let server: ChildProcess
  try {
    server = spawn(join(bin, 'postgres'), ['-D', data, '-k', sockets, '-p', String(PORT), '-c', 'listen_addresses='], { ...as, stdio: ['ignore', log.fd, log.fd] })
  } finally {
    await log.close()
  }
  track(server)
  try {
    await waitReady(bin, server, as, logPath)
    const t0 = performance.now()
    await command(join(bin, 'pgbench'), ['-i', '-s', String(PGBENCH_SCALE), '-q'], as)
    const initS = (performance.now() - t0) / 1000
    const before = await counters?.()
    const out = await command(join(bin, 'pgbench'), ['-c', String(PGBENCH_CLIENTS), '-j', String(PGBENCH_CLIENTS), '-T', String(seconds)], as)
    const after = await counters?.()
    const tps = /^tps = ([\d.]+) \(without initial connection time\)/m.exec(out)
    const latency = /^latency average = ([\d.]+) ms/m.exec(out)
    const processed = /^number of transactions actually processed: (\d+)/m.exec(out)
    if (tps === null || latency === null || processed === null) throw new Error(`pgbench said: ${out}`)
    const transactions = Number(processed[1])
    const perTransaction = before === undefined || after === undefined
      ? undefined
      : Object.fromEntries(Object.keys(after).map(k => [k, (after[k]! - (before[k] ?? 0)) / transactions]))
    return { initS, tps: Number(tps[1]), latencyMs: Number(latency[1]), transactions, ...(perTransaction === undefined ? {} : { perTransaction }) }
  } finally {
    await stopProcess(server)
  }
}

async function waitReady (bin: string, server: ChildProcess, as: object, logPath: string): Promise<void> {
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
