/**
 * The scheduler's only randomness: a node shuffle seeded from (seed, app,
 * component), so every decision replays exactly from the same request and
 * no two components of one app share a stream.
 */
import { fnv1a, mulberry32 } from '../random/index.ts'

/** The generator for one component's shuffle; the separator keeps (`a.b`, `c`) and (`a`, `b.c`) apart. */
export function componentRandom (seed: number | string, app: string, component: string): () => number {
  return mulberry32(fnv1a(`${String(seed)}\u0000${app}\u0000${component}`))
}

/** Fisher–Yates in place. */
export function shuffle<T> (items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = items[i] as T
    items[i] = items[j] as T
    items[j] = t
  }
  return items
}
