/**
 * Flushes begun before they are asked for, each covering a count: one at a
 * time, and one asked for meanwhile runs after it. Two users:
 *
 * - the primary's own store: after a change that asked its replicas for a
 *   sync soon (a lone small write: likely a commit, a flush to follow), it
 *   starts flushing its store too, and counts the changes the store
 *   completed; its flush skips what a finished early flush covered, waits
 *   for one under way that will, and flushes otherwise. A failed early
 *   flush is left to that flush, which flushes again and reports;
 * - a replica's stream (protocol 2, server.ts): it counts the answers it
 *   wrote, and after each early flush says in a synced frame how many of
 *   them that flush covered (`synced`); a failed one resets the stream
 *   (`failed`).
 */
export class EarlySyncs {
  readonly #flush: () => Promise<void>
  readonly #on: { synced?: (covers: number) => void, failed?: (err: unknown) => void }
  #count = 0
  /** Below any count until an early flush finished: before one, a flush always flushes (the store may hold changes from before this one counted). */
  #synced = -1
  #under: { covers: number, done: Promise<void> } | undefined
  #again = false
  #stopped = false

  /** `flush`: what an early flush runs; `on.synced`: told the count each one covered; `on.failed`: told each failure. */
  constructor (flush: () => Promise<void>, on: { synced?: (covers: number) => void, failed?: (err: unknown) => void } = {}) {
    this.#flush = flush
    this.#on = on
  }

  /** One more change (or answer) reached the store: the next early flush covers it. */
  count (): void {
    this.#count++
  }

  /** Starts an early flush covering everything counted so far (after the one running, if one is). */
  soon (): void {
    if (this.#stopped) return
    if (this.#under !== undefined) { this.#again = true; return }
    const covers = this.#count
    const done = this.#flush().then(
      () => {
        this.#synced = Math.max(this.#synced, covers)
        this.#on.synced?.(covers)
      },
      (err: unknown) => { this.#on.failed?.(err) }
    ).finally(() => {
      this.#under = undefined
      if (this.#again) { this.#again = false; this.soon() }
    })
    this.#under = { covers, done }
  }

  /** A flush: resolves once everything counted before the call is durable. */
  async flush (): Promise<void> {
    const need = this.#count
    if (this.#synced >= need) return
    const under = this.#under
    if (under !== undefined && under.covers >= need) {
      await under.done
      if (this.#synced >= need) return
    }
    await this.#flush()
  }

  /** No early flush starts from now on (the store is closing, the stream is gone). */
  stop (): void {
    this.#stopped = true
  }
}
