/**
 * Which chunk a fetch asks a holder for next. Pure: FetchRun (fetch-run.ts)
 * calls it with its holders and what it has asked of whom, and does the
 * asking.
 *
 * Chunks are picked rarest first among the holders (Kraken and BitTorrent do
 * the same, so fetchers sharing a holder spread out and can then serve each
 * other), ties in a per-node shuffled order. When nothing is left unasked, an
 * idle holder also asks for the oldest chunk another holder still has in
 * flight (endgame), so the last chunks do not wait on a slow holder.
 */
import { hasBit } from './wire.ts'

/** Candidates weighed for rarity per pick; enough to spread fetchers without scanning a huge blob each time. */
const PICK_CANDIDATES = 32

/** What a pick reads of a holder (FetchRun's Peer extends it). */
export interface ChunkHolder {
  state: 'connecting' | 'active' | 'dropped'
  /** Which chunks it has; undefined until its first have answer. */
  bitmap?: Uint8Array
  full: boolean
}

/** What a pick reads of the fetch: FetchRun's own collections, as they are now. */
export interface PickState {
  peers: readonly ChunkHolder[]
  /** Every chunk index, in this node's preferred order. */
  order: readonly number[]
  need: ReadonlySet<number>
  /** Chunk → holders it is asked of now. */
  asked: ReadonlyMap<number, ReadonlySet<ChunkHolder>>
  /** Chunk → when it was first asked of a holder (clock ms). */
  askedAt: ReadonlyMap<number, number>
}

/** Whether a holder has chunk `i`, as far as its last have answer says. */
export function hasChunk (p: ChunkHolder, i: number): boolean {
  return p.full || (p.bitmap !== undefined && hasBit(p.bitmap, i))
}

/** The chunk to ask `p` for next, or undefined when there is none it could answer. */
export function pickChunk (p: ChunkHolder, fetch: PickState): number | undefined {
  let best: number | undefined
  let bestRarity = Infinity
  let weighed = 0
  let unasked = false
  for (const i of fetch.order) {
    if (!fetch.need.has(i) || fetch.asked.has(i)) continue
    unasked = true
    if (!hasChunk(p, i)) continue
    let rarity = 0
    for (const q of fetch.peers) if (q.state === 'active' && hasChunk(q, i)) rarity++
    if (rarity < bestRarity) { best = i; bestRarity = rarity }
    if (++weighed >= PICK_CANDIDATES) break
  }
  if (best !== undefined || unasked) return best
  // Endgame: everything needed is asked somewhere; double up on the oldest request this holder could also answer.
  let oldest: number | undefined
  let oldestAt = Infinity
  for (const [i, holders] of fetch.asked) {
    if (!fetch.need.has(i) || holders.has(p) || holders.size > 1 || !hasChunk(p, i)) continue
    const at = fetch.askedAt.get(i) ?? Infinity
    if (at < oldestAt) { oldest = i; oldestAt = at }
  }
  return oldest
}
