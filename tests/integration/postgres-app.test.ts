/**
 * Software nobody here wrote, packaged the way docs/packaging.md says: the
 * postgres image is built from Debian's packages (examples/postgres/build.sh),
 * imported into a grid of three real daemons and run by examples/postgres.yaml
 * on a replicated volume. psql through the entry of any node reaches it; it
 * runs as an unprivileged uid; a new version of the image and a changed
 * property take effect by applying the app again, which restarts it with the
 * manifest's stop signal (PostgreSQL's fast shutdown, a clean stop);
 * kill -9 of its whole node while rows are written and it runs again on the
 * node holding the in-sync replica with every acknowledged row.
 */
import t from 'tap'
import { execFile } from 'node:child_process'
import { createReadStream, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { parseDocument } from 'yaml'
import { freePort, killNode, ROOT, startGrid, waitFor, type TestDaemon } from '../helpers/daemon.ts'

const INSTANCE = 'postgres.db.0'
const PASSWORD = 'test pass: with spaces'
/** The process driver's default instance uids (docs/isolation.md). */
const UID_RANGE = [0x70000000, 0x7000ffff]
const HOSTS = ['127.0.0.10', '127.0.0.11', '127.0.0.12']
/** glibc's own libraries: the only ones the bundle takes from the node (examples/postgres/build.sh). */
const GLIBC = /^(ld-linux[-\w]*\.so\.\d|lib(c|m|dl|rt|pthread|resolv|anl|util|nss_\w+)\.so\.\d+)$/

function run (file: string, args: string[], options: { env?: NodeJS.ProcessEnv, timeoutMs: number }): Promise<{ code: number, stdout: string, stderr: string }> {
  return new Promise(resolve => {
    execFile(file, args, { env: options.env ?? process.env, timeout: options.timeoutMs }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr })
    })
  })
}

// tap runs no teardown after a throw at the top level: the set-up undoes itself when it fails.
const cleanups: Array<() => Promise<void>> = []
function teardown (fn: () => Promise<void>): void {
  cleanups.unshift(fn)
  t.teardown(fn)
}
const work = await mkdtemp(join(tmpdir(), 'trellis-pg-'))
teardown(async () => await rm(work, { recursive: true, force: true }))

/** Builds the bundle (and a next version of it) while the grid starts: both take a while, and wait on different things. */
async function setUp (): Promise<{ version: string, nextVersion: string, grid: { nodes: TestDaemon[] } }> {
  const started = Date.now()
  const [built, gridUp] = await Promise.allSettled([
    run(join(ROOT, 'examples', 'postgres', 'build.sh'), [work], { timeoutMs: 300_000 }).then(r => ({ ...r, ms: Date.now() - started })),
    startGrid(teardown, 3).then(g => ({ ...g, ms: Date.now() - started }))
  ])
  if (gridUp.status === 'rejected') throw gridUp.reason
  if (built.status === 'rejected') throw built.reason
  const build = built.value
  if (build.code !== 0) throw new Error(`build.sh failed:\n${build.stderr}`)
  t.comment(`build.sh ${build.ms} ms; grid of 3 up in ${gridUp.value.ms} ms, at the same time`)
  const version = /postgres@(\S+):/.exec(build.stdout)?.[1] ?? ''
  // The next packaging revision: the same files under a new version, as build.sh makes after REVISION is bumped.
  const nextVersion = version.replace(/-(\d+)$/, (_, r: string) => `-${Number(r) + 1}`)
  await cp(join(work, 'postgres'), join(work, 'next'), { recursive: true, verbatimSymlinks: true })
  const manifest = await readFile(join(work, 'next', 'manifest.yaml'), 'utf8')
  await writeFile(join(work, 'next', 'manifest.yaml'), manifest.replace(`version: "${version}"`, `version: "${nextVersion}"`))
  const packed = await run('tar', ['-C', join(work, 'next'), '-cf', join(work, 'next.tar'), '.'], { timeoutMs: 60_000 })
  if (packed.code !== 0) throw new Error(`tar: ${packed.stderr}`)
  return { version, nextVersion, grid: gridUp.value }
}

