/** Window over which a fetch's rate is averaged. */
export const RATE_WINDOW_MS = 2000 // ms

/**
 * What one fetch has brought, and how fast lately: the rate is averaged over
 * the last RATE_WINDOW_MS (from the newest sample at least that old), so a
 * progress bar neither jumps with each chunk nor lags a changed link by long.
 */
export class FetchMeter {
  bytes = 0
  chunks = 0
  /** [clock ms, bytes fetched by then], oldest first. */
  readonly #samples: Array<[number, number]>

  constructor (startedAt: number) {
    this.#samples = [[startedAt, 0]]
  }

  /** A chunk of `length` bytes stored at `now`. */
  add (now: number, length: number): void {
    this.bytes += length
    this.chunks++
    this.#samples.push([now, this.bytes])
  }

  /** Bytes per second over the window ending at `now`. */
  rate (now: number): number {
    while (this.#samples.length > 2 && now - this.#samples[1]![0] >= RATE_WINDOW_MS) this.#samples.shift()
    const [t0, b0] = this.#samples[0]!
    return now > t0 ? (this.bytes - b0) * 1000 / (now - t0) : 0
  }
}
