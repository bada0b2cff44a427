/**
 * The phi-accrual failure detector (Hayashibara, Défago, Yared, Katayama,
 * "The φ Accrual Failure Detector", SRDS 2004), as Akka and Cassandra use it.
 *
 * Instead of a yes/no timeout it answers "how sure am I that this peer is
 * gone?": phi = -log10(P(a heartbeat is still to come after this much
 * silence)), with the inter-arrival times modelled as a normal distribution
 * learned from the last `windowSize` heartbeats. phi 1 means a 10 % chance of
 * being wrong, phi 8 one in 10^8. Because the distribution is learned per
 * peer, a peer behind a lossy or jittery link earns a wider margin on its own.
 *
 * Pure: heartbeat times and "now" come from the caller.
 */

/** Shapes the learned distribution. All times in ms. */
export interface PhiOptions {
  /** Inter-arrival samples kept per peer; older ones fall out. */
  windowSize: number
  /** Floor for the learned standard deviation, so a perfectly regular peer is not judged on a knife edge. */
  minStdDevMs: number
  /** Added to the learned mean: silence this long beyond the usual is forgiven outright (GC, event-loop stalls). */
  acceptablePauseMs: number
  /** Expected interval before any has been seen; seeds the window as Akka does. */
  firstHeartbeatEstimateMs: number
}

/** log10(e) form of the logistic approximation of the normal tail used by Akka. */
function exponent (y: number): number {
  return y * (1.5976 + 0.070566 * y * y)
}

/**
 * phi for a silence of `elapsedMs` given the (pause-adjusted) mean and the
 * standard deviation of inter-arrival times. Uses the logistic approximation
 * of the normal CDF from Akka's PhiAccrualFailureDetector (max error about
 * 1.4e-4), written so it never overflows to Infinity: phi = log10(1 + e^g).
 */
export function phiOf (elapsedMs: number, meanMs: number, stdDevMs: number): number {
  const g = exponent((elapsedMs - meanMs) / stdDevMs)
  return (Math.max(g, 0) + Math.log1p(Math.exp(-Math.abs(g)))) / Math.LN10
}

/**
 * The silence (ms) after which phiOf reaches `phi`: the inverse of phiOf.
 * Used to explain presets and to test thresholds; not on any hot path.
 */
export function elapsedForPhi (phi: number, meanMs: number, stdDevMs: number): number {
  if (!(phi > 0)) return -Infinity
  // g such that log10(1 + e^g) = phi, computed without 10^phi overflowing.
  const g = phi * Math.LN10 + Math.log1p(-Math.pow(10, -phi))
  let lo = -1e3
  let hi = 1e3
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (exponent(mid) < g) lo = mid
    else hi = mid
  }
  return meanMs + ((lo + hi) / 2) * stdDevMs
}

/**
 * One peer's detector: a ring of inter-arrival times with running sums, so a
 * heartbeat and a phi query are O(1) whatever the window size.
 */
export class PhiDetector {
  readonly #options: PhiOptions
  readonly #ring: Float64Array
  #size = 0
  #next = 0
  #sum = 0
  #sumSquares = 0
  #lastArrival: number | undefined
  #lastSeen: number | undefined

  constructor (options: PhiOptions) {
    this.#options = options
    this.#ring = new Float64Array(Math.max(2, Math.floor(options.windowSize)))
    // Akka's bootstrap: two samples one standard deviation either side of the
    // estimate (sd = estimate / 4), so the first silence is judged against a
    // plausible spread instead of a single guess.
    const estimate = options.firstHeartbeatEstimateMs
    this.#record(estimate - estimate / 4)
    this.#record(estimate + estimate / 4)
  }

  /** A heartbeat arrived at `at`: learn the interval since the previous one. */
  heartbeat (at: number): void {
    if (this.#lastArrival !== undefined) {
      // A clock that went backwards or a duplicate delivery carries no timing information.
      const interval = at - this.#lastArrival
      if (interval > 0) this.#record(interval)
    }
    if (this.#lastArrival === undefined || at > this.#lastArrival) this.#lastArrival = at
    this.alive(at)
  }

  /**
   * Evidence that the peer was alive at `at` (an indirect or direct ack)
   * without a heartbeat: resets the silence but teaches nothing about the
   * heartbeat interval, which it would distort.
   */
  alive (at: number): void {
    if (this.#lastSeen === undefined || at > this.#lastSeen) this.#lastSeen = at
  }

  /** Time of the latest evidence of life, if any. */
  get lastSeen (): number | undefined {
    return this.#lastSeen
  }

  /** Mean learned inter-arrival time (ms), before the acceptable pause. */
  get meanMs (): number {
    return this.#sum / this.#size
  }

  /** Learned standard deviation (ms), before the floor. */
  get stdDevMs (): number {
    const mean = this.meanMs
    return Math.sqrt(Math.max(0, this.#sumSquares / this.#size - mean * mean))
  }

  /** How suspicious a silence lasting until `now` is; 0 before any evidence. */
  phi (now: number): number {
    if (this.#lastSeen === undefined) return 0
    const { mean, stdDev } = this.#model()
    return phiOf(Math.max(0, now - this.#lastSeen), mean, stdDev)
  }

  /** The silence (ms since lastSeen) at which phi reaches `threshold` under what is learned now. */
  silenceForPhi (threshold: number): number {
    const { mean, stdDev } = this.#model()
    return elapsedForPhi(threshold, mean, stdDev)
  }

  #model (): { mean: number, stdDev: number } {
    return {
      mean: this.meanMs + this.#options.acceptablePauseMs,
      stdDev: Math.max(this.stdDevMs, this.#options.minStdDevMs, 1)
    }
  }

  #record (interval: number): void {
    const ring = this.#ring
    if (this.#size === ring.length) {
      const old = ring[this.#next]
      this.#sum -= old
      this.#sumSquares -= old * old
    } else {
      this.#size++
    }
    ring[this.#next] = interval
    this.#sum += interval
    this.#sumSquares += interval * interval
    this.#next = (this.#next + 1) % ring.length
    // Running sums drift by rounding over millions of updates; rebuild them once a lap.
    if (this.#next === 0) this.#resum()
  }

  #resum (): void {
    let sum = 0
    let squares = 0
    for (let i = 0; i < this.#size; i++) {
      sum += this.#ring[i]
      squares += this.#ring[i] * this.#ring[i]
    }
    this.#sum = sum
    this.#sumSquares = squares
  }
}
