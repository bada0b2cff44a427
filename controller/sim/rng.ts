/**
 * The simulator's randomness: one seeded stream per run (mulberry32, public
 * domain), forked per use so that adding a draw in one place does not shift
 * every other choice of the run.
 */
import { fnv1a, mulberry32 } from '../random/index.ts'

/** A seeded generator of uniform numbers in [0, 1). */
export class SimRandom {
  readonly #next: () => number

  constructor (seed: number) {
    this.#next = mulberry32(seed ^ 0x9e3779b9)
  }

  next (): number {
    return this.#next()
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
  return fnv1a(text, h)
}
