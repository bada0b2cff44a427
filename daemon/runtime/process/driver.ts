import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { access, constants, mkdir, open, readFile } from 'node:fs/promises'
import { resolve as resolvePath } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'pino'
import type { Driver, DriverFingerprint, ExitResult, LogReader, TaskConfig, TaskHandle, TaskStatus } from '../driver.ts'
import { InvalidTaskConfigError, TaskExistsError, TaskNotFoundError, TaskStartError, WrongDriverError } from '../errors.ts'
import { type TaskCgroup, decodeCgroup, encodeCgroup, isValidParent, joinCgroupArgv } from './cgroup-plan.ts'
import { type CgroupProbe, createTaskCgroup, probeCgroups, removeParentIfEmpty, removeTaskCgroup, wasOomKilled } from './cgroups.ts'
import { logPaths, tailFile } from './logs.ts'
import { isAlive, isDead, parseStat, readBootId, readStat } from './procfs.ts'
import { type ProcessTask, killAll, newTask, signalGroup, survivors } from './task.ts'

/** The name in fingerprints and handles. */
export const PROCESS_DRIVER = 'process'
/** How often a re-adopted task (not our child, so no exit event) is checked. */
export const RECOVER_POLL_MS = 500 // ms
/** How often stop() looks whether the task and its group are gone. */
const STOP_POLL_MS = 25 // ms
/** After SIGKILL, how long to keep sweeping stragglers before giving up on them. */
const SWEEP_MS = 5_000 // ms
/** How often, and how long, start() looks whether a task has joined its cgroup. */
const JOIN_POLL_MS = 2 // ms
const JOIN_TIMEOUT_MS = 5_000 // ms

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
 * when root with cgroups, in its own cgroup with cpu and memory limits.
 * Output goes straight to files, so a task outlives the daemon that started it
 * and a later daemon can re-adopt it from its handle.
 *
 * `TaskConfig.env` is the task's whole environment: nothing of the daemon's
 * own environment leaks in.
 *
 * Exit codes of re-adopted tasks are unknown: only a parent can collect them,
 * so `wait` gives `{ code: null, signal: null }` for those (oomKilled still
 * comes from the cgroup).
 */
export class ProcessDriver implements Driver, LogReader {
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
    return { driver: PROCESS_DRIVER, healthy: true, enforcesLimits: probe.layout !== undefined, detail: probe.detail }
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
    const argv = cgroup === undefined ? config.command : joinCgroupArgv(cgroup, config.command)
    const task = await this.#spawn(config, argv, cgroup).catch(async (err: unknown) => {
      if (cgroup !== undefined) await removeTaskCgroup(cgroup).catch(() => {})
      throw err
    })
    this.#tasks.set(config.id, task)
    if (cgroup !== undefined) await this.#joined(task, cgroup)
    log.info({ pid: task.pid, cgroup: cgroup?.dirs }, 'task started')
    return this.#handle(task)
  }

  async recover (handle: TaskHandle): Promise<boolean> {
    if (handle.driver !== PROCESS_DRIVER) throw new WrongDriverError(`handle of driver ${handle.driver} given to ${PROCESS_DRIVER}`)
    const { pid, startTime, bootId, logDir } = handle.state
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
    if (!program.includes('/')) return // left to PATH lookup
    try {
      await access(resolvePath(config.cwd, program), constants.X_OK)
    } catch (err) {
      throw new InvalidTaskConfigError(`task ${config.id}: ${program} is not executable`, { cause: err })
    }
  }

  async #spawn (config: TaskConfig, argv: string[], cgroup: TaskCgroup | undefined): Promise<ProcessTask> {
    await mkdir(config.logDir, { recursive: true })
    const paths = logPaths(config.logDir, config.id)
    const out = await open(paths.stdout, 'a')
    const err = await open(paths.stderr, 'a').catch(async (e: unknown) => { await out.close(); throw e })
    const bootId = await this.#boot()
    try {
      const child = spawn(argv[0], argv.slice(1), {
        cwd: config.cwd,
        env: config.env,
        // own session and process group: stop() signals the whole group, and the daemon's terminal signals miss it
        detached: true,
        stdio: ['ignore', out.fd, err.fd]
      })
      const pid = child.pid
      if (pid === undefined) {
        const cause = await new Promise<unknown>(resolve => child.once('error', resolve))
        throw new TaskStartError(`task ${config.id} failed to start: ${(cause as Error).message}`, { cause })
      }
      // read before yielding to the event loop: the child can't be reaped before, so /proc/<pid> is there
      const stat = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))
      if (stat === undefined) throw new TaskStartError(`task ${config.id}: unreadable /proc/${pid}/stat`)
      const task = newTask({ id: config.id, pid, pgid: pid, startTime: stat.startTime, bootId, startedAt: Date.now(), logDir: config.logDir, cgroup, child })
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
   * Waits until the wrapper shell has moved the task into its cgroup, so that
   * when start() resolves the limits already hold. Gives up quietly when the
   * task ends first (its exit says why) or after JOIN_TIMEOUT_MS.
   */
  async #joined (task: ProcessTask, cgroup: TaskCgroup): Promise<void> {
    const deadline = Date.now() + JOIN_TIMEOUT_MS
    const pid = String(task.pid)
    while (task.exit === undefined && Date.now() < deadline) {
      const lists = await Promise.all(cgroup.dirs.map(async d => await readFile(`${d}/cgroup.procs`, 'utf8').catch(() => '')))
      if (lists.every(list => list.split('\n').includes(pid))) return
      await sleep(JOIN_POLL_MS)
    }
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

  async #stop (task: ProcessTask, timeoutMs: number, signal: NodeJS.Signals): Promise<void> {
    if (task.exit !== undefined && (await survivors(task)).length === 0) return
    const log = this.#log.child({ task: task.id })
    signalGroup(task, signal)
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (await this.#gone(task)) return
      await sleep(Math.min(STOP_POLL_MS, Math.max(1, deadline - Date.now())))
    }
    if (!await this.#gone(task)) log.warn({ pid: task.pid, timeoutMs }, 'task outlived its stop grace, sending SIGKILL')
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
      state: { pid: task.pid, pgid: task.pgid, startTime: task.startTime, bootId: task.bootId, logDir: task.logDir, ...encodeCgroup(task.cgroup) }
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
