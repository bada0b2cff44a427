import { mulberry32, type Rng } from './generator.ts'

/**
 * The one seeded generator of simulations and tests: a stream of draws from
 * a seed, with the shapes they need (integers, ranges, coin flips, picks) and
 * `fork` for independent streams, so that adding a draw in one place does not
 * shift every other choice of a run.
 */
export class SeededRandom {
  readonly #next: Rng

  constructor (seed: number) {
    // Mixed with the golden ratio so that seed 0 does not start from state 0.
    this.#next = mulberry32(seed ^ 0x9e3779b9)
  }

  /** Uniform in [0, 1). */
  next (): number {
    return this.#next()
  }

  /** The next 32 random bits, as an unsigned integer. */
  u32 (): number {
    return Math.floor(this.next() * 4294967296)
  }

  /** Uniform integer in [0, n). */
  int (n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Uniform integer in [lo, hi]. */
  between (lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  /** True with probability p; never draws when p is 0, so a disabled fault costs no randomness. */
  chance (p: number): boolean {
    return p > 0 && this.next() < p
  }

  /** One of the items, or undefined when there are none. */
  pick<T> (items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(items.length)]
  }

  /** An independent stream seeded from this one: one per node keeps streams from interfering. */
  fork (): SeededRandom {
    return new SeededRandom(this.u32())
  }

  /** This stream as a plain generator, for pure cores that take an Rng. */
  asRng (): Rng {
    return () => this.next()
  }
}
