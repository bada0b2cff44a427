/**
 * Whether this node can really run a guest under KVM, found by booting one.
 *
 * Opening /dev/kvm proves nothing: on a host that is itself a VM without
 * full nested virtualisation (this machine is PVM) the device opens,
 * SeaBIOS runs and even the kernel's decompressor prints, then a stock
 * Debian kernel hangs before its first message, spinning a core. So the
 * probe boots a real Linux kernel, with no initrd, as far as mounting its
 * root file system: reaching that panic means the kernel came through its
 * whole early boot (paging, timers, SMP, ACPI, drivers) under KVM. With
 * `panic=-1` and `-no-reboot` QEMU then exits by itself.
 *
 * The verdict is cached per boot id, QEMU version and kernel file: a reboot,
 * an upgrade or another kernel probes again.
 */
import { execFile, spawn } from 'node:child_process'
import { access, constants, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { release } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { readBootId } from '../process/index.ts'
import { KvmProbeError } from './errors.ts'
import { KVM_CPU_MODELS, QEMU_BINARY, accelArgs } from './qemu-argv.ts'

const run = promisify(execFile)

/** How long the probe guest may take to reach its root-mount panic. KVM does it in about a second; TCG takes 6 s here. */
export const KVM_PROBE_TIMEOUT_MS = 20_000 // ms
/** Guest memory of the probe. */
const PROBE_MEMORY_MIB = 128 // MiB
/** What the kernel prints when it has booted as far as mounting root (and has no root to mount). */
const BOOTED = /Kernel panic - not syncing: VFS: Unable to mount root fs/
/** File of the cached verdict in the cache dir. */
export const KVM_VERDICT_FILE = 'kvm-probe.json'
/** Console output kept for the verdict's detail. */
const TAIL_CHARS = 300

/** The probe's answer. */
export interface KvmVerdict {
  kvm: boolean
  /** The CPU model the guest booted with (one of KVM_CPU_MODELS), when it did. */
  cpu?: string
  /** Why, in one sentence an operator can act on. */
  detail: string
  /** How long the probe guest took to boot, when it did. */
  bootMs?: number
  /** True when read from the cache rather than probed now. */
  cached: boolean
  /** What the verdict is valid for. */
  key: { bootId: string, qemu: string, kernel: string }
}

/** Where and how to probe. */
export interface KvmProbeOptions {
  /** The emulator; default qemu-system-x86_64 on PATH. */
  qemu?: string
  /** The kernel to boot (bzImage); default /boot/vmlinuz-<running release>. */
  kernel?: string
  /** Where the verdict is cached; no caching without one. */
  cacheDir?: string
  timeoutMs?: number
  /** The KVM device; default /dev/kvm. */
  device?: string
}

/** Probes (or reads the cached verdict). Rejects with KvmProbeError only when QEMU itself cannot be run. */
export async function probeKvm (options: KvmProbeOptions = {}): Promise<KvmVerdict> {
  const qemu = options.qemu ?? QEMU_BINARY
  const kernel = options.kernel ?? `/boot/vmlinuz-${release()}`
  const key = { bootId: await readBootId(), qemu: await qemuVersion(qemu), kernel: await fileKey(kernel) }
  const cached = options.cacheDir === undefined ? undefined : await readVerdict(options.cacheDir, key)
  if (cached !== undefined) return cached
  const verdict = await boot(qemu, kernel, key, options)
  if (options.cacheDir !== undefined) await writeVerdict(options.cacheDir, verdict)
  return verdict
}

async function boot (qemu: string, kernel: string, key: KvmVerdict['key'], options: KvmProbeOptions): Promise<KvmVerdict> {
  const no = (detail: string): KvmVerdict => ({ kvm: false, detail, cached: false, key })
  const device = options.device ?? '/dev/kvm'
  try {
    await access(device, constants.R_OK | constants.W_OK)
  } catch {
    return no(`${device} is missing or not usable`)
  }
  if (key.kernel === '') return no(`no kernel at ${kernel} to probe with (set the vm driver's probe kernel)`)
  const failures: string[] = []
  for (const cpu of KVM_CPU_MODELS) {
    const attempt = await bootOnce(qemu, kernel, cpu, options.timeoutMs ?? KVM_PROBE_TIMEOUT_MS)
    if (attempt.booted) return { kvm: true, cpu, detail: `a Linux guest booted under KVM (cpu ${cpu}) in ${attempt.ms} ms`, bootMs: attempt.ms, cached: false, key }
    failures.push(`cpu ${cpu}: ${attempt.why}`)
  }
  return no(failures.join('; '))
}

/** One probe boot with one CPU model. */
async function bootOnce (qemu: string, kernel: string, cpu: string, timeoutMs: number): Promise<{ booted: boolean, ms: number, why: string }> {
  const args = [
    '-nodefaults', '-no-user-config', '-display', 'none', '-no-reboot', ...accelArgs('kvm', cpu),
    '-m', String(PROBE_MEMORY_MIB), '-serial', 'stdio', '-kernel', kernel, '-append', 'console=ttyS0 panic=-1 quiet'
  ]
  const t0 = performance.now()
  const child = spawn(qemu, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let errors = ''
  child.stdout.on('data', (d: Buffer) => { output = (output + d.toString('latin1')).slice(-64 * 1024) })
  child.stderr.on('data', (d: Buffer) => { errors = (errors + d.toString('utf8')).slice(-4096) })
  let timedOut = false
  const outcome = await new Promise<{ code: number | null, signal: string | null }>(resolve => {
    // a guest that hangs spins a core: kill it as soon as the patience is out
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL') }, timeoutMs)
    child.once('error', () => { clearTimeout(timer); resolve({ code: null, signal: null }) })
    child.once('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal }) })
  })
  const ms = Math.round(performance.now() - t0)
  if (BOOTED.test(output)) return { booted: true, ms, why: '' }
  if (timedOut) return { booted: false, ms, why: `the guest did not boot within ${timeoutMs} ms (console: ${tail(output)})` }
  return { booted: false, ms, why: `QEMU exited (${outcome.signal ?? `code ${outcome.code}`}) before the guest booted: ${tail(errors || output)}` }
}

function tail (text: string): string {
  const clean = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/[^\x20-\x7e]+/g, ' ').trim()
  return clean === '' ? 'nothing' : JSON.stringify(clean.slice(-TAIL_CHARS))
}

async function qemuVersion (qemu: string): Promise<string> {
  try {
    return (await run(qemu, ['--version'])).stdout.split('\n')[0]!.trim()
  } catch (err) {
    throw new KvmProbeError(`cannot run ${qemu}: ${(err as Error).message}`, { cause: err })
  }
}

/** `path:size:mtime`, so a replaced kernel invalidates the verdict; empty when there is no such file. */
async function fileKey (path: string): Promise<string> {
  try {
    const s = await stat(path)
    return s.isFile() ? `${path}:${s.size}:${Math.floor(s.mtimeMs)}` : ''
  } catch {
    return ''
  }
}

async function readVerdict (dir: string, key: KvmVerdict['key']): Promise<KvmVerdict | undefined> {
  try {
    const saved = JSON.parse(await readFile(join(dir, KVM_VERDICT_FILE), 'utf8')) as KvmVerdict
    const same = saved.key?.bootId === key.bootId && saved.key.qemu === key.qemu && saved.key.kernel === key.kernel
    if (!same || key.bootId === '' || typeof saved.kvm !== 'boolean' || typeof saved.detail !== 'string') return undefined
    return { ...saved, cached: true }
  } catch {
    return undefined
  }
}

async function writeVerdict (dir: string, verdict: KvmVerdict): Promise<void> {
  await mkdir(dir, { recursive: true })
  const tmp = join(dir, `${KVM_VERDICT_FILE}.${process.pid}.tmp`)
  await writeFile(tmp, JSON.stringify({ ...verdict, cached: undefined }, null, 2) + '\n')
  await rename(tmp, join(dir, KVM_VERDICT_FILE))
}
