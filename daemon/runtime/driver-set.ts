/**
 * Several drivers behind the one Driver the supervisor holds: a task with a
 * `vm` section goes to the vm driver, every other to the default (process)
 * driver; a handle goes to the driver that made it; everything after that
 * to the driver running the task.
 */
import type { Driver, DriverFingerprint, EntryPoints, ExitResult, LogReader, TaskConfig, TaskEntry, TaskHandle, TaskStatus } from './driver.ts'
import { InvalidTaskConfigError, TaskNotFoundError, WrongDriverError } from './errors.ts'
import { VM_DRIVER } from './vm/index.ts'

type LoggingDriver = Driver & LogReader & EntryPoints

/** Routes tasks between a node's drivers; a Driver, LogReader and EntryPoints itself. */
export class DriverSet implements Driver, LogReader, EntryPoints {
  readonly name: string
  readonly #default: LoggingDriver
  readonly #byName = new Map<string, LoggingDriver>()
  /** Which driver runs each task this set has started or re-adopted. */
  readonly #owner = new Map<string, LoggingDriver>()

  constructor (components: { default: LoggingDriver, others?: LoggingDriver[] }) {
    this.#default = components.default
    this.name = components.default.name
    for (const d of [components.default, ...(components.others ?? [])]) this.#byName.set(d.name, d)
  }

  /** The driver of this name, if the node has it. */
  driver (name: string): LoggingDriver | undefined {
    return this.#byName.get(name)
  }

  /** The default driver's: the node's fingerprint describes each driver on its own. */
  async fingerprint (): Promise<DriverFingerprint> {
    return await this.#default.fingerprint()
  }

  async start (config: TaskConfig): Promise<TaskHandle> {
    const name = config.vm !== undefined ? VM_DRIVER : this.#default.name
    const driver = this.#byName.get(name)
    if (driver === undefined) throw new InvalidTaskConfigError(`task ${config.id}: this node has no ${name} driver`)
    const running = this.#owner.get(config.id)
    // a task that moved between drivers (its image changed) must leave the old one first
    if (running !== undefined && running !== driver) await running.destroy(config.id)
    const handle = await driver.start(config)
    this.#owner.set(config.id, driver)
    return handle
  }

  async recover (handle: TaskHandle): Promise<boolean> {
    const driver = this.#byName.get(handle.driver)
    if (driver === undefined) throw new WrongDriverError(`task ${handle.id} was started by a ${handle.driver} driver, which this node lacks`)
    const alive = await driver.recover(handle)
    if (alive) this.#owner.set(handle.id, driver)
    return alive
  }

  async wait (id: string): Promise<ExitResult> {
    return await this.#of(id).wait(id)
  }

  async stop (id: string, timeoutMs: number, signal?: NodeJS.Signals): Promise<void> {
    await this.#of(id).stop(id, timeoutMs, signal)
  }

  async destroy (id: string): Promise<void> {
    const driver = this.#owner.get(id)
    if (driver === undefined) return
    await driver.destroy(id)
    this.#owner.delete(id)
  }

  inspect (id: string): TaskStatus | undefined {
    return this.#owner.get(id)?.inspect(id)
  }

  async readLogs (id: string, options: { tail: number, stream?: 'stdout' | 'stderr' | 'both' }): Promise<string[]> {
    // logs outlive the task's record (a stopped instance's are still read): any driver's are files under the same names
    return await (this.#owner.get(id) ?? this.#default).readLogs(id, options)
  }

  entry (id: string): TaskEntry | undefined {
    return this.#owner.get(id)?.entry(id)
  }

  #of (id: string): LoggingDriver {
    const driver = this.#owner.get(id)
    if (driver === undefined) throw new TaskNotFoundError(`no task ${id}`)
    return driver
  }
}
