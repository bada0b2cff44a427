/**
 * Virtual machines on a grid of three real daemons: examples/vm-web.yaml,
 * the bundled lb in front of the VM test appliance (imported into the grid's
 * catalog like any image) with a replicated volume the VM sees as a virtio
 * disk straight from its NBD export. Nodes advertise driver:vm (and not kvm:
 * this machine's KVM cannot boot a guest, and no probe kernel is given). The
 * VM answers through the app's entry on every node; it keeps its volume's
 * notes across a kill -9 of its node (it boots again elsewhere on the same
 * data); a daemon crash and restart re-adopts it (same QEMU, same boot, and
 * its disk reconnected); deleting the app powers it off over ACPI. A lone
 * node runs a VM without volumes and refuses one with a volume, saying why;
 * `trellis console` reaches its serial console (one client at a time) and
 * exec into it is refused.
 */
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { packImage } from '../../controller/catalog/index.ts'
import { QEMU_BINARY } from '../../daemon/runtime/index.ts'
import { buildVmAppliance } from '../helpers/vm-appliance/build.ts'
import { freePort, ROOT, startDaemon, startGrid, taggedPids, waitFor, type TestDaemon } from '../helpers/daemon.ts'

const APP = 'vm-web'
const WEB = 'vm-web.web.0'
/** A TCG boot takes 5–20 s on this shared machine; a move adds failure detection and a volume attach. */
const BOOT_TIMEOUT_MS = 120_000 // ms

function qemuRuns (): boolean {
  try {
    execFileSync(QEMU_BINARY, ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Why the test cannot run QEMU: undefined once it runs, installing it from Debian first (as tests/setup.ts does) when it is missing. */
function qemuProblem (): string | undefined {
  if (qemuRuns()) return undefined
  if (process.getuid?.() !== 0) return `${QEMU_BINARY} is missing and only root can install it (Debian: qemu-system-x86)`
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execFileSync('apt-get', ['update', '-q'], { stdio: 'ignore', env })
    execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'qemu-system-x86', 'qemu-utils', 'cpio'], { stdio: 'ignore', env })
  } catch (err) {
    return `${QEMU_BINARY} cannot be installed (apt-get install qemu-system-x86 failed: ${(err as Error).message})`
  }
  return qemuRuns() ? undefined : `${QEMU_BINARY} was installed but does not run`
}

const skip = qemuProblem() ?? (process.getuid?.() === 0 ? false : 'needs root: volumes are served through NBD by root daemons')

