/**
 * When the checksum table file is synced, and what a sync covers. A FUA
 * write syncs only the data file unless one of its blocks changed state since
 * the last table sync in a way recovery cannot rebuild: it rebuilds CRCs of
 * the activity log's extents from the data, and a zero block's filling (its
 * bytes were zeroes), but cannot tell a write into a trimmed block, whose
 * bytes may be stale, nor a trim itself.
 */
import type { FileHandle } from 'node:fs/promises'
import { changedBeyondRecovery, type ChecksumTable } from './checksum-table.ts'

/** Tracks blocks whose state the synced table does not show yet, and syncs the table in turn. */
export class TableSync {
  readonly #table: ChecksumTable
  readonly #file: FileHandle
  readonly #onSync: () => void
  /** Block → sequence number of its last state change not yet covered by a table sync. */
  readonly #unsynced = new Map<number, number>()
  #seq = 0
  /** Syncs in turn: each writes what is dirty when its turn comes, so none returns before what it covers is synced. */
  #chain: Promise<void> = Promise.resolve()

  constructor (table: ChecksumTable, file: FileHandle, onSync: () => void) {
    this.#table = table
    this.#file = file
    this.#onSync = onSync
  }

  /** Blocks with a state change no table sync covers yet. */
  get pending (): number { return this.#unsynced.size }

  /** Records the blocks of first..last whose state moved from `before` (their states when the change began) as recovery could not rebuild. */
  noteChanges (first: number, last: number, before: Uint8Array): void {
    for (let b = first; b <= last; b++) if (changedBeyondRecovery(before[b - first]!, this.#table.states[b]!)) this.#unsynced.set(b, ++this.#seq)
  }

  /** Whether a block of first..last changed state since the last table sync. */
  unsynced (first: number, last: number): boolean {
    if (this.#unsynced.size === 0) return false
    if (this.#unsynced.size < last - first + 1) {
      for (const b of this.#unsynced.keys()) if (b >= first && b <= last) return true
      return false
    }
    for (let b = first; b <= last; b++) if (this.#unsynced.has(b)) return true
    return false
  }

  /** Writes the dirty table pages and fdatasyncs the table; every state change noted before the call is then durable. */
  async sync (): Promise<void> {
    const upTo = this.#seq
    const mine = this.#chain.catch(() => {}).then(async () => {
      await this.#table.writeDirty()
      await this.#file.datasync()
      this.#onSync()
    })
    this.#chain = mine
    await mine
    for (const [b, seq] of this.#unsynced) if (seq <= upTo) this.#unsynced.delete(b)
  }
}
