import type { Clock, Timer } from './clock.ts'

/** The wall clock. Timers are unref'd so a pending one never keeps a process alive. */
export class RealClock implements Clock {
  now (): number {
    return Date.now()
  }

  setTimeout (fn: () => void, ms: number): Timer {
    const t = setTimeout(fn, ms)
    t.unref()
    return { cancel: () => clearTimeout(t) }
  }

  sleep (ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted === true) { reject(signal.reason); return }
      const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve() }, ms)
      const onAbort = (): void => { clearTimeout(t); reject(signal?.reason) }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}
