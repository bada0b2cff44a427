/** A cancellable timer returned by Clock.setTimeout. */
export interface Timer {
  cancel(): void
}

/**
 * Time as Trellis sees it. Everything that waits or timestamps takes a Clock,
 * so the same code runs on the wall clock in a daemon and on a virtual clock
 * in tests and the simulator.
 */
export interface Clock {
  /** Milliseconds since the epoch (real) or since the clock was made (virtual). */
  now(): number
  /** Calls fn once after ms milliseconds unless cancelled. */
  setTimeout(fn: () => void, ms: number): Timer
  /** Resolves after ms; rejects with the signal's reason if aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}
