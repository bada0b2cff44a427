/**
 * The simulated machine under a sim driver: the tasks it runs outlive the
 * daemon (a restarted daemon's driver re-adopts them through `recover`), and
 * die with the machine (`powerOff`). One host per simulated node, shared by
 * every SimDriver the node's daemon makes across its restarts.
 */
import type { Clock, Timer } from '../../../controller/clock/index.ts'
import type { ExitResult, TaskConfig } from '../driver.ts'
import { TaskExistsError } from '../errors.ts'
import { behaviourOf, type Behaviour } from './behaviour.ts'

/** First fake pid a host hands out; low pids look like system processes in a log. */
const FIRST_PID = 1000

/** One task as the machine holds it. */
export interface HostTask {
  readonly id: string
  readonly pid: number
  /** The host boot it was started in; a handle from an earlier boot never re-adopts. */
  readonly boot: number
  readonly startedAt: number
  readonly config: TaskConfig
  readonly behaviour: Behaviour
  exit: ExitResult | undefined
  /** Resolves once, when the task ends however it ends. */
  readonly exited: Promise<ExitResult>
}

interface Entry {
  task: HostTask
  end: (exit: ExitResult) => void
  timer: Timer | undefined
}

/** What a SimHost needs: the clock tasks live on. */
export interface SimHostComponents {
  clock: Clock
}

/** A simulated machine's process table. */
export class SimHost {
  /** Stable name of the machine; handles carry it so one host's handle never adopts on another. */
  readonly name: string
  readonly #clock: Clock
  readonly #tasks = new Map<string, Entry>()
  #boot = 1
  #nextPid = FIRST_PID

  constructor (components: SimHostComponents, init: { name: string }) {
    this.#clock = components.clock
    this.name = init.name
  }

  /** Bumped by every power cycle. */
  get boot (): number {
    return this.#boot
  }

  /** Starts a task; throws TaskExistsError (ERR_TASK_EXISTS) while one with the id runs. */
  spawn (config: TaskConfig): HostTask {
    const previous = this.#tasks.get(config.id)
    if (previous !== undefined && previous.task.exit === undefined) throw new TaskExistsError(`task ${config.id} is running on ${this.name}`)
    const behaviour = behaviourOf(config.id, config.command)
    let end!: (exit: ExitResult) => void
    const exited = new Promise<ExitResult>(resolve => { end = resolve })
    const task: HostTask = { id: config.id, pid: this.#nextPid++, boot: this.#boot, startedAt: this.#clock.now(), config, behaviour, exit: undefined, exited }
    const entry: Entry = { task, end: exit => { if (task.exit !== undefined) return; task.exit = exit; entry.timer?.cancel(); end(exit) }, timer: undefined }
    this.#tasks.set(config.id, entry)
    if (behaviour.endAfterMs !== undefined) entry.timer = this.#clock.setTimeout(() => { entry.end(behaviour.exit) }, behaviour.endAfterMs)
    return task
  }

  /** The task with this id, running or exited, if the machine still holds it. */
  get (id: string): HostTask | undefined {
    return this.#tasks.get(id)?.task
  }

  /** Delivers a signal: SIGKILL always ends a task, any other signal only one that honours it. */
  signal (id: string, signal: string): void {
    const entry = this.#tasks.get(id)
    if (entry === undefined || entry.task.exit !== undefined) return
    if (signal !== 'SIGKILL' && !entry.task.behaviour.honoursTerm) return
    entry.end({ code: null, signal, oomKilled: false })
  }

  /** Forgets an exited task (the daemon destroyed it); a running one is left alone. */
  remove (id: string, task?: HostTask): void {
    const entry = this.#tasks.get(id)
    if (entry === undefined || entry.task.exit === undefined) return
    if (task !== undefined && entry.task !== task) return
    this.#tasks.delete(id)
  }

  /** Ids of the tasks running now, sorted. */
  running (): string[] {
    return [...this.#tasks.values()].filter(e => e.task.exit === undefined).map(e => e.task.id).sort()
  }

  /** The machine loses power: every task dies and is forgotten, and the next boot starts empty. */
  powerOff (): void {
    for (const entry of this.#tasks.values()) entry.end({ code: null, signal: 'SIGKILL', oomKilled: false })
    this.#tasks.clear()
    this.#boot++
  }
}
