import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { access, constants, mkdir, open, readFile } from 'node:fs/promises'
import { resolve as resolvePath } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'pino'
import type { Writable } from 'node:stream'
import type { Driver, DriverFingerprint, EntryPoints, ExitResult, LogReader, TaskConfig, TaskEntry, TaskHandle, TaskStatus } from '../driver.ts'
import { CgroupError, InvalidTaskConfigError, TaskExistsError, TaskNotFoundError, TaskStartError, WrongDriverError } from '../errors.ts'
import { type TaskCgroup, GATE_FD, GATE_WORD, decodeCgroup, encodeCgroup, gateArgv, isValidParent } from './cgroup-plan.ts'
import { type CgroupProbe, admitToCgroup, createTaskCgroup, probeCgroups, removeParentIfEmpty, removeTaskCgroup, wasOomKilled } from './cgroups.ts'
import { logPaths, tailFile } from './logs.ts'
import { isAlive, isDead, parseStat, readBootId, readStat } from './procfs.ts'
import { type ProcessTask, killAll, newTask, signalMain, survivors } from './task.ts'
import { PROCESS_DRIVER, checkUser } from './user.ts'

export { PROCESS_DRIVER }

/** How often a re-adopted task (not our child, so no exit event) is checked. */
export const RECOVER_POLL_MS = 500 // ms
/** How often stop() looks whether the task and its group are gone. */
const STOP_POLL_MS = 25 // ms
/** After SIGKILL, how long to keep sweeping stragglers before giving up on them. */
const SWEEP_MS = 5_000 // ms
/** Log files are the daemon's: only root reads them back (through the API). */
const LOG_FILE_MODE = 0o600
const LOG_DIR_MODE = 0o700

const TASK_ID = /^[A-Za-z0-9_][A-Za-z0-9._@-]*$/

/** Configuration of the process driver. */
export interface ProcessDriverOptions {
  /** Cgroup under which every task gets its own, relative to the hierarchy root. Default `trellis`. */
  cgroupParent?: string
  /** Where cgroup hierarchies are mounted. Default /sys/fs/cgroup. */
  cgroupRoot?: string
  /** `off` never uses cgroups (limits advisory). Default `auto`: use them when root and present. */
  cgroups?: 'auto' | 'off'
  /** Poll interval for re-adopted tasks. Default RECOVER_POLL_MS. */
  pollMs?: number
}

/**
 * Runs instances as plain processes, each leading its own process group and,
 * when root with cgroups, in its own cgroup with cpu and memory limits. As
 * root a task runs as the `user` it is given (setgroups(0), setgid, setuid:
 * no supplementary groups). Output goes straight to files, so a task outlives
 * the daemon that started it and a later daemon can re-adopt it from its handle.
 *
 * `TaskConfig.env` is the task's whole environment: nothing of the daemon's
 * own environment leaks in.
 *
 * Exit codes of re-adopted tasks are unknown: only a parent can collect them,
 * so `wait` gives `{ code: null, signal: null }` for those (oomKilled still
 * comes from the cgroup).
 */
export class ProcessDriver implements Driver, LogReader, EntryPoints {
  readonly name = PROCESS_DRIVER
  readonly #log: Logger
  readonly #parent: string
  readonly #root: string
  readonly #mode: 'auto' | 'off'
  readonly #pollMs: number
  readonly #tasks = new Map<string, ProcessTask>()
  /** Ids between start() and their task record: a second start of one must fail, not race. */
  readonly #starting = new Set<string>()
  #probe?: Promise<CgroupProbe>
  #bootId?: Promise<string>
  #closed = false

