/**
 * Pure restart decisions: how long to wait before the next start, when the
 * back-off starts over, and whether an ended task comes back at all. The
 * supervisor feeds them facts and does what they say.
 */
import type { ExitResult } from './driver.ts'
import type { BackoffPolicy, RestartPolicy, RestartReason } from './types.ts'

/** 1 s, 2 s, 4 s … 30 s: fast enough for a blip, slow enough not to thrash a crash loop. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, factor: 2, maxMs: 30_000 }
/** An instance up this long is considered fixed; its next crash starts the back-off over. */
export const STABLE_PERIOD_MS = 60_000 // ms
/** Grace between SIGTERM and SIGKILL when the supervisor restarts an unhealthy task. */
export const STOP_GRACE_MS = 10_000 // ms

/** The delay before restart number `attempt` (0-based) in a row. */
export function backoffDelay (policy: BackoffPolicy, attempt: number): number {
  const delay = policy.initialMs * Math.pow(policy.factor, Math.max(0, attempt))
  return Math.min(policy.maxMs, Number.isFinite(delay) ? delay : policy.maxMs)
}

/** Restarts in a row after a run of `uptimeMs`: a stable run wipes the slate. */
export function attemptsAfterRun (attempts: number, uptimeMs: number, stablePeriodMs: number): number {
  return uptimeMs >= stablePeriodMs ? 0 : attempts
}

/**
 * A failure is anything but a clean exit 0. A re-adopted task's exit code is
 * unknown (null, null) and counts as a failure: it was meant to be running.
 */
export function isFailure (reason: RestartReason, exit: ExitResult | undefined): boolean {
  if (reason !== 'exited' || exit === undefined) return true
  return exit.code !== 0 || exit.signal !== null || exit.oomKilled
}

/** What to do once a task has ended. */
export type AfterEnd =
  | { action: 'restart' }
  | { action: 'stop' }
  | { action: 'fail', reason: string }

/** Whether an ended task comes back, given the policy and the restarts in a row so far. */
export function afterEnd (policy: RestartPolicy, reason: RestartReason, exit: ExitResult | undefined, attempts: number): AfterEnd {
  const failed = isFailure(reason, exit)
  if (policy.mode === 'never' || (policy.mode === 'on-failure' && !failed)) {
    return failed ? { action: 'fail', reason: `${describe(reason, exit)}; restart policy ${policy.mode}` } : { action: 'stop' }
  }
  if (policy.maxAttempts !== undefined && attempts >= policy.maxAttempts) {
    return { action: 'fail', reason: `${describe(reason, exit)}; gave up after ${attempts} restarts in a row` }
  }
  return { action: 'restart' }
}

/** A short human description of how a task ended, for logs and `failed` events. */
export function describe (reason: RestartReason, exit: ExitResult | undefined): string {
  if (reason === 'unhealthy') return 'unhealthy'
  if (reason === 'start-failed' || exit === undefined) return 'failed to start'
  if (exit.oomKilled) return 'killed for exceeding its memory limit'
  if (exit.signal !== null) return `killed by ${exit.signal}`
  if (exit.code === null) return 'exited (code unknown)'
  return `exited with code ${exit.code}`
}
