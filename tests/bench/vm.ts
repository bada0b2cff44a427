/**
 * The vm driver, with the test appliance (tests/helpers/vm-appliance):
 *
 * 1. Boot to healthy: `VmDriver.start` → the guest's /healthz answers, under
 *    TCG (and KVM where the node's probe boots a guest), against the same
 *    QEMU command line spawned bare (no cgroup, no QMP, no env file written)
 *    in the same run: what the driver adds to a boot.
 * 2. A VM's virtio disk over NBD against the same export used directly:
 *    our NbdServer over a SparseFileStore, in a process of its own, on a Unix
 *    socket. Directly: `qemu-img bench` (QEMU's own NBD client, its own clock)
 *    at QD1. In the VM: busybox dd with O_DIRECT on the raw virtio disk,
 *    through the appliance's /cgi-bin/bench, timed from the host less the
 *    same request with no writes. QD1 4 KiB writes, and sequential 1 MiB
 *    writes ending in an fsync.
 *
 * 3. The VM's path against a process's: what skipping the host's mount
 *    chain is worth. A process instance gets its volume as an ext4 mounted
 *    on the host through nbdfuse and a loop device (daemon/volumes/mount); a
 *    VM gets the export as its virtio disk and mounts ext4 itself. Both
 *    write a file on their ext4 with O_DIRECT (coreutils dd on the host,
 *    busybox dd in the guest), QD1 4 KiB and sequential 1 MiB + fsync, each
 *    on an export of its own from the same server.
 *
 * Disk runs alternate direct, VM and mount, BENCH_VM_ROUNDS times, and report medians.
 * `npm run bench -- vm` (env BENCH_VM_BOOTS, default 3; BENCH_VM_QD1_OPS,
 * 2000; BENCH_VM_SEQ_MIB, 256; BENCH_VM_ROUNDS, 3).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pino } from 'pino'
import { VmDriver, formatEnvFile, guestEnv, probeKvm, qemuArgs, type KvmVerdict } from '../../daemon/runtime/vm/index.ts'
import { mountVolume } from '../../daemon/volumes/mount/index.ts'
import { buildVmAppliance, type VmAppliance } from '../helpers/vm-appliance/build.ts'
import { freePort } from '../daemon/runtime/helpers.ts'
import { applianceTask, healthy, http } from '../daemon/runtime/vm/helpers.ts'
import { quantile } from './stats.ts'

const MiB = 1024 * 1024 // bytes
const BOOTS = knob('BENCH_VM_BOOTS', 3)
const QD1_OPS = knob('BENCH_VM_QD1_OPS', 2000)
const SEQ_MIB = knob('BENCH_VM_SEQ_MIB', 256)
const ROUNDS = knob('BENCH_VM_ROUNDS', 3)
/** The scratch volume: room for the sequential run. */
const DISK_BYTES = Math.max(512, SEQ_MIB * 2) * MiB // bytes
const GUEST_MEMORY = 256 * MiB // bytes
/**
 * vCPUs of the boot runs, and the driver's cpu quota: as many cores as the
 * machine has, so the quota throttles no more than the bare QEMU is
 * throttled by the machine itself and what differs is the driver's own work.
 */
const BOOT_CPUS = 2
/** Longest a boot may take before the bench gives up on it. */
const BOOT_LIMIT_MS = 180_000 // ms
const CLIENT_TIMEOUT_MS = 600_000 // ms
/** The server's exports: the raw scratch disk, the VM's ext4 volume, the process mount path's ext4 volume. */
const EXPORTS = ['scratch', 'vmfs', 'hostfs']

function knob (name: string, fallback: number): number {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : fallback
}

