/**
 * The run's figures: for every node killed, when the detector declared it
 * down and when every instance it held was serving again somewhere; and
 * the distributions over kills.
 */
import type { Grid } from './grid.ts'
import type { SimNode } from './node.ts'
import type { Distribution } from './types.ts'

interface Kill {
  node: string
  at: number
  instances: string[]
  downAt?: number
  recoveredAt?: number
}

/** Follows every kill until its instances serve again. */
export class KillTracker {
  readonly #kills: Kill[] = []
  #open: Kill[] = []
  readonly #byNode = new Map<string, Kill>()

  /** A node lost power now, holding these placements. */
  killed (grid: Grid, node: SimNode): void {
    const instances = [...grid.state.placements.values()].filter(p => p.node === node.facts.id).map(p => p.instance)
    const kill: Kill = { node: node.facts.id, at: grid.clock.now(), instances }
    this.#kills.push(kill)
    this.#byNode.set(kill.node, kill)
    if (instances.length === 0) kill.recoveredAt = kill.at
    else this.#open.push(kill)
  }

  /** The detector declared `node` down at `at`. */
  down (node: string, at: number): void {
    const kill = this.#byNode.get(node)
    if (kill !== undefined && kill.downAt === undefined) kill.downAt = at
  }

  /** Closes the kills whose instances all serve again (an instance whose app is gone counts as done). */
  update (grid: Grid, now: number): void {
    if (this.#open.length === 0) return
    this.#open = this.#open.filter(kill => {
      const done = kill.instances.every(id => !grid.state.placements.has(id) || grid.ready(id))
      if (done) kill.recoveredAt = now
      return !done
    })
  }

  /** kill → node-down. */
  detection (): Distribution {
    return distribution(this.#kills.filter(k => k.downAt !== undefined).map(k => (k.downAt as number) - k.at))
  }

  /** kill → all its instances serving again, over kills that held any. */
  recovery (): Distribution {
    return distribution(this.#kills.filter(k => k.recoveredAt !== undefined && k.instances.length > 0).map(k => (k.recoveredAt as number) - k.at))
  }

  /** Kills whose instances never served again in the run. */
  get unrecovered (): number {
    return this.#open.length
  }
}

/** Nearest-rank percentiles. */
export function distribution (values: number[]): Distribution {
  if (values.length === 0) return { n: 0, p50: 0, p99: 0, max: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const q = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number
  return { n: sorted.length, p50: q(0.5), p99: q(0.99), max: sorted[sorted.length - 1] as number }
}
