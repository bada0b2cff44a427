/**
 * The simulator's randomness: one seeded stream per run (mulberry32, public
 * domain), forked per use so that adding a draw in one place does not shift
 * every other choice of the run.
 */

/** A seeded generator of uniform numbers in [0, 1). */
export class SimRandom {
  #s: number

  constructor (seed: number) {
    this.#s = (seed ^ 0x9e3779b9) >>> 0
  }

  next (): number {
    this.#s = (this.#s + 0x6d2b79f5) >>> 0
    let z = this.#s
    z = Math.imul(z ^ (z >>> 15), z | 1)
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61)
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296
  }

  /** Uniform integer in [0, n). */
  int (n: number): number {
    return Math.floor(this.next() * n)
  }

  pick<T> (items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(items.length)]
  }

  /** An independent stream derived from this one. */
  fork (): SimRandom {
    return new SimRandom(Math.floor(this.next() * 4294967296))
  }
}

/** FNV-1a over text, 32 bits as 8 hex digits, chained so a timeline's hash covers every line in order. */
export function hashText (text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
