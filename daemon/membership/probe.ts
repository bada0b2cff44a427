/**
 * Choosing helpers for SWIM indirect probes (Das, Gupta, Motivala, "SWIM",
 * DSN 2002): when a peer turns suspect, k other members ping it for us. A
 * lossy path between us and the peer then cannot condemn it alone; only the
 * k paths through the helpers failing as well can.
 */
import type { Rng } from '../../controller/random/index.ts'

/**
 * Up to `k` distinct helpers drawn uniformly from `candidates` (a partial
 * Fisher–Yates shuffle). Candidates are sorted first so the choice depends
 * only on the set and the rng, never on the order peers were first seen.
 */
export function chooseHelpers (candidates: Iterable<string>, k: number, rng: Rng): string[] {
  const pool = [...new Set(candidates)].sort()
  const n = Math.min(Math.max(0, Math.floor(k)), pool.length)
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (pool.length - i))
    const tmp = pool[i]
    pool[i] = pool[j]
    pool[j] = tmp
  }
  return pool.slice(0, n)
}