const { version, nextVersion, grid } = await setUp().catch(async (err: unknown) => {
  for (const fn of cleanups) await fn().catch(() => {})
  throw err
})
const { nodes } = grid
const ids: string[] = []
for (const d of nodes) ids.push((await d.client.node()).id)
const port = await freePort()
const doc = parseDocument(readFileSync(join(ROOT, 'examples', 'postgres.yaml'), 'utf8'))
doc.setIn(['entries', 'pg', 'port'], port)
doc.setIn(['components', 'db', 'properties', 'password'], PASSWORD)
doc.setIn(['components', 'db', 'volumes', 'data', 'size'], '256Mi')

/** psql (Debian's client) through the entry on `host`: one statement, unaligned tuples. */
async function psql (host: string, sql: string): Promise<{ ok: boolean, out: string, err: string }> {
  const r = await run('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', host, '-p', String(port), '-U', 'postgres', '-d', 'app', '-c', sql], {
    env: { ...process.env, PGPASSWORD: PASSWORD, PGCONNECT_TIMEOUT: '5' },
    timeoutMs: 20_000
  })
  return { ok: r.code === 0, out: r.stdout.trim(), err: r.stderr.trim() }
}

async function query (host: string, sql: string): Promise<string> {
  const r = await psql(host, sql)
  if (!r.ok) throw new Error(`psql -h ${host}: ${r.err}`)
  return r.out
}

/** The node running the database and whether it is ready, as `from` sees it. */
async function db (from: TestDaemon): Promise<{ node: string, ready: boolean }> {
  const i = (await from.client.app('postgres')).instanceList.find(x => x.component === 'db')
  return { node: i?.node ?? '', ready: i?.ready === true }
}

async function logOf (d: TestDaemon): Promise<string> {
  return (await d.client.logs('postgres', { instance: INSTANCE, tail: 500, stream: 'stderr' }))[0]?.lines.join('\n') ?? ''
}

/**
 * The processes of the instance on this machine, from /proc: its main
 * process (found by its environment) and that one's children (postgres's
 * children write their titles over their copy of the environment).
 */
function instanceProcs (): Array<{ pid: number, uid: number, comm: string, main: boolean }> {
  const procs = readdirSync('/proc').filter(e => /^\d+$/.test(e)).flatMap(entry => {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8')
      return [{
        pid: Number(entry),
        ppid: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]),
        uid: Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]),
        comm: readFileSync(`/proc/${entry}/comm`, 'utf8').trim(),
        main: readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`TRELLIS_INSTANCE=${INSTANCE}`)
      }]
    } catch { return [] }
  })
  const mains = new Set(procs.filter(p => p.main).map(p => p.pid))
  return procs.filter(p => mains.has(p.pid) || mains.has(p.ppid)).map(({ pid, uid, comm, main }) => ({ pid, uid, comm, main }))
}

