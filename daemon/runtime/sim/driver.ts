/**
 * The sim driver: the Driver contract over a SimHost, on a Clock. It runs
 * nothing; what a task does comes from its command (behaviour.ts). The
 * grid simulator gives each simulated node one, and tests use it where a real
 * process would only add time and flakiness.
 */
import type { Clock } from '../../../controller/clock/index.ts'
import type { Driver, DriverFingerprint, ExitResult, TaskConfig, TaskHandle, TaskStatus } from '../driver.ts'
import { InvalidTaskConfigError, TaskExistsError, TaskNotFoundError, WrongDriverError } from '../errors.ts'
import type { HostTask, SimHost } from './host.ts'

/** The name in handles and fingerprints. */
export const SIM_DRIVER = 'sim'

/** Task ids are file names in the process driver; the sim refuses the same ones so a scenario never passes here and fails there. */
const TASK_ID = /^[A-Za-z0-9_][A-Za-z0-9._@-]*$/

/** What a SimDriver needs: the clock tasks live on and the machine that holds them. */
export interface SimDriverComponents {
  clock: Clock
  host: SimHost
}

/** A driver that runs nothing. */
export class SimDriver implements Driver {
  readonly name = SIM_DRIVER
  readonly #clock: Clock
  readonly #host: SimHost
  /** Tasks this daemon started or re-adopted; others on the host are not its to touch. */
  readonly #known = new Map<string, HostTask>()
  readonly #stopping = new Map<HostTask, Promise<void>>()

  constructor (components: SimDriverComponents) {
    this.#clock = components.clock
    this.#host = components.host
  }

  async fingerprint (): Promise<DriverFingerprint> {
    return { driver: SIM_DRIVER, healthy: true, enforcesLimits: false, detail: 'simulated: runs nothing, so cpu and memory limits are bookkeeping only' }
  }

  async start (config: TaskConfig): Promise<TaskHandle> {
    if (!TASK_ID.test(config.id)) throw new InvalidTaskConfigError(`task id ${JSON.stringify(config.id)} is not a safe file name`)
    const known = this.#known.get(config.id)
    if (known !== undefined && known.exit === undefined) throw new TaskExistsError(`task ${config.id} is running`)
    const task = this.#host.spawn(config)
    this.#known.set(config.id, task)
    return this.#handle(task)
  }

  async recover (handle: TaskHandle): Promise<boolean> {
    if (handle.driver !== SIM_DRIVER) throw new WrongDriverError(`handle of driver ${handle.driver} given to ${SIM_DRIVER}`)
    const { host, boot, pid } = handle.state
    const task = this.#host.get(handle.id)
    // Same machine, same boot, same process: anything else is a task that has since died or been replaced.
    if (host !== this.#host.name || boot !== this.#host.boot || task === undefined || task.pid !== pid || task.exit !== undefined) return false
    this.#known.set(handle.id, task)
    return true
  }

  async wait (id: string): Promise<ExitResult> {
    return await this.#task(id).exited
  }

  async stop (id: string, timeoutMs: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const task = this.#task(id)
    if (task.exit !== undefined) return
    let stopping = this.#stopping.get(task)
    if (stopping === undefined) {
      stopping = this.#stop(task, timeoutMs, signal).finally(() => { this.#stopping.delete(task) })
      this.#stopping.set(task, stopping)
    }
    await stopping
  }

  async destroy (id: string): Promise<void> {
    const task = this.#known.get(id)
    if (task === undefined) return
    await this.stop(id, 0)
    if (this.#known.get(id) === task) this.#known.delete(id)
    this.#host.remove(id, task)
  }

  inspect (id: string): TaskStatus | undefined {
    const task = this.#known.get(id)
    if (task === undefined) return undefined
    const status: TaskStatus = { id, state: task.exit === undefined ? 'running' : 'exited', pid: task.pid, startedAt: task.startedAt }
    if (task.exit !== undefined) status.exit = task.exit
    return status
  }

  /** Ids of the tasks this driver knows that are running, sorted. */
  running (): string[] {
    return [...this.#known.values()].filter(t => t.exit === undefined).map(t => t.id).sort()
  }

  async #stop (task: HostTask, timeoutMs: number, signal: NodeJS.Signals): Promise<void> {
    // A zero grace means kill now: waiting on a virtual clock nobody advances would never end.
    if (timeoutMs <= 0 || signal === 'SIGKILL') {
      this.#host.signal(task.id, signal)
      if (task.exit === undefined) this.#host.signal(task.id, 'SIGKILL')
      return
    }
    this.#host.signal(task.id, signal)
    if (task.exit !== undefined) return
    const abort = new AbortController()
    const graceOver = this.#clock.sleep(timeoutMs, abort.signal).then(() => true, () => false)
    const over = await Promise.race([task.exited.then(() => false), graceOver])
    abort.abort()
    if (over) this.#host.signal(task.id, 'SIGKILL')
    await task.exited
  }

  #task (id: string): HostTask {
    const task = this.#known.get(id)
    if (task === undefined) throw new TaskNotFoundError(`no task ${id}`)
    return task
  }

  #handle (task: HostTask): TaskHandle {
    return { driver: SIM_DRIVER, id: task.id, startedAt: task.startedAt, state: { host: this.#host.name, boot: task.boot, pid: task.pid } }
  }
}
