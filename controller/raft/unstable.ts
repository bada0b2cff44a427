import type { Entry, Snapshot } from './types.ts'

/**
 * The part of the log not yet on stable storage: entries (and perhaps a
 * snapshot from the leader) that the next Ready hands to the driver. Entries
 * here shadow stored entries at the same indexes, which is how a truncation
 * is expressed until the driver persists it.
 */
export class Unstable {
  snapshot: Snapshot | undefined
  entries: Entry[] = []
  /** Index of entries[0] (or where it would go). */
  offset: number

  constructor (offset: number) {
    this.offset = offset
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

  /** The driver persisted entries through (i, t): forget them, unless a later step replaced them. */
  stableTo (i: number, t: number): void {
    if (i < this.offset) return
    const term = this.maybeTerm(i)
    if (term !== t) return
    this.entries = this.entries.slice(i + 1 - this.offset)
    this.offset = i + 1
  }

  stableSnapTo (i: number): void {
    if (this.snapshot !== undefined && this.snapshot.index === i) this.snapshot = undefined
  }

  restore (snap: Snapshot): void {
    this.offset = snap.index + 1
    this.entries = []
    this.snapshot = snap
  }

  /** Appends ents, first dropping any unstable entries at or after ents[0].index. */
  truncateAndAppend (ents: readonly Entry[]): void {
    const after = ents[0]!.index
    if (after === this.offset + this.entries.length) {
      for (const e of ents) this.entries.push(e)
    } else if (after <= this.offset) {
      // Replaces entries from storage as well: the next Ready starts at `after`.
      this.offset = after
      this.entries = ents.slice()
    } else {
      this.entries = this.entries.slice(0, after - this.offset)
      for (const e of ents) this.entries.push(e)
    }
  }

  /** Entries [lo, hi), which must lie within the unstable range. */
  slice (lo: number, hi: number): Entry[] {
    return this.entries.slice(lo - this.offset, hi - this.offset)
  }
}