if (process.argv[2] === '--serve') {
  // child: our NbdServer over one SparseFileStore per export, each in argv[3]/<name>, on the Unix socket argv[4]
  const { openSparseFileStore } = await import('../../daemon/volumes/block/index.ts')
  const { NbdServer } = await import('../../daemon/volumes/nbd/index.ts')
  const stores = await Promise.all(EXPORTS.map(async name => ({ name, store: await openSparseFileStore({}, { dir: join(process.argv[3]!, name), size: DISK_BYTES }) })))
  const server = new NbdServer({ logger: pino({ level: 'warn' }) }, { exports: stores.map(e => ({ ...e, generation: 1 })) })
  await server.listen({ path: process.argv[4]! })
  process.stdout.write('ready\n')
  process.on('SIGTERM', () => { void server.close().then(async () => { for (const e of stores) await e.store.close(); process.exit(0) }) })
} else {
  await main()
}

async function main (): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'trellis-bench-vm-'))
  const children: ChildProcess[] = []
  try {
    const appliance = await buildVmAppliance()
    const verdict = await probeKvm({ kernel: appliance.kernel, cacheDir: join(root, 'kvm') })
    process.stdout.write(`appliance ${appliance.versions.kernelPackage} ${appliance.versions.kernel}, guest ${GUEST_MEMORY / MiB} MiB; boots with ${BOOT_CPUS} vCPUs, the disk runs with 1; KVM: ${verdict.kvm ? 'yes' : 'no'} (${verdict.detail})\n`)
    await boots(appliance, verdict, root)
    await disk(appliance, root, children)
  } finally {
    for (const c of children) c.kill('SIGTERM')
    await rm(root, { recursive: true, force: true })
  }
}

// ───────────────────────────── boot to healthy ─────────────────────────────

async function boots (a: VmAppliance, verdict: KvmVerdict, root: string): Promise<void> {
  const accels: Array<'tcg' | 'kvm'> = verdict.kvm ? ['tcg', 'kvm'] : ['tcg']
  for (const accel of accels) {
    const bare: number[] = []
    const driven: number[] = []
    // alternate, so that a change in the machine's load hits both alike
    for (let i = 0; i < BOOTS; i++) {
      bare.push(await bareBoot(a, accel, verdict.cpu, join(root, `bare-${accel}-${i}`)))
      driven.push(await driverBoot(a, accel, verdict.cpu, join(root, `driver-${accel}-${i}`)))
    }
    const b = quantile(bare, 0.5)
    const d = quantile(driven, 0.5)
    process.stdout.write(`boot to healthy, ${accel}, ${BOOTS} each: bare QEMU p50 ${ms(b)} (${bare.map(ms).join(', ')}); VmDriver p50 ${ms(d)} (${driven.map(ms).join(', ')})\n`)
    process.stdout.write(`  target VmDriver ≤ 1.1 × bare QEMU at p50: ${(d / b).toFixed(2)}×, ${d <= 1.1 * b ? 'met' : 'MISSED'}\n`)
  }
  if (!verdict.kvm) process.stdout.write('boot to healthy, kvm: not measured, KVM cannot boot a guest on this node\n')
}

/** The driver's own command line for the appliance, spawned without the driver. */
async function bareBoot (a: VmAppliance, accel: 'tcg' | 'kvm', cpu: string | undefined, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true })
  const port = await freePort()
  const task = applianceTask(a, 'bare', dir, { port, memory: GUEST_MEMORY, cpu: BOOT_CPUS })
  const vm = task.vm!
  const envFile = join(dir, 'env')
  await writeFile(envFile, formatEnvFile(guestEnv(task.env, vm.ports, [])), { mode: 0o600 })
  const boot = vm.boot.kind === 'kernel' ? vm.boot : undefined
  const args = qemuArgs({
    name: 'bare', accel, cpu, memoryMiB: GUEST_MEMORY / MiB, cpus: BOOT_CPUS,
    boot: { kind: 'kernel', kernel: join(a.dir, boot!.kernel), initrd: join(a.dir, boot!.initrd!), append: boot!.append },
    ports: vm.ports, disks: [], qmpSocket: join(dir, 'qmp.sock'), consoleSocket: join(dir, 'console.sock'), consoleLog: join(dir, 'console.log'), envFile
  })
  const t0 = performance.now()
  const child = spawn('qemu-system-x86_64', args, { stdio: 'ignore' })
  try {
    await untilHealthy(port, child)
    return performance.now() - t0
  } finally {
    child.kill('SIGKILL')
  }
}

