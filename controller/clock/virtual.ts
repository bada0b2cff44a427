import type { Clock, Timer } from './clock.ts'

interface Pending {
  at: number
  seq: number
  fn: () => void
  /** Fired or cancelled; such entries stay in the heap until they reach the top. */
  done: boolean
}

/**
 * A clock that moves only when told to. Timers due at the same instant fire in
 * the order they were set, so a run is a pure function of its inputs.
 *
 * Timers sit in a binary heap ordered by (due time, order set): the simulator
 * keeps thousands pending across hundreds of nodes, and a scan per firing
 * would make a run quadratic in them.
 */
export class VirtualClock implements Clock {
  #now: number
  #seq = 0
  #heap: Pending[] = []
  #live = 0
  #advancing: Promise<void> = Promise.resolve()

  constructor (start = 0) {
    this.#now = start
  }

  now (): number {
    return this.#now
  }

  /** As the real one: a negative or NaN delay means now; Infinity means never. */
  setTimeout (fn: () => void, ms: number): Timer {
    const p: Pending = { at: this.#now + (ms > 0 ? ms : 0), seq: this.#seq++, fn, done: false }
    push(this.#heap, p)
    this.#live++
    return {
      cancel: () => {
        if (p.done) return
        p.done = true
        this.#live--
        this.#compact()
      }
    }
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
    return this.#live
  }

  /**
   * Moves time forward by ms, firing every timer that falls due, in order,
   * with now() reading each timer's due time as it fires. Awaits a few
   * microtask turns and one macrotask after each timer so that code resumed by
   * it can set the next timer before time moves on. Calls made while one runs
   * queue behind it, so time never runs backwards. If a timer throws, the
   * advance rejects and time stays at that timer's due time.
   */
  advance (ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) return Promise.reject(new RangeError(`cannot advance a clock by ${ms} ms`))
    const run = this.#advancing.then(() => this.#advance(ms))
    this.#advancing = run.catch(() => {})
    return run
  }

  async #advance (ms: number): Promise<void> {
    const until = this.#now + ms
    for (;;) {
      const next = this.#take(until)
      if (next === undefined) break
      this.#now = next.at
      next.fn()
      await settle()
    }
    this.#now = until
    await settle()
  }

  /**
   * Drops cancelled timers once they outnumber live ones: a timer reset on
   * every heartbeat is cancelled long before it is due, and would otherwise
   * sit in the heap until then.
   */
  #compact (): void {
    if (this.#heap.length < COMPACT_AT || this.#heap.length < 4 * this.#live) return
    // A sorted array is a valid heap.
    this.#heap = this.#heap.filter(p => !p.done).sort((a, b) => before(a, b) ? -1 : 1)
  }

  /** Removes and returns the first live timer due by `until`. */
  #take (until: number): Pending | undefined {
    for (;;) {
      const top = this.#heap[0]
      if (top === undefined) return undefined
      if (top.done) { pop(this.#heap); continue }
      if (top.at > until) return undefined
      pop(this.#heap)
      top.done = true
      this.#live--
      return top
    }
  }
}

/** Heap size below which cancelled timers are left to surface on their own. */
const COMPACT_AT = 1024 // timers

async function settle (): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
  await new Promise<void>(resolve => setImmediate(resolve))
}

function before (a: Pending, b: Pending): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}

function push (heap: Pending[], item: Pending): void {
  heap.push(item)
  let i = heap.length - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!before(heap[i], heap[parent])) break
    ;[heap[i], heap[parent]] = [heap[parent], heap[i]]
    i = parent
  }
}

function pop (heap: Pending[]): void {
  const last = heap.pop()
  if (last === undefined || heap.length === 0) return
  heap[0] = last
  let i = 0
  for (;;) {
    const left = 2 * i + 1
    const right = left + 1
    let least = i
    if (left < heap.length && before(heap[left], heap[least])) least = left
    if (right < heap.length && before(heap[right], heap[least])) least = right
    if (least === i) return
    ;[heap[i], heap[least]] = [heap[least], heap[i]]
    i = least
  }
}
