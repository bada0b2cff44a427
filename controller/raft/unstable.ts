import type { Entry, Snapshot } from './types.ts'

/**
 * The part of the log not yet on stable storage: entries (and perhaps a
 * snapshot from the leader) that Readys hand to the driver. Entries here
 * shadow stored entries at the same indexes, which is how a truncation is
 * expressed until the driver persists it.
 *
 * Entries in [offset, offsetInProgress) have been handed out in a Ready whose
 * write is not yet confirmed (advance); later Readys carry only what follows
 * (etcd's offsetInProgress). With one Ready out at a time this is merely
 * bookkeeping; with asynchronous storage writes it is what keeps a write from
 * being handed out twice.
 */
export class Unstable {
  snapshot: Snapshot | undefined
  /** The pending snapshot has been handed out and awaits its write. */
  snapshotInProgress = false
  entries: Entry[] = []
  /** Index of entries[0] (or where it would go). */
  offset: number
  /** First index not yet handed out for writing. */
  offsetInProgress: number

  constructor (offset: number) {
    this.offset = offset
    this.offsetInProgress = offset
  }

  /** First index if a snapshot is pending, else undefined (storage decides). */
  maybeFirstIndex (): number | undefined {
    return this.snapshot === undefined ? undefined : this.snapshot.index + 1
  }

  maybeLastIndex (): number | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1
    return this.snapshot?.index
  }

  maybeTerm (i: number): number | undefined {
    if (i < this.offset) {
      return this.snapshot !== undefined && this.snapshot.index === i ? this.snapshot.term : undefined
    }
    const last = this.maybeLastIndex()
    if (last === undefined || i > last) return undefined
    return this.entries[i - this.offset]!.term
  }

  /** Entries not yet handed out for writing. */
  nextEntries (): Entry[] {
    return this.entries.slice(this.offsetInProgress - this.offset)
  }

  hasNextEntries (): boolean {
    return this.offsetInProgress < this.offset + this.entries.length
  }

  hasNextSnapshot (): boolean {
    return this.snapshot !== undefined && !this.snapshotInProgress
  }

  /** Everything unstable has now been handed out in a Ready. */
  acceptInProgress (): void {
    this.offsetInProgress = this.offset + this.entries.length
    if (this.snapshot !== undefined) this.snapshotInProgress = true
  }

  /** The driver persisted entries through (i, t): forget them, unless a later step replaced them. */
  stableTo (i: number, t: number): void {
    if (i < this.offset) return
    const term = this.maybeTerm(i)
    if (term !== t) return
    this.entries = this.entries.slice(i + 1 - this.offset)
    this.offset = i + 1
    this.offsetInProgress = Math.max(this.offsetInProgress, this.offset)
  }

  stableSnapTo (i: number): void {
    if (this.snapshot !== undefined && this.snapshot.index === i) {
      this.snapshot = undefined
      this.snapshotInProgress = false
    }
  }

  restore (snap: Snapshot): void {
    this.offset = snap.index + 1
    this.offsetInProgress = this.offset
    this.entries = []
    this.snapshot = snap
    this.snapshotInProgress = false
  }

  /** Appends ents, first dropping any unstable entries at or after ents[0].index. */
  truncateAndAppend (ents: readonly Entry[]): void {
    const after = ents[0]!.index
    if (after === this.offset + this.entries.length) {
      for (const e of ents) this.entries.push(e)
    } else if (after <= this.offset) {
      // Replaces entries from storage as well: the next Ready starts at `after`.
      this.offset = after
      this.offsetInProgress = after
      this.entries = ents.slice()
    } else {
      this.entries = this.entries.slice(0, after - this.offset)
      // Entries handed out from `after` on are superseded: hand out their replacements.
      this.offsetInProgress = Math.min(this.offsetInProgress, after)
      for (const e of ents) this.entries.push(e)
    }
  }

  /** Entries [lo, hi), which must lie within the unstable range. */
  slice (lo: number, hi: number): Entry[] {
    return this.entries.slice(lo - this.offset, hi - this.offset)
  }
}
