/**
 * The vm driver: each task is a QEMU process, started, limited, logged,
 * re-adopted and killed by a ProcessDriver of its own (its cgroups, pid +
 * start-time checks and log files are the process driver's, not copies),
 * with QMP on top for what only a VM has: an ACPI power-down as the polite
 * stop, the guest's own shutdown, and finding a running VM again. Whether
 * VMs run under KVM or TCG is AccelChoice's (accel.ts).
 *
 *   start(config + config.vm) ──▶ <runDir>/<id>/{env, root.qcow2} ──▶ ProcessDriver.start([qemu, …argv])
 *                                                                        └─▶ QMP <runDir>/<id>/qmp.sock
 *   stop  ──▶ QMP system_powerdown ──(grace)──▶ ProcessDriver.stop(SIGKILL)
 */
import { execFile } from 'node:child_process'
import { access, constants, mkdir, rm, writeFile } from 'node:fs/promises'
import { resolve as resolvePath } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import type { Logger } from 'pino'
import type { Driver, DriverFingerprint, EntryPoints, ExitResult, LogReader, TaskConfig, TaskEntry, TaskHandle, TaskStatus, TaskUser } from '../driver.ts'
import { InvalidTaskConfigError, TaskExistsError, TaskNotFoundError, TaskStartError, WrongDriverError } from '../errors.ts'
import { PROCESS_DRIVER, ProcessDriver, checkUser, taskUser, type ProcessDriverOptions } from '../process/index.ts'
import { AccelChoice, type AccelOptions } from './accel.ts'
import { vmTaskProblems, type VmTaskConfig } from './config.ts'
import { formatEnvFile, guestEnv } from './guest-env.ts'
import { QMP_CONNECT_TIMEOUT_MS, QmpClient, type QmpEvent } from './qmp.ts'
import { type Accel, QEMU_BINARY, qemuArgs } from './qemu-argv.ts'

const run = promisify(execFile)

/** The name in fingerprints and handles. */
export const VM_DRIVER = 'vm'
/**
 * Memory a QEMU process needs beyond its guest's RAM, added to the cgroup
 * limit: measured here at about 65 MiB for QEMU itself, up to TCG_TB_MIB
 * (128) for TCG's translation cache, and room for slirp and block buffers.
 */
export const QEMU_OVERHEAD_BYTES = 256 * 1024 * 1024 // bytes
/** The least guest memory a VM may be given; a Linux guest does not boot in less. */
export const MIN_GUEST_MEMORY_BYTES = 32 * 1024 * 1024 // bytes
/** Unix socket paths are at most 107 bytes (sun_path) on Linux. */
const MAX_SOCKET_PATH_BYTES = 107 // bytes
/** How often start() and recover() try the QMP socket while QEMU starts. */
const QMP_RETRY_MS = 20 // ms
/** After SIGKILL, how long the process driver may take to see QEMU gone before it says it outlived its grace. */
const KILL_WAIT_MS = 2_000 // ms
const MiB = 1024 * 1024 // bytes
/** Variables of the instance QEMU's own environment keeps: not secret, and they tell whose VM a QEMU process is. */
const QEMU_TAGS = ['TRELLIS_APP', 'TRELLIS_COMPONENT', 'TRELLIS_INSTANCE', 'TRELLIS_NODE']

function pick (env: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap(n => env[n] === undefined ? [] : [[n, env[n]]]))
}

/** Task ids are file names, as in the process driver. */
const TASK_ID = /^[A-Za-z0-9_][A-Za-z0-9._@-]*$/

/** Configuration of the vm driver; the emulator and accelerator options are AccelOptions (accel.ts). */
export interface VmDriverOptions extends AccelOptions {
  /** Where each task gets `<runDir>/<id>/` (QMP and console sockets, env file, overlay). Must outlive the daemon for re-adoption. */
  runDir: string
  /** For root-disk overlays; default qemu-img on PATH. */
  qemuImg?: string
  /** The cgroup and polling options of the QEMU processes, as for the process driver. */
  process?: ProcessDriverOptions
}

