/** What the supervisor is asked to run for a planned instance: user, environment, stop, code paths. Pure. */
import t from 'tap'
import { isReservedEnvironment, parseManifest, type ImageManifest } from '../../../controller/catalog/index.ts'
import type { InstancePlan } from '../../../daemon/agent/index.ts'
import { runSpec } from '../../../daemon/agent/run-spec.ts'
import type { InstanceAccount } from '../../../daemon/runtime/index.ts'

function image (extra: string): ImageManifest {
  const r = parseManifest(`name: pg
version: 1.0.0
resources: { min: { cpu: 0.1, memory: 16Mi }, default: { cpu: 0.5, memory: 64Mi } }
terminals: { sql: { direction: in, protocol: tcp } }
volumes: { data: { mount: /data } }
start: { command: [node, bin/main.ts, --flag] }
${extra}`, '/repo/images/pg')
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.manifest
}

function plan (img: ImageManifest): InstancePlan {
  return {
    id: 'shop.pg.0',
    app: 'shop',
    component: 'pg',
    index: 0,
    node: 'node-1',
    hash: 'h',
    image: img,
    spec: { name: 'pg', image: 'pg', count: 1, properties: {}, resources: { cpu: 0.5, memory: 64 << 20, disk: 0 }, connections: [], volumes: [], constraints: [], antiAffinity: false }
  }
}

const account: InstanceAccount = { id: 'shop.pg.0', uid: 1879050000, gid: 1879050000, user: 'trellis-1879050000', home: '/d/instances/shop.pg.0/home', tmp: '/d/instances/shop.pg.0/tmp' }
const binding = { hash: 'h', inputs: { sql: 41000 }, outputs: {}, slots: {} }
// as if the repository (with the daemon's Node.js) were bound at /d/code/x
const codePath = (p: string): string => p === process.execPath ? '/d/code/x/node' : p.startsWith('/repo/') ? `/d/code/x/${p.slice('/repo/'.length)}` : p
const options = { isolating: true, codePath, stopGraceMs: 5000, maxRestarts: 0, logDir: '/d/logs' }

t.test('an isolated instance: its user, its environment, its stop, code where it can reach it', async t => {
  const spec = runSpec(plan(image('stop: { signal: SIGINT, timeout: 45s }\nenvironment: { PGDATA: /data/pg, PGPORT: 5432 }\n')), binding, { data: '/d/mounts/shop.pg.data' }, account, options)
  t.same(spec.task.user, { uid: account.uid, gid: account.gid })
  t.equal(spec.stopSignal, 'SIGINT')
  t.equal(spec.stopGraceMs, 45_000, 'the image\'s timeout wins over the node\'s grace')
  t.equal(spec.task.cwd, '/d/code/x/images/pg')
  t.same(spec.task.command, ['/d/code/x/node', 'bin/main.ts', '--flag'], '`node` is the daemon\'s Node.js, as instances reach it; arguments stay relative to the image folder')
  const env = spec.task.env
  t.match(env, {
    HOME: account.home, TMPDIR: account.tmp, USER: account.user, LANG: 'C.UTF-8',
    PGDATA: '/data/pg', PGPORT: '5432',
    TRELLIS_INSTANCE: 'shop.pg.0', TRELLIS_IN_SQL: '127.0.0.1:41000', TRELLIS_VOLUME_DATA: '/d/mounts/shop.pg.data'
  })
  for (const name of Object.keys(env).filter(n => !['PGDATA', 'PGPORT'].includes(n))) t.ok(isReservedEnvironment(name), `${name} is one an image may not set`)
})

t.test('defaults: SIGTERM and the node\'s grace; no user when the node does not isolate', async t => {
  const img = image('')
  img.start.command = ['bin/run.sh', 'x']
  const spec = runSpec(plan(img), binding, {}, account, { ...options, isolating: false })
  t.same(spec.task.command, ['/d/code/x/images/pg/bin/run.sh', 'x'], 'a relative program resolves in the image folder')
  t.equal(spec.stopSignal, 'SIGTERM')
  t.equal(spec.stopGraceMs, 5000)
  t.equal(spec.task.user, undefined, 'the daemon\'s own user')
  t.equal(spec.task.env.HOME, account.home, 'a home of its own all the same')
})

t.test('a vm image: its vm section with the allocated port forwarded, its volumes as NBD disks, health on the forwarded port', async t => {
  const r = parseManifest(`name: vmw
version: 1.0.0
resources: { min: { cpu: 0.25, memory: 128Mi }, default: { cpu: 1, memory: 256Mi } }
terminals: { http: { direction: in, protocol: http } }
volumes: { data: { mount: /data } }
health: { kind: http, terminal: http, path: /healthz }
stop: { timeout: 30s }
start: { driver: vm }
vm: { kernel: boot/vmlinuz, initrd: boot/initrd.img, append: console=ttyS0, ports: { http: 80 } }
`, '/repo/images/vmw')
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  const bindingHttp = { hash: 'h', inputs: { http: 42000 }, outputs: {}, slots: {} }
  const disks = [{ name: 'data', server: { path: '/d/blocks/shop.vmw.data.sock' }, export: 'shop.vmw.data' }]
  const spec = runSpec(plan(r.manifest), bindingHttp, {}, account, options, disks)
  t.same(spec.task.vm, {
    boot: { kind: 'kernel', kernel: 'boot/vmlinuz', initrd: 'boot/initrd.img', append: 'console=ttyS0' },
    ports: [{ host: 42000, guest: 80 }],
    disks
  })
  t.equal(spec.task.cwd, '/d/code/x/images/vmw', 'its files resolve in the image folder')
  t.same(spec.task.user, { uid: account.uid, gid: account.gid }, 'QEMU drops to the instance\'s user')
  t.equal(spec.stopGraceMs, 30_000, 'the ACPI power-down gets the image\'s stop timeout')
  t.match(spec.health, { host: '127.0.0.1', port: 42000, path: '/healthz' }, 'health is checked on the forwarded port')
  t.equal(spec.task.env.TRELLIS_IN_HTTP, '127.0.0.1:42000', 'the driver turns host addresses into guest ones')
  t.notOk('TRELLIS_VOLUME_DATA' in spec.task.env, 'the disk, not a host path, names the volume (the driver adds it for the guest)')
})

t.test('a process image has no vm section', async t => {
  t.equal(runSpec(plan(image('')), binding, {}, account, options).task.vm, undefined)
})

t.test('the console command resolves like the start command; none without one', async t => {
  const spec = runSpec(plan(image('console: { command: [bin/psql-here, -q] }\n')), binding, {}, account, options)
  t.same(spec.console, ['/d/code/x/images/pg/bin/psql-here', '-q'], 'a relative program resolves in the image folder, as instances reach it')
  t.same(runSpec(plan(image('console: { command: [node, repl.ts] }\n')), binding, {}, account, options).console, ['/d/code/x/node', 'repl.ts'], '`node` is the daemon\'s Node.js')
  t.equal(runSpec(plan(image('')), binding, {}, account, options).console, undefined, 'absent: the node opens a shell')
})