  constructor (components: { logger: Logger }, options: ProcessDriverOptions = {}) {
    this.#log = components.logger.child({ component: 'driver-process' })
    this.#parent = options.cgroupParent ?? 'trellis'
    this.#root = options.cgroupRoot ?? '/sys/fs/cgroup'
    this.#mode = options.cgroups ?? 'auto'
    this.#pollMs = options.pollMs ?? RECOVER_POLL_MS
    if (!isValidParent(this.#parent)) throw new TypeError(`invalid cgroup parent ${JSON.stringify(this.#parent)}: relative path of plain names`)
  }

  async fingerprint (): Promise<DriverFingerprint> {
    const probe = await this.#cgroups()
    const uid = process.getuid?.() ?? -1
    return {
      driver: PROCESS_DRIVER,
      healthy: true,
      enforcesLimits: probe.layout !== undefined,
      detail: probe.detail,
      isolatesUsers: uid === 0,
      isolationDetail: uid === 0
        ? 'each task runs as the user it is given, with no supplementary groups'
        : `not root: every task runs as the daemon's own user (uid ${uid}) and can read what the daemon can`
    }
  }

  async start (config: TaskConfig): Promise<TaskHandle> {
    const previous = this.#tasks.get(config.id)
    if (this.#starting.has(config.id) || (previous !== undefined && previous.exit === undefined)) throw new TaskExistsError(`task ${config.id} is running`)
    this.#starting.add(config.id)
    try {
      return await this.#start(config)
    } finally {
      this.#starting.delete(config.id)
    }
  }

  async #start (config: TaskConfig): Promise<TaskHandle> {
    await this.#validate(config)
    this.#tasks.delete(config.id)
    const log = this.#log.child({ task: config.id })
    const { layout } = await this.#cgroups()
    const cgroup = layout === undefined ? undefined : await createTaskCgroup(layout, this.#parent, config.id, config.resources)
    const argv = cgroup === undefined ? config.command : gateArgv(config.command)
    const task = await this.#spawn(config, argv, cgroup).catch(async (err: unknown) => {
      if (cgroup !== undefined) await removeTaskCgroup(cgroup).catch(() => {})
      throw err
    })
    this.#tasks.set(config.id, task)
    if (cgroup !== undefined) await this.#admit(task, cgroup)
    log.info({ pid: task.pid, uid: task.uid, cgroup: cgroup?.dirs }, 'task started')
    return this.#handle(task)
  }

  async recover (handle: TaskHandle): Promise<boolean> {
    if (handle.driver !== PROCESS_DRIVER) throw new WrongDriverError(`handle of driver ${handle.driver} given to ${PROCESS_DRIVER}`)
    const { pid, startTime, bootId, logDir, uid, gid } = handle.state
    if (typeof pid !== 'number' || typeof startTime !== 'number' || !TASK_ID.test(handle.id)) return false
    const known = this.#tasks.get(handle.id)
    if (known !== undefined) return known.pid === pid && known.startTime === startTime && known.exit === undefined
    const thisBoot = await this.#boot()
    if (typeof bootId === 'string' && bootId !== '' && thisBoot !== '' && bootId !== thisBoot) return false
    // every task this driver starts leads its own process group; anything else is not ours to signal
    const stat = await readStat(pid)
    if (pid <= 1 || stat === undefined || stat.startTime !== startTime || isDead(stat) || stat.pgrp !== pid) return false
    const task = newTask({
      id: handle.id,
      pid,
      pgid: pid,
      startTime,
      bootId: thisBoot,
      startedAt: handle.startedAt,
      logDir: typeof logDir === 'string' ? logDir : '',
      uid: typeof uid === 'number' ? uid : -1,
      gid: typeof gid === 'number' ? gid : -1,
      cgroup: await this.#trustedCgroup(handle)
    })
    this.#tasks.set(handle.id, task)
    this.#schedulePoll(task)
    this.#log.info({ task: handle.id, pid }, 'task re-adopted')
    return true
  }

  async wait (id: string): Promise<ExitResult> {
    return await this.#task(id).exited
  }

  async stop (id: string, timeoutMs: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const task = this.#task(id)
    task.stopping ??= this.#stop(task, timeoutMs, signal).finally(() => { task.stopping = undefined })
    await task.stopping
  }

  async destroy (id: string): Promise<void> {
    const task = this.#tasks.get(id)
    if (task === undefined) return
    await this.stop(id, 0)
    if (task.cgroup !== undefined) await removeTaskCgroup(task.cgroup)
    if (this.#tasks.get(id) === task) this.#tasks.delete(id)
  }

  inspect (id: string): TaskStatus | undefined {
    const task = this.#tasks.get(id)
    if (task === undefined) return undefined
    return { id, state: task.exit === undefined ? 'running' : 'exited', pid: task.pid, startedAt: task.startedAt, exit: task.exit }
  }

  /**
   * Who a session into the task runs as and which cgroup it joins: the
   * task's own, so a shell there sees and may do what the task may. A
   * re-adopted task's come from its handle (checked in recover).
   */
  entry (id: string): TaskEntry | undefined {
    const task = this.#tasks.get(id)
    if (task === undefined || task.exit !== undefined) return undefined
    // only root switches users, and a task running as root needs no switch
    const user = process.getuid?.() === 0 && task.uid > 0 ? { uid: task.uid, gid: task.gid } : undefined
    return { kind: 'process', pid: task.pid, ...(user === undefined ? {} : { user }), cgroupDirs: task.cgroup?.dirs ?? [] }
  }

  /**
   * The last `tail` lines of the task's stdout and/or stderr. Two files can't
   * be interleaved by arrival, so `both` gives stdout's last lines, then
   * stderr's.
   */
  async readLogs (id: string, options: { tail: number, stream?: 'stdout' | 'stderr' | 'both' }): Promise<string[]> {
    const task = this.#task(id)
    if (task.logDir === '') return []
    const paths = logPaths(task.logDir, id)
    const stream = options.stream ?? 'both'
    const out = stream === 'stderr' ? [] : await tailFile(paths.stdout, options.tail)
    const err = stream === 'stdout' ? [] : await tailFile(paths.stderr, options.tail)
    return [...out, ...err]
  }

  /**
   * Lets this process exit while tasks run: stops polling re-adopted tasks
   * and drops the event-loop references to children. Tasks keep running; a
   * later driver re-adopts them. Not part of Driver: only the composition root calls it.
   */
  close (): void {
    this.#closed = true
    for (const task of this.#tasks.values()) {
      if (task.poll !== undefined) clearTimeout(task.poll)
      task.poll = undefined
      task.child?.unref()
    }
  }

  /** Removes this driver's parent cgroup if no task is left in it. For a clean node shutdown. */
  async removeCgroupParent (): Promise<void> {
    const probe = await this.#cgroups()
    if (probe.layout !== undefined) await removeParentIfEmpty(probe.layout, this.#parent)
  }

  async #validate (config: TaskConfig): Promise<void> {
    if (!TASK_ID.test(config.id)) throw new InvalidTaskConfigError(`task id ${JSON.stringify(config.id)} is not a safe file name`)
    const program = config.command[0]
    if (program === undefined || program === '') throw new InvalidTaskConfigError(`task ${config.id} has no command`)
    if (config.user !== undefined) checkUser(config.id, config.user)
    if (!program.includes('/')) return // left to PATH lookup
    try {
      await access(resolvePath(config.cwd, program), constants.X_OK)
    } catch (err) {
      throw new InvalidTaskConfigError(`task ${config.id}: ${program} is not executable`, { cause: err })
    }
  }

  async #spawn (config: TaskConfig, argv: string[], cgroup: TaskCgroup | undefined): Promise<ProcessTask> {
    await mkdir(config.logDir, { recursive: true, mode: LOG_DIR_MODE })
    const paths = logPaths(config.logDir, config.id)
    const out = await open(paths.stdout, 'a', LOG_FILE_MODE)
    const err = await open(paths.stderr, 'a', LOG_FILE_MODE).catch(async (e: unknown) => { await out.close(); throw e })
    const bootId = await this.#boot()
    // Only root changes ids; the daemon's own user needs no switch (checked in #validate).
    const user = config.user !== undefined && process.getuid?.() === 0 ? config.user : undefined
    try {
      const child = spawn(argv[0], argv.slice(1), {
        cwd: config.cwd,
        env: config.env,
        // own session and process group: the daemon's terminal signals miss it, and without a cgroup the group is what SIGKILL reaches
        detached: true,
        // a gated task (with a cgroup) reads its go-ahead on GATE_FD
        stdio: cgroup === undefined ? ['ignore', out.fd, err.fd] : ['ignore', out.fd, err.fd, 'pipe'],
        ...(user === undefined ? {} : { uid: user.uid, gid: user.gid })
      })
      const pid = child.pid
      if (pid === undefined) {
        const cause = await new Promise<unknown>(resolve => child.once('error', resolve))
        throw new TaskStartError(`task ${config.id} failed to start: ${(cause as Error).message}`, { cause })
      }
      // read before yielding to the event loop: the child can't be reaped before, so /proc/<pid> is there
      const stat = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))
      if (stat === undefined) throw new TaskStartError(`task ${config.id}: unreadable /proc/${pid}/stat`)
      const task = newTask({
        id: config.id,
        pid,
        pgid: pid,
        startTime: stat.startTime,
        bootId,
        startedAt: Date.now(),
        logDir: config.logDir,
        uid: user?.uid ?? process.getuid?.() ?? -1,
        gid: user?.gid ?? process.getgid?.() ?? -1,
        cgroup,
        child
      })
      child.on('error', (e) => this.#log.warn({ task: config.id, err: e }, 'child process error'))
      child.once('exit', (code, signal) => {
        void this.#exitResult(task, code, signal).then(task.settle)
      })
      return task
    } finally {
      // the child holds its own copies; ours would only leak
      await out.close()
      await err.close()
    }
  }

