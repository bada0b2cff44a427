/**
 * The Driver contract against the sim driver. The shared suite
 * (driver-compliance.ts) cannot run here: it starts /bin/sh and node
 * commands, reads files they write, checks pids with kill(0) and measures
 * graces on the wall clock, none of which a driver that runs nothing on a
 * virtual clock has. This file covers the same contract points with sim
 * commands instead: fingerprint, start, wait, stop (SIGTERM, SIGKILL after
 * the grace, idempotent), recover (alive, dead, after a power cut, another
 * driver's handle), inspect, destroy, restart of an id.
 */
import t from 'tap'
import { VirtualClock } from '../../../controller/clock/index.ts'
import type { TaskConfig } from '../../../daemon/runtime/index.ts'
import { SimDriver, SimHost } from '../../../daemon/runtime/sim/index.ts'

function setup (): { clock: VirtualClock, host: SimHost, driver: SimDriver } {
  const clock = new VirtualClock()
  const host = new SimHost({ clock }, { name: 'host-a' })
  return { clock, host, driver: new SimDriver({ clock, host }) }
}

function task (id: string, ...command: string[]): TaskConfig {
  return { id, command: ['sim', ...command], cwd: '/', env: {}, resources: { cpu: 0.5, memory: 256 * 1024 * 1024 }, logDir: '/' }
}

t.test('fingerprint names the driver and says limits are not enforced', async t => {
  const { driver } = setup()
  const fp = await driver.fingerprint()
  t.equal(fp.driver, driver.name)
  t.equal(fp.healthy, true)
  t.equal(fp.enforcesLimits, false)
  t.ok(fp.detail.length > 0)
})

t.test('start gives a plain-data handle and a running task', async t => {
  const { driver } = setup()
  const handle = await driver.start(task('run-1', 'run'))
  t.equal(handle.driver, 'sim')
  t.equal(handle.id, 'run-1')
  t.same(JSON.parse(JSON.stringify(handle)), handle)
  const status = driver.inspect('run-1')
  t.equal(status?.state, 'running')
  t.type(status?.pid, 'number')
  await t.rejects(driver.start(task('run-1', 'run')), { code: 'ERR_TASK_EXISTS' })
})

t.test('bad configs are refused with ERR_INVALID_TASK_CONFIG', async t => {
  const { driver } = setup()
  await t.rejects(driver.start({ ...task('x', 'run'), command: ['/bin/sh', '-c', 'true'] }), { code: 'ERR_INVALID_TASK_CONFIG' })
  await t.rejects(driver.start(task('../x', 'run')), { code: 'ERR_INVALID_TASK_CONFIG' })
  await t.rejects(driver.start(task('y', 'dance')), { code: 'ERR_INVALID_TASK_CONFIG' })
  await t.rejects(driver.start(task('z', 'crash-after')), { code: 'ERR_INVALID_TASK_CONFIG' })
  t.equal(driver.inspect('x'), undefined)
})

t.test('wait gives the exit code, at the scripted time on the clock', async t => {
  const { clock, driver } = setup()
  await driver.start(task('exit-3', 'exit', '3', '500'))
  let exit: unknown
  void driver.wait('exit-3').then(e => { exit = e })
  await clock.advance(499)
  t.equal(exit, undefined, 'still running before its time')
  await clock.advance(1)
  t.same(exit, { code: 3, signal: null, oomKilled: false })
  t.equal(driver.inspect('exit-3')?.state, 'exited')
  t.same(await driver.wait('exit-3'), exit, 'wait after the exit gives the same result')
  await driver.start(task('crash', 'crash-after', '5000'))
  await driver.start(task('oom', 'oom-after', '100'))
  await clock.advance(5000)
  t.same(await driver.wait('crash'), { code: 1, signal: null, oomKilled: false })
  t.same(await driver.wait('oom'), { code: null, signal: 'SIGKILL', oomKilled: true })
  await t.rejects(driver.wait('nobody'), { code: 'ERR_TASK_NOT_FOUND' })
})

t.test('stop sends SIGTERM and the task honours it without waiting for the grace', async t => {
  const { driver } = setup()
  await driver.start(task('term', 'run'))
  await driver.stop('term', 10_000) // resolves with no clock advance: the grace was not waited out
  t.same(await driver.wait('term'), { code: null, signal: 'SIGTERM', oomKilled: false })
  await t.rejects(driver.stop('nobody', 10), { code: 'ERR_TASK_NOT_FOUND' })
})

t.test('a task ignoring SIGTERM gets SIGKILL after the grace', async t => {
  const { clock, driver } = setup()
  await driver.start(task('stubborn', 'ignore-term'))
  let stopped = false
  const stopping = driver.stop('stubborn', 300).then(() => { stopped = true })
  await clock.advance(299)
  t.equal(stopped, false, 'waits out the grace')
  await clock.advance(1)
  await stopping
  t.equal((await driver.wait('stubborn')).signal, 'SIGKILL')
})

t.test('stop is idempotent', async t => {
  const { clock, driver } = setup()
  await driver.start(task('idem', 'ignore-term'))
  const both = Promise.all([driver.stop('idem', 2_000), driver.stop('idem', 2_000)])
  await clock.advance(2_000)
  await both
  await driver.stop('idem', 2_000)
  t.equal(driver.inspect('idem')?.state, 'exited')
  await driver.start(task('done', 'exit', '0'))
  await clock.advance(0)
  await driver.wait('done')
  await driver.stop('done', 2_000)
  t.pass('stopping an exited task resolves')
})

t.test('recover: a running task yes, a dead one no; a restarted daemon re-adopts from the host', async t => {
  const { clock, host, driver } = setup()
  const live = await driver.start(task('live', 'run'))
  t.equal(await driver.recover(live), true)
  const dead = await driver.start(task('dead', 'exit', '0'))
  await clock.advance(0)
  t.equal(await driver.recover(dead), false)

  // The daemon restarts: a new driver over the same machine knows nothing until it recovers.
  const next = new SimDriver({ clock, host })
  t.equal(next.inspect('live'), undefined)
  t.equal(await next.recover(live), true)
  t.equal(next.inspect('live')?.state, 'running')
  t.same(next.running(), ['live'])

  // A power cut: the machine comes back empty, and old handles adopt nothing.
  host.powerOff()
  const afterBoot = new SimDriver({ clock, host })
  t.equal(await afterBoot.recover(live), false)
  t.same(host.running(), [])

  await t.rejects(driver.recover({ ...live, driver: 'process' }), { code: 'ERR_WRONG_DRIVER' })
  const elsewhere = new SimDriver({ clock, host: new SimHost({ clock }, { name: 'host-b' }) })
  t.equal(await elsewhere.recover(live), false, "another machine's handle adopts nothing")
})

t.test('inspect and destroy', async t => {
  const { host, driver } = setup()
  t.equal(driver.inspect('nobody'), undefined)
  await driver.start(task('gone', 'ignore-term'))
  await driver.destroy('gone')
  t.equal(driver.inspect('gone'), undefined, 'destroy forgets the task')
  t.same(host.running(), [], 'destroy stopped it first, even one ignoring SIGTERM')
  await driver.destroy('gone')
  t.pass('destroy is idempotent')
})

t.test('a task id can be started again after it exited and was destroyed', async t => {
  const { clock, driver } = setup()
  await driver.start(task('again', 'exit', '1'))
  await clock.advance(0)
  await driver.wait('again')
  await driver.destroy('again')
  await driver.start(task('again', 'exit', '2'))
  await clock.advance(0)
  t.equal((await driver.wait('again')).code, 2)
})
