/**
 * Keeps overlapping changes in one order on every member. The local store and
 * each replica apply requests concurrently, so two in-flight writes to one
 * block could land A-then-B here and B-then-A there; a change therefore waits
 * until every earlier overlapping change has been answered by all members
 * (what DRBD calls conflict detection). Disjoint changes never wait. Intervals
 * rather than per-block locks, because a trim can span a whole volume.
 */

/** A change's place in the queue, from enter() until leave(). */
export interface Turn {
  readonly start: number
  readonly end: number
  /** Settles at leave(); made only when a later overlapping change waits for it (most turns are never waited for). */
  done?: Promise<void>
  finish?: () => void
}

export class OverlapQueue {
  readonly #inFlight = new Set<Turn>()

  /**
   * Registers a change of [offset, offset+length) synchronously, so call
   * order is kept, and gives its turn and what it must wait for before it
   * starts: undefined when no earlier change overlaps it. Pair with leave().
   */
  enter (offset: number, length: number): { turn: Turn, ready: Promise<unknown> | undefined } {
    const start = offset
    const end = offset + length
    let waits: Array<Promise<void>> | undefined
    for (const e of this.#inFlight) {
      if (e.start < end && start < e.end) (waits ??= []).push(e.done ??= new Promise<void>(resolve => { e.finish = resolve }))
    }
    const turn: Turn = { start, end }
    this.#inFlight.add(turn)
    return { turn, ready: waits === undefined ? undefined : waits.length === 1 ? waits[0] : Promise.all(waits) }
  }

  /** Ends a turn: the changes waiting for it may start. */
  leave (turn: Turn): void {
    this.#inFlight.delete(turn)
    turn.finish?.()
  }

  /** Runs fn once every earlier change overlapping [offset, offset+length) settled; registers synchronously, so call order is kept. */
  async run<T> (offset: number, length: number, fn: () => Promise<T>): Promise<T> {
    const { turn, ready } = this.enter(offset, length)
    try {
      if (ready !== undefined) await ready
      return await fn()
    } finally {
      this.leave(turn)
    }
  }
}
