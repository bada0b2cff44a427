/**
 * The Driver contract as tests, run against every driver (process now; sim
 * and qemu later): `driverCompliance('process', async () => ({ driver, cleanup }))`.
 * Each subtest gets a fresh driver from `setup` and a temp dir, and its
 * teardown destroys every task it started, even when an assertion failed.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import type { Driver, LogReader, TaskConfig, TaskHandle } from '../../../daemon/runtime/index.ts'
import { exists, killQuietly, nodeTask, removeDir, running, shTask, tempDir, until } from './helpers.ts'

/** The type of a tap subtest's `t`. */
export type TapTest = Parameters<Parameters<typeof t.test>[0]>[0]

type Setup = () => Promise<{ driver: Driver, cleanup: () => Promise<void> }>

interface Env {
  driver: Driver
  dir: string
  /** Starts a task and remembers it for teardown. */
  start: (config: TaskConfig) => Promise<TaskHandle>
}

function hasLogs (driver: Driver): driver is Driver & LogReader {
  return typeof (driver as Partial<LogReader>).readLogs === 'function'
}

/** Registers the compliance tests for one driver. */
export function driverCompliance (name: string, setup: Setup): void {
  const test = (title: string, fn: (t: TapTest, env: Env) => Promise<void>): void => {
    t.test(`${name}: ${title}`, async t => {
      const { driver, cleanup } = await setup()
      const dir = await tempDir()
      const started: Array<{ id: string, pid?: number }> = []
      t.teardown(async () => {
        for (const s of started) {
          await driver.destroy(s.id).catch(() => {})
          killQuietly(s.pid)
        }
        await cleanup()
        await removeDir(dir)
      })
      const start = async (config: TaskConfig): Promise<TaskHandle> => {
        const entry: { id: string, pid?: number } = { id: config.id }
        started.push(entry)
        const handle = await driver.start(config)
        entry.pid = driver.inspect(config.id)?.pid
        return handle
      }
      await fn(t, { driver, dir, start })
    })
  }

  test('fingerprint names the driver and says whether limits are enforced', async (t, { driver }) => {
    const fp = await driver.fingerprint()
    t.equal(fp.driver, driver.name)
    t.equal(fp.healthy, true)
    t.type(fp.enforcesLimits, 'boolean')
    t.type(fp.detail, 'string')
    t.ok(fp.detail.length > 0, 'detail explains the limits')
  })

  test('start gives a handle and a running task', async (t, { driver, dir, start }) => {
    const handle = await start(shTask('run-1', dir, 'exec sleep 30'))
    t.equal(handle.driver, driver.name)
    t.equal(handle.id, 'run-1')
    t.type(handle.startedAt, 'number')
    t.same(JSON.parse(JSON.stringify(handle)), handle, 'the handle is plain data')
    const status = driver.inspect('run-1')
    t.equal(status?.state, 'running')
    t.equal(status?.id, 'run-1')
    t.type(status?.pid, 'number')
  })

  test('wait gives the exit code', async (t, { driver, dir, start }) => {
    await start(shTask('exit-3', dir, 'exit 3'))
    const exit = await driver.wait('exit-3')
    t.same(exit, { code: 3, signal: null, oomKilled: false })
    t.equal(driver.inspect('exit-3')?.state, 'exited')
    t.same(driver.inspect('exit-3')?.exit, exit)
    t.same(await driver.wait('exit-3'), exit, 'wait after the exit gives the same result')
  })

  test('env and cwd reach the task', async (t, { driver, dir, start }) => {
    await start(shTask('env', dir, 'echo "$GREETING" > out.txt; pwd >> out.txt', { env: { GREETING: 'hello' } }))
    await driver.wait('env')
    t.equal(await readFile(join(dir, 'out.txt'), 'utf8'), `hello\n${dir}\n`)
  })

  test('stop sends SIGTERM and the task honours it', async (t, { driver, dir, start }) => {
    await start(shTask('term', dir, 'exec sleep 30'))
    const t0 = Date.now()
    await driver.stop('term', 10_000)
    t.ok(Date.now() - t0 < 5_000, 'did not wait for the grace to run out')
    const exit = await driver.wait('term')
    t.equal(exit.signal, 'SIGTERM')
    t.equal(exit.code, null)
    t.equal(driver.inspect('term')?.state, 'exited')
  })

  test('a task ignoring SIGTERM gets SIGKILL after the grace', async (t, { driver, dir, start }) => {
    const ready = join(dir, 'ready')
    await start(nodeTask('stubborn', dir,
      "process.on('SIGTERM', () => {}); require('fs').writeFileSync(process.env.READY, ''); setInterval(() => {}, 1000)",
      { env: { READY: ready } }))
    await until(async () => await exists(ready), 10_000, 'the task to install its SIGTERM handler')
    const t0 = Date.now()
    await driver.stop('stubborn', 300)
    t.ok(Date.now() - t0 >= 290, 'waited out the grace')
    const exit = await driver.wait('stubborn')
    t.equal(exit.signal, 'SIGKILL')
  })

  test('stop is idempotent', async (t, { driver, dir, start }) => {
    await start(shTask('idem', dir, 'exec sleep 30'))
    await Promise.all([driver.stop('idem', 2_000), driver.stop('idem', 2_000)])
    await driver.stop('idem', 2_000)
    t.equal(driver.inspect('idem')?.state, 'exited')
    await start(shTask('done', dir, 'exit 0'))
    await driver.wait('done')
    await driver.stop('done', 2_000)
    t.pass('stopping an exited task resolves')
  })

  test('stop also ends the children of the task', async (t, { driver, dir, start }) => {
    const pidFile = join(dir, 'child.pid')
    await start(shTask('family', dir, `sleep 30 & echo $! > ${pidFile}; wait`))
    await until(async () => await exists(pidFile), 5_000, 'the child to start')
    const child = Number((await readFile(pidFile, 'utf8')).trim())
    await driver.stop('family', 2_000)
    t.notOk(await running(child), 'the child is gone too')
  })

  test('logs are captured', async (t, { driver, dir, start }) => {
    if (!hasLogs(driver)) { t.pass('skipped: driver has no LogReader'); return }
    await start(shTask('logs', dir, 'echo out1; echo out2; echo err1 >&2'))
    await driver.wait('logs')
    t.same(await driver.readLogs('logs', { tail: 10, stream: 'stdout' }), ['out1', 'out2'])
    t.same(await driver.readLogs('logs', { tail: 10, stream: 'stderr' }), ['err1'])
    t.same(await driver.readLogs('logs', { tail: 1, stream: 'stdout' }), ['out2'])
    t.same((await driver.readLogs('logs', { tail: 10 })).sort(), ['err1', 'out1', 'out2'])
  })

  test('recover: a running task yes, a dead one no', async (t, { driver, dir, start }) => {
    const live = await start(shTask('live', dir, 'exec sleep 30'))
    t.equal(await driver.recover(live), true)
    t.equal(driver.inspect('live')?.state, 'running')
    const dead = await start(shTask('dead', dir, 'exit 0'))
    await driver.wait('dead')
    t.equal(await driver.recover(dead), false)
  })

  test('inspect and destroy', async (t, { driver, dir, start }) => {
    t.equal(driver.inspect('nobody'), undefined)
    await start(shTask('gone', dir, 'exec sleep 30'))
    const pid = driver.inspect('gone')?.pid
    await driver.destroy('gone')
    t.equal(driver.inspect('gone'), undefined, 'destroy forgets the task')
    if (pid !== undefined) t.notOk(await running(pid), 'destroy stopped it first')
    await driver.destroy('gone')
    t.pass('destroy is idempotent')
  })

  test('a task id can be started again after it exited and was destroyed', async (t, { driver, dir, start }) => {
    await start(shTask('again', dir, 'exit 1'))
    await driver.wait('again')
    await driver.destroy('again')
    await start(shTask('again', dir, 'exit 2'))
    t.equal((await driver.wait('again')).code, 2)
  })
}
