import type { Clock, Timer } from './clock.ts'

interface Pending {
  at: number
  seq: number
  fn: () => void
  cancelled: boolean
}

/**
 * A clock that moves only when told to. Timers due at the same instant fire in
 * the order they were set, so a run is a pure function of its inputs.
 */
export class VirtualClock implements Clock {
  #now: number
  #seq = 0
  #pending: Pending[] = []

  constructor (start = 0) {
    this.#now = start
  }

  now (): number {
    return this.#now
  }

  setTimeout (fn: () => void, ms: number): Timer {
    const p: Pending = { at: this.#now + Math.max(0, ms), seq: this.#seq++, fn, cancelled: false }
    this.#pending.push(p)
    return { cancel: () => { p.cancelled = true } }
  }

  sleep (ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted === true) { reject(signal.reason); return }
      const t = this.setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve() }, ms)
      const onAbort = (): void => { t.cancel(); reject(signal?.reason) }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Number of timers not yet fired or cancelled. */
  get pending (): number {
    return this.#pending.filter(p => !p.cancelled).length
  }

  /**
   * Moves time forward by ms, firing every timer that falls due, in order.
   * Awaits a microtask turn after each timer so that code resumed by it can
   * set the next timer before time moves on.
   */
  async advance (ms: number): Promise<void> {
    const until = this.#now + ms
    for (;;) {
      const next = this.#next(until)
      if (next === undefined) break
      this.#now = next.at
      next.fn()
      await settle()
    }
    this.#now = until
    await settle()
  }

  #next (until: number): Pending | undefined {
    this.#pending = this.#pending.filter(p => !p.cancelled)
    let best: Pending | undefined
    for (const p of this.#pending) {
      if (p.at > until) continue
      if (best === undefined || p.at < best.at || (p.at === best.at && p.seq < best.seq)) best = p
    }
    if (best !== undefined) best.cancelled = true
    return best
  }
}

async function settle (): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
  await new Promise<void>(resolve => setImmediate(resolve))
}
