import type { Logger } from 'pino'
import type { Timer } from '../../controller/clock/index.ts'
import type { ExitResult, TaskHandle } from './driver.ts'
import { initialHealth } from './health.ts'
import type { HealthStatus, InstanceSpec, InstanceState, InstanceStatus } from './types.ts'

/** The supervisor's record of one instance. Mutated only by the supervisor. */
export interface Instance {
  spec: InstanceSpec
  log: Logger
  state: InstanceState
  since: number
  restarts: number
  /** Restarts in a row since the last stable run; drives the back-off. */
  attempts: number
  lastExit?: ExitResult
  handle?: TaskHandle
  pid?: number
  health: HealthStatus
  /** The liveness check's verdicts, when the spec has one. */
  live: HealthStatus
  /** When the current task started (or was adopted), on the supervisor's clock. */
  upSince: number
  /**
   * Bumped whenever a task starts or ends, so that a late wait() result or
   * probe answer about an earlier task is recognised and dropped.
   */
  epoch: number
  /** The supervisor is stopping the task itself; its exit is expected. */
  killing: boolean
  removing?: Promise<void>
  /** The pending back-off or readiness probe timer. */
  timer?: Timer
  /** The pending liveness probe timer. */
  liveTimer?: Timer
  /** Lifecycle operations run one at a time, in order. */
  queue: Promise<void>
}

/** A fresh record for a spec about to be started or adopted. */
export function newInstance (spec: InstanceSpec, log: Logger, now: number): Instance {
  return {
    spec,
    log,
    state: 'starting',
    since: now,
    restarts: 0,
    attempts: 0,
    health: initialHealth(spec.health !== undefined),
    live: initialHealth(spec.liveness !== undefined),
    upSince: now,
    epoch: 0,
    killing: false,
    queue: Promise.resolve()
  }
}

/** The public view of an instance; a copy, so callers can't reach into the record. */
export function snapshot (inst: Instance): InstanceStatus {
  return {
    id: inst.spec.id,
    state: inst.state,
    pid: inst.pid,
    restarts: inst.restarts,
    lastExit: inst.lastExit === undefined ? undefined : { ...inst.lastExit },
    health: { ...inst.health },
    since: inst.since,
    handle: inst.handle === undefined ? undefined : { ...inst.handle, state: { ...inst.handle.state } }
  }
}
