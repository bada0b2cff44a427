import type { Logger } from 'pino'
import { onRhythm, type Clock } from '../../controller/clock/index.ts'
import type { Driver, ExitResult, TaskHandle } from './driver.ts'
import { InstanceExistsError, InstanceNotFoundError, SupervisorClosedError } from './errors.ts'
import { type ProbeResult, healthStep, initialHealth } from './health.ts'
import { type Instance, newInstance, snapshot } from './instance.ts'
import { DEFAULT_BACKOFF, STABLE_PERIOD_MS, STOP_GRACE_MS, afterEnd, attemptsAfterRun, backoffDelay, describe } from './policy.ts'
import { probe as probeSocket } from './probe.ts'
import type {
  BackoffPolicy, HandleStore, HealthCheck, InstanceSpec, InstanceState, InstanceStatus,
  RestartReason, SupervisorEvent, SupervisorOptions
} from './types.ts'

/** What the supervisor needs from the node. */
export interface SupervisorComponents {
  driver: Driver
  clock: Clock
  logger: Logger
  /** Persists handles so a restarted daemon can adopt its instances. */
  store?: HandleStore
  /** Runs one health probe; real sockets unless replaced (the simulator does). */
  probe?: (check: HealthCheck) => Promise<ProbeResult>
}

/** Distributes SupervisorEvent to the daemon. */
export type SupervisorListener = (event: SupervisorEvent) => void

/**
 * Keeps the instances given to it running on this node: starts them through
 * the driver, restarts them with exponential back-off when they die or fail
 * their health check, persists their handles, and re-adopts tasks left by an
 * earlier daemon. Every wait is on the injected Clock; the decisions are the
 * pure functions of policy.ts and health.ts.
 *
 *   run/adopt ──▶ starting ──▶ running ──probe──▶ healthy ⇄ unhealthy ─┐
 *                    ▲            │ exit                      kill ◀─┘
 *                    └─ backoff ◀─┴──▶ stopped | failed
 */
/** Probe interval before an instance's first healthy verdict, in ms. */
const FIRST_VERDICT_PROBE_MS = 200

export class Supervisor {
  readonly #driver: Driver
  readonly #clock: Clock
  readonly #log: Logger
  readonly #store?: HandleStore
  readonly #probe: (check: HealthCheck) => Promise<ProbeResult>
  readonly #backoff: BackoffPolicy
  readonly #stablePeriodMs: number
  readonly #stopGraceMs: number
  readonly #instances = new Map<string, Instance>()
  readonly #listeners = new Set<SupervisorListener>()
  #closing?: Promise<void>

