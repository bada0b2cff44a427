/**
 * The supervisor on a VirtualClock: back-off, its reset, health-driven
 * restarts, removal, adoption, persistence and policies.
 */
import { rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { ProcessDriver, probe } from '../../../daemon/runtime/index.ts'
import { freePort, nodeTask, quietLogger, running, shTask, until } from './helpers.ts'
import { harness } from './supervisor-harness.ts'

t.test('a crashing task is restarted after 1 s, 2 s, 4 s, 8 s', async t => {
  const h = await harness(t)
  await h.supervisor.run(h.spec('crash', shTask('crash', h.dir, 'exit 1')))
  await h.events.count('restarting', 1)
  t.same(h.events.types(), ['started', 'exited', 'restarting'])
  t.match(h.events.of('exited')[0], { code: 1, signal: null, oomKilled: false })
  t.equal(h.supervisor.status('crash')?.state, 'backoff')

  await h.clock.advance(999)
  await sleep(50)
  t.equal(h.events.of('started').length, 1, 'nothing starts before the delay is up')
  await h.clock.advance(1)
  await h.events.count('restarting', 2)
  for (const [n, delay] of [[3, 2_000], [4, 4_000]]) {
    await h.clock.advance(delay)
    await h.events.count('restarting', n)
  }
  t.same(h.events.of('restarting').map(e => e.delayMs), [1_000, 2_000, 4_000, 8_000])
  t.same(h.events.of('restarting').map(e => e.reason), ['exited', 'exited', 'exited', 'exited'])
  t.same(h.events.of('started').map(e => e.restarts), [0, 1, 2, 3])
  t.equal(h.supervisor.status('crash')?.restarts, 4)
  t.equal(h.store.saved.length, 4, 'the handle is saved after every start')
})

t.test('healthy instances are probed on one rhythm: every probe due in an instant shares it', async t => {
  const probes: Array<{ path: string, at: number }> = []
  const h = await harness(t, {}, {
    probe: async check => { probes.push({ path: check.path, at: h.clock.now() }); return { ok: true } }
  })
  const check = { kind: 'http' as const, host: '127.0.0.1', port: 1, path: '', intervalMs: 1_000, timeoutMs: 1_000, failures: 3, startPeriodMs: 0 }
  await h.supervisor.run(h.spec('a', shTask('a', h.dir, 'exec sleep 1000'), { health: { ...check, path: '/a' }, liveness: { ...check, path: '/a-live' } }))
  await h.events.count('started', 1)
  // The second starts off the first's phase, as instances do.
  await h.clock.advance(130)
  await h.supervisor.run(h.spec('b', shTask('b', h.dir, 'exec sleep 1000'), { health: { ...check, path: '/b' } }))
  await h.events.count('started', 2)
  for (let i = 0; i < 60; i++) await h.clock.advance(100)
  await h.events.count('healthy', 2)
  const from = h.clock.now()
  for (let i = 0; i < 40; i++) await h.clock.advance(100)
  const steady = probes.filter(p => p.at >= from)
  const instants = [...new Set(steady.map(p => p.at))]
  t.equal(instants.length, 4, `4 s of probes in 4 instants: ${JSON.stringify(steady)}`)
  for (const at of instants) t.same(steady.filter(p => p.at === at).map(p => p.path).sort(), ['/a', '/a-live', '/b'], `each instant probes all three (${at})`)
  t.same(instants.slice(1).map((at, i) => at - instants[i]!), [1_000, 1_000, 1_000], 'a second apart')
})

t.test('the back-off starts over after a stable period, not before', async t => {
  const h = await harness(t, { stablePeriodMs: 60_000 })
  const stay = join(h.dir, 'stay')
  await h.supervisor.run(h.spec('flaky', shTask('flaky', h.dir, `if [ -e ${stay} ]; then exec sleep 1000; else exit 1; fi`)))
  await h.events.count('restarting', 1)
  await h.clock.advance(1_000)
  await h.events.count('restarting', 2)
  await h.clock.advance(2_000)
  await h.events.count('restarting', 3)
  await writeFile(stay, '')
  await h.clock.advance(4_000)
  await h.events.count('started', 4)
  t.equal(h.supervisor.status('flaky')?.state, 'running')

  await h.clock.advance(30_000)
  process.kill(h.supervisor.status('flaky')?.pid ?? 0, 'SIGKILL')
  await h.events.count('restarting', 4)
  t.equal(h.events.of('restarting')[3].delayMs, 8_000, '30 s up is not stable: the back-off goes on')
  t.match(h.events.of('exited')[3], { code: null, signal: 'SIGKILL' })

  await h.clock.advance(8_000)
  await h.events.count('started', 5)
  await h.clock.advance(60_000)
  process.kill(h.supervisor.status('flaky')?.pid ?? 0, 'SIGKILL')
  await h.events.count('restarting', 5)
  t.equal(h.events.of('restarting')[4].delayMs, 1_000, 'after 60 s up the back-off starts over')
})

t.test('a task that fails its health check is killed and restarted', async t => {
  const h = await harness(t)
  const port = await freePort()
  const sick = join(h.dir, 'sick')
  const server = `
    const fs = require('fs')
    require('http').createServer((req, res) => {
      res.statusCode = fs.existsSync(process.env.SICK) ? 500 : 200
      res.end()
    }).listen(Number(process.env.PORT), '127.0.0.1')`
  const health = { kind: 'http' as const, host: '127.0.0.1', port, path: '/health', intervalMs: 1_000, timeoutMs: 5_000, failures: 3, startPeriodMs: 10_000 }
  await h.supervisor.run(h.spec('web', nodeTask('web', h.dir, server, { env: { PORT: String(port), SICK: sick } }), { health, stopGraceMs: 2_000 }))
  t.equal(h.supervisor.status('web')?.state, 'running')
  t.equal(h.supervisor.status('web')?.health.status, 'unknown')

  // a failure inside the start period doesn't count
  await h.clock.advance(1_000)
  await until(() => h.supervisor.status('web')?.health.lastError !== undefined || h.events.of('healthy').length > 0, 5_000, 'the first probe')
  t.equal(h.supervisor.status('web')?.health.failures, 0)
  // wait in real time for node to come up, so a slow machine never runs past the start period
  await until(async () => (await probe(health)).ok, 20_000, 'the server to listen')
  await h.clock.advance(1_000)
  await h.events.count('healthy', 1)
  t.equal(h.events.of('restarting').length, 0)
  t.equal(h.supervisor.status('web')?.state, 'healthy')
  const firstPid = h.supervisor.status('web')?.pid

  await writeFile(sick, '')
  for (let n = 1; n <= 2; n++) {
    await h.clock.advance(1_000)
    await until(() => h.supervisor.status('web')?.health.failures === n, 5_000, `failure ${n}`)
    t.equal(h.supervisor.status('web')?.state, 'healthy', `still healthy after ${n} failure(s)`)
  }
  await h.clock.advance(1_000)
  await h.events.count('restarting', 1)
  t.match(h.events.of('unhealthy')[0], { failures: 3, error: 'HTTP 500' })
  t.match(h.events.of('exited')[0], { signal: 'SIGTERM' })
  t.match(h.events.of('restarting')[0], { reason: 'unhealthy', delayMs: 1_000 })
  t.same(h.events.types().slice(-3), ['unhealthy', 'exited', 'restarting'])
  t.equal(h.supervisor.status('web')?.restarts, 1, 'counted as a restart')
  t.notOk(await running(firstPid ?? 0), 'the unhealthy task was killed')

  await h.clock.advance(1_000)
  await h.events.count('started', 2)
  t.not(h.supervisor.status('web')?.pid, firstPid, 'a new task')
})

t.test('with a liveness check, failing readiness marks the task not ready and restarts nothing; failing liveness restarts it', async t => {
  const h = await harness(t)
  const port = await freePort()
  const unready = join(h.dir, 'unready')
  const dead = join(h.dir, 'dead')
  // /ready answers 503 while the unready file exists (its backend is away); /live, 500 while dead exists.
  const server = `
    const fs = require('fs')
    require('http').createServer((req, res) => {
      const flag = req.url === '/live' ? process.env.DEAD : process.env.UNREADY
      res.statusCode = fs.existsSync(flag) ? (req.url === '/live' ? 500 : 503) : 200
      res.end()
    }).listen(Number(process.env.PORT), '127.0.0.1')`
  const check = { kind: 'http' as const, host: '127.0.0.1', port, intervalMs: 1_000, timeoutMs: 5_000, failures: 2, startPeriodMs: 0 }
  await h.supervisor.run(h.spec('web', nodeTask('web', h.dir, server, { env: { PORT: String(port), UNREADY: unready, DEAD: dead } }), {
    health: { ...check, path: '/ready' }, liveness: { ...check, path: '/live' }, stopGraceMs: 2_000
  }))
  await until(async () => (await probe({ ...check, path: '/ready' })).ok, 20_000, 'the server to listen')
  await h.clock.advance(1_000)
  await h.events.count('healthy', 1)
  const pid = h.supervisor.status('web')?.pid

  await writeFile(unready, '')
  for (let n = 1; n <= 2; n++) {
    await h.clock.advance(1_000)
    await until(() => (h.supervisor.status('web')?.health.failures ?? 0) >= n, 5_000, `readiness failure ${n}`)
  }
  await h.events.count('unready', 1)
  t.match(h.events.of('unready')[0], { failures: 2, error: 'HTTP 503' })
  t.equal(h.supervisor.status('web')?.state, 'unhealthy', 'not ready: it takes no traffic')
  await h.clock.advance(5_000)
  t.equal(h.events.of('restarting').length, 0, 'alive, so never restarted')
  t.equal(h.supervisor.status('web')?.pid, pid, 'the same task')

  await rm(unready)
  await until(async () => { await h.clock.advance(500); return h.supervisor.status('web')?.state === 'healthy' }, 10_000, 'ready again')
  t.equal(h.events.of('healthy').length, 2)

  await writeFile(dead, '')
  await until(async () => { await h.clock.advance(1_000); return h.events.of('restarting').length > 0 }, 10_000, 'the liveness restart')
  t.match(h.events.of('unhealthy')[0], { failures: 2, error: 'HTTP 500' })
  t.match(h.events.of('restarting')[0], { reason: 'unhealthy' })
  t.notOk(await running(pid ?? 0), 'the task that was not alive was killed')
})

t.test('a tcp check on a port nobody listens on makes the instance unhealthy', async t => {
  const h = await harness(t)
  const health = { kind: 'tcp' as const, host: '127.0.0.1', port: await freePort(), path: '', intervalMs: 500, timeoutMs: 500, failures: 2, startPeriodMs: 0 }
  await h.supervisor.run(h.spec('deaf', shTask('deaf', h.dir, 'exec sleep 1000'), { health }))
  await h.clock.advance(500)
  await until(() => h.supervisor.status('deaf')?.health.failures === 1, 5_000, 'the first failure')
  await h.clock.advance(500)
  await h.events.count('restarting', 1)
  t.match(h.events.of('unhealthy')[0], { failures: 2, error: /ECONNREFUSED/ })
})

t.test('remove stops the task, frees it and forgets the instance', async t => {
  const h = await harness(t)
  await h.supervisor.run(h.spec('gone', shTask('gone', h.dir, 'exec sleep 1000')))
  const pid = h.supervisor.status('gone')?.pid ?? 0
  t.ok(await running(pid))
  await h.supervisor.remove('gone', 2_000)
  t.notOk(await running(pid), 'the task is stopped')
  t.same(h.events.types(), ['started', 'exited', 'stopped'])
  t.match(h.events.of('exited')[0], { signal: 'SIGTERM' })
  t.equal(h.supervisor.status('gone'), undefined)
  t.equal(h.driver.inspect('gone'), undefined, 'the driver forgot it')
  t.same(h.store.deleted, ['gone'])
  await h.clock.advance(120_000)
  t.equal(h.events.of('started').length, 1, 'and it never comes back')
  await t.rejects(h.supervisor.remove('gone', 0), { code: 'ERR_INSTANCE_NOT_FOUND' })
})

t.test('remove during back-off cancels the restart', async t => {
  const h = await harness(t)
  await h.supervisor.run(h.spec('crash', shTask('crash', h.dir, 'exit 1')))
  await h.events.count('restarting', 1)
  await h.supervisor.remove('crash', 0)
  await h.clock.advance(60_000)
  t.same(h.events.types(), ['started', 'exited', 'restarting', 'stopped'])
})

t.test('adopt re-attaches to a live task without restarting it', async t => {
  const h = await harness(t)
  const previous = new ProcessDriver({ logger: quietLogger() }, { cgroups: 'off' })
  t.teardown(() => previous.close())
  const task = shTask('kept', h.dir, 'exec sleep 1000')
  const handle = await previous.start(task)
  const pid = handle.state.pid as number
  h.pids.push(pid)

  await h.supervisor.adopt(handle, h.spec('kept', task))
  t.same(h.events.types(), ['adopted'])
  t.equal(h.supervisor.status('kept')?.pid, pid, 'the same process')
  t.equal(h.supervisor.status('kept')?.state, 'running')
  await h.clock.advance(120_000)
  t.same(h.events.types(), ['adopted'], 'left alone')

  process.kill(pid, 'SIGKILL')
  await h.events.count('restarting', 1)
  t.match(h.events.of('exited')[0], { code: null, signal: null }, 'the code of an adopted task is unknown')
  await h.clock.advance(1_000)
  await h.events.count('started', 1)
  t.not(h.supervisor.status('kept')?.pid, pid)
})

t.test('adopt of a dead task starts it afresh', async t => {
  const h = await harness(t)
  const previous = new ProcessDriver({ logger: quietLogger() }, { cgroups: 'off' })
  t.teardown(() => previous.close())
  const task = shTask('lost', h.dir, 'exec sleep 1000')
  const handle = await previous.start(task)
  await previous.stop('lost', 0)
  await h.supervisor.adopt(handle, h.spec('lost', task))
  t.same(h.events.types(), ['started'])
  t.not(h.supervisor.status('lost')?.pid, handle.state.pid)
  t.equal(h.store.handles.get('lost')?.state.pid, h.supervisor.status('lost')?.pid, 'the new handle is saved')
})

t.test('restart policies', async t => {
  const h = await harness(t)
  await h.supervisor.run(h.spec('clean', shTask('clean', h.dir, 'exit 0'), { restart: { mode: 'on-failure' } }))
  await h.supervisor.run(h.spec('once', shTask('once', h.dir, 'exit 1'), { restart: { mode: 'never' } }))
  await h.supervisor.run(h.spec('capped', shTask('capped', h.dir, 'exit 1'), { restart: { mode: 'always', maxAttempts: 2 } }))
  await until(() => h.supervisor.status('clean')?.state === 'stopped', 5_000, 'clean to stop')
  await until(() => h.supervisor.status('once')?.state === 'failed', 5_000, 'once to fail')
  await h.events.count('restarting', 1)
  await h.clock.advance(1_000)
  await h.events.count('restarting', 2)
  await h.clock.advance(2_000)
  await until(() => h.supervisor.status('capped')?.state === 'failed', 5_000, 'capped to fail')
  t.equal(h.supervisor.status('clean')?.lastExit?.code, 0)
  t.match(h.events.of('failed').find(e => e.id === 'once'), { reason: /exited with code 1; restart policy never/ })
  t.match(h.events.of('failed').find(e => e.id === 'capped'), { reason: /gave up after 2 restarts/ })
  t.equal(h.supervisor.status('capped')?.restarts, 2)
  t.ok(h.store.deleted.includes('clean') && h.store.deleted.includes('once'), 'handles of ended instances are deleted')
})

t.test('a task that cannot start fails at once when its config is bad', async t => {
  const h = await harness(t)
  await h.supervisor.run(h.spec('broken', { ...shTask('broken', h.dir, ''), command: ['/no/such/program'] }))
  t.equal(h.supervisor.status('broken')?.state, 'failed')
  t.same(h.events.types(), ['failed'])
})

t.test('close stops supervising but leaves tasks running', async t => {
  const h = await harness(t)
  await h.supervisor.run(h.spec('stays', shTask('stays', h.dir, 'exec sleep 1000')))
  const pid = h.supervisor.status('stays')?.pid ?? 0
  const closing = h.supervisor.close()
  t.equal(h.supervisor.close(), closing, 'close returns the same promise')
  await closing
  t.ok(await running(pid), 'the task still runs')
  await t.rejects(h.supervisor.run(h.spec('late', shTask('late', h.dir, 'true'))), { code: 'ERR_SUPERVISOR_CLOSED' })
  process.kill(pid, 'SIGKILL')
  await sleep(100)
  t.same(h.events.types(), ['started'], 'no events after close')
})

t.test('stopAll stops every instance; ids are unique', async t => {
  const h = await harness(t)
  await h.supervisor.run(h.spec('a', shTask('a', h.dir, 'exec sleep 1000')))
  await h.supervisor.run(h.spec('b', shTask('b', h.dir, 'exec sleep 1000')))
  await t.rejects(h.supervisor.run(h.spec('a', shTask('a', h.dir, 'true'))), { code: 'ERR_INSTANCE_EXISTS' })
  const pids = h.supervisor.list().map(s => s.pid ?? 0)
  t.equal(pids.length, 2)
  await h.supervisor.stopAll(1_000)
  for (const pid of pids) t.notOk(await running(pid))
  t.same(h.supervisor.list(), [])
  t.equal(h.events.of('stopped').length, 2)
})

t.test('health starts over with each new task', async t => {
  // the health server lives in the test: probes keep their own wall-clock timeout while the virtual clock stands still
  const h = await harness(t)
  let answer = 200
  const server = createServer((req, res) => { res.statusCode = answer; res.end() })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const health = { kind: 'http' as const, host: '127.0.0.1', port, path: '/', intervalMs: 1_000, timeoutMs: 500, failures: 1, startPeriodMs: 0 }
  await h.supervisor.run(h.spec('probed', shTask('probed', h.dir, 'exec sleep 1000'), { health }))
  await h.clock.advance(1_000)
  await h.events.count('healthy', 1)
  answer = 503
  await h.clock.advance(1_000)
  await h.events.count('restarting', 1)
  answer = 200
  await h.clock.advance(1_000)
  await h.events.count('started', 2)
  t.equal(h.supervisor.status('probed')?.health.status, 'unknown', 'health starts over with the new task')
  await h.clock.advance(1_000)
  await h.events.count('healthy', 2)
})
