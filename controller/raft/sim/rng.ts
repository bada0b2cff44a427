import type { Rng } from '../types.ts'

/**
 * xoshiro128** (Blackman and Vigna, public domain), seeded through
 * splitmix32 so that nearby seeds give unrelated streams. Small, fast, and
 * the same on every platform: all the simulator's randomness comes from here.
 */
export class SimRng {
  #a: number
  #b: number
  #c: number
  #d: number

  constructor (seed: number) {
    let s = seed >>> 0
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.#a = next()
    this.#b = next()
    this.#c = next()
    this.#d = next()
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#a = 1
  }

  /** The next 32 random bits. */
  u32 (): number {
    const result = Math.imul(rotl(Math.imul(this.#b, 5), 7), 9) >>> 0
    const t = this.#b << 9
    this.#c ^= this.#a
    this.#d ^= this.#b
    this.#b ^= this.#c
    this.#a ^= this.#d
    this.#c ^= t
    this.#d = rotl(this.#d, 11)
    return result
  }

  /** Uniform in [0, 1). */
  next (): number {
    return this.u32() / 4294967296
  }

  /** Uniform integer in [0, n). */
  int (n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Uniform integer in [lo, hi]. */
  between (lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  chance (p: number): boolean {
    return p > 0 && this.next() < p
  }

  pick<T> (list: readonly T[]): T {
    return list[this.int(list.length)]!
  }

  /** An independent generator, seeded from this one: one per node keeps streams from interfering. */
  fork (): SimRng {
    return new SimRng(this.u32())
  }

  /** This generator as the core's Rng. */
  asRng (): Rng {
    return () => this.next()
  }
}

function rotl (x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}