/** What the driver knows of one VM beyond its process. */
interface VmTask {
  id: string
  dir: string
  accel: Accel
  cpu?: string
  qmp?: QmpClient
  /** The guest powered itself off (a QMP SHUTDOWN with guest: true was seen). */
  guestShutdown: boolean
  /** Who QEMU dropped to (-runas). */
  user?: TaskUser
  stopping?: Promise<void>
}

/** The socket and file paths of a task; derived from runDir and the id, never read from a handle. */
function taskPaths (runDir: string, id: string): { dir: string, qmp: string, console: string, env: string, overlay: string } {
  const dir = resolvePath(runDir, id)
  return { dir, qmp: `${dir}/qmp.sock`, console: `${dir}/console.sock`, env: `${dir}/env`, overlay: `${dir}/root.qcow2` }
}

/**
 * A re-adopted VM's exit code is unknown (it is not our child), but a guest
 * seen powering itself off makes QEMU exit 0.
 */
function vmExit (exit: ExitResult, task: VmTask | undefined): ExitResult {
  return exit.code === null && exit.signal === null && task?.guestShutdown === true ? { ...exit, code: 0 } : exit
}

/**
 * Boots TaskConfig.vm under QEMU. `command` is ignored; `cwd` is where the
 * VM section's relative paths resolve; `env` reaches the guest through
 * fw_cfg (guest-env.ts); `resources.memory` is the guest's RAM and
 * `resources.cpu` its vCPUs (rounded up) and cgroup quota. The serial console
 * is the task's stdout log and QEMU's own messages its stderr log.
 */
export class VmDriver implements Driver, LogReader, EntryPoints {
  readonly name = VM_DRIVER
  readonly #log: Logger
  readonly #options: VmDriverOptions
  readonly #processes: ProcessDriver
  readonly #tasks = new Map<string, VmTask>()
  readonly #starting = new Set<string>()
  readonly #accel: AccelChoice

  constructor (components: { logger: Logger }, options: VmDriverOptions) {
    this.#log = components.logger.child({ component: 'driver-vm' })
    this.#options = options
    this.#processes = new ProcessDriver({ logger: this.#log }, options.process)
    this.#accel = new AccelChoice({ logger: this.#log }, options)
  }

