/**
 * The process driver's part in isolating instances: running a task as a
 * given user with no supplementary groups (and keeping it across
 * re-adoption), holding it at its gate until it is in its cgroup, and the
 * stop contract: the stop signal to the main process alone, then SIGKILL to
 * the cgroup, which also reaches a child that called setsid.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import type { Test } from 'tap'
import { DEFAULT_INSTANCE_UIDS, taskUser } from '../../../daemon/runtime/index.ts'
import { cgroups, killQuietly, NODE, newDriver, nodeTask, running, sandbox, shTask, startInDyingDaemon, until } from './helpers.ts'

const root = process.getuid?.() === 0
const asUser = { skip: root ? false : 'needs root to run tasks as other users' }
const withCgroups = { skip: cgroups.ok ? false : `cgroups unusable here: ${cgroups.why}` }
const USER = { uid: DEFAULT_INSTANCE_UIDS.first + 4242, gid: DEFAULT_INSTANCE_UIDS.first + 4242 }

/** The Uid, Gid and Groups lines of a process's status. */
async function ids (pid: number): Promise<{ uid: string, gid: string, groups: string }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const field = (name: string): string => (new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(status)?.[1] ?? '').trim()
  return { uid: field('Uid'), gid: field('Gid'), groups: field('Groups') }
}

t.test('a task given a user runs as it, with no supplementary groups', asUser, async t => {
  const { dir, parent } = await sandbox(t, 'user')
  const driver = newDriver(t, parent)
  t.teardown(async () => await driver.destroy('as-user'))
  t.match(await driver.fingerprint(), { isolatesUsers: true, isolationDetail: /runs as the user it is given/ })
  const handle = await driver.start(shTask('as-user', dir, 'exec sleep 30', { user: USER }))
  const pid = driver.inspect('as-user')!.pid!
  const u = String(USER.uid)
  t.same(await ids(pid), { uid: `${u}\t${u}\t${u}\t${u}`, gid: `${u}\t${u}\t${u}\t${u}`, groups: '' }, 'real, effective, saved and fs ids; no groups')
  t.same(taskUser(handle), USER, 'the handle says who it runs as')
  const plain = await driver.start(shTask('as-daemon', dir, 'exec sleep 30'))
  t.teardown(async () => await driver.destroy('as-daemon'))
  t.same(taskUser(plain), { uid: 0, gid: 0 }, 'without a user, the daemon\'s own')
  await t.rejects(driver.start(shTask('bad-user', dir, 'true', { user: { uid: -1, gid: 5 } })), { code: 'ERR_INVALID_TASK_CONFIG' })
})

t.test('a driver that is not root runs tasks as its own user only, and says so', asUser, async t => {
  const { dir } = await sandbox(t, 'not-root')
  const fixture = fileURLToPath(new URL('./fixtures/not-root.ts', import.meta.url))
  const { stdout } = await promisify(execFile)(NODE, [fixture, String(USER.uid + 1), dir], { uid: USER.uid, gid: USER.gid, cwd: '/' })
  const out = JSON.parse(stdout) as { fingerprint: { isolatesUsers: boolean, isolationDetail: string }, refused: string }
  t.equal(out.fingerprint.isolatesUsers, false)
  t.match(out.fingerprint.isolationDetail, new RegExp(`not root: every task runs as the daemon's own user \\(uid ${USER.uid}\\)`))
  t.equal(out.refused, 'ERR_INVALID_TASK_CONFIG', 'another uid is refused, before anything runs')
})

t.test('a task re-adopted by a new driver keeps its user, and stops', asUser, async t => {
  const { dir, parent, pids } = await sandbox(t, 'adopt-user')
  const handle = await startInDyingDaemon(shTask('adopted', dir, 'exec sleep 30', { user: USER }), parent)
  const pid = handle.state.pid as number
  pids.push(pid)
  const driver = newDriver(t, parent)
  t.equal(await driver.recover(handle), true)
  t.same(taskUser(handle), USER)
  t.equal((await ids(pid)).uid.split('\t')[0], String(USER.uid), 'still runs as the user after its daemon died')
  await driver.stop('adopted', 2_000)
  t.notOk(await running(pid))
  await driver.destroy('adopted')
})

