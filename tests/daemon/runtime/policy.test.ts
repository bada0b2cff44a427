/** The restart decisions, by table. */
import t from 'tap'
import { DEFAULT_BACKOFF, afterEnd, attemptsAfterRun, backoffDelay, isFailure } from '../../../daemon/runtime/index.ts'
import type { ExitResult, RestartPolicy, RestartReason } from '../../../daemon/runtime/index.ts'

t.test('backoffDelay doubles from 1 s and stops at 30 s', async t => {
  const table: Array<[number, number]> = [[0, 1_000], [1, 2_000], [2, 4_000], [3, 8_000], [4, 16_000], [5, 30_000], [6, 30_000], [100, 30_000], [5000, 30_000], [-1, 1_000]]
  for (const [attempt, delay] of table) t.equal(backoffDelay(DEFAULT_BACKOFF, attempt), delay, `attempt ${attempt}`)
  t.equal(backoffDelay({ initialMs: 100, factor: 3, maxMs: 1_000 }, 2), 900)
  t.equal(backoffDelay({ initialMs: 100, factor: 1, maxMs: 1_000 }, 50), 100, 'factor 1 is a constant delay')
})

t.test('attemptsAfterRun starts over after a stable run', async t => {
  const table: Array<[number, number, number, number]> = [
    // attempts, uptime, stable period, expected
    [3, 0, 60_000, 3],
    [3, 59_999, 60_000, 3],
    [3, 60_000, 60_000, 0],
    [3, 3_600_000, 60_000, 0],
    [0, 10, 60_000, 0]
  ]
  for (const [attempts, uptime, stable, want] of table) t.equal(attemptsAfterRun(attempts, uptime, stable), want, `${attempts} after ${uptime} ms`)
})

const exit = (code: number | null, signal: string | null = null, oomKilled = false): ExitResult => ({ code, signal, oomKilled })

t.test('isFailure: anything but a clean exit 0', async t => {
  const table: Array<[RestartReason, ExitResult | undefined, boolean]> = [
    ['exited', exit(0), false],
    ['exited', exit(1), true],
    ['exited', exit(null, 'SIGKILL'), true],
    ['exited', exit(0, null, true), true],
    ['exited', exit(null), true],
    ['exited', undefined, true],
    ['unhealthy', exit(0), true],
    ['start-failed', undefined, true]
  ]
  for (const [reason, e, want] of table) t.equal(isFailure(reason, e), want, `${reason} ${JSON.stringify(e)}`)
})

t.test('afterEnd follows the policy', async t => {
  const always: RestartPolicy = { mode: 'always' }
  const onFailure: RestartPolicy = { mode: 'on-failure' }
  const never: RestartPolicy = { mode: 'never' }
  const capped: RestartPolicy = { mode: 'always', maxAttempts: 3 }
  const table: Array<[RestartPolicy, RestartReason, ExitResult | undefined, number, string]> = [
    [always, 'exited', exit(0), 0, 'restart'],
    [always, 'exited', exit(1), 7, 'restart'],
    [onFailure, 'exited', exit(0), 0, 'stop'],
    [onFailure, 'exited', exit(2), 0, 'restart'],
    [onFailure, 'unhealthy', exit(null, 'SIGTERM'), 0, 'restart'],
    [onFailure, 'start-failed', undefined, 0, 'restart'],
    [never, 'exited', exit(0), 0, 'stop'],
    [never, 'exited', exit(1), 0, 'fail'],
    [never, 'unhealthy', exit(null, 'SIGTERM'), 0, 'fail'],
    [capped, 'exited', exit(1), 2, 'restart'],
    [capped, 'exited', exit(1), 3, 'fail'],
    [capped, 'exited', exit(0), 3, 'fail']
  ]
  for (const [policy, reason, e, attempts, want] of table) {
    t.equal(afterEnd(policy, reason, e, attempts).action, want, `${policy.mode}/${policy.maxAttempts ?? '∞'} ${reason} ${JSON.stringify(e)} after ${attempts}`)
  }
  const failed = afterEnd(never, 'exited', exit(null, null, true), 0)
  t.match(failed, { action: 'fail', reason: /memory limit/ })
})
