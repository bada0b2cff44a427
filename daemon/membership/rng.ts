/**
 * Seeded randomness. The membership core never calls Math.random(): the
 * daemon hands it a generator seeded once at start, the simulator one seeded
 * per run, so any run can be replayed from its seed.
 */

/** A source of uniform numbers in [0, 1), like Math.random. */
export type Rng = () => number

/**
 * A small, fast generator (mulberry32, public domain). Statistically plenty
 * for choosing probe helpers and driving simulations; not for secrets.
 */
export function seededRng (seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

