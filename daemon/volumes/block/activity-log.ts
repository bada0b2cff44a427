/**
 * The activity log (after DRBD's): one bit per extent, set durably before the
 * first write into that extent reaches the data file, cleared only when the
 * store closes cleanly. After a crash the data and the checksum table may
 * disagree only inside marked extents (a write whose data landed but whose
 * checksum did not), so recovery re-checksums those extents and nothing else.
 */
import type { FileHandle } from 'node:fs/promises'

/** A persisted bitmap of extents that may hold unsynced changes. */
export class ActivityLog {
  private readonly bits: Buffer
  private readonly marking = new Map<number, Promise<void>>()
  private readonly onSync: () => void
  private readonly file: FileHandle

  constructor (file: FileHandle, extents: number, onSync: () => void) {
    this.file = file
    this.bits = Buffer.alloc(Math.ceil(extents / 8))
    this.onSync = onSync
  }

  /** Loads the bitmap and returns the extents it marks (left by a crash). */
  async load (): Promise<number[]> {
    await this.file.read(this.bits, 0, this.bits.length, 0)
    const dirty: number[] = []
    for (let e = 0; e < this.bits.length * 8; e++) if (this.has(e)) dirty.push(e)
    return dirty
  }

  /** Resolves once extents first..last are durably marked; already-marked extents cost nothing. */
  async mark (first: number, last: number): Promise<void> {
    const waits: Array<Promise<void>> = []
    let fresh = false
    for (let e = first; e <= last; e++) {
      const pending = this.marking.get(e)
      if (pending !== undefined) waits.push(pending)
      else if (!this.has(e)) { this.bits[e >> 3]! |= 1 << (e & 7); fresh = true }
    }
    if (fresh) {
      // One write of the whole changed span and one fdatasync cover every new extent of this request.
      const lo = first >> 3
      const hi = (last >> 3) + 1
      const done = this.file.write(this.bits, lo, hi - lo, lo).then(async () => { await this.file.datasync(); this.onSync() })
      for (let e = first; e <= last; e++) if (!this.marking.has(e)) this.marking.set(e, done)
      waits.push(done)
      void done.finally(() => { for (let e = first; e <= last; e++) if (this.marking.get(e) === done) this.marking.delete(e) }).catch(() => {})
    }
    await Promise.all(waits)
  }

  /** Clears every mark durably: called only when data and checksums are both synced and no request is under way. */
  async clear (): Promise<void> {
    this.bits.fill(0)
    await this.file.write(this.bits, 0, this.bits.length, 0)
    await this.file.datasync()
    this.onSync()
  }

  private has (e: number): boolean {
    return (this.bits[e >> 3]! & (1 << (e & 7))) !== 0
  }
}
