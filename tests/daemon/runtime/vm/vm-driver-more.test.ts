/**
 * More of the vm driver with real QEMU (TCG), run by `npm run test:vm`
 * (each boots guests for minutes of a shared machine): the NBD server going
 * away under a running VM, re-adoption by a second driver, the console
 * socket, the cgroup limit, BIOS and kernel boots.
 */
import { execFile } from 'node:child_process'
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { pino } from 'pino'
import { openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import { NbdServer } from '../../../../daemon/volumes/nbd/index.ts'
import { QEMU_OVERHEAD_BYTES } from '../../../../daemon/runtime/vm/index.ts'
import { exists, freePort, running, tempDir, until } from '../helpers.ts'
import { MiB, VM_MEMORY, applianceTask, http, vmAppliance, waitHealthy } from './helpers.ts'
import { setup } from './driver-fixtures.ts'

const execFileP = promisify(execFile)

// each test boots one or two Linux guests under TCG: 5–20 s each on this shared machine
t.setTimeout(900_000)

t.test('the NBD server going away and coming back under a running VM: QEMU reconnects and the guest never sees an error', async t => {
  const a = await vmAppliance()
  const { driver, logDir, ids } = await setup(t)
  const dir = await tempDir('trellis-vm-nbd-')
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  const socket = join(dir, 'nbd.sock')
  // the daemon serving the volume: its store and server go when it dies, the data stays on disk
  const serveVolume = async (): Promise<{ close: () => Promise<void> }> => {
    const store = await openSparseFileStore({}, { dir: join(dir, 'vol'), size: 64 * MiB })
    const server = new NbdServer({ logger: pino({ level: 'silent' }) })
    server.addExport({ name: 'vol', store, generation: 1 })
    await rm(socket, { force: true })
    await server.listen({ path: socket })
    return { close: async () => { await server.close(); await store.close() } }
  }
  let serving = await serveVolume()
  t.teardown(async () => { await serving.close() })
  const port = await freePort()
  ids.push('nbd.0')
  await driver.start(applianceTask(a, 'nbd.0', logDir, { port, disks: [{ name: 'data', server: { path: socket }, export: 'vol' }] }))
  await waitHealthy(port)
  t.equal((await http(port, '/cgi-bin/write', { method: 'POST', body: 'before' })).body.trim(), 'saved')
  await serving.close()
  // a write while nothing serves the volume waits in QEMU (reconnect-delay) instead of failing in the guest
  const during = http(port, '/cgi-bin/write', { method: 'POST', body: 'during', timeoutMs: 60_000 })
  let answered = false
  void during.then(() => { answered = true }, () => {})
  await new Promise(resolve => setTimeout(resolve, 2_000))
  t.notOk(answered, 'the write (its sync) waits while nothing serves the volume')
  serving = await serveVolume()
  t.equal((await during).body.trim(), 'saved', 'the write made while the server was away completed')
  t.equal((await http(port, '/cgi-bin/notes')).body.trim(), 'before\nduring')
  t.equal(driver.inspect('nbd.0')?.state, 'running')
  const log = (await driver.readLogs('nbd.0', { tail: 200 })).join('\n')
  t.notMatch(log, /I\/O error|EXT4-fs error/, 'the guest saw no I/O error')
})

t.test('a second driver re-adopts a running VM from its handle, stops it over QMP and sees its exit', async t => {
  const a = await vmAppliance()
  const first = await setup(t)
  const port = await freePort()
  first.ids.push('adopt.0')
  const handle = await first.driver.start(applianceTask(a, 'adopt.0', first.logDir, { port }))
  await waitHealthy(port)
  t.type(handle.state.qmpSocket, 'string')
  t.type(handle.state.consoleSocket, 'string')
  const pid = first.driver.inspect('adopt.0')!.pid!
  // the daemon goes away: its driver lets go, the VM keeps running
  first.driver.close()
  const { VmDriver } = await import('../../../../daemon/runtime/vm/index.ts')
  const second = new VmDriver({ logger: pino({ level: 'silent' }) }, { runDir: first.runDir, accel: 'tcg', process: { cgroupParent: first.parent } })
  t.teardown(async () => { await second.destroy('adopt.0').catch(() => {}); second.close() })
  t.equal(await second.recover(handle), true)
  t.equal(second.inspect('adopt.0')?.state, 'running')
  t.equal(second.inspect('adopt.0')?.pid, pid)
  t.ok(await running(pid))
  t.equal((await http(port, '/healthz')).status, 200, 'still serving')
  t.equal(await second.recover(handle), true, 'recover of a known running task answers for it')
  const exited = second.wait('adopt.0')
  await second.stop('adopt.0', 60_000)
  t.same(await exited, { code: 0, signal: null, oomKilled: false }, 'wait works for the re-adopted VM, and the guest powered off cleanly')
  t.ok((await second.readLogs('adopt.0', { tail: 50, stream: 'stdout' })).some(l => l.endsWith('appliance: halted cleanly')))
  t.equal(await second.recover(handle), false, 'nor once it has exited')
  const third = new VmDriver({ logger: pino({ level: 'silent' }) }, { runDir: first.runDir, accel: 'tcg', process: { cgroupParent: first.parent } })
  t.teardown(() => { third.close() })
  t.equal(await third.recover(handle), false, 'a gone VM is not re-adopted')
  await t.rejects(third.recover({ ...handle, driver: 'process' }), { code: 'ERR_WRONG_DRIVER' })
})

t.test('the serial console is a socket a client attaches to, and the log keeps it', async t => {
  const a = await vmAppliance()
  const { driver, logDir, ids } = await setup(t)
  const port = await freePort()
  ids.push('console.0')
  await driver.start(applianceTask(a, 'console.0', logDir, { port }))
  await waitHealthy(port)
  const console = connect(driver.consoleSocket('console.0'))
  t.teardown(() => { console.destroy() })
  let seen = ''
  console.on('data', (d: Buffer) => { seen += d.toString('utf8') })
  await new Promise(resolve => console.once('connect', resolve))
  console.write('echo console-$((6*7))\n')
  await until(() => seen.includes('console-42'), 30_000, 'the shell on the console to answer')
  t.pass('a shell on the console answered through the socket')
  await until(async () => (await driver.readLogs('console.0', { tail: 50, stream: 'stdout' })).some(l => l.includes('console-42')), 10_000, 'the log to keep it')
  t.pass('the same output is in the log')
})

t.test('the QEMU process runs in a cgroup limited to guest memory plus QEMU overhead', async t => {
  const a = await vmAppliance()
  const { driver, logDir, ids, parent } = await setup(t)
  ids.push('limits.0')
  const handle = await driver.start(applianceTask(a, 'limits.0', logDir, { port: await freePort() }))
  const fp = await driver.fingerprint()
  if (!fp.enforcesLimits) { t.pass(`skipped: limits advisory here (${fp.detail})`); return }
  const cgroups = JSON.parse(String(handle.state.cgroups)) as string[]
  t.ok(cgroups.every(d => d.includes(`/${parent}/limits.0`)), 'the task cgroup is under the driver parent')
  const memDir = cgroups.find(d => d.includes('memory')) ?? cgroups[0]!
  const limitFile = await exists(join(memDir, 'memory.max')) ? 'memory.max' : 'memory.limit_in_bytes'
  t.equal(Number((await readFile(join(memDir, limitFile), 'utf8')).trim()), VM_MEMORY + QEMU_OVERHEAD_BYTES)
  const procs = (await readFile(join(memDir, 'cgroup.procs'), 'utf8')).split('\n')
  t.ok(procs.includes(String(driver.inspect('limits.0')!.pid)), 'QEMU itself is in it')
})

t.test('a disk image boots through the BIOS from a fresh overlay, qcow2 or raw', async t => {
  const { driver, logDir, ids, runDir } = await setup(t)
  const image = await tempDir('trellis-vm-image-')
  t.teardown(async () => { await rm(image, { recursive: true, force: true }) })
  // not bootable: what shows the disk was the boot device is SeaBIOS trying it, on the serial console
  await execFileP('qemu-img', ['create', '-q', '-f', 'qcow2', join(image, 'root.qcow2'), '16M'])
  await execFileP('qemu-img', ['create', '-q', '-f', 'raw', join(image, 'root.img'), '16M'])
  for (const [disk, format] of [['root.qcow2', 'qcow2'], ['root.img', 'raw']] as const) {
    const id = `bios-${format}.0`
    ids.push(id)
    await driver.start({ ...applianceTask(await vmAppliance(), id, logDir, { port: await freePort() }), cwd: image, vm: { boot: { kind: 'disk', disk, format }, ports: [], disks: [] } })
    await until(async () => (await driver.readLogs(id, { tail: 20, stream: 'stdout' })).some(l => l.includes('Booting from Hard Disk')), 60_000, 'the BIOS to try the disk')
    const info = JSON.parse((await execFileP('qemu-img', ['info', '-U', '--output=json', join(runDir, id, 'root.qcow2')])).stdout) as { 'backing-filename'?: string, 'backing-filename-format'?: string }
    t.equal(info['backing-filename'], join(image, disk), `${format}: the overlay is over the image`)
    t.equal(info['backing-filename-format'], format)
    await driver.destroy(id)
  }
})

t.test('a kernel with a root disk: the guest writes to its overlay, never to the image', async t => {
  const a = await vmAppliance()
  const { driver, logDir, ids, runDir } = await setup(t)
  const image = await tempDir('trellis-vm-image-')
  t.teardown(async () => { await rm(image, { recursive: true, force: true }) })
  await copyFile(a.kernel, join(image, 'vmlinuz'))
  await copyFile(a.initrd, join(image, 'initrd.img'))
  const original = Buffer.alloc(4 * MiB, 0x5a)
  await writeFile(join(image, 'root.img'), original)
  const port = await freePort()
  const task = applianceTask(a, 'rooted.0', logDir, { port })
  ids.push('rooted.0')
  await driver.start({ ...task, cwd: image, vm: { ...task.vm!, boot: { kind: 'kernel', kernel: 'vmlinuz', initrd: 'initrd.img', append: 'console=ttyS0 quiet panic=-1', disk: 'root.img', format: 'raw' } } })
  await waitHealthy(port)
  t.equal((await http(port, '/cgi-bin/bench?qd1-16-root')).body.trim(), 'done 0', 'the guest wrote 64 KiB of zeroes to its root disk')
  await driver.stop('rooted.0', 60_000)
  t.ok((await readFile(join(image, 'root.img'))).equals(original), 'the image is as it was')
  const map = JSON.parse((await execFileP('qemu-img', ['map', '--output=json', join(runDir, 'rooted.0', 'root.qcow2')])).stdout) as Array<{ start: number, length: number, depth: number, zero: boolean }>
  t.ok(map.some(e => e.depth === 0 && e.start === 0), 'the writes are in the overlay')
})
