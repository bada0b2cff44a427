/** Why an incoming gossip message was dropped. */
export type DropReason = 'too-large' | 'garbled' | 'invalid' | 'impostor' | 'replayed' | 'rate-limited' | 'unknown-topic' | 'self'

/**
 * Counts dropped messages by reason and says when to log again, so that a
 * flood is visible in the log without the log becoming the flood.
 */
export class DropCounters {
  readonly counts: Record<DropReason, number> = {
    'too-large': 0, garbled: 0, invalid: 0, impostor: 0, replayed: 0, 'rate-limited': 0, 'unknown-topic': 0, self: 0
  }

  readonly #lastLogged = new Map<string, number>()
  readonly #logEveryMs: number

  constructor (logEveryMs = 10_000) {
    this.#logEveryMs = logEveryMs
  }

  /** Counts a drop; true when this one should be logged (first from a peer for a reason in the last logEveryMs). */
  drop (reason: DropReason, peer: string, now: number): boolean {
    this.counts[reason]++
    const key = `${reason}/${peer}`
    const last = this.#lastLogged.get(key)
    if (last !== undefined && now - last < this.#logEveryMs) return false
    if (this.#lastLogged.size > 10_000) this.#lastLogged.clear()
    this.#lastLogged.set(key, now)
    return true
  }
}
