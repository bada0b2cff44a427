/** How a failing seeded run names itself, so it can be replayed exactly. */
import type { SimOptions } from '../../sim/membership/index.ts'

/** A line to paste into `node --input-type=module -e` (from the repo root) that reruns the simulation. */
export function replay (options: SimOptions): string {
  return `import('./daemon/membership/index.ts').then(m => console.log(m.simulate(${JSON.stringify(options)})))`
}
