/**
 * The Driver contract as tests, run against every driver that runs real
 * tasks (process, vm): `driverCompliance('process', async () => ({ driver, cleanup }))`.
 * Each subtest gets a fresh driver from `setup` and a temp dir, and its
 * teardown destroys every task it started, even when an assertion failed.
 *
 * What a task does is the driver's own business (a shell script, a VM), so
 * `setup` may return a TaskKit that makes the tasks each case needs; without
 * one the shell kit below is used. A case whose task the kit cannot make is
 * skipped, saying so.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import type { Driver, ExitResult, LogReader, TaskConfig, TaskHandle } from '../../../daemon/runtime/index.ts'
import { exists, killQuietly, nodeTask, removeDir, running, shTask, tempDir, until } from './helpers.ts'

/** The type of a tap subtest's `t`. */
export type TapTest = Parameters<Parameters<typeof t.test>[0]>[0]

/** A task and a way to tell when it is ready for what the case does next. */
export interface KitTask {
  config: TaskConfig
  /** True once the task can take a polite stop (a VM has booted); default at once. */
  ready?: () => Promise<boolean>
}

/** The tasks the cases need, in one driver's terms. */
export interface TaskKit {
  /** Runs until stopped and honours the polite stop (SIGTERM; a VM's ACPI power button). */
  runs (id: string, dir: string): Promise<KitTask>
  /** How a task that honoured the polite stop exits. */
  stoppedExit: ExitResult
  /** The grace the polite-stop case gives; honouring it must take less than half. */
  stopGraceMs: number
  /** Ends by itself, and how; `n` tells two runs apart where the driver can (the shell task exits with code n). */
  ends (id: string, dir: string, n: number): Promise<{ config: TaskConfig, exit: ExitResult }>
  /** Sees variable `name` = `value` in its environment; `seen` reads back what it saw, and its working directory where that means something. */
  seesEnv (id: string, dir: string, name: string, value: string): Promise<KitTask & { seen: () => Promise<{ value?: string, cwd?: string }> }>
  /** Ignores the polite stop. */
  stubborn?: (id: string, dir: string) => Promise<KitTask>
  /** Starts a child process; `child` gives its pid. */
  family?: (id: string, dir: string) => Promise<KitTask & { child: () => Promise<number | undefined> }>
  /** Logs and ends: the lines of each stream, all of them when `whole`, else the ends of lines that appear in this order. */
  logs?: (id: string, dir: string) => Promise<{ config: TaskConfig, stdout: string[], stderr: string[], whole: boolean }>
}

type Setup = () => Promise<{ driver: Driver, cleanup: () => Promise<void>, kit?: TaskKit }>

interface Env {
  driver: Driver
  dir: string
  kit: TaskKit
  /** Starts a task and remembers it for teardown. */
  start: (config: TaskConfig) => Promise<TaskHandle>
}

function hasLogs (driver: Driver): driver is Driver & LogReader {
  return typeof (driver as Partial<LogReader>).readLogs === 'function'
}

/** The kit of plain processes: /bin/sh and node scripts. */
export const SHELL_KIT: TaskKit = {
  runs: async (id, dir) => ({ config: shTask(id, dir, 'exec sleep 30') }),
  stoppedExit: { code: null, signal: 'SIGTERM', oomKilled: false },
  stopGraceMs: 10_000,
  ends: async (id, dir, n) => ({ config: shTask(id, dir, `exit ${n}`), exit: { code: n, signal: null, oomKilled: false } }),
  seesEnv: async (id, dir, name, value) => {
    const out = join(dir, `${id}.seen`)
    return {
      // Written whole, then renamed: a reader polling the file must not see the value without the cwd.
      config: shTask(id, dir, `{ echo "$${name}"; pwd; } > ${out}.part && mv ${out}.part ${out}`, { env: { [name]: value } }),
      seen: async () => {
        const [seen, cwd] = (await readFile(out, 'utf8').catch(() => '')).split('\n')
        return { value: seen, cwd }
      }
    }
  },
  stubborn: async (id, dir) => {
    const ready = join(dir, `${id}.ready`)
    return {
      config: nodeTask(id, dir, "process.on('SIGTERM', () => {}); require('fs').writeFileSync(process.env.READY, ''); setInterval(() => {}, 1000)", { env: { READY: ready } }),
      ready: async () => await exists(ready)
    }
  },
  family: async (id, dir) => {
    const pidFile = join(dir, `${id}.child`)
    return {
      // Written aside and renamed, so the file appears with its pid in it (the shell creates a redirect's file before echo writes).
      config: shTask(id, dir, `sleep 30 & echo $! > ${pidFile}.new; mv ${pidFile}.new ${pidFile}; wait`),
      ready: async () => await exists(pidFile),
      child: async () => Number((await readFile(pidFile, 'utf8')).trim())
    }
  },
  logs: async (id, dir) => ({ config: shTask(id, dir, 'echo out1; echo out2; echo err1 >&2'), stdout: ['out1', 'out2'], stderr: ['err1'], whole: true })
}