async function driverBoot (a: VmAppliance, accel: 'tcg' | 'kvm', cpu: string | undefined, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true })
  const driver = new VmDriver({ logger: pino({ level: 'warn' }) }, { runDir: join(dir, 'run'), accel, kvmCpu: cpu, process: { cgroupParent: `trellis-bench-vm-${process.pid}` } })
  const port = await freePort()
  const t0 = performance.now()
  try {
    await driver.start(applianceTask(a, 'boot', dir, { port, memory: GUEST_MEMORY, cpu: BOOT_CPUS }))
    await untilHealthy(port)
    return performance.now() - t0
  } finally {
    await driver.destroy('boot')
    await driver.removeCgroupParent()
    driver.close()
  }
}

async function untilHealthy (port: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + BOOT_LIMIT_MS
  while (!await healthy(port)) {
    if (child !== undefined && child.exitCode !== null) throw new Error(`QEMU exited with ${child.exitCode} before the guest answered`)
    if (Date.now() > deadline) throw new Error(`no answer on ${port} within ${BOOT_LIMIT_MS} ms`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

// ───────────────────────────── the disk ─────────────────────────────

async function disk (a: VmAppliance, root: string, children: ChildProcess[]): Promise<void> {
  const socket = join(root, 'nbd.sock')
  const server = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', join(root, 'store'), socket], { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(server)
  await new Promise<void>((resolve, reject) => {
    server.stdout!.once('data', () => { resolve() })
    server.once('exit', code => { reject(new Error(`NBD server exited with ${code}`)) })
  })
  const url = `nbd+unix:///scratch?socket=${socket}`
  process.stdout.write(`\ndisk: ${DISK_BYTES / MiB} MiB SparseFileStores behind our NbdServer (own process, Unix socket); QD1 4 KiB writes × ${QD1_OPS}; sequential 1 MiB writes × ${SEQ_MIB} + fsync\n`)
  // the first pass allocates every block both runs write, so neither pays for it
  await qemuImgBench(url, 4096, QD1_OPS)
  await qemuImgBench(url, MiB, SEQ_MIB)

  const driver = new VmDriver({ logger: pino({ level: 'warn' }) }, { runDir: join(root, 'run'), accel: 'tcg', process: { cgroupParent: `trellis-bench-vm-${process.pid}` } })
  const port = await freePort()
  try {
    await driver.start(applianceTask(a, 'disk', root, {
      port,
      memory: GUEST_MEMORY,
      disks: [{ name: 'scratch', server: { path: socket }, export: 'scratch' }, { name: 'data', server: { path: socket }, export: 'vmfs' }]
    }))
    await untilHealthy(port)
    const mount = await mountVolume({ logger: pino({ level: 'warn' }) }, {
      nbd: { path: socket }, exportName: 'hostfs', workDir: join(root, 'mount-work'), target: join(root, 'mounted'), sizeBytes: DISK_BYTES
    })
    try {
      await fsPaths(port, mount.path)
    } finally {
      await mount.unmount()
    }
    // interleaved rounds, medians: the machine's disk and load swing by 2–5× within minutes
    const rounds = { vmQd1: [] as number[], directQd1: [] as number[], vmSeq: [] as number[], directSeq: [] as number[] }
    for (let r = 0; r < ROUNDS; r++) {
      rounds.directQd1.push(await qemuImgBench(url, 4096, QD1_OPS) * 1000 / QD1_OPS)
      rounds.vmQd1.push(await guestBench(port, 'qd1', QD1_OPS) / QD1_OPS)
      rounds.directSeq.push(SEQ_MIB * MiB / await qemuImgBench(url, MiB, SEQ_MIB) / 1e6)
      rounds.vmSeq.push(SEQ_MIB * MiB / (await guestBench(port, 'seq', SEQ_MIB) / 1000) / 1e6)
    }
    const [vmQd1, directQd1, vmSeq, directSeq] = [rounds.vmQd1, rounds.directQd1, rounds.vmSeq, rounds.directSeq].map(v => quantile(v, 0.5)) as [number, number, number, number]
    process.stdout.write(`rounds: direct QD1 ${rounds.directQd1.map(v => (v * 1000).toFixed(0)).join(', ')} µs; VM QD1 ${rounds.vmQd1.map(v => (v * 1000).toFixed(0)).join(', ')} µs; ` +
      `direct seq ${rounds.directSeq.map(v => v.toFixed(0)).join(', ')} MB/s; VM seq ${rounds.vmSeq.map(v => v.toFixed(0)).join(', ')} MB/s\n`)
    process.stdout.write(
      `| | QD1 4 KiB write µs/op | QD1 4 KiB IOPS | seq 1 MiB write MB/s |\n|---|---:|---:|---:|\n` +
      `| NBD export directly (qemu-img bench), median | ${(directQd1 * 1000).toFixed(0)} | ${(1000 / directQd1).toFixed(0)} | ${directSeq.toFixed(0)} |\n` +
      `| VM virtio disk over NBD (dd, TCG), median | ${(vmQd1 * 1000).toFixed(0)} | ${(1000 / vmQd1).toFixed(0)} | ${vmSeq.toFixed(0)} |\n`)
    const verdict = (ok: boolean): string => ok ? 'met' : 'MISSED'
    process.stdout.write(`  target VM QD1 4 KiB IOPS ≥ 50 % of direct: ${pct(directQd1 / vmQd1)}, ${verdict(vmQd1 <= 2 * directQd1)}\n`)
    process.stdout.write(`  target VM sequential ≥ 70 % of direct: ${pct(vmSeq / directSeq)}, ${verdict(vmSeq >= 0.7 * directSeq)}\n`)
  } finally {
    await driver.destroy('disk')
    await driver.removeCgroupParent()
    driver.close()
  }
}

/**
 * Writes to a file on ext4: through the VM's virtio disk (the guest's own
 * ext4 on the export) and through the process mount path (ext4 on a loop
 * device over nbdfuse on the host). The file is written whole once first,
 * so no run pays for allocating its blocks.
 */
async function fsPaths (port: number, mounted: string): Promise<void> {
  const file = join(mounted, 'bench')
  const hostDd = async (args: string[]): Promise<number> => {
    const t0 = performance.now()
    await run('dd', ['if=/dev/zero', `of=${file}`, 'oflag=direct', ...args])
    return performance.now() - t0
  }
  const hostQd1 = async (): Promise<number> => await hostDd(['bs=4096', `count=${QD1_OPS}`, 'conv=notrunc'])
  const hostSeq = async (): Promise<number> => await hostDd(['bs=1048576', `count=${SEQ_MIB}`, 'conv=fsync,notrunc'])
  // dd's own start costs the host side about what the empty request costs the guest's: neither is taken off
  await hostSeq()
  await guestBench(port, 'fseq', SEQ_MIB)
  const rounds = { vmQd1: [] as number[], mountQd1: [] as number[], vmSeq: [] as number[], mountSeq: [] as number[] }
  for (let r = 0; r < ROUNDS; r++) {
    rounds.mountQd1.push(await hostQd1() / QD1_OPS)
    rounds.vmQd1.push(await guestBench(port, 'fqd1', QD1_OPS) / QD1_OPS)
    rounds.mountSeq.push(SEQ_MIB * MiB / (await hostSeq() / 1000) / 1e6)
    rounds.vmSeq.push(SEQ_MIB * MiB / (await guestBench(port, 'fseq', SEQ_MIB) / 1000) / 1e6)
  }
  const [vmQd1, mountQd1, vmSeq, mountSeq] = [rounds.vmQd1, rounds.mountQd1, rounds.vmSeq, rounds.mountSeq].map(v => quantile(v, 0.5)) as [number, number, number, number]
  process.stdout.write(`\nfile on ext4, O_DIRECT; rounds: mount QD1 ${rounds.mountQd1.map(v => (v * 1000).toFixed(0)).join(', ')} µs; VM QD1 ${rounds.vmQd1.map(v => (v * 1000).toFixed(0)).join(', ')} µs; ` +
    `mount seq ${rounds.mountSeq.map(v => v.toFixed(0)).join(', ')} MB/s; VM seq ${rounds.vmSeq.map(v => v.toFixed(0)).join(', ')} MB/s\n`)
  process.stdout.write(
    `| | QD1 4 KiB write µs/op | QD1 4 KiB IOPS | seq 1 MiB write MB/s |\n|---|---:|---:|---:|\n` +
    `| process mount path (ext4 / loop / nbdfuse / NBD), median | ${(mountQd1 * 1000).toFixed(0)} | ${(1000 / mountQd1).toFixed(0)} | ${mountSeq.toFixed(0)} |\n` +
    `| VM virtio disk over NBD (guest ext4, TCG), median | ${(vmQd1 * 1000).toFixed(0)} | ${(1000 / vmQd1).toFixed(0)} | ${vmSeq.toFixed(0)} |\n`)
  const verdict = (ok: boolean): string => ok ? 'met' : 'MISSED'
  process.stdout.write(`  target VM QD1 4 KiB IOPS ≥ the process mount path's: ${pct(mountQd1 / vmQd1)}, ${verdict(vmQd1 <= mountQd1)}\n`)
  process.stdout.write(`  target VM sequential ≥ the process mount path's: ${pct(vmSeq / mountSeq)}, ${verdict(vmSeq >= mountSeq)}\n`)
}

/** Seconds `qemu-img bench` reports for `count` QD1 writes of `size` bytes from offset 0 (its own clock). */
async function qemuImgBench (url: string, size: number, count: number): Promise<number> {
  const out = await run('qemu-img', ['bench', '-f', 'raw', '-w', '-d', '1', '-c', String(count), '-s', String(size), '-S', String(size), url])
  const m = /Run completed in ([\d.]+) seconds/.exec(out)
  if (m === null) throw new Error(`qemu-img bench said: ${out}`)
  return Number(m[1])
}

/** ms the guest's dd takes for `count` writes: the request timed from the host, less the fastest of three requests writing nothing. */
async function guestBench (port: number, mode: 'qd1' | 'seq' | 'fqd1' | 'fseq', count: number): Promise<number> {
  const once = async (n: number): Promise<number> => {
    const t0 = performance.now()
    const r = await http(port, `/cgi-bin/bench?${mode}-${n}`, { timeoutMs: CLIENT_TIMEOUT_MS })
    if (!r.body.includes('done 0')) throw new Error(`guest bench ${mode}-${n}: ${r.body}`)
    return performance.now() - t0
  }
  const empty = Math.min(await once(0), await once(0), await once(0))
  return await once(count) - empty
}

async function run (command: string, args: string[]): Promise<string> {
  return await new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: CLIENT_TIMEOUT_MS })
    let out = ''
    child.stdout.on('data', (d: Buffer) => { out += d.toString() })
    child.stderr.on('data', (d: Buffer) => { out += d.toString() })
    child.once('exit', code => { code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${out}`)) })
  })
}

function ms (v: number): string {
  return `${(v / 1000).toFixed(2)} s`
}

function pct (ratio: number): string {
  return `${(ratio * 100).toFixed(0)} %`
}
