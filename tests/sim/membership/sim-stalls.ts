/**
 * Event-loop stalls of a busy node: both cores loaded, a long synchronous
 * job or a GC, so every timer and every packet waits until the loop is free.
 * Stalls come in bursts (a job that blocks, yields for a few ms, blocks
 * again), which is the worst case for a heartbeat: each one in the burst
 * lands late.
 */
import type { Rng } from '../../../controller/random/index.ts'

/** How busy a node is. */
export interface StallOptions {
  /** Longest single stall (ms); the brief's busy node lags up to ~1 s. */
  maxStallMs: number
  /** Mean quiet time between bursts (ms, exponentially distributed). */
  meanGapMs: number
  /** Stalls per burst, 1 to this many. */
  maxBurst: number
  /** Share of stalls that last exactly maxStallMs, to press on the worst case. */
  worstShare: number
}

/** A busy node that is stalled a good part of the time, with the worst stalls common. */
export const HEAVY_STALLS: Readonly<StallOptions> = Object.freeze({ maxStallMs: 1_000, meanGapMs: 3_000, maxBurst: 5, worstShare: 0.3 })

/**
 * The stalls of one node, generated lazily as time moves on. Queries must
 * come in non-decreasing time order, as a simulator's agenda delivers them.
 */
export class StallSchedule {
  readonly #options: StallOptions
  readonly #rng: Rng
  #start: number
  #end: number
  #leftInBurst: number

  constructor (options: StallOptions, rng: Rng) {
    this.#options = options
    this.#rng = rng
    this.#leftInBurst = 0
    this.#start = 0
    this.#end = 0
    this.#nextStall(0)
  }

  /** When the node can run something due at `t`: `t` itself, or the end of the stall covering it. */
  runsAt (t: number): number {
    while (this.#end <= t) this.#nextStall(this.#end)
    return t >= this.#start ? this.#end : t
  }

  #nextStall (after: number): void {
    const o = this.#options
    const rng = this.#rng
    let start: number
    if (this.#leftInBurst > 0) {
      // The loop gets a few ms between the stalls of one burst: enough for a timer to fire.
      start = after + 1 + rng() * 49
    } else {
      start = after - Math.log(1 - rng()) * o.meanGapMs
      this.#leftInBurst = 1 + Math.floor(rng() * o.maxBurst)
    }
    this.#leftInBurst--
    const length = rng() < o.worstShare ? o.maxStallMs : 50 + rng() * Math.max(0, o.maxStallMs - 50)
    this.#start = start
    this.#end = start + length
  }
}