t.test('VMs on a grid', { skip }, async t => {
  const [appliance, { nodes }] = await Promise.all([buildVmAppliance(), startGrid(fn => t.teardown(fn), 3, ['--replica-replace', '600000'])])
  const hosts = ['127.0.0.10', '127.0.0.11', '127.0.0.12']
  const ids: string[] = []
  for (const d of nodes) ids.push((await d.client.node()).id)
  const port = await freePort()
  const doc = parseDocument(readFileSync(join(ROOT, 'examples', 'vm-web.yaml'), 'utf8'))
  doc.setIn(['entries', 'http', 'port'], port)
  const alive = (d: TestDaemon): boolean => d.process.exitCode === null && d.process.signalCode === null
  const nodeOf = (id: string): TestDaemon => nodes[ids.indexOf(id)]!
  const get = async (host: string, path: string, init: RequestInit = {}): Promise<{ status: number, body: string }> => {
    const r = await fetch(`http://${host}:${port}${path}`, { ...init, signal: AbortSignal.timeout(10_000) })
    return { status: r.status, body: await r.text() }
  }
  const web = async (on: TestDaemon): Promise<{ node: string, pid?: number, ready: boolean }> =>
    (await on.client.app(APP)).instanceList.find(i => i.id === WEB)!
  const served = async (on: TestDaemon, notNode?: string): Promise<{ node: string, pid?: number }> => await waitFor('the VM ready behind the lb', BOOT_TIMEOUT_MS, async () => {
    const w = await web(on)
    if (!w.ready || w.node === notNode) return undefined
    const page = await get(hosts[nodes.indexOf(on)]!, '/')
    return page.status === 200 && page.body.includes(`<h1>${WEB}</h1>`) ? w : undefined
  }, 250)

  await t.test('every node advertises driver:vm; none kvm, with the probe\'s reason', async t => {
    await waitFor('three voters', 60_000, async () => (await nodes[0]!.client.raft()).peers.filter(p => p.suffrage === 'voter').length === 3 ? true : undefined, 250)
    const views = await waitFor('three adverts', 30_000, async () => {
      const n = await nodes[0]!.client.nodes()
      return n.length === 3 && n.every(v => v.capabilities.includes('driver:vm')) ? n : undefined
    }, 250)
    for (const v of views) {
      t.notOk(v.capabilities.includes('kvm'), `${v.name}: no kvm`)
      t.ok(v.notes.some(n => n.startsWith('vm driver:') && n.includes('kvm: no')), `${v.name} says why: ${v.notes.find(n => n.startsWith('vm driver:')) ?? ''}`)
    }
  })

  await t.test('the VM image is imported into the grid\'s catalog; it requires driver:vm', async t => {
    const imported = await nodes[1]!.client.importImage(await packImage(appliance.dir))
    t.equal(imported.image.name, 'vm-web')
    const image = await nodes[0]!.client.image('vm-web')
    t.equal(image.version, imported.image.version)
  })

  let first = { node: '' } as { node: string, pid?: number }
  await t.test('the VM answers through the entry on every node, its volume a virtio disk from the NBD export', async t => {
    await nodes[0]!.client.apply(doc.toString())
    first = await served(nodes[0]!)
    for (const host of hosts) {
      const page = await get(host, '/')
      t.equal(page.status, 200, `${host} answers`)
      t.match(page.body, /boots: 1</, 'first boot on a blank volume')
    }
    const owner = nodeOf(first.node)
    const sockets = readdirSync(join(owner.dataDir, 'blocks'))
    t.same(sockets, ['vm-web.web.data.sock'], 'the volume is exported on a socket of its own')
    t.notOk(readFileSync('/proc/self/mounts', 'utf8').includes(join(owner.dataDir, 'mounts')), 'and mounted nowhere on the host')
    const qemu = readFileSync(`/proc/${first.pid!}/cmdline`, 'utf8').split('\0')
    t.ok(qemu[0]!.endsWith(QEMU_BINARY), 'the instance is a QEMU process')
    t.ok(qemu.some(a => a.startsWith('driver=nbd,') && a.includes('vm-web.web.data.sock')), 'its disk is the NBD export, no FUSE or loop device between')
    t.not(readFileSync(`/proc/${first.pid!}/status`, 'utf8').match(/^Uid:\s+(\d+)/m)?.[1], '0', 'QEMU runs as the instance\'s user')
    const saved = await get(hosts[0]!, '/cgi-bin/write', { method: 'POST', body: 'before the kill' })
    t.equal(saved.body.trim(), 'saved')
  })

  let second = { node: '' } as { node: string, pid?: number }
  await t.test('kill -9 of the VM\'s node: it boots elsewhere on the same data', async t => {
    const victim = nodeOf(first.node)
    const pids = taggedPids(victim)
    t.ok(pids.includes(first.pid!), 'the QEMU process is the node\'s')
    await victim.crash()
    for (const pid of pids) { try { process.kill(pid, 'SIGKILL') } catch {} }
    const watcher = nodes.find(alive)!
    second = await served(watcher, first.node)
    t.not(second.node, first.node, 'moved to another node')
    const host = hosts[nodes.indexOf(watcher)]!
    t.equal((await get(host, '/cgi-bin/notes')).body.trim(), 'before the kill', 'the note written before the kill is there')
    t.match((await get(host, '/')).body, /boots: 2</, 'its second boot on that volume')
  })

  await t.test('a daemon crash and restart re-adopt the running VM, its disk reconnected', async t => {
    const owner = nodeOf(second.node)
    const other = nodes.find(d => alive(d) && d !== owner)!
    const host = hosts[nodes.indexOf(other)]!
    await owner.crash()
    t.ok(existsPid(second.pid!), 'the VM outlives its daemon')
    await owner.restart()
    await waitFor('the VM re-adopted', BOOT_TIMEOUT_MS, async () => {
      const events = (await owner.client.app(APP)).events
      return events.some(e => e.instance === WEB && e.kind === 'adopting') && (await web(owner)).ready ? true : undefined
    }, 250)
    const w = await web(owner)
    t.equal(w.node, second.node, 'still on its node')
    t.equal(w.pid, second.pid, 'the same QEMU process')
    t.match((await get(host, '/')).body, /boots: 2</, 'not booted again')
    const saved = await waitFor('a write through the reconnected disk', 90_000, async () => {
      const r = await get(host, '/cgi-bin/write', { method: 'POST', body: 'after the restart' }).catch(() => undefined)
      return r?.status === 200 ? r.body.trim() : undefined
    }, 500)
    t.equal(saved, 'saved')
    t.equal((await get(host, '/cgi-bin/notes')).body.trim(), 'before the kill\nafter the restart')
  })

  await t.test('deleting the app powers the VM off over ACPI', async t => {
    const owner = nodeOf(second.node)
    await owner.client.deleteApp(APP)
    await waitFor('the app gone', 60_000, async () => (await owner.client.app(APP).catch(() => undefined)) === undefined ? true : undefined, 250)
    await waitFor('QEMU to exit', 60_000, () => existsPid(second.pid!) ? undefined : true, 100)
    const console = readFileSync(join(owner.dataDir, 'logs', `${WEB}.stdout.log`), 'utf8').replaceAll('\r', '')
    t.match(console, /appliance: power button/, 'the guest heard the power button')
    t.match(console, /appliance: halted cleanly/, 'and shut down cleanly (volume unmounted) before powering off')
    t.notMatch(owner.logTail(400), /did not power off within its stop grace/, 'it was not killed')
    t.same(readdirSync(join(owner.dataDir, 'blocks')), [], 'its block export is gone')
  })
})

