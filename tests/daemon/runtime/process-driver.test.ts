/**
 * What only the process driver does: re-adopting tasks across a daemon
 * restart, telling a reused pid apart, and cgroup limits and OOM kills.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { ProcessDriver } from '../../../daemon/runtime/index.ts'
import { decodeCgroup } from '../../../daemon/runtime/process/cgroup-plan.ts'
import { parseStat } from '../../../daemon/runtime/process/procfs.ts'
import { createTaskCgroup, probeCgroups, wasOomKilled } from '../../../daemon/runtime/process/cgroups.ts'
import {
  cgroups, exists, newDriver, nodeTask, quietLogger, removeDir, running, sandbox, shTask, startInDyingDaemon, tempDir, until
} from './helpers.ts'

const MiB = 1024 * 1024

t.test('a task outlives its daemon and a new driver re-adopts it', async t => {
  const { dir, parent, pids } = await sandbox(t, 'adopt')
  const handle = await startInDyingDaemon(shTask('survivor', dir, 'while :; do echo tick; sleep 0.05; done'), parent)
  const pid = handle.state.pid as number
  pids.push(pid)
  t.ok(await running(pid), 'the task runs after the daemon that started it exited')
  const log = join(dir, 'survivor.stdout.log')
  const before = (await stat(log)).size
  await until(async () => (await stat(log)).size > before, 5_000, 'the task to keep logging')

  const driver = newDriver(t, parent)
  t.equal(await driver.recover(handle), true)
  t.equal(driver.inspect('survivor')?.state, 'running')
  t.equal(driver.inspect('survivor')?.pid, pid)
  t.ok((await driver.readLogs('survivor', { tail: 3, stream: 'stdout' })).includes('tick'), 'logs are readable after re-adoption')

  const waited = driver.wait('survivor')
  process.kill(-pid, 'SIGKILL')
  t.same(await waited, { code: null, signal: null, oomKilled: false }, 'an adopted task ends with an unknown code')
  t.equal(driver.inspect('survivor')?.state, 'exited')
  t.equal(await newDriver(t, parent).recover(handle), false, 'a dead task is not recovered')
  await driver.destroy('survivor')
})

t.test('stop works on a re-adopted task', async t => {
  const { dir, parent, pids } = await sandbox(t, 'adopt-stop')
  const handle = await startInDyingDaemon(shTask('adopted', dir, 'exec sleep 30'), parent)
  const pid = handle.state.pid as number
  pids.push(pid)
  const driver = newDriver(t, parent)
  t.equal(await driver.recover(handle), true)
  await driver.stop('adopted', 2_000)
  t.notOk(await running(pid), 'the task is gone')
  t.same(await driver.wait('adopted'), { code: null, signal: null, oomKilled: false })
  await driver.destroy('adopted')
  const cg = decodeCgroup(handle.state)
  for (const d of cg?.dirs ?? []) t.notOk(await exists(d), `destroy removed ${d}`)
})

t.test('a handle whose pid now names another process is not recovered', async t => {
  const { dir, parent } = await sandbox(t, 'reuse')
  const first = newDriver(t, parent)
  const handle = await first.start(shTask('reused', dir, 'exec sleep 30'))
  t.teardown(async () => await first.destroy('reused'))
  const second = newDriver(t, parent)
  const state = handle.state
  t.equal(await second.recover({ ...handle, state: { ...state, startTime: (state.startTime as number) + 1 } }), false, 'other start time')
  t.equal(await second.recover({ ...handle, state: { ...state, bootId: 'another-boot' } }), false, 'other boot')
  t.equal(await second.recover({ ...handle, state: { ...state, pid: 2 ** 22 + 1 } }), false, 'no such pid')
  t.equal(await second.recover({ ...handle, state: { ...state, pid: 'x' } }), false, 'garbled handle')
  const init = parseStat(await readFile('/proc/1/stat', 'utf8'))
  t.equal(await second.recover({ ...handle, id: 'init', state: { ...state, pid: 1, startTime: init?.startTime ?? 0 } }), false, 'never pid 1')
  // a live process that does not lead its own group was not started by this driver
  const pidFile = join(dir, 'child.pid')
  // Written aside and renamed, so the file appears with its pid in it (the shell creates a redirect's file before echo writes).
  await first.start(shTask('parent', dir, `sleep 30 & echo $! > ${pidFile}.new; mv ${pidFile}.new ${pidFile}; wait`))
  t.teardown(async () => await first.destroy('parent'))
  await until(async () => await exists(pidFile), 5_000, 'the child to start')
  const child = Number((await readFile(pidFile, 'utf8')).trim())
  const childStat = parseStat(await readFile(`/proc/${child}/stat`, 'utf8'))
  t.equal(await second.recover({ ...handle, id: 'child', state: { ...state, pid: child, startTime: childStat?.startTime ?? 0 } }), false, 'not a group leader')
  t.equal(await second.recover(handle), true, 'the true handle is recovered')
  await t.rejects(second.recover({ ...handle, driver: 'sim' }), { code: 'ERR_WRONG_DRIVER' })
})

t.test('bad task configs are refused with ERR_INVALID_TASK_CONFIG', async t => {
  const { dir, parent } = await sandbox(t, 'invalid')
  const driver = newDriver(t, parent)
  await t.rejects(driver.start(shTask('../escape', dir, 'true')), { code: 'ERR_INVALID_TASK_CONFIG' })
  await t.rejects(driver.start({ ...shTask('empty', dir, ''), command: [] }), { code: 'ERR_INVALID_TASK_CONFIG' })
  await t.rejects(driver.start({ ...shTask('missing', dir, ''), command: ['/no/such/program'] }), { code: 'ERR_INVALID_TASK_CONFIG' })
  await t.rejects(driver.wait('never-started'), { code: 'ERR_TASK_NOT_FOUND' })
  await t.rejects(driver.stop('never-started', 10), { code: 'ERR_TASK_NOT_FOUND' })
  const handle = await driver.start(shTask('twice', dir, 'exec sleep 30'))
  t.teardown(async () => await driver.destroy('twice'))
  t.equal(handle.id, 'twice')
  await t.rejects(driver.start(shTask('twice', dir, 'exec sleep 30')), { code: 'ERR_TASK_EXISTS' })
  const racing = await Promise.allSettled([driver.start(shTask('race', dir, 'exec sleep 30')), driver.start(shTask('race', dir, 'exec sleep 30'))])
  t.teardown(async () => await driver.destroy('race'))
  t.same(racing.map(r => r.status).sort(), ['fulfilled', 'rejected'], 'of two concurrent starts of one id, one wins')
  t.match(racing.find(r => r.status === 'rejected'), { reason: { code: 'ERR_TASK_EXISTS' } })
})

t.test('limits are advisory without cgroups, and the fingerprint says why', async t => {
  const off = new ProcessDriver({ logger: quietLogger() }, { cgroups: 'off' })
  const fp = await off.fingerprint()
  t.equal(fp.enforcesLimits, false)
  t.match(fp.detail, /advisory/)
  const notRoot = await probeCgroups('/sys/fs/cgroup', 'trellis-never-made', 1000)
  t.equal(notRoot.layout, undefined)
  t.match(notRoot.detail, /not running as root/)
  const dir = await tempDir()
  t.teardown(async () => await removeDir(dir))
  const bare = await probeCgroups(dir, 'trellis', 0)
  t.equal(bare.layout, undefined)
  t.match(bare.detail, /no cgroup/)
})

t.test('cgroup limits are applied and OOM kills reported', { skip: cgroups.ok ? false : `cgroups unusable here: ${cgroups.why}` }, async t => {
  const { dir, parent } = await sandbox(t, 'limits')
  const driver = newDriver(t, parent)
  const fp = await driver.fingerprint()
  t.equal(fp.enforcesLimits, true)
  t.match(fp.detail, /cgroup v[12]/)

  const handle = await driver.start(shTask('limited', dir, 'exec sleep 30', { resources: { cpu: 0.5, memory: 64 * MiB } }))
  t.teardown(async () => await driver.destroy('limited'))
  const cg = decodeCgroup(handle.state)
  if (cg === undefined) { t.fail('the handle names the cgroup'); return }
  const read = async (file: string): Promise<string> => (await readFile(file, 'utf8')).trim()
  const [main, cpu] = cg.dirs
  if (cg.version === 1) {
    t.equal(await read(`${main}/memory.limit_in_bytes`), String(64 * MiB))
    t.equal(await read(`${cpu}/cpu.cfs_period_us`), '100000')
    t.equal(await read(`${cpu}/cpu.cfs_quota_us`), '50000')
  } else {
    t.equal(await read(`${main}/memory.max`), String(64 * MiB))
    t.equal(await read(`${main}/cpu.max`), '50000 100000')
  }
  const pid = driver.inspect('limited')?.pid
  t.ok((await read(`${main}/cgroup.procs`)).split('\n').includes(String(pid)), 'the task is in its cgroup')
  t.match(await read(`/proc/${pid}/cgroup`), `${parent}/limited`)
  await driver.destroy('limited')
  for (const d of cg.dirs) t.notOk(await exists(d), `destroy removed ${d}`)

  await driver.start(nodeTask('hog', dir, 'const a = []; for (;;) a.push(Buffer.alloc(4 << 20, 1))', { resources: { cpu: 1, memory: 64 * MiB } }))
  t.teardown(async () => await driver.destroy('hog'))
  const exit = await driver.wait('hog')
  t.equal(exit.oomKilled, true, 'reported as OOM-killed')
  t.equal(exit.signal, 'SIGKILL')
})

t.test('the v1 and v2 plans land in the right files (on a fake hierarchy)', async t => {
  // a plain directory stands in for cgroupfs: this checks file names and values, not the kernel
  const root = await tempDir('trellis-fake-cgroup-')
  t.teardown(async () => await removeDir(root))
  const read = async (file: string): Promise<string> => (await readFile(join(root, file), 'utf8')).trim()

  await writeFile(join(root, 'cgroup.controllers'), 'cpuset cpu io memory pids\n')
  const v2 = await probeCgroups(root, 'trellis', 0)
  t.same(v2.layout, { version: 2, root })
  t.equal(await read('cgroup.subtree_control'), '+memory +cpu', 'controllers handed down from the root')
  t.equal(await read('trellis/cgroup.subtree_control'), '+memory +cpu', 'and from the parent')
  if (v2.layout === undefined) return
  const cg2 = await createTaskCgroup(v2.layout, 'trellis', 'web.0', { cpu: 0.25, memory: 32 * MiB })
  t.same(cg2.dirs, [join(root, 'trellis/web.0')])
  t.equal(await read('trellis/web.0/memory.max'), String(32 * MiB))
  t.equal(await read('trellis/web.0/memory.swap.max'), '0')
  t.equal(await read('trellis/web.0/cpu.max'), '25000 100000')
  await writeFile(join(root, 'trellis/web.0/memory.events'), 'low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n')
  t.equal(await wasOomKilled(cg2, 'SIGKILL'), true)
  await writeFile(join(root, 'trellis/web.0/memory.events'), 'oom 0\noom_kill 0\n')
  t.equal(await wasOomKilled(cg2, 'SIGKILL'), false)

  const v1root = join(root, 'v1')
  for (const [dir, file] of [['memory', 'memory.limit_in_bytes'], ['cpu', 'cpu.cfs_quota_us']]) {
    await mkdir(join(v1root, dir), { recursive: true })
    await writeFile(join(v1root, dir, file), '-1')
  }
  const v1 = await probeCgroups(v1root, 'trellis', 0)
  t.same(v1.layout, { version: 1, memoryRoot: join(v1root, 'memory'), cpuRoot: join(v1root, 'cpu') })
  if (v1.layout === undefined) return
  const cg1 = await createTaskCgroup(v1.layout, 'trellis', 'db.0', { cpu: 2, memory: 32 * MiB })
  t.equal(await read('v1/memory/trellis/db.0/memory.limit_in_bytes'), String(32 * MiB))
  t.equal(await read('v1/cpu/trellis/db.0/cpu.cfs_quota_us'), '200000')
  // a kernel older than 4.13 has no oom_kill counter: a hit on the limit plus SIGKILL counts
  await writeFile(join(root, 'v1/memory/trellis/db.0/memory.oom_control'), 'oom_kill_disable 0\nunder_oom 0\n')
  await writeFile(join(root, 'v1/memory/trellis/db.0/memory.failcnt'), '12\n')
  t.equal(await wasOomKilled(cg1, 'SIGKILL'), true)
  t.equal(await wasOomKilled(cg1, 'SIGTERM'), false)
})
