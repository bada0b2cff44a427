/**
 * Token buckets per key: at most `burst` at once and `ratePerSec` on
 * average. Pure given the times passed in. Keys not seen for a while are
 * forgotten so that a stream of made-up senders cannot grow the map.
 */
export class RateLimiter {
  readonly #rate: number
  readonly #burst: number
  readonly #max: number
  readonly #buckets = new Map<string, { tokens: number, at: number }>()

  constructor (init: { ratePerSec: number, burst: number, maxKeys?: number }) {
    this.#rate = init.ratePerSec
    this.#burst = init.burst
    this.#max = init.maxKeys ?? 10_000
  }

  /** Takes one token for key at time now (ms); false when the key is over its rate. */
  take (key: string, now: number): boolean {
    let b = this.#buckets.get(key)
    if (b === undefined) {
      if (this.#buckets.size >= this.#max) this.#evict(now)
      b = { tokens: this.#burst, at: now }
      this.#buckets.set(key, b)
    }
    b.tokens = Math.min(this.#burst, b.tokens + Math.max(0, now - b.at) * this.#rate / 1000)
    b.at = now
    if (b.tokens < 1) return false
    b.tokens -= 1
    return true
  }

  #evict (now: number): void {
    const full = this.#burst / this.#rate * 1000
    for (const [k, b] of this.#buckets) if (now - b.at > full) this.#buckets.delete(k)
    // Still full of recent senders: drop the oldest half.
    if (this.#buckets.size >= this.#max) {
      const sorted = [...this.#buckets.entries()].sort((x, y) => x[1].at - y[1].at)
      for (const [k] of sorted.slice(0, sorted.length / 2)) this.#buckets.delete(k)
    }
  }
}
