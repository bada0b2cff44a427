/** Health-state transitions, by table. */
import t from 'tap'
import { healthStep, initialHealth, type HealthStatus } from '../../../daemon/runtime/index.ts'

const unknown: HealthStatus = { status: 'unknown', failures: 0 }
const healthy: HealthStatus = { status: 'healthy', failures: 0 }
const failing: HealthStatus = { status: 'healthy', failures: 2 }
const unhealthy: HealthStatus = { status: 'unhealthy', failures: 3 }

t.test('initial health', async t => {
  t.same(initialHealth(true), unknown)
  t.same(initialHealth(false), { status: 'none', failures: 0 })
})

t.test('healthStep', async t => {
  // health before, probe ok, elapsed ms, start period ms, threshold → status, failures, change
  const table: Array<[string, HealthStatus, boolean, number, number, number, string, number, string | undefined]> = [
    ['first pass', unknown, true, 0, 0, 3, 'healthy', 0, 'healthy'],
    ['pass while healthy', healthy, true, 99_000, 0, 3, 'healthy', 0, undefined],
    ['pass resets failures', failing, true, 99_000, 0, 3, 'healthy', 0, undefined],
    ['pass after unhealthy', unhealthy, true, 99_000, 0, 3, 'healthy', 0, 'healthy'],
    ['fail in start period', unknown, false, 500, 1_000, 3, 'unknown', 0, undefined],
    ['fail after start period', unknown, false, 1_000, 1_000, 3, 'unknown', 1, undefined],
    ['fail once healthy, in start period', healthy, false, 10, 1_000, 3, 'healthy', 1, undefined],
    ['third failure', failing, false, 99_000, 0, 3, 'unhealthy', 3, 'unhealthy'],
    ['threshold 1', unknown, false, 0, 0, 1, 'unhealthy', 1, 'unhealthy'],
    ['threshold 0 acts as 1', unknown, false, 0, 0, 0, 'unhealthy', 1, 'unhealthy'],
    ['fail while unhealthy', unhealthy, false, 99_000, 0, 3, 'unhealthy', 4, undefined]
  ]
  for (const [name, before, ok, elapsed, startPeriod, threshold, status, failures, change] of table) {
    const step = healthStep(before, ok ? { ok } : { ok, error: 'ECONNREFUSED' }, elapsed, startPeriod, threshold)
    t.equal(step.health.status, status, `${name}: status`)
    t.equal(step.health.failures, failures, `${name}: failures`)
    t.equal(step.change, change, `${name}: change`)
    if (!ok) t.equal(step.health.lastError, 'ECONNREFUSED', `${name}: keeps the error`)
  }
})