/** True when lines ending with each of `want` appear in `lines` in this order, not necessarily together (a console may prefix a prompt). */
function inOrder (lines: string[], want: string[]): boolean {
  let i = 0
  for (const line of lines) if (i < want.length && line.endsWith(want[i]!)) i++
  return i === want.length
}

/** Registers the compliance tests for one driver. */
export function driverCompliance (name: string, setup: Setup): void {
  const test = (title: string, fn: (t: TapTest, env: Env) => Promise<void>): void => {
    t.test(`${name}: ${title}`, async t => {
      const { driver, cleanup, kit } = await setup()
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
      await fn(t, { driver, dir, start, kit: kit ?? SHELL_KIT })
    })
  }
  const ready = async (task: KitTask, timeoutMs = 120_000): Promise<void> => {
    if (task.ready !== undefined) await until(task.ready, timeoutMs, `${task.config.id} to be ready`)
  }

  test('fingerprint names the driver and says whether limits are enforced', async (t, { driver }) => {
    const fp = await driver.fingerprint()
    t.equal(fp.driver, driver.name)
    t.equal(fp.healthy, true)
    t.type(fp.enforcesLimits, 'boolean')
    t.type(fp.detail, 'string')
    t.ok(fp.detail.length > 0, 'detail explains the limits')
  })

  test('start gives a handle and a running task', async (t, { driver, dir, start, kit }) => {
    const handle = await start((await kit.runs('run-1', dir)).config)
    t.equal(handle.driver, driver.name)
    t.equal(handle.id, 'run-1')
    t.type(handle.startedAt, 'number')
    t.same(JSON.parse(JSON.stringify(handle)), handle, 'the handle is plain data')
    const status = driver.inspect('run-1')
    t.equal(status?.state, 'running')
    t.equal(status?.id, 'run-1')
    t.type(status?.pid, 'number')
  })

  test('wait gives the exit code', async (t, { driver, dir, start, kit }) => {
    const ends = await kit.ends('exit-3', dir, 3)
    await start(ends.config)
    const exit = await driver.wait('exit-3')
    t.same(exit, ends.exit)
    t.equal(driver.inspect('exit-3')?.state, 'exited')
    t.same(driver.inspect('exit-3')?.exit, exit)
    t.same(await driver.wait('exit-3'), exit, 'wait after the exit gives the same result')
  })

  test('env and cwd reach the task', async (t, { dir, start, kit }) => {
    const task = await kit.seesEnv('env', dir, 'TRELLIS_PROP_GREETING', "hello 'world'")
    await start(task.config)
    await ready(task)
    let seen: { value?: string, cwd?: string } = {}
    await until(async () => { seen = await task.seen(); return seen.value !== undefined && seen.value !== '' }, 60_000, 'the task to report its environment')
    t.equal(seen.value, "hello 'world'")
    if (seen.cwd !== undefined) t.equal(seen.cwd, dir)
  })

  test('stop asks politely and the task honours it', async (t, { driver, dir, start, kit }) => {
    const task = await kit.runs('term', dir)
    await start(task.config)
    await ready(task)
    const t0 = Date.now()
    await driver.stop('term', kit.stopGraceMs)
    t.ok(Date.now() - t0 < kit.stopGraceMs / 2, 'did not wait for the grace to run out')
    const exit = await driver.wait('term')
    t.same(exit, kit.stoppedExit)
    t.equal(driver.inspect('term')?.state, 'exited')
  })

  test('a task ignoring the polite stop is killed after the grace', async (t, { driver, dir, start, kit }) => {
    if (kit.stubborn === undefined) { t.pass('skipped: the kit has no task that ignores a stop'); return }
    const task = await kit.stubborn('stubborn', dir)
    await start(task.config)
    await ready(task)
    const t0 = Date.now()
    await driver.stop('stubborn', 300)
    t.ok(Date.now() - t0 >= 290, 'waited out the grace')
    const exit = await driver.wait('stubborn')
    t.equal(exit.signal, 'SIGKILL')
  })

  test('stop is idempotent', async (t, { driver, dir, start, kit }) => {
    const task = await kit.runs('idem', dir)
    await start(task.config)
    await ready(task)
    await Promise.all([driver.stop('idem', kit.stopGraceMs), driver.stop('idem', kit.stopGraceMs)])
    await driver.stop('idem', kit.stopGraceMs)
    t.equal(driver.inspect('idem')?.state, 'exited')
    await start((await kit.ends('done', dir, 0)).config)
    await driver.wait('done')
    await driver.stop('done', 2_000)
    t.pass('stopping an exited task resolves')
  })

  test('stop also ends the children of the task', async (t, { driver, dir, start, kit }) => {
    if (kit.family === undefined) { t.pass('skipped: the kit has no task with children'); return }
    const task = await kit.family('family', dir)
    await start(task.config)
    await ready(task, 5_000)
    const child = await task.child()
    await driver.stop('family', 2_000)
    t.ok(child !== undefined && !await running(child), 'the child is gone too')
  })

  test('logs are captured', async (t, { driver, dir, start, kit }) => {
    if (!hasLogs(driver)) { t.pass('skipped: driver has no LogReader'); return }
    if (kit.logs === undefined) { t.pass('skipped: the kit has no task that logs'); return }
    const task = await kit.logs('logs', dir)
    await start(task.config)
    await driver.wait('logs')
    const out = await driver.readLogs('logs', { tail: 200, stream: 'stdout' })
    const err = await driver.readLogs('logs', { tail: 200, stream: 'stderr' })
    if (task.whole) {
      t.same(out, task.stdout)
      t.same(err, task.stderr)
    } else {
      t.ok(inOrder(out, task.stdout), `stdout holds ${JSON.stringify(task.stdout)} in order`)
      t.ok(inOrder(err, task.stderr), `stderr holds ${JSON.stringify(task.stderr)} in order`)
    }
    t.same(await driver.readLogs('logs', { tail: 1, stream: 'stdout' }), out.slice(-1), 'tail gives the last lines')
    t.same((await driver.readLogs('logs', { tail: 200 })).sort(), [...out, ...err].sort(), 'both streams')
  })

  test('recover: a running task yes, a dead one no', async (t, { driver, dir, start, kit }) => {
    const live = await start((await kit.runs('live', dir)).config)
    t.equal(await driver.recover(live), true)
    t.equal(driver.inspect('live')?.state, 'running')
    const dead = await start((await kit.ends('dead', dir, 0)).config)
    await driver.wait('dead')
    t.equal(await driver.recover(dead), false)
  })

  test('inspect and destroy', async (t, { driver, dir, start, kit }) => {
    t.equal(driver.inspect('nobody'), undefined)
    await start((await kit.runs('gone', dir)).config)
    const pid = driver.inspect('gone')?.pid
    await driver.destroy('gone')
    t.equal(driver.inspect('gone'), undefined, 'destroy forgets the task')
    if (pid !== undefined) t.notOk(await running(pid), 'destroy stopped it first')
    await driver.destroy('gone')
    t.pass('destroy is idempotent')
  })

  test('a task id can be started again after it exited and was destroyed', async (t, { driver, dir, start, kit }) => {
    const first = await start((await kit.ends('again', dir, 1)).config)
    await driver.wait('again')
    await driver.destroy('again')
    const second = await kit.ends('again', dir, 2)
    const handle = await start(second.config)
    t.not(handle.state.pid, first.state.pid, 'a new task')
    t.same(await driver.wait('again'), second.exit)
  })
}
