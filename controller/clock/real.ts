import type { Clock, Timer } from './clock.ts'

/** The longest delay Node's setTimeout takes; longer ones it fires after 1 ms instead. */
const MAX_DELAY = 2 ** 31 - 1 // ms

/**
 * The wall clock. Timers are unref'd so a pending one never keeps a process
 * alive; a sleep is not, because someone awaits it.
 */
export class RealClock implements Clock {
  /**
   * The wall-clock time at process start, carried forward by the monotonic
   * clock. Date.now() jumps when NTP or an operator steps the clock, and a
   * backward jump would make a timeout measured with now() run long, a
   * forward one make a healthy node look dead. Whole ms, like Date.now().
   */
  now (): number {
    return Math.floor(performance.timeOrigin + performance.now())
  }

  setTimeout (fn: () => void, ms: number): Timer {
    return { cancel: arm(fn, ms, true) }
  }

  sleep (ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted === true) { reject(signal.reason); return }
      const cancel = arm(() => { signal?.removeEventListener('abort', onAbort); resolve() }, ms, false)
      const onAbort = (): void => { cancel(); reject(signal?.reason) }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}

/**
 * Calls fn after ms, in steps of at most MAX_DELAY so long delays (a lease, a
 * retention period) are kept rather than firing at once; Infinity never fires.
 * Returns the cancel function.
 */
function arm (fn: () => void, ms: number, unref: boolean): () => void {
  let remaining = ms > 0 ? ms : 0
  let timer: NodeJS.Timeout
  const step = (): void => {
    const wait = Math.min(remaining, MAX_DELAY)
    remaining -= wait
    timer = setTimeout(remaining > 0 ? step : fn, wait)
    if (unref) timer.unref()
  }
  step()
  return () => clearTimeout(timer)
}
