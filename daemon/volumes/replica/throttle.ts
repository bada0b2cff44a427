import type { Clock } from '../../../controller/clock/index.ts'

/** What the throttle reads of a clock; tests hand it their own sleep so they need not wait real seconds. */
export type ThrottleClock = Pick<Clock, 'now' | 'sleep'>

/**
 * A token bucket on bytes: `take` charges what was just used and sleeps off
 * any debt, so over time at most `bytesPerSecond` pass while up to `burst`
 * may go at full speed. Charging after the fact (rather than asking first)
 * lets a caller charge a copy larger than the burst and still keep the rate.
 */
export class TokenBucket {
  readonly #clock: ThrottleClock
  readonly #rate: number // bytes per ms
  readonly #burst: number
  #tokens: number
  #at: number

  constructor (clock: ThrottleClock, init: { bytesPerSecond: number, burst: number }) {
    this.#clock = clock
    this.#rate = init.bytesPerSecond / 1000
    this.#burst = init.burst
    this.#tokens = init.burst
    this.#at = clock.now()
  }

  /** Charges `bytes` and resolves once the bucket is out of debt again. */
  async take (bytes: number, signal?: AbortSignal): Promise<void> {
    const now = this.#clock.now()
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#at) * this.#rate)
    this.#at = now
    this.#tokens -= bytes
    if (this.#tokens < 0) await this.#clock.sleep(Math.ceil(-this.#tokens / this.#rate), signal)
  }
}
