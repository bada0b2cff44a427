/**
 * Pure health-state transitions, after Docker's HEALTHCHECK: a passing probe
 * makes an instance healthy at once; `failures` failing probes in a row make
 * it unhealthy; failures before the first pass and within the start period
 * don't count, so a slow starter is not killed while it warms up.
 */
import type { HealthStatus } from './types.ts'

/** One probe's outcome. */
export interface ProbeResult {
  ok: boolean
  error?: string
}

/** The next health status, and the verdict that changed, if any. */
export interface HealthStep {
  health: HealthStatus
  change?: 'healthy' | 'unhealthy'
}

/** The status an instance with (or without) a check starts from. */
export function initialHealth (hasCheck: boolean): HealthStatus {
  return { status: hasCheck ? 'unknown' : 'none', failures: 0 }
}

/**
 * Applies one probe result. `elapsedMs` is the time since the task started;
 * `threshold` the consecutive failures that make it unhealthy.
 */
export function healthStep (health: HealthStatus, result: ProbeResult, elapsedMs: number, startPeriodMs: number, threshold: number): HealthStep {
  if (result.ok) {
    const next: HealthStatus = { status: 'healthy', failures: 0 }
    return health.status === 'healthy' ? { health: next } : { health: next, change: 'healthy' }
  }
  const warmingUp = health.status === 'unknown' && elapsedMs < startPeriodMs
  if (warmingUp) return { health: { ...health, lastError: result.error } }
  const failures = health.failures + 1
  if (failures >= Math.max(1, threshold) && health.status !== 'unhealthy') {
    return { health: { status: 'unhealthy', failures, lastError: result.error }, change: 'unhealthy' }
  }
  return { health: { ...health, failures, lastError: result.error } }
}

/**
 * Whether an instance takes traffic: healthy by its check, or running when
 * its image has no check. One rule for the API, the reconciler and reports.
 */
export function isServing (state: string, health: string): boolean {
  return state === 'healthy' || (state === 'running' && health === 'none')
}
