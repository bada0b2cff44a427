/**
 * The vm driver with real QEMU (TCG) and the test appliance, the part that
 * runs in npm test: HTTP on the forwarded port, the environment and outputs
 * as the guest sees them, a volume served by the project's own NBD server
 * surviving a kill -9 of QEMU, the ACPI power-down, and configs refused
 * before anything starts. vm-driver-more.test.ts (npm run test:vm) boots
 * the rest: NBD reconnects, re-adoption, the console socket, the cgroup
 * limit, BIOS and kernel boots.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import t from 'tap'
import { pino } from 'pino'
import { exists, freePort, running, tempDir } from '../helpers.ts'
import { MiB, applianceTask, http, vmAppliance, waitHealthy } from './helpers.ts'
import { nbdVolume, setup } from './driver-fixtures.ts'


// each test boots one or two Linux guests under TCG: 5–20 s each on this shared machine
t.setTimeout(900_000)

t.test('a VM serves HTTP on its forwarded port, sees its environment and reaches its outputs through the host', async t => {
  const a = await vmAppliance()
  const { driver, logDir, ids } = await setup(t)
  // an output: a server on the host's loopback, as the daemon's forwarder would be
  const backend = createServer(socket => { socket.end('HTTP/1.0 200 OK\r\n\r\nfrom the host\n') })
  await new Promise<void>(resolve => backend.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { backend.close() })
  const backendPort = (backend.address() as { port: number }).port
  const port = await freePort()
  ids.push('web.0')
  await driver.start(applianceTask(a, 'web.0', logDir, { port, env: { TRELLIS_OUT_DB: `127.0.0.1:${backendPort}`, TRELLIS_PROP_SECRET: 'it\'s "quoted" $HOME' } }))
  await waitHealthy(port)
  const page = await http(port, '/')
  t.equal(page.status, 200)
  t.match(page.body, /<h1>web\.0<\/h1>/, 'the page names the instance')
  t.match(page.body, /no volume/)
  const env = (await http(port, '/cgi-bin/env')).body.split('\n')
  t.ok(env.includes('TRELLIS_IN_HTTP=10.0.2.15:80'), 'the input is the guest port on the guest address')
  t.ok(env.includes(`TRELLIS_OUT_DB=10.0.2.2:${backendPort}`), 'the output is the host port through the gateway')
  t.ok(env.includes('TRELLIS_PROP_SECRET=it\'s "quoted" $HOME'), 'values arrive verbatim, quotes and $ included')
  t.ok(env.includes('TRELLIS_VM_ADDRESS=10.0.2.15/24'))
  t.notOk(env.some(l => l.startsWith('PATH=/usr')), 'the host PATH stays on the host')
  t.equal((await http(port, '/cgi-bin/out?DB')).body.trim(), 'HTTP/1.0 200 OK', 'the guest reached the output on the host')
  const argv = await readFile(`/proc/${driver.inspect('web.0')!.pid}/cmdline`, 'utf8')
  t.notOk(argv.includes('quoted'), 'the environment is not on QEMU\'s command line')
})

// One guest for the volume and the clean stop: each boot under TCG is 10-20 s of npm test.
t.test('a volume from an NBD export is formatted on first boot and keeps a write across a kill -9 of QEMU; stop is an ACPI power-down', async t => {
  const a = await vmAppliance()
  const { driver, logDir, ids } = await setup(t)
  const { socket, server } = await nbdVolume(t)
  const port = await freePort()
  const task = applianceTask(a, 'db.0', logDir, { port, disks: [{ name: 'data', server: { path: socket }, export: 'vol' }] })
  ids.push('db.0')
  await driver.start(task)
  await waitHealthy(port)
  t.match((await http(port, '/')).body, /boots: 1/, 'a blank volume, formatted and mounted')
  t.equal((await http(port, '/cgi-bin/write', { method: 'POST', body: 'kept across a kill' })).body.trim(), 'saved')
  t.ok(server.stats().requests.flush > 0, 'the guest flushed through NBD')
  const pid = driver.inspect('db.0')!.pid!
  process.kill(pid, 'SIGKILL')
  const killed = await driver.wait('db.0')
  t.equal(killed.signal, 'SIGKILL')
  await driver.destroy('db.0')
  await driver.start(task)
  await waitHealthy(port)
  t.equal((await http(port, '/cgi-bin/notes')).body.trim(), 'kept across a kill', 'the note is on the volume')
  t.match((await http(port, '/')).body, /boots: 2/, 'the same file system, not a new one')
  const log = (await driver.readLogs('db.0', { tail: 200, stream: 'stdout' })).join('\n')
  t.match(log, /volume data is blank: formatting/, 'formatted once')
  t.equal(log.match(/formatting/g)?.length, 1, 'and only once')
  await driver.stop('db.0', 60_000)
  t.same(await driver.wait('db.0'), { code: 0, signal: null, oomKilled: false }, 'stopped: QEMU exited by itself')
  const after = await driver.readLogs('db.0', { tail: 50, stream: 'stdout' })
  // the console's shell may have its prompt on the same line
  t.ok(after.some(l => l.endsWith('appliance: power button')), 'the guest heard the power button')
  t.ok(after.some(l => l.endsWith('appliance: halted cleanly')), 'and ran its shutdown (volume unmounted) before powering off')
})

t.test('bad configs are refused before anything starts', async t => {
  const a = await vmAppliance()
  const { driver, logDir, runDir } = await setup(t)
  const port = await freePort()
  const good = applianceTask(a, 'bad.0', logDir, { port })
  const cases: Array<[string, typeof good]> = [
    ['no vm section', { ...good, vm: undefined }],
    ['a missing kernel', { ...good, vm: { ...good.vm!, boot: { kind: 'kernel', kernel: 'boot/nope' } } }],
    ['a disk name that is not a serial', { ...good, vm: { ...good.vm!, disks: [{ name: 'a name with spaces', server: { path: '/run/x.sock' }, export: 'v' }] } }],
    ['a port forwarded twice', { ...good, vm: { ...good.vm!, ports: [{ host: port, guest: 80 }, { host: port, guest: 81 }] } }],
    ['too little memory', { ...good, resources: { cpu: 1, memory: 8 * MiB } }],
    ['an unsafe id', { ...good, id: '../escape' }]
  ]
  for (const [what, config] of cases) {
    await t.rejects(driver.start(config), { code: 'ERR_INVALID_TASK_CONFIG' }, what)
    t.equal(driver.inspect(config.id), undefined, `${what}: nothing started`)
  }
  t.notOk(await exists(join(runDir, 'bad.0')), 'no run dir made')
})

t.test('a QEMU that fails at start fails start() with its own message', async t => {
  const { driver, logDir } = await setup(t)
  const image = await tempDir('trellis-vm-image-')
  t.teardown(async () => { await rm(image, { recursive: true, force: true }) })
  await writeFile(join(image, 'vmlinuz'), 'not a kernel')
  const config = { ...applianceTask(await vmAppliance(), 'broken.0', logDir, { port: await freePort() }), cwd: image }
  config.vm = { ...config.vm!, boot: { kind: 'kernel', kernel: 'vmlinuz' } }
  const err = await driver.start(config).catch((e: unknown) => e) as { code?: string, message?: string }
  t.equal(err.code, 'ERR_TASK_START_FAILED')
  t.match(err.message, /kernel/i, `QEMU's reason is in the error: ${err.message}`)
  t.equal(driver.inspect('broken.0')?.state, 'exited', 'nothing left running')
  await driver.destroy('broken.0')
})
