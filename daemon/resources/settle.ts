/** Outcome of a call that was allowed to fail or to take too long. */
export type Settled<T> = { ok: true, value: T } | { ok: false, reason: string }

/**
 * Runs `call` and reports its value, or why there is none: it threw, it
 * rejected, or it took longer than `timeoutMs`. Never rejects, so a probe can
 * fall back instead of failing. The timer is cleared as soon as the call
 * settles; it is not unref'd, because a call hung on a promise that holds
 * no handle would otherwise let the process exit mid-probe.
 */
export async function settle<T> (call: () => Promise<T>, timeoutMs: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<Settled<T>>(resolve => {
    timer = setTimeout(() => { resolve({ ok: false, reason: `timed out after ${timeoutMs} ms` }) }, timeoutMs)
  })
  const attempt = (async (): Promise<Settled<T>> => {
    try {
      return { ok: true, value: await call() }
    } catch (err) {
      return { ok: false, reason: reasonOf(err) }
    }
  })()
  try {
    return await Promise.race([attempt, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** The same for a synchronous call, which no timer can cut short: its value, or why it threw. */
export function settleNow<T> (call: () => T): Settled<T> {
  try {
    return { ok: true, value: call() }
  } catch (err) {
    return { ok: false, reason: reasonOf(err) }
  }
}

function reasonOf (err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
