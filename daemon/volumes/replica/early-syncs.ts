/**
 * A store's flushes begun early. After a change that asked its replicas for
 * a sync soon (a lone small write: likely a commit, a flush to follow), the
 * primary starts flushing its own store too, so that the flush, when it
 * comes, finds its own disk's part done or under way. Counts the changes the
 * store completed, and how many the last finished early flush covered: a
 * flush skips what one covered, waits for one under way that will, and
 * flushes otherwise. One at a time; one asked for meanwhile runs after it. A
 * failed early flush is left to the flush, which flushes again and reports.
 */
export class EarlySyncs {
  readonly #flush: () => Promise<void>
  #done = 0
  /** Below any count until an early flush finished: before one, a flush always flushes (the store may hold changes from before this one counted). */
  #synced = -1
  #under: { covers: number, done: Promise<void> } | undefined
  #again = false
  #stopped = false

  /** `flush`: the store's own. */
  constructor (flush: () => Promise<void>) {
    this.#flush = flush
  }

  /** A change reached the store. */
  changed (): void {
    this.#done++
  }

  /** Starts an early flush covering every change so far (after the one running, if one is). */
  soon (): void {
    if (this.#stopped) return
    if (this.#under !== undefined) { this.#again = true; return }
    const covers = this.#done
    const done = this.#flush().then(
      () => { this.#synced = Math.max(this.#synced, covers) },
      () => {}
    ).finally(() => {
      this.#under = undefined
      if (this.#again) { this.#again = false; this.soon() }
    })
    this.#under = { covers, done }
  }

  /** A flush: resolves once every change completed before the call is durable. */
  async flush (): Promise<void> {
    const need = this.#done
    if (this.#synced >= need) return
    const under = this.#under
    if (under !== undefined && under.covers >= need) {
      await under.done
      if (this.#synced >= need) return
    }
    await this.#flush()
  }

  /** No early flush starts from now on (the store is closing). */
  stop (): void {
    this.#stopped = true
  }
}