  async fingerprint (): Promise<DriverFingerprint> {
    const processes = await this.#processes.fingerprint()
    let qemu: string
    try {
      qemu = (await run(this.#qemu, ['--version'])).stdout.split('\n')[0]!.trim()
    } catch (err) {
      return { driver: VM_DRIVER, healthy: false, enforcesLimits: false, detail: `cannot run ${this.#qemu}: ${(err as Error).message}` }
    }
    const verdict = await this.#accel.kvm()
    const kvm = this.#options.accel === 'tcg' ? 'kvm: not used (tcg configured)' : verdict?.kvm === true ? `kvm: yes (${verdict.detail})` : `kvm: no (${verdict?.detail ?? 'configured'}), VMs run under TCG`
    return { driver: VM_DRIVER, healthy: true, enforcesLimits: processes.enforcesLimits, detail: `${qemu}; ${kvm}; ${processes.detail}` }
  }

  /** The node capabilities this driver gives: `driver:vm`, and `kvm` when VMs run under KVM. Empty when QEMU cannot run. */
  async capabilities (): Promise<{ capabilities: string[], notes: string[] }> {
    const fp = await this.fingerprint()
    if (!fp.healthy) return { capabilities: [], notes: [`vm driver: ${fp.detail}`] }
    const { accel } = await this.#accel.accel()
    return { capabilities: [`driver:${VM_DRIVER}`, ...(accel === 'kvm' ? ['kvm'] : [])], notes: accel === 'kvm' ? [] : [`vm driver: ${fp.detail}`] }
  }

  async start (config: TaskConfig): Promise<TaskHandle> {
    if (this.#starting.has(config.id) || this.#processes.inspect(config.id)?.state === 'running') throw new TaskExistsError(`task ${config.id} is running`)
    this.#starting.add(config.id)
    try {
      return await this.#start(config)
    } finally {
      this.#starting.delete(config.id)
    }
  }

  async #start (config: TaskConfig): Promise<TaskHandle> {
    const vm = await this.#validate(config)
    const paths = taskPaths(this.#options.runDir, config.id)
    // a destroyed or exited task of this id may have left its record and files
    await this.#processes.destroy(config.id)
    this.#forget(config.id)
    await rm(paths.dir, { recursive: true, force: true })
    await mkdir(paths.dir, { recursive: true, mode: 0o700 })
    // the environment may hold secrets: a file only root reads, never QEMU's argv
    await writeFile(paths.env, formatEnvFile(guestEnv(config.env, vm.ports, vm.disks)), { mode: 0o600 })
    const boot = vm.boot
    const image = boot.disk === undefined ? undefined : resolvePath(config.cwd, boot.disk)
    if (image !== undefined) {
      await run(this.#options.qemuImg ?? 'qemu-img', ['create', '-q', '-f', 'qcow2', '-F', boot.format ?? 'raw', '-b', image, paths.overlay])
        .catch((err: unknown) => { throw new TaskStartError(`task ${config.id}: cannot make an overlay over ${image}: ${(err as Error).message}`, { cause: err }) })
    }
    const { accel, cpu } = await this.#accel.accel()
    const argv = [this.#qemu, ...qemuArgs({
      name: config.id,
      accel,
      cpu,
      memoryMiB: Math.floor(config.resources.memory / MiB),
      cpus: Math.max(1, Math.ceil(config.resources.cpu)),
      boot: boot.kind === 'kernel'
        ? { kind: 'kernel', kernel: resolvePath(config.cwd, boot.kernel), initrd: boot.initrd === undefined ? undefined : resolvePath(config.cwd, boot.initrd), append: boot.append }
        : { kind: 'disk' },
      rootOverlay: image === undefined ? undefined : paths.overlay,
      ports: vm.ports,
      disks: vm.disks,
      qmpSocket: paths.qmp,
      consoleSocket: paths.console,
      consoleLog: `${resolvePath(config.logDir)}/${config.id}.stdout.log`,
      envFile: paths.env,
      ...(config.user === undefined ? {} : { runAs: config.user })
    })]
    const task: VmTask = { id: config.id, dir: paths.dir, accel, cpu, guestShutdown: false, ...(config.user === undefined ? {} : { user: config.user }) }
    const handle = await this.#processes.start({
      id: config.id,
      command: argv,
      cwd: config.cwd,
      // QEMU's own environment: nothing of the instance's (that goes to the guest through the env file)
      // but the names that tell whose VM a QEMU process is
      env: { PATH: config.env.PATH ?? process.env.PATH ?? '/usr/bin:/bin', ...pick(config.env, QEMU_TAGS) },
      resources: { cpu: config.resources.cpu, memory: config.resources.memory + QEMU_OVERHEAD_BYTES },
      logDir: config.logDir
    })
    this.#tasks.set(config.id, task)
    const qmp = await this.#connect(task, Date.now() + QMP_CONNECT_TIMEOUT_MS)
    if (qmp === undefined) {
      const exit = this.#processes.inspect(config.id)?.exit
      const why = (await this.#processes.readLogs(config.id, { tail: 5, stream: 'stderr' })).join(' ')
      await this.#processes.stop(config.id, KILL_WAIT_MS, 'SIGKILL')
      throw new TaskStartError(`task ${config.id}: QEMU ${exit === undefined ? 'did not open its QMP socket' : 'exited at start'}: ${why || 'no message'}`)
    }
    this.#log.info({ task: config.id, pid: this.#processes.inspect(config.id)?.pid, accel }, 'vm started')
    return this.#handle(handle, task)
  }

  async recover (handle: TaskHandle): Promise<boolean> {
    if (handle.driver !== VM_DRIVER) throw new WrongDriverError(`handle of driver ${handle.driver} given to ${VM_DRIVER}`)
    if (!TASK_ID.test(handle.id)) return false
    const known = this.#tasks.get(handle.id)
    const alive = await this.#processes.recover({ ...handle, driver: PROCESS_DRIVER })
    if (!alive) return false
    if (known !== undefined) return true
    const paths = taskPaths(this.#options.runDir, handle.id)
    const user = taskUser(handle)
    const task: VmTask = { id: handle.id, dir: paths.dir, accel: handle.state.accel === 'kvm' ? 'kvm' : 'tcg', guestShutdown: false, ...(user === undefined ? {} : { user }) }
    this.#tasks.set(handle.id, task)
    const qmp = await this.#connect(task, Date.now() + QMP_CONNECT_TIMEOUT_MS)
    if (qmp === undefined) {
      this.#log.warn({ task: handle.id }, 'vm re-adopted without QMP: a stop will kill it')
    } else {
      const status = await qmp.execute<{ status: string }>('query-status').catch(() => undefined)
      // paused on a disk error while the daemon serving its volume was away: the export is back, retry
      if (status?.status === 'io-error') {
        this.#log.warn({ task: handle.id }, 'vm was paused on a disk error; resuming')
        await qmp.execute('cont').catch((err: unknown) => this.#log.warn({ task: handle.id, err }, 'cannot resume vm'))
      }
    }
    this.#log.info({ task: handle.id, pid: this.#processes.inspect(handle.id)?.pid }, 'vm re-adopted')
    return true
  }

  async wait (id: string): Promise<ExitResult> {
    const exit = await this.#processes.wait(id)
    return vmExit(exit, this.#tasks.get(id))
  }

  /**
   * SIGKILL kills at once; any other signal asks the guest to power off
   * (ACPI power button over QMP) and kills it when it has not after timeoutMs.
   */
  async stop (id: string, timeoutMs: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const status = this.#processes.inspect(id)
    if (status === undefined) throw new TaskNotFoundError(`no task ${id}`)
    const task = this.#tasks.get(id)
    if (task === undefined) return await this.#processes.stop(id, KILL_WAIT_MS, 'SIGKILL')
    task.stopping ??= this.#stop(task, timeoutMs, signal).finally(() => { task.stopping = undefined })
    await task.stopping
  }

  async #stop (task: VmTask, timeoutMs: number, signal: NodeJS.Signals): Promise<void> {
    const exited = this.#processes.wait(task.id)
    // no grace (destroy) or SIGKILL: nothing to ask the guest
    if (this.#processes.inspect(task.id)?.state === 'running' && signal !== 'SIGKILL' && timeoutMs > 0 && task.qmp !== undefined) {
      const asked = await task.qmp.execute('system_powerdown').then(() => true, (err: unknown) => {
        this.#log.warn({ task: task.id, err }, 'cannot ask the guest to power off')
        return false
      })
      if (asked) {
        const grace = new AbortController()
        const inTime = await Promise.race([exited.then(() => true), sleep(timeoutMs, false, { signal: grace.signal }).catch(() => false)])
        grace.abort()
        if (!inTime) this.#log.warn({ task: task.id, timeoutMs }, 'guest did not power off within its stop grace; killing it')
      }
    }
    await this.#processes.stop(task.id, KILL_WAIT_MS, 'SIGKILL')
  }

  async destroy (id: string): Promise<void> {
    if (this.#processes.inspect(id) === undefined && !this.#tasks.has(id)) return
    if (this.#processes.inspect(id)?.state === 'running') await this.stop(id, 0)
    await this.#processes.destroy(id)
    this.#forget(id)
    await rm(taskPaths(this.#options.runDir, id).dir, { recursive: true, force: true })
  }

  inspect (id: string): TaskStatus | undefined {
    const status = this.#processes.inspect(id)
    if (status === undefined) return undefined
    return status.exit === undefined ? status : { ...status, exit: vmExit(status.exit, this.#tasks.get(id)) }
  }

  /** The console (stdout: the guest's serial port) and QEMU's own messages (stderr). */
  async readLogs (id: string, options: { tail: number, stream?: 'stdout' | 'stderr' | 'both' }): Promise<string[]> {
    // a serial console ends its lines with CR LF
    return (await this.#processes.readLogs(id, options)).map(line => line.replaceAll('\r', ''))
  }

  /** Where a console client attaches to a VM's serial port (a Unix stream socket, one client at a time). */
  consoleSocket (id: string): string {
    return taskPaths(this.#options.runDir, id).console
  }

  /** A session into a VM is its serial console. */
  entry (id: string): TaskEntry | undefined {
    return this.#processes.inspect(id)?.state === 'running' ? { kind: 'serial', socket: this.consoleSocket(id) } : undefined
  }

  /**
   * Lets this process exit while VMs run: drops QMP connections and the
   * process driver's references. A later driver re-adopts the VMs.
   */
  close (): void {
    for (const task of this.#tasks.values()) task.qmp?.close()
    this.#processes.close()
  }

  /** Removes the cgroup parent when no VM is left in it. */
  async removeCgroupParent (): Promise<void> {
    await this.#processes.removeCgroupParent()
  }

  get #qemu (): string {
    return this.#options.qemu ?? QEMU_BINARY
  }

  async #validate (config: TaskConfig): Promise<VmTaskConfig> {
    if (!TASK_ID.test(config.id)) throw new InvalidTaskConfigError(`task id ${JSON.stringify(config.id)} is not a safe file name`)
    if (config.user !== undefined) checkUser(config.id, config.user)
    const problems = vmTaskProblems(config.vm)
    if (!(config.resources.memory >= MIN_GUEST_MEMORY_BYTES)) problems.push(`resources.memory: a VM needs at least ${MIN_GUEST_MEMORY_BYTES / MiB} MiB`)
    const longest = `${taskPaths(this.#options.runDir, config.id).console}`
    if (Buffer.byteLength(longest) > MAX_SOCKET_PATH_BYTES) problems.push(`id: the socket path ${longest} is longer than ${MAX_SOCKET_PATH_BYTES} bytes; use a shorter runDir`)
    if (problems.length > 0) throw new InvalidTaskConfigError(`task ${config.id}: ${problems.join('; ')}`)
    const vm = config.vm!
    const files = vm.boot.kind === 'kernel' ? [vm.boot.kernel, vm.boot.initrd, vm.boot.disk] : [vm.boot.disk]
    for (const file of files) {
      if (file === undefined) continue
      try {
        await access(resolvePath(config.cwd, file), constants.R_OK)
      } catch (err) {
        throw new InvalidTaskConfigError(`task ${config.id}: ${file} is not a readable file in ${config.cwd}`, { cause: err })
      }
    }
    return vm
  }

  /** Connects to the task's QMP socket, retrying while QEMU starts; undefined when QEMU exits first or the deadline passes. */
  async #connect (task: VmTask, deadline: number): Promise<QmpClient | undefined> {
    const path = `${task.dir}/qmp.sock`
    for (;;) {
      if (this.#processes.inspect(task.id)?.state !== 'running') return undefined
      try {
        const qmp = await QmpClient.connect(path, { timeoutMs: Math.max(100, deadline - Date.now()) })
        qmp.onEvent(event => { this.#event(task, event) })
        task.qmp = qmp
        void qmp.closed.then(() => { if (task.qmp === qmp) task.qmp = undefined })
        return qmp
      } catch {
        if (Date.now() >= deadline) return undefined
        await sleep(QMP_RETRY_MS)
      }
    }
  }

  #event (task: VmTask, event: QmpEvent): void {
    const log = this.#log.child({ task: task.id })
    if (event.event === 'SHUTDOWN') {
      task.guestShutdown = event.data?.guest === true
      log.info({ reason: event.data?.reason }, 'vm shutting down')
    } else if (event.event === 'BLOCK_IO_ERROR') {
      log.warn({ device: event.data?.device, reason: event.data?.reason }, 'vm paused on a disk error')
    }
  }

  #forget (id: string): void {
    this.#tasks.get(id)?.qmp?.close()
    this.#tasks.delete(id)
  }

  #handle (processHandle: TaskHandle, task: VmTask): TaskHandle {
    const paths = taskPaths(this.#options.runDir, task.id)
    return {
      driver: VM_DRIVER,
      id: task.id,
      startedAt: processHandle.startedAt,
      // uid and gid: whom QEMU runs as after -runas, not whom it was started as
      state: { ...processHandle.state, ...task.user, accel: task.accel, qmpSocket: paths.qmp, consoleSocket: paths.console }
    }
  }
}
