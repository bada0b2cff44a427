/** How long a replica must go without failing, counted from the end of its last quarantine, before its record is wiped clean, ms. */
export const QUARANTINE_FORGET_MS = 120_000 // ms
/** The wait before the second catch-up of a replica that failed again soon after its first; doubles each time, ms. */
export const QUARANTINE_FIRST_MS = 5_000 // ms
/** The longest a flapping replica is kept out, ms. */
export const QUARANTINE_MAX_MS = 300_000 // ms

/**
 * Back-off for replicas on bad links. A replica dropped from the in-sync
 * set for a failed write is caught up again at once the first time, but one
 * that fails again within QUARANTINE_FORGET_MS of being let back is kept
 * out — not caught up, so no write waits on it — for a wait that doubles
 * with each failure (5 s, 10 s, 20 s … 5 min). Each failure costs every
 * write under way up to the replica timeout, so a link that flaps every
 * second would otherwise stall the volume every second. Once a replica has
 * gone QUARANTINE_FORGET_MS without failing its record goes. Pure: time is
 * passed in.
 */
export class ReplicaQuarantine {
  /** Failures in a row, and when the last quarantine ends. */
  readonly #records = new Map<string, { count: number, until: number }>()

  /** `node`'s replica failed a write and was dropped at `now`; returns how long it is kept out, ms. */
  failed (node: string, now: number): number {
    const last = this.#record(node, now)
    const count = (last?.count ?? 0) + 1
    const out = count === 1 ? 0 : Math.min(QUARANTINE_MAX_MS, QUARANTINE_FIRST_MS * 2 ** (count - 2))
    this.#records.set(node, { count, until: now + out })
    return out
  }

  /** When `node`'s replica may be caught up again (0: now). */
  readyAt (node: string, now: number): number {
    return this.#record(node, now)?.until ?? 0
  }

  /** Failures in a row on record. */
  failures (node: string, now: number): number {
    return this.#record(node, now)?.count ?? 0
  }

  #record (node: string, now: number): { count: number, until: number } | undefined {
    const r = this.#records.get(node)
    if (r !== undefined && now - r.until >= QUARANTINE_FORGET_MS) {
      this.#records.delete(node)
      return undefined
    }
    return r
  }
}
