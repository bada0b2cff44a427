/** Ticks whose time is kept: at the shortest tick (lan, 100 ms) over a minute and a half, beyond any fence delay. */
const KEPT = 1024

/**
 * When each recent tick of the Raft core ran, by the node's clock. The core
 * counts time in ticks; what it dates by tick (quorum contact) is turned
 * back into clock time here, by the time its tick actually ran, not by tick
 * × period, which would make a late timer's ticks look more recent than
 * they are.
 */
export class TickTimes {
  readonly #at = new Float64Array(KEPT)
  #last = -1

  /** Tick `tick` ran at `now`. */
  record (tick: number, now: number): void {
    this.#at[tick % KEPT] = now
    this.#last = tick
  }

  /** When `tick` ran; a tick older than the ones kept gets the oldest kept time, which is later than its own. */
  timeOf (tick: number): number | undefined {
    if (this.#last < 0 || tick > this.#last) return undefined
    const oldest = Math.max(0, this.#last - KEPT + 1)
    return this.#at[Math.max(tick, oldest) % KEPT]
  }
}
