/**
 * Seeded randomness. The membership core never calls Math.random(): the
 * daemon hands it a generator seeded once at start, the simulator one seeded
 * per run, so any run can be replayed from its seed.
 */

import { mulberry32, type Rng } from '../../controller/random/index.ts'

export type { Rng }

/**
 * A small, fast generator (mulberry32, public domain). Statistically plenty
 * for choosing probe helpers and driving simulations; not for secrets.
 */
export function seededRng (seed: number): Rng {
  return mulberry32(seed)
}

