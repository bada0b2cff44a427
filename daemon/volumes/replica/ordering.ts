/**
 * Keeps overlapping changes in one order on every member. The local store and
 * each replica apply requests concurrently, so two in-flight writes to one
 * block could land A-then-B here and B-then-A there; a change therefore waits
 * until every earlier overlapping change has been answered by all members
 * (what DRBD calls conflict detection). Disjoint changes never wait. Intervals
 * rather than per-block locks, because a trim can span a whole volume.
 */
export class OverlapQueue {
  readonly #inFlight = new Set<{ start: number, end: number, done: Promise<unknown> }>()

  /** Runs fn once every earlier change overlapping [offset, offset+length) settled; registers synchronously, so call order is kept. */
  async run<T> (offset: number, length: number, fn: () => Promise<T>): Promise<T> {
    const start = offset
    const end = offset + length
    const waits: Array<Promise<unknown>> = []
    for (const e of this.#inFlight) if (e.start < end && start < e.end) waits.push(e.done)
    let finish!: () => void
    const entry = { start, end, done: new Promise<void>(resolve => { finish = resolve }) }
    this.#inFlight.add(entry)
    try {
      if (waits.length > 0) await Promise.all(waits)
      return await fn()
    } finally {
      this.#inFlight.delete(entry)
      finish()
    }
  }
}