t.test('a task in a cgroup is in it before its first instruction, whatever its user', { skip: withCgroups.skip || asUser.skip }, async t => {
  const { dir, parent } = await sandbox(t, 'gate')
  const driver = newDriver(t, parent)
  t.teardown(async () => await driver.destroy('gated'))
  await driver.start(shTask('gated', dir, 'cat /proc/self/cgroup', { user: USER }))
  t.same(await driver.wait('gated'), { code: 0, signal: null, oomKilled: false })
  const lines = await driver.readLogs('gated', { tail: 100, stream: 'stdout' })
  const wanted = cgroups.why === 'cgroup v2' ? [`0::/${parent}/gated`] : ['memory', 'cpu'].map(c => new RegExp(`^\\d+:[^:]*\\b${c}\\b[^:]*:/${parent}/gated$`))
  for (const w of wanted) t.ok(lines.some(l => typeof w === 'string' ? l === w : w.test(l)), `${String(w)} in ${JSON.stringify(lines)}`)
})

t.test('stop sends its signal to the main process only; the rest is SIGKILLed once it exits', async t => {
  const { dir, parent } = await sandbox(t, 'signal')
  const driver = newDriver(t, parent)
  t.teardown(async () => await driver.destroy('family'))
  // the child reports any signal it can catch; the main process takes a while to exit after its own
  const child = "trap 'echo child got INT; exit' INT; trap 'echo child got TERM; exit' TERM; echo child ready; while :; do sleep 0.05; done"
  await driver.start(nodeTask('family', dir, `
    const { spawn } = require('child_process')
    spawn('/bin/sh', ['-c', ${JSON.stringify(child)}], { stdio: 'inherit' })
    for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => { console.log('main got ' + s); setTimeout(() => process.exit(0), 300) })
    console.log('main ready')
    setInterval(() => {}, 1000)`, root ? { user: USER } : {}))
  // Both: under load the child can be ready before the main process has its handlers.
  await until(async () => {
    const lines = await driver.readLogs('family', { tail: 10, stream: 'stdout' })
    return lines.includes('child ready') && lines.includes('main ready')
  }, 10_000, 'the child to start and the main process to take its signals')
  const t0 = Date.now()
  await driver.stop('family', 10_000, 'SIGINT')
  t.ok(Date.now() - t0 < 5_000, 'did not wait out the grace once the main process had exited')
  t.same(await driver.wait('family'), { code: 0, signal: null, oomKilled: false }, 'the main process exited on its own')
  const out = await driver.readLogs('family', { tail: 10, stream: 'stdout' })
  t.ok(out.includes('main got SIGINT'), 'the main process got the stop signal')
  t.notOk(out.some(l => l.startsWith('child got')), `the child got no catchable signal: ${JSON.stringify(out)}`)
})

t.test('stop kills a grandchild that called setsid, through the cgroup', withCgroups, async t => {
  const { dir, parent, pids } = await sandbox(t, 'setsid')
  const driver = newDriver(t, parent)
  t.teardown(async () => await driver.destroy('escapee'))
  await driver.start(shTask('escapee', dir, 'setsid sleep 1000 & echo $!; wait', root ? { user: USER } : {}))
  await until(async () => (await driver.readLogs('escapee', { tail: 1, stream: 'stdout' })).length === 1, 10_000, 'the grandchild to start')
  const grandchild = Number((await driver.readLogs('escapee', { tail: 1, stream: 'stdout' }))[0])
  pids.push(grandchild)
  await leadsSession(t, grandchild)
  await driver.stop('escapee', 2_000)
  t.notOk(await running(grandchild), 'gone with its task')
})

t.test('without a cgroup, a grandchild that called setsid outlives stop (what is lost)', async t => {
  const { dir, pids } = await sandbox(t, 'no-cgroup')
  const driver = newDriver(t, 'off')
  t.teardown(async () => await driver.destroy('escapee'))
  await driver.start(shTask('escapee', dir, 'setsid sleep 1000 & echo $!; wait'))
  await until(async () => (await driver.readLogs('escapee', { tail: 1, stream: 'stdout' })).length === 1, 10_000, 'the grandchild to start')
  const grandchild = Number((await driver.readLogs('escapee', { tail: 1, stream: 'stdout' }))[0])
  pids.push(grandchild)
  t.teardown(() => killQuietly(grandchild))
  await leadsSession(t, grandchild)
  await driver.stop('escapee', 2_000)
  t.ok(await running(grandchild), 'the process group no longer holds it, so nothing reaches it')
})

/** Waits until pid leads a session of its own: $! is known before the child has called setsid(), and a stop before then still reaches it. */
async function leadsSession (t: Test, pid: number): Promise<void> {
  const session = async (): Promise<number> => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3])
  }
  await until(async () => await session() === pid, 10_000, 'the grandchild to lead a session of its own')
  t.equal(await session(), pid, 'it leads a session of its own')
}