  /**
   * Moves the task's gate shell into its cgroup, then opens the gate, so that
   * when start() resolves the limits already hold and nothing of the command
   * ran outside them. A task that cannot be moved is killed before it runs.
   */
  async #admit (task: ProcessTask, cgroup: TaskCgroup): Promise<void> {
    const gate = (task.child as ChildProcess).stdio[GATE_FD] as Writable
    gate.on('error', () => {}) // EPIPE: the task died at its gate; its exit says why
    try {
      await admitToCgroup(cgroup, task.pid)
    } catch (err) {
      gate.destroy()
      try { process.kill(task.pid, 'SIGKILL') } catch { /* already gone */ }
      throw new CgroupError(`task ${task.id}: cannot move pid ${task.pid} into its cgroup: ${(err as Error).message}`, { cause: err })
    }
    // flushed before start() resolves: a daemon that exits right after must not leave the gate shut
    await new Promise<void>(resolve => { gate.once('error', () => resolve()); gate.end(`${GATE_WORD}\n`, () => resolve()) })
  }

  async #exitResult (task: ProcessTask, code: number | null, signal: string | null): Promise<ExitResult> {
    const oomKilled = task.cgroup === undefined ? false : await wasOomKilled(task.cgroup, signal).catch(() => false)
    this.#log.info({ task: task.id, pid: task.pid, code, signal, oomKilled }, 'task exited')
    return { code, signal, oomKilled }
  }

  #schedulePoll (task: ProcessTask): void {
    if (this.#closed || task.exit !== undefined) return
    task.poll = setTimeout(() => {
      void this.#checkAdopted(task).then(() => this.#schedulePoll(task))
    }, this.#pollMs)
  }

  /** Settles a re-adopted task once its process is gone. No-op for own children: their exit event does that. */
  async #checkAdopted (task: ProcessTask): Promise<void> {
    if (task.child !== undefined || task.exit !== undefined) return
    if (await isAlive(task.pid, task.startTime)) return
    task.settle(await this.#exitResult(task, null, null))
  }

  /**
   * The stop contract: `signal` to the main process alone; then SIGKILL to the
   * whole task (cgroup, else process group) once the main process has exited
   * or the grace has run out, whichever comes first, swept until nothing is left.
   */
  async #stop (task: ProcessTask, timeoutMs: number, signal: NodeJS.Signals): Promise<void> {
    if (task.exit !== undefined && (await survivors(task)).length === 0) return
    const log = this.#log.child({ task: task.id })
    // a re-adopted task's pid is checked first, so that a reused pid is not signalled
    await this.#checkAdopted(task)
    signalMain(task, signal)
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      await this.#checkAdopted(task)
      if (task.exit !== undefined) break
      await sleep(Math.min(STOP_POLL_MS, Math.max(1, deadline - Date.now())))
    }
    if (task.exit === undefined) log.warn({ pid: task.pid, timeoutMs, signal }, 'task outlived its stop grace, sending SIGKILL')
    const sweepUntil = Date.now() + SWEEP_MS
    while (!await this.#gone(task)) {
      await killAll(task)
      if (task.exit !== undefined && Date.now() > sweepUntil) {
        log.error({ pid: task.pid }, 'processes of the task survive SIGKILL; giving up on them')
        return
      }
      await sleep(STOP_POLL_MS)
    }
  }

  /** The leader has exited (and we know how) and nothing else of the task runs. */
  async #gone (task: ProcessTask): Promise<boolean> {
    await this.#checkAdopted(task)
    if (task.exit === undefined) return false
    return (await survivors(task)).length === 0
  }

  /** A cgroup named in a handle is used only when it lies under this driver's hierarchy and is named for the task. */
  async #trustedCgroup (handle: TaskHandle): Promise<TaskCgroup | undefined> {
    const cg = decodeCgroup(handle.state)
    const { layout } = await this.#cgroups()
    if (cg === undefined || layout === undefined || cg.version !== layout.version) return undefined
    const roots = layout.version === 2 ? [layout.root] : [layout.memoryRoot, layout.cpuRoot]
    const ok = cg.dirs.every(d => roots.some(r => d.startsWith(`${r}/`)) && d.endsWith(`/${handle.id}`) && !d.split('/').includes('..'))
    return ok ? cg : undefined
  }

  #handle (task: ProcessTask): TaskHandle {
    return {
      driver: PROCESS_DRIVER,
      id: task.id,
      startedAt: task.startedAt,
      state: { pid: task.pid, pgid: task.pgid, startTime: task.startTime, bootId: task.bootId, logDir: task.logDir, uid: task.uid, gid: task.gid, ...encodeCgroup(task.cgroup) }
    }
  }

  #task (id: string): ProcessTask {
    const task = this.#tasks.get(id)
    if (task === undefined) throw new TaskNotFoundError(`no task ${id}`)
    return task
  }

  #cgroups (): Promise<CgroupProbe> {
    this.#probe ??= this.#mode === 'off'
      ? Promise.resolve({ detail: 'cgroups turned off by configuration: cpu and memory limits are advisory' })
      : probeCgroups(this.#root, this.#parent, process.getuid?.())
    return this.#probe
  }

  #boot (): Promise<string> {
    this.#bootId ??= readBootId()
    return this.#bootId
  }
}
