/**
 * The vm driver's pure parts (config checks, the guest's environment, the
 * QEMU command line), its QMP client against a scripted QMP server on a real
 * Unix socket, and the appliance builder's module ordering.
 */
import { execFileSync } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import { createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import t from 'tap'
import {
  QmpClient, formatEnvFile, guestEnv, qemuArgs, vmTaskFromImage, vmTaskProblems, type QemuPlan, type QmpEvent, type VmTaskConfig
} from '../../../../daemon/runtime/vm/index.ts'
import { moduleLoadOrder, moduleName, readModuleDepends } from '../../../helpers/vm-appliance/modules.ts'
import type { TapTest } from '../driver-compliance.ts'
import { tempDir, until } from '../helpers.ts'

const GOOD: VmTaskConfig = {
  boot: { kind: 'kernel', kernel: 'boot/vmlinuz', initrd: 'boot/initrd.img', append: 'console=ttyS0' },
  ports: [{ host: 20080, guest: 80 }],
  disks: [{ name: 'data', server: { path: '/run/trellis/nbd.sock' }, export: 'app.db.data' }]
}

t.test('vm task configs: a good one passes, each fault is named by its field', async t => {
  t.same(vmTaskProblems(GOOD), [])
  t.same(vmTaskProblems({ ...GOOD, boot: { kind: 'disk', disk: 'root.qcow2', format: 'qcow2' } }), [])
  const cases: Array<[string, unknown, string]> = [
    ['no section', undefined, 'vm:'],
    ['unknown boot kind', { ...GOOD, boot: { kind: 'pxe' } }, 'vm.boot.kind'],
    ['kernel boot without a kernel', { ...GOOD, boot: { kind: 'kernel' } }, 'vm.boot.kernel'],
    ['disk boot without a format', { ...GOOD, boot: { kind: 'disk', disk: 'd' } }, 'vm.boot.format'],
    ['a port out of range', { ...GOOD, ports: [{ host: 0, guest: 80 }] }, 'vm.ports[0].host'],
    ['a guest port that is no number', { ...GOOD, ports: [{ host: 1, guest: '80' }] }, 'vm.ports[0].guest'],
    ['a disk serial too long', { ...GOOD, disks: [{ ...GOOD.disks[0], name: 'x'.repeat(21) }] }, 'vm.disks[0].name'],
    ['a disk named root', { ...GOOD, disks: [{ ...GOOD.disks[0], name: 'root' }] }, 'vm.disks[0].name'],
    ['two disks of one name', { ...GOOD, disks: [GOOD.disks[0], GOOD.disks[0]] }, 'vm.disks[1].name'],
    ['a relative socket', { ...GOOD, disks: [{ ...GOOD.disks[0], server: { path: 'nbd.sock' } }] }, 'vm.disks[0].server.path'],
    ['no server', { ...GOOD, disks: [{ name: 'data', export: 'e' }] }, 'vm.disks[0].server'],
    ['no export', { ...GOOD, disks: [{ name: 'data', server: { host: '127.0.0.1', port: 10809 } }] }, 'vm.disks[0].export']
  ]
  for (const [what, vm, field] of cases) {
    const problems = vmTaskProblems(vm as VmTaskConfig)
    t.equal(problems.length, 1, `${what}: one problem (${problems.join('; ')})`)
    t.ok(problems[0]?.startsWith(field), `${what}: names ${field}`)
  }
})

t.test('a task\'s vm section from the image\'s, the allocated ports and the volumes', async t => {
  const kernel = vmTaskFromImage({ kernel: 'boot/vmlinuz', initrd: 'boot/initrd.img', append: 'quiet', ports: { http: 80, admin: 8080 } }, { http: 20080, admin: 20081 }, GOOD.disks)
  t.same(kernel, {
    boot: { kind: 'kernel', kernel: 'boot/vmlinuz', initrd: 'boot/initrd.img', append: 'quiet' },
    ports: [{ host: 20080, guest: 80 }, { host: 20081, guest: 8080 }],
    disks: GOOD.disks
  })
  t.same(vmTaskProblems(kernel), [])
  const disk = vmTaskFromImage({ disk: 'root.qcow2', format: 'qcow2', ports: { http: 80 } }, { http: 20080 }, [])
  t.same(disk.boot, { kind: 'disk', disk: 'root.qcow2', format: 'qcow2' })
  t.same(vmTaskProblems(disk), [])
  t.same(vmTaskFromImage({ kernel: 'k', disk: 'r.img', format: 'raw', ports: {} }, { http: 1 }, []), {
    boot: { kind: 'kernel', kernel: 'k', disk: 'r.img', format: 'raw' }, ports: [], disks: []
  }, 'an input the image gives no guest port is not forwarded')
})

t.test('the guest environment: addresses as the guest reaches them, disks by serial, host variables left out', async t => {
  const env = guestEnv({
    PATH: '/usr/bin',
    HOME: '/root',
    LANG: 'C.UTF-8',
    TRELLIS_IN_HTTP: '127.0.0.1:20080',
    TRELLIS_OUT_DB: '127.0.0.1:31000',
    TRELLIS_OUT_DB_INSTANCES: '127.0.0.1:31001,127.0.0.1:31002',
    TRELLIS_PROP_URL: 'http://127.0.0.1:9/x',
    TRELLIS_VOLUME_DATA: '/var/lib/trellis/mounts/x'
  }, GOOD.ports, GOOD.disks)
  t.same(env, {
    LANG: 'C.UTF-8',
    TRELLIS_IN_HTTP: '10.0.2.15:80',
    TRELLIS_OUT_DB: '10.0.2.2:31000',
    TRELLIS_OUT_DB_INSTANCES: '10.0.2.2:31001,10.0.2.2:31002',
    TRELLIS_PROP_URL: 'http://127.0.0.1:9/x',
    TRELLIS_VOLUME_DATA: '/dev/disk/by-id/virtio-data',
    TRELLIS_VM_ADDRESS: '10.0.2.15/24',
    TRELLIS_VM_GATEWAY: '10.0.2.2',
    TRELLIS_VM_DNS: '10.0.2.3'
  })
})

t.test('the env file reads back exactly in a POSIX shell', async t => {
  const dir = await tempDir('trellis-vm-env-')
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  const values = { A: "it's", B: '"double" $HOME `id` \\ back', C: 'two\nlines', D: '', E: "'''" }
  const file = join(dir, 'env')
  await writeFile(file, formatEnvFile({ ...values, 'NOT-A-NAME': 'dropped' }))
  for (const [name, value] of Object.entries(values)) {
    const seen = execFileSync('/bin/sh', ['-c', `set -a; . "$0"; set +a; printf %s "$${name}"`, file], { encoding: 'utf8', env: {} })
    t.equal(seen, value, name)
  }
  t.notMatch(formatEnvFile({ 'NOT-A-NAME': 'x' }), /NOT-A-NAME/)
})

t.test('the QEMU command line', async t => {
  const plan: QemuPlan = {
    name: 'app.db.0',
    accel: 'tcg',
    memoryMiB: 256,
    cpus: 2,
    boot: { kind: 'kernel', kernel: '/img/vmlinuz', initrd: '/img/initrd', append: 'console=ttyS0 root=/dev/vda' },
    ports: [{ host: 20080, guest: 80 }, { host: 20443, guest: 443 }],
    disks: [...GOOD.disks, { name: 'logs', server: { host: '127.0.0.1', port: 10809 }, export: 'a,b' }],
    qmpSocket: '/run/vm/app.db.0/qmp.sock',
    consoleSocket: '/run/vm/app.db.0/console.sock',
    consoleLog: '/logs/with,comma/app.db.0.stdout.log',
    envFile: '/run/vm/app.db.0/env'
  }
  const args = qemuArgs(plan)
  const after = (flag: string): string[] => args.flatMap((a, i) => a === flag ? [args[i + 1]!] : [])
  t.same(after('-m'), ['256'])
  t.same(after('-smp'), ['2'])
  t.same(after('-accel'), ['tcg,tb-size=128'])
  t.same(after('-kernel'), ['/img/vmlinuz'])
  t.same(after('-append'), ['console=ttyS0 root=/dev/vda'], 'the command line is one argument, not parsed by QEMU')
  t.same(after('-netdev'), ['user,id=net0,hostfwd=tcp:127.0.0.1:20080-10.0.2.15:80,hostfwd=tcp:127.0.0.1:20443-10.0.2.15:443'])
  t.ok(after('-chardev').some(c => c.includes('logfile=/logs/with,,comma/app.db.0.stdout.log')), 'commas in values are doubled')
  t.same(after('-blockdev'), [
    'driver=nbd,node-name=disk0,server.type=unix,server.path=/run/trellis/nbd.sock,export=app.db.data,reconnect-delay=60,discard=unmap',
    'driver=nbd,node-name=disk1,server.type=inet,server.host=127.0.0.1,server.port=10809,export=a,,b,reconnect-delay=60,discard=unmap'
  ])
  t.same(after('-device').filter(d => d.startsWith('virtio-blk')), [
    'virtio-blk-pci,drive=disk0,serial=data,iothread=io0,werror=stop,rerror=stop',
    'virtio-blk-pci,drive=disk1,serial=logs,iothread=io0,werror=stop,rerror=stop'
  ])
  t.same(after('-object'), ['iothread,id=io0'])
  t.same(after('-fw_cfg'), ['name=opt/trellis/env,file=/run/vm/app.db.0/env'])
  const disk = qemuArgs({ ...plan, accel: 'kvm', cpu: 'qemu64', boot: { kind: 'disk' }, rootOverlay: '/run/vm/app.db.0/root.qcow2', disks: [] })
  t.notOk(disk.includes('-kernel'))
  t.notOk(disk.includes('-object'), 'no I/O thread without volumes')
  t.ok(disk.includes('virtio-blk-pci,drive=root,serial=root,bootindex=0'), 'a disk boot boots the root disk')
  const rooted = qemuArgs({ ...plan, rootOverlay: '/run/vm/app.db.0/root.qcow2', disks: [] })
  t.ok(rooted.includes('virtio-blk-pci,drive=root,serial=root'), 'a kernel boot attaches the root disk without taking the boot index')
  t.ok(disk.join(' ').includes('-accel kvm -cpu qemu64'))
})

/** A scripted QMP server on a Unix socket: `script` gets each connection, whose parsed lines arrive as 'qmp-line' events. */
async function qmpServer (t: TapTest, script: (socket: Socket) => void): Promise<string> {
  const dir = await tempDir('trellis-qmp-')
  const path = join(dir, 'qmp.sock')
  const server = createServer(socket => {
    let buffer = ''
    socket.on('error', () => {})
    socket.on('data', d => {
      buffer += d.toString()
      let nl
      while ((nl = buffer.indexOf('\n')) >= 0) {
        socket.emit('qmp-line', JSON.parse(buffer.slice(0, nl)))
        buffer = buffer.slice(nl + 1)
      }
    })
    script(socket)
  })
  await new Promise<void>(resolve => server.listen(path, resolve))
  t.teardown(async () => { server.close(); await rm(dir, { recursive: true, force: true }) })
  return path
}

t.test('QMP: negotiation, answers by id out of order, events, errors', async t => {
  const path = await qmpServer(t, socket => {
    socket.write('{"QMP": {"version": {"qemu": {"major": 7, "minor": 2, "micro": 22}}, "capabilities": []}}\r\n')
    socket.on('qmp-line', (msg: { execute: string, id: number }) => {
      if (msg.execute === 'qmp_capabilities') {
        // an event may come before the answer (qemu-project/qemu#2176)
        socket.write('{"event": "RESUME", "timestamp": {"seconds": 1, "microseconds": 0}}\r\n')
        socket.write(`{"return": {}, "id": ${msg.id}}\r\n`)
      } else if (msg.execute === 'slow') {
        setTimeout(() => socket.write(`{"return": {"which": "slow"}, "id": ${msg.id}}\r\n`), 50)
      } else if (msg.execute === 'fast') {
        socket.write(`{"return": {"which": "fast"}, "id": ${msg.id}}\r\n`)
        socket.write('{"event": "SHUTDOWN", "data": {"guest": true, "reason": "guest-shutdown"}}\r\n')
      } else {
        socket.write(`{"error": {"class": "CommandNotFound", "desc": "The command ${msg.execute} has not been found"}, "id": ${msg.id}}\r\n`)
      }
    })
  })
  const qmp = await QmpClient.connect(path)
  t.teardown(() => { qmp.close() })
  t.equal(qmp.version, '7.2.22')
  const events: QmpEvent[] = []
  qmp.onEvent(e => { events.push(e) })
  const [slow, fast] = await Promise.all([qmp.execute('slow'), qmp.execute('fast')])
  t.same(slow, { which: 'slow' })
  t.same(fast, { which: 'fast' })
  await until(() => events.length > 0, 2_000, 'the event')
  t.same(events.map(e => [e.event, e.data]), [['SHUTDOWN', { guest: true, reason: 'guest-shutdown' }]])
  const err = await qmp.execute('nope').catch((e: unknown) => e) as { code?: string, qmpClass?: string }
  t.equal(err.code, 'ERR_QMP_COMMAND')
  t.equal(err.qmpClass, 'CommandNotFound')
})

t.test('QMP: garbage or a close fails what waits, and connect fails without a greeting', async t => {
  const path = await qmpServer(t, socket => {
    socket.write('{"QMP": {"version": {"qemu": {"major": 7, "minor": 2, "micro": 0}}, "capabilities": []}}\n')
    socket.on('qmp-line', (msg: { execute: string, id: number }) => {
      if (msg.execute === 'qmp_capabilities') socket.write(`{"return": {}, "id": ${msg.id}}\n`)
      else if (msg.execute === 'garbage') socket.write('this is not json\n')
      else socket.end()
    })
  })
  const a = await QmpClient.connect(path)
  await t.rejects(a.execute('garbage'), { code: 'ERR_QMP_CONNECTION' })
  await a.closed
  const b = await QmpClient.connect(path)
  await t.rejects(b.execute('hang-up'), { code: 'ERR_QMP_CONNECTION' })
  await b.closed
  await t.rejects(b.execute('after'), { code: 'ERR_QMP_CONNECTION' }, 'a closed client refuses commands')
  const silent = await qmpServer(t, () => {})
  await t.rejects(QmpClient.connect(silent, { timeoutMs: 200 }), { code: 'ERR_QMP_CONNECTION' })
  await t.rejects(QmpClient.connect(join(path, 'nowhere')), { code: 'ERR_QMP_CONNECTION' })
})

t.test('initramfs modules: each after what it depends on, read from modinfo', async t => {
  t.equal(moduleName('kernel/drivers/virtio/virtio_pci-legacy.ko'), 'virtio_pci_legacy')
  t.same(readModuleDepends(Buffer.from('\0license=GPL\0depends=jbd2,mbcache,crc-16\0name=ext4\0')), ['jbd2', 'mbcache', 'crc_16'])
  t.same(readModuleDepends(Buffer.from('\0depends=\0')), [])
  t.same(readModuleDepends(Buffer.from('no modinfo here')), [])
  const deps: Record<string, string[]> = { ext4: ['jbd2', 'crc16'], jbd2: ['crc16'], crc16: [], virtio_blk: ['virtio'], virtio: [] }
  t.same(await moduleLoadOrder(['ext4', 'virtio_blk'], async n => deps[n]!), ['crc16', 'jbd2', 'ext4', 'virtio', 'virtio_blk'])
  await t.rejects(moduleLoadOrder(['a'], async n => n === 'a' ? ['b'] : ['a']), /cycle: a → b → a/)
})
