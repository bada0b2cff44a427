/**
 * Per-block exclusive locks. A request registers on all its blocks in one
 * synchronous step, so two requests always queue in the same order on every
 * block they share: no deadlock, and overlapping requests apply in arrival
 * order (what an NBD client sending overlapping writes expects).
 */

/** FIFO locks keyed by block index. */
export class BlockLocks {
  private readonly tails = new Map<number, Promise<void>>()

  /**
   * Holds blocks first..last once they are free and gives the release
   * function: at once when no request holds or awaits any of them (most
   * requests, and no promise to await then), else once those before it
   * released theirs.
   */
  acquire (first: number, last: number): (() => void) | Promise<() => void> {
    let release!: () => void
    const mine = new Promise<void>(resolve => { release = resolve })
    const waits: Array<Promise<void>> = []
    for (let b = first; b <= last; b++) {
      const prev = this.tails.get(b)
      if (prev !== undefined) waits.push(prev)
      this.tails.set(b, mine)
    }
    const done = (): void => {
      release()
      // Forget blocks nobody queued behind, so the map stays as small as the work under way.
      for (let b = first; b <= last; b++) if (this.tails.get(b) === mine) this.tails.delete(b)
    }
    return waits.length === 0 ? done : Promise.all(waits).then(() => done)
  }

  /** Whether no request holds or awaits any of blocks first..last: a change done in one synchronous step needs no lock then. */
  free (first: number, last: number): boolean {
    if (this.tails.size === 0) return true
    for (let b = first; b <= last; b++) if (this.tails.has(b)) return false
    return true
  }
}