t.test('the image built from Debian packages is imported and runs on a replicated volume, reached from every node', async t => {
  t.match(version, /^15\.\d+-\d+$/, `build.sh stamps the version from the package: ${version}`)
  let at = Date.now()
  const imported = await nodes[0]!.client.importImage(createReadStream(join(work, 'postgres.tar')))
  t.comment(`import of ${imported.image.size} bytes: ${Date.now() - at} ms`)
  at = Date.now()
  t.equal(imported.image.name, 'postgres')
  t.equal(imported.image.version, version)
  await nodes[1]!.client.apply(doc.toString())
  await waitFor('postgres ready', 150_000, async () => (await db(nodes[0]!)).ready ? true : undefined, 250)
  await waitFor('SQL through the entry', 60_000, async () => (await psql(HOSTS[0]!, 'SELECT 1')).ok ? true : undefined, 250)
  t.comment(`apply → SQL through the entry (volume made, image fetched, initdb): ${Date.now() - at} ms`)
  for (const e of (await nodes[0]!.client.app('postgres')).events) t.comment(`  +${e.at - at} ms ${e.kind} ${e.instance} ${e.detail}`)
  await query(HOSTS[0]!, 'CREATE TABLE rows (n integer PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())')
  for (const [i, host] of HOSTS.entries()) {
    t.equal(await query(host, `INSERT INTO rows (n) VALUES (${i}) RETURNING n`), String(i), `an insert through the entry of ${host}`)
  }
  t.equal(await query(HOSTS[2]!, 'SELECT count(*) FROM rows'), '3')
  t.match(await query(HOSTS[1]!, 'SELECT version()'), /^PostgreSQL 15\.\d+ \(Debian/, 'Debian\'s PostgreSQL')

  const where = await db(nodes[0]!)
  const owner = nodes[ids.indexOf(where.node)]!
  t.equal(await query(HOSTS[0]!, 'SHOW data_directory'), join(owner.dataDir, 'mounts', 'postgres.db.data', 'pgdata'), 'the cluster is on the mounted volume')
  const v = await nodes[0]!.client.volume('postgres.db.data')
  t.ok(v.members.length === 2 && v.members.every(m => m.inSync), 'two replicas, in sync')

  const procs = instanceProcs()
  t.ok(procs.some(p => p.comm === 'postgres') && procs.length >= 4, `postmaster and its children found: ${procs.map(p => p.comm).join(', ')}`)
  const uids = new Set(procs.map(p => p.uid))
  t.equal(uids.size, 1, 'one uid for every process of the instance')
  const uid = [...uids][0]!
  t.ok(uid >= UID_RANGE[0]! && uid <= UID_RANGE[1]!, `an unprivileged uid of the instance range, not root: ${uid}`)
  const main = procs.find(p => p.main)!
  // What it runs comes from the bundle, but for glibc: every shared object mapped, by path.
  const exe = readlinkSync(`/proc/${main.pid}/exe`)
  const bundle = exe.slice(0, exe.indexOf('/root/usr/lib/postgresql/'))
  t.ok(bundle.includes(imported.image.digest.slice('sha256:'.length)), `postgres runs from the unpacked bundle: ${exe}`)
  const mapped = new Set(readFileSync(`/proc/${main.pid}/maps`, 'utf8').split('\n').map(l => l.split(/\s+/)[5] ?? '').filter(f => /\.so(\.|$)/.test(f)))
  t.ok(mapped.size > 20, `${mapped.size} shared objects mapped`)
  t.same([...mapped].filter(f => !f.startsWith(`${bundle}/`) && !GLIBC.test(basename(f))), [], 'none from the node but glibc\'s')
  t.notOk(readFileSync(`/proc/${main.pid}/environ`, 'utf8').includes('TRELLIS_PROP_PASSWORD'), 'the password is not left in postgres\'s environment')
})

t.test('a new image version and a changed property, applied again: a fast, clean shutdown (SIGINT), then a clean start of the new one', async t => {
  const where = await db(nodes[0]!)
  const owner = nodes[ids.indexOf(where.node)]!
  const next = await nodes[1]!.client.importImage(createReadStream(join(work, 'next.tar')))
  t.equal(next.image.version, nextVersion)
  doc.setIn(['components', 'db', 'properties', 'maxConnections'], 40)
  t.equal((await nodes[2]!.client.apply(doc.toString())).change, 'updated')
  await waitFor('the new setting in force', 90_000, async () => (await psql(HOSTS[2]!, 'SHOW max_connections')).out === '40' ? true : undefined, 250)
  const postmaster = instanceProcs().find(p => p.main)!
  // postgres works in its data directory; its binary says which bundle it came from.
  const exe = readlinkSync(`/proc/${postmaster.pid}/exe`)
  t.ok(exe.includes(`/${next.image.digest.slice('sha256:'.length)}/`), `it runs the new version's files (${nextVersion}): ${exe}`)
  const log = await logOf(owner)
  t.match(log, /received fast shutdown request/, 'postgres was asked to stop with SIGINT (the manifest\'s stop.signal)')
  t.match(log, /database system is shut down/, 'and stopped cleanly')
  t.match(log.slice(log.lastIndexOf('received fast shutdown request')), /database system was shut down at/, 'the next start found a clean cluster: no recovery')
  t.equal(await query(HOSTS[2]!, 'SELECT count(*) FROM rows'), '3', 'the rows are there')
  t.equal((await db(nodes[0]!)).node, where.node, 'on the same node')
})

t.test('kill -9 of its node while rows are written: it runs on the in-sync replica with every acknowledged row', async t => {
  const where = await db(nodes[0]!)
  const victim = nodes[ids.indexOf(where.node)]!
  const live = nodes.filter(d => d !== victim).map(d => HOSTS[nodes.indexOf(d)]!)
  const survivor = (await nodes[0]!.client.volume('postgres.db.data')).members.find(m => m.id !== where.node)!.id
  const acked: number[] = []
  let writing = true
  const writer = (async () => {
    for (let n = 100; writing; n++) {
      // psql exits 0 only once the server has acknowledged the commit.
      if ((await psql(live[n % live.length]!, `INSERT INTO rows (n) VALUES (${n})`)).ok) acked.push(n)
      else await new Promise(resolve => setTimeout(resolve, 200))
    }
  })()
  t.teardown(() => { writing = false })
  await waitFor('some rows acknowledged', 60_000, () => acked.length >= 10 ? true : undefined, 50)
  await killNode(victim)
  const before = acked.length
  const killedAt = Date.now()
  const watcher = nodes.find(d => d !== victim)!
  await waitFor('postgres ready on the in-sync replica', 120_000, async () => {
    const now = await db(watcher)
    return now.node === survivor && now.ready ? true : undefined
  }, 250)
  const readyMs = Date.now() - killedAt
  await waitFor('a row acknowledged after the move', 90_000, () => acked.length > before ? true : undefined, 50)
  t.comment(`kill -9 → ready on the survivor ${readyMs} ms, → first row acknowledged there ${Date.now() - killedAt} ms`)
  await waitFor('rows acknowledged after the move', 90_000, () => acked.length >= before + 5 ? true : undefined, 100)
  writing = false
  await writer
  const stored = new Set((await query(live[0]!, 'SELECT n FROM rows WHERE n >= 100')).split('\n').map(Number))
  t.same(acked.filter(n => !stored.has(n)), [], `all ${acked.length} acknowledged rows are there (${before} before the kill)`)
  const log = await logOf(nodes[ids.indexOf(survivor)]!)
  t.match(log, /database system was interrupted|database system was not properly shut down/, 'the new node recovered the killed cluster from its WAL')
})

t.test('deleting the app stops postgres the same clean way', async t => {
  const where = await db(nodes.find(d => d.process.exitCode === null && d.process.signalCode === null)!)
  const owner = nodes[ids.indexOf(where.node)]!
  const logFile = join(owner.dataDir, 'logs', `${INSTANCE}.stderr.log`)
  await owner.client.deleteApp('postgres')
  const log = await waitFor('postgres to stop', 90_000, () => {
    const text = readFileSync(logFile, 'utf8')
    return /database system is shut down\s*$/.test(text) ? text : undefined
  }, 250).catch(() => readFileSync(logFile, 'utf8'))
  t.match(log.slice(log.lastIndexOf('database system is ready to accept connections')), /received fast shutdown request[\s\S]*database system is shut down/, 'SIGINT: a fast, clean shutdown')
  await waitFor('no process of the instance left', 30_000, () => instanceProcs().length === 0 ? true : undefined, 250)
})
