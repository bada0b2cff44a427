/**
 * The supervisor's vocabulary: what it is asked to run, what it reports, and
 * what it persists.
 */
import type { ExitResult, TaskConfig, TaskHandle } from './driver.ts'

/**
 * A health check resolved for one instance: the catalog's HealthSpec with its
 * terminal turned into the address the instance listens on.
 */
export interface HealthCheck {
  /** http: GET `path` answers 2xx; tcp: the address accepts a connection. */
  kind: 'http' | 'tcp'
  host: string
  port: number
  /** For http; ignored for tcp. */
  path: string
  intervalMs: number
  timeoutMs: number
  /** Consecutive failures before the instance is unhealthy. */
  failures: number
  /** Grace after (re)start during which failures don't count. */
  startPeriodMs: number
}

/**
 * When to start an instance again after its task ends. `always` also restarts
 * after a clean exit; `on-failure` only after a non-zero code, a signal or an
 * OOM kill (an unhealthy kill counts as a failure); `never` leaves it down.
 */
export interface RestartPolicy {
  mode: 'always' | 'on-failure' | 'never'
  /** Restarts in a row (without a stable run between them) before giving up: state `failed`. Default unlimited. */
  maxAttempts?: number
}

/** What the supervisor is asked to keep running. */
export interface InstanceSpec {
  id: string
  task: TaskConfig
  /** Readiness: the instance serves while it passes; without liveness, failing it also restarts the instance. */
  health?: HealthCheck
  /** Liveness: failing it restarts the instance; readiness then only marks it not ready. */
  liveness?: HealthCheck
  restart: RestartPolicy
  /** Grace between the stop signal and SIGKILL when the supervisor itself restarts the task. Default from SupervisorOptions. */
  stopGraceMs?: number
  /** What asks the task to stop cleanly (the image's `stop.signal`). Default SIGTERM. */
  stopSignal?: NodeJS.Signals
  /** What a console opens in the instance (the image's `console.command`); absent: a shell. */
  console?: string[]
}

/** Exponential back-off between restarts: initialMs · factor^attempt, capped at maxMs. */
export interface BackoffPolicy {
  initialMs: number
  factor: number
  maxMs: number
}

/**
 * starting: the driver is starting the task. running: up, no verdict from a
 * health check (or none configured). healthy / unhealthy: the check's verdict.
 * backoff: waiting to restart. stopped: down and not coming back (removed, or
 * a clean exit the policy does not restart). failed: gave up restarting.
 */
export type InstanceState = 'starting' | 'running' | 'healthy' | 'unhealthy' | 'backoff' | 'stopped' | 'failed'

/** Health as the supervisor tracks it. `none` when the instance has no check. */
export interface HealthStatus {
  status: 'none' | 'unknown' | 'healthy' | 'unhealthy'
  /** Consecutive failed probes that counted (outside the start period). */
  failures: number
  /** Why the last probe failed. */
  lastError?: string
}

/** One instance as status() and list() report it. */
export interface InstanceStatus {
  id: string
  state: InstanceState
  pid?: number
  /** Restarts so far, for any reason (crash, unhealthy kill, failed start). */
  restarts: number
  lastExit?: ExitResult
  health: HealthStatus
  /** When `state` was entered, on the supervisor's clock. */
  since: number
  handle?: TaskHandle
}

/** Why the supervisor restarts an instance. */
export type RestartReason = 'exited' | 'unhealthy' | 'start-failed'

/** What happened to an instance; the daemon records these. `at` is on the supervisor's clock. */
export type SupervisorEvent =
  | { type: 'started', id: string, at: number, pid?: number, restarts: number }
  | { type: 'adopted', id: string, at: number, pid?: number }
  | { type: 'healthy', id: string, at: number }
  | { type: 'unhealthy', id: string, at: number, failures: number, error?: string }
  | { type: 'unready', id: string, at: number, failures: number, error?: string }
  | { type: 'exited', id: string, at: number, code: number | null, signal: string | null, oomKilled: boolean }
  | { type: 'restarting', id: string, at: number, delayMs: number, attempt: number, reason: RestartReason }
  | { type: 'stopped', id: string, at: number }
  | { type: 'failed', id: string, at: number, reason: string }

/** What is stored next to a handle so that a restarted daemon can adopt the instance. */
export interface HandleMeta {
  spec: InstanceSpec
  restarts: number
}

/**
 * Where task handles are persisted; the daemon implements it over LevelDB.
 * Called after every (re)start, and delete when an instance is removed.
 */
export interface HandleStore {
  save (id: string, handle: TaskHandle, meta: HandleMeta): Promise<void> | void
  delete (id: string): Promise<void> | void
}

/** Tunables of the supervisor; every field has a default. */
export interface SupervisorOptions {
  backoff?: Partial<BackoffPolicy>
  /** An instance that stayed up this long starts its back-off again from the initial delay. */
  stablePeriodMs?: number
  /** Grace for restarts the supervisor causes (unhealthy), unless the spec sets one. */
  stopGraceMs?: number
}