  constructor (components: SupervisorComponents, options: SupervisorOptions = {}) {
    this.#driver = components.driver
    this.#clock = components.clock
    this.#log = components.logger.child({ component: 'supervisor' })
    this.#store = components.store
    this.#probe = components.probe ?? probeSocket
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff }
    this.#stablePeriodMs = options.stablePeriodMs ?? STABLE_PERIOD_MS
    this.#stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS
  }

  /** Subscribes to instance events; returns the unsubscribe function. */
  on (type: 'event', listener: SupervisorListener): () => void {
    if (type !== 'event') throw new TypeError(`unknown event type ${String(type)}`)
    this.#listeners.add(listener)
    return () => this.off(type, listener)
  }

  off (type: 'event', listener: SupervisorListener): void {
    this.#listeners.delete(listener)
  }

  /** Starts supervising a new instance. Resolves after the first start attempt (which may have failed into back-off). */
  async run (spec: InstanceSpec): Promise<void> {
    const inst = this.#add(spec)
    await this.#enqueue(inst, async () => await this.#launch(inst))
  }

  /**
   * Takes over a task started by an earlier daemon. When the driver can't
   * recover it (it died meanwhile, or the pid was reused), starts it afresh.
   */
  async adopt (handle: TaskHandle, spec: InstanceSpec): Promise<void> {
    const inst = this.#add(spec)
    await this.#enqueue(inst, async () => {
      const recovered = await this.#driver.recover(handle).catch((err: unknown) => {
        inst.log.error({ err }, 'cannot recover task; starting it afresh')
        return false
      })
      if (!recovered) {
        inst.log.info('task from the previous daemon is gone; starting it afresh')
        await this.#launch(inst)
        return
      }
      inst.handle = handle
      this.#up(inst)
      await this.#save(inst)
      this.#emit({ type: 'adopted', id: spec.id, at: this.#clock.now(), pid: inst.pid })
      this.#watch(inst)
    })
  }

  /** Stops the instance (its stop signal, SIGKILL after graceMs), frees its driver resources, forgets it. */
  async remove (id: string, graceMs: number): Promise<void> {
    this.#open()
    const inst = this.#instances.get(id)
    if (inst === undefined) throw new InstanceNotFoundError(`no instance ${id}`)
    inst.removing ??= this.#enqueue(inst, async () => {
      cancelTimers(inst)
      await this.#stopTask(inst, graceMs)
      await this.#driver.destroy(id).catch((err: unknown) => inst.log.warn({ err }, 'destroy failed'))
      await this.#unsave(inst)
      this.#setState(inst, 'stopped')
      this.#instances.delete(id)
      this.#emit({ type: 'stopped', id, at: this.#clock.now() })
    })
    await inst.removing
  }

  /** Removes every instance; for a node shutting down its workload. */
  async stopAll (graceMs: number): Promise<void> {
    await Promise.all([...this.#instances.keys()].map(async id => await this.remove(id, graceMs)))
  }

  status (id: string): InstanceStatus | undefined {
    const inst = this.#instances.get(id)
    return inst === undefined ? undefined : snapshot(inst)
  }

  /** What the instance is run with (command, environment, working directory, user): a session into it gets the same. */
  spec (id: string): InstanceSpec | undefined {
    return this.#instances.get(id)?.spec
  }

  list (): InstanceStatus[] {
    return [...this.#instances.values()].map(snapshot)
  }

  /**
   * Stops supervising: no more restarts or probes, events stop. Tasks keep
   * running (a later daemon adopts them); call stopAll first to end them.
   * Returns the same promise however often it is called.
   */
  close (): Promise<void> {
    this.#closing ??= (async () => {
      for (const inst of this.#instances.values()) cancelTimers(inst)
      await Promise.all([...this.#instances.values()].map(async inst => await inst.queue))
      for (const inst of this.#instances.values()) cancelTimers(inst)
      this.#listeners.clear()
    })()
    return this.#closing
  }

  #add (spec: InstanceSpec): Instance {
    this.#open()
    if (this.#instances.has(spec.id)) throw new InstanceExistsError(`instance ${spec.id} is already supervised`)
    const inst = newInstance(spec, this.#log.child({ instance: spec.id }), this.#clock.now())
    this.#instances.set(spec.id, inst)
    return inst
  }

  /** Starts the task. A failed start goes through the restart policy like a crash. */
  async #launch (inst: Instance): Promise<void> {
    if (this.#stale(inst)) return
    this.#setState(inst, 'starting')
    try {
      inst.handle = await this.#driver.start(inst.spec.task)
    } catch (err) {
      inst.log.error({ err }, 'task failed to start')
      inst.handle = undefined
      if ((err as { code?: string }).code === 'ERR_INVALID_TASK_CONFIG') {
        this.#fail(inst, `cannot start: ${(err as Error).message}`)
        return
      }
      await this.#afterEnd(inst, 'start-failed')
      return
    }
    this.#up(inst)
    await this.#save(inst)
    this.#emit({ type: 'started', id: inst.spec.id, at: this.#clock.now(), pid: inst.pid, restarts: inst.restarts })
    this.#watch(inst)
  }

  /** Marks a freshly started or adopted task as up and begins probing it. */
  #up (inst: Instance): void {
    inst.epoch++
    inst.pid = this.#driver.inspect(inst.spec.id)?.pid
    inst.upSince = this.#clock.now()
    inst.health = initialHealth(inst.spec.health !== undefined)
    inst.live = initialHealth(inst.spec.liveness !== undefined)
    this.#setState(inst, 'running')
    this.#scheduleProbe(inst, inst.epoch)
    this.#scheduleLiveness(inst, inst.epoch)
  }

  #watch (inst: Instance): void {
    const epoch = inst.epoch
    this.#driver.wait(inst.spec.id).then(
      exit => this.#onExit(inst, epoch, exit),
      (err: unknown) => inst.log.error({ err }, 'waiting for the task failed')
    )
  }

  /** Records an exit once (whoever notices first), then lets the restart policy decide unless the supervisor caused it. */
  #onExit (inst: Instance, epoch: number, exit: ExitResult): void {
    if (!this.#recordExit(inst, epoch, exit)) return
    if (inst.killing || inst.removing !== undefined) return
    void this.#enqueue(inst, async () => await this.#afterEnd(inst, 'exited'))
  }

  #recordExit (inst: Instance, epoch: number, exit: ExitResult): boolean {
    if (this.#closing !== undefined || epoch !== inst.epoch) return false
    inst.epoch++
    cancelTimers(inst)
    inst.lastExit = exit
    inst.pid = undefined
    inst.log.info({ ...exit }, 'task exited')
    this.#emit({ type: 'exited', id: inst.spec.id, at: this.#clock.now(), code: exit.code, signal: exit.signal, oomKilled: exit.oomKilled })
    return true
  }

  /** After a task ended (or never started): free it, then restart after a back-off, or stop, or give up. */
  async #afterEnd (inst: Instance, reason: RestartReason): Promise<void> {
    if (this.#stale(inst)) return
    if (reason !== 'start-failed') {
      await this.#driver.destroy(inst.spec.id).catch((err: unknown) => inst.log.warn({ err }, 'destroy failed'))
      inst.attempts = attemptsAfterRun(inst.attempts, this.#clock.now() - inst.upSince, this.#stablePeriodMs)
    }
    const exit = reason === 'start-failed' ? undefined : inst.lastExit
    const decision = afterEnd(inst.spec.restart, reason, exit, inst.attempts)
    if (decision.action === 'fail') { await this.#unsave(inst); this.#fail(inst, decision.reason); return }
    if (decision.action === 'stop') {
      await this.#unsave(inst)
      this.#setState(inst, 'stopped')
      this.#emit({ type: 'stopped', id: inst.spec.id, at: this.#clock.now() })
      return
    }
    const delayMs = backoffDelay(this.#backoff, inst.attempts)
    inst.attempts++
    inst.restarts++
    this.#setState(inst, 'backoff')
    inst.log.info({ delayMs, attempt: inst.attempts, why: describe(reason, exit) }, 'restarting after back-off')
    this.#emit({ type: 'restarting', id: inst.spec.id, at: this.#clock.now(), delayMs, attempt: inst.attempts, reason })
    inst.timer = this.#clock.setTimeout(() => { void this.#enqueue(inst, async () => await this.#launch(inst)) }, delayMs)
  }

  #scheduleProbe (inst: Instance, epoch: number): void {
    const check = inst.spec.health
    if (check === undefined || this.#closing !== undefined) return
    // Until the first healthy verdict, probe often: a fresh instance that listens
    // after 300 ms should not wait out a whole interval before it takes traffic.
    const run = (): void => { void this.#runProbe(inst, epoch, check) }
    if (inst.health.status !== 'healthy') { inst.timer = this.#clock.setTimeout(run, Math.min(check.intervalMs, FIRST_VERDICT_PROBE_MS)); return }
    // A healthy instance's probes fall on the node's shared rhythm for their interval, with every other instance's and
    // loop's due then: one wake-up a second for all of them, not one per probe (docs/image-manifest.md, Health).
    inst.timer = onRhythm(this.#clock, check.intervalMs, run)
  }

  async #runProbe (inst: Instance, epoch: number, check: HealthCheck): Promise<void> {
    if (epoch !== inst.epoch || this.#stale(inst)) return
    const result = await this.#probe(check)
    if (epoch !== inst.epoch || this.#stale(inst)) return
    const step = healthStep(inst.health, result, this.#clock.now() - inst.upSince, check.startPeriodMs, check.failures)
    inst.health = step.health
    if (step.change === 'healthy') {
      this.#setState(inst, 'healthy')
      this.#emit({ type: 'healthy', id: inst.spec.id, at: this.#clock.now() })
    }
    if (step.change === 'unhealthy' && inst.spec.liveness !== undefined) {
      // Not ready, but its liveness says whether it must restart: a backend's outage is not its own.
      this.#setState(inst, 'unhealthy')
      inst.log.warn({ failures: step.health.failures, error: result.error }, 'instance not ready')
      this.#emit({ type: 'unready', id: inst.spec.id, at: this.#clock.now(), failures: step.health.failures, error: result.error })
    } else if (step.change === 'unhealthy') {
      this.#setState(inst, 'unhealthy')
      inst.log.warn({ failures: step.health.failures, error: result.error }, 'instance unhealthy; restarting it')
      this.#emit({ type: 'unhealthy', id: inst.spec.id, at: this.#clock.now(), failures: step.health.failures, error: result.error })
      void this.#enqueue(inst, async () => await this.#restartUnhealthy(inst, epoch))
      return
    }
    this.#scheduleProbe(inst, epoch)
  }

  #scheduleLiveness (inst: Instance, epoch: number): void {
    const check = inst.spec.liveness
    if (check === undefined || this.#closing !== undefined) return
    inst.liveTimer = onRhythm(this.#clock, check.intervalMs, () => { void this.#runLiveness(inst, epoch, check) })
  }

  async #runLiveness (inst: Instance, epoch: number, check: HealthCheck): Promise<void> {
    if (epoch !== inst.epoch || this.#stale(inst)) return
    const result = await this.#probe(check)
    if (epoch !== inst.epoch || this.#stale(inst)) return
    const step = healthStep(inst.live, result, this.#clock.now() - inst.upSince, check.startPeriodMs, check.failures)
    inst.live = step.health
    if (step.change === 'unhealthy') {
      cancelTimers(inst)
      this.#setState(inst, 'unhealthy')
      inst.log.warn({ failures: step.health.failures, error: result.error }, 'instance not alive; restarting it')
      this.#emit({ type: 'unhealthy', id: inst.spec.id, at: this.#clock.now(), failures: step.health.failures, error: result.error })
      void this.#enqueue(inst, async () => await this.#restartUnhealthy(inst, epoch))
      return
    }
    this.#scheduleLiveness(inst, epoch)
  }

  /** Kills an unhealthy task, then treats it as ended: the restart policy and back-off apply. */
  async #restartUnhealthy (inst: Instance, epoch: number): Promise<void> {
    if (epoch !== inst.epoch || this.#stale(inst)) return
    inst.killing = true
    try {
      await this.#stopTask(inst, inst.spec.stopGraceMs ?? this.#stopGraceMs)
    } finally {
      inst.killing = false
    }
    await this.#afterEnd(inst, 'unhealthy')
  }

  /** Stops the current task if it runs and records its exit, whichever of stop and wait reports first. */
  async #stopTask (inst: Instance, graceMs: number): Promise<void> {
    const id = inst.spec.id
    if (this.#driver.inspect(id)?.state !== 'running') return
    const epoch = inst.epoch
    await this.#driver.stop(id, graceMs, inst.spec.stopSignal)
    const exit = await this.#driver.wait(id)
    this.#recordExit(inst, epoch, exit)
  }

  #fail (inst: Instance, reason: string): void {
    inst.log.error({ reason }, 'instance failed; not restarting')
    this.#setState(inst, 'failed')
    this.#emit({ type: 'failed', id: inst.spec.id, at: this.#clock.now(), reason })
  }

  async #save (inst: Instance): Promise<void> {
    if (this.#store === undefined || inst.handle === undefined) return
    try {
      await this.#store.save(inst.spec.id, inst.handle, { spec: inst.spec, restarts: inst.restarts })
    } catch (err) {
      // supervision goes on; the cost is that a restarted daemon can't adopt this task
      inst.log.error({ err }, 'cannot persist task handle')
    }
  }

  async #unsave (inst: Instance): Promise<void> {
    inst.handle = undefined
    if (this.#store === undefined) return
    try {
      await this.#store.delete(inst.spec.id)
    } catch (err) {
      inst.log.error({ err }, 'cannot delete task handle')
    }
  }

  #setState (inst: Instance, state: InstanceState): void {
    if (inst.state === state) return
    inst.state = state
    inst.since = this.#clock.now()
  }

  /** True when the instance must not be touched any more: the supervisor closed, or the instance is being removed. */
  #stale (inst: Instance): boolean {
    return this.#closing !== undefined || inst.removing !== undefined
  }

  #enqueue (inst: Instance, op: () => Promise<void>): Promise<void> {
    const next = inst.queue.then(op)
    inst.queue = next.catch((err: unknown) => inst.log.error({ err }, 'lifecycle operation failed'))
    return next
  }

  #emit (event: SupervisorEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event)
      } catch (err) {
        this.#log.error({ err, event: event.type }, 'event listener threw')
      }
    }
  }

  #open (): void {
    if (this.#closing !== undefined) throw new SupervisorClosedError()
  }
}

/** Cancels an instance's back-off and probe timers. */
function cancelTimers (inst: Instance): void {
  inst.timer?.cancel()
  inst.liveTimer?.cancel()
}
