/**
 * The project's one seeded generator and one string hash. Pure code never
 * calls Math.random(): it takes a generator made here from a seed, so any run
 * (a scheduling decision, a simulation, a benchmark's input) replays exactly.
 */

export { mulberry32, fnv1a } from './generator.ts'
export type { Rng } from './generator.ts'
export { SeededRandom } from './seeded.ts'