t.test('a lone node runs a VM without volumes, says why it cannot give one a volume, and opens its serial console', { skip }, async t => {
  const appliance = await buildVmAppliance()
  const node = await startDaemon(fn => t.teardown(fn))
  await node.client.importImage(await packImage(appliance.dir))
  await node.client.apply('name: solo\ncomponents:\n  web:\n    image: vm-web\n    volumes:\n      data: { size: 64Mi }\n')
  const failed = await waitFor('the set-up to fail', 60_000, async () =>
    (await node.client.app('solo')).events.find(e => e.instance === 'solo.web.0' && e.kind === 'failed'), 250)
  t.match(failed.detail, /block devices.*grid node/, `the reason is named: ${failed.detail}`)
  await node.client.apply('name: solo\ncomponents:\n  web:\n    image: vm-web\n')
  const address = await waitFor('the VM ready', BOOT_TIMEOUT_MS, async () => {
    const i = (await node.client.app('solo')).instanceList[0]
    return i?.ready === true ? i.addresses.http : undefined
  }, 250)
  const page = await (await fetch(`http://${address}/`, { signal: AbortSignal.timeout(10_000) })).text()
  t.match(page, /<h1>solo\.web\.0<\/h1>/, 'it serves')
  t.match(page, /no volume/, 'without a volume')

  // trellis console: the guest's serial console, one client at a time; no exec into a VM
  const console = await node.client.session('solo', 'web.0', 'console', { type: 'start', cols: 80, rows: 24 })
  let seen = ''
  console.onOutput((_channel, data) => { seen += data.toString('utf8') })
  console.write(Buffer.from('echo serial-$((6*7))\n'))
  await waitFor('the guest\'s shell to answer on its serial console', 30_000, () => seen.includes('serial-42') ? true : undefined, 50)
  t.pass('typed into the serial console, the guest\'s shell answered')
  const second = await node.client.session('solo', 'web.0', 'console', { type: 'start' })
  t.match(await second.ended, { type: 'error', code: 'ERR_CONSOLE_BUSY' }, 'a second console waits for none: it is refused')
  const exec = await node.client.session('solo', 'web.0', 'exec', { type: 'start', command: ['true'] })
  t.match(await exec.ended, { type: 'error', code: 'ERR_NOT_SUPPORTED' }, 'exec into a VM is refused')
  console.close()
  t.match(await console.ended, { type: 'error' }, 'leaving ends the session')
})

function existsPid (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
