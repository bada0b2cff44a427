/**
 * The scheduler's only randomness: a node shuffle seeded from (seed, app,
 * component), so every decision replays exactly from the same request and
 * no two components of one app share a stream.
 */
import { fnv1a, mulberry32 } from '../random/index.ts'

/** FNV-1a over the UTF-16 code units of text: a 32-bit seed that is the same on every platform. */
export function hash32 (text: string): number {
  return fnv1a(text)
}

/** mulberry32 (Tommy Ettinger, public domain): uniform in [0, 1), tiny and fast; quality ample for a shuffle. */
export function seededRandom (seed: number): () => number {
  return mulberry32(seed)
}

/** The generator for one component's shuffle; the separator keeps (`a.b`, `c`) and (`a`, `b.c`) apart. */
export function componentRandom (seed: number | string, app: string, component: string): () => number {
  return seededRandom(hash32(`${String(seed)}\u0000${app}\u0000${component}`))
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
