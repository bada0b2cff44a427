import type { Clock, Timer } from './clock.ts'

/** What a Periodic needs. */
export interface PeriodicComponents {
  clock: Clock
  /** Told of a round that threw; the loop goes on. */
  onError: (err: unknown) => void
}

/** How a Periodic runs. */
export interface PeriodicInit {
  /** Pause between the end of one timed round and the start of the next, in ms. */
  intervalMs: number
  /** One round. */
  run: () => unknown
  /** Run the first round at start rather than one interval later. Default false. */
  immediate?: boolean
  /** Least pause between the end of a round and a poked one, ms: a round that pokes itself cannot spin. Default 0. */
  pokeGapMs?: number
}

/**
 * A loop of rounds on a clock, the shape every background loop of a node
 * has: a round every interval, another soon after `poke()` (something
 * changed), never two at once. Pokes during a round coalesce into one more
 * round after it; the next timed round counts from the end of the last.
 */
export class Periodic {
  readonly #c: PeriodicComponents
  readonly #init: PeriodicInit
  #timer: Timer | undefined
  #running: Promise<void> | undefined
  #poked = false
  #lastEnd = -Infinity
  #started = false
  #stopping: Promise<void> | undefined

  constructor (components: PeriodicComponents, init: PeriodicInit) {
    this.#c = components
    this.#init = init
  }

  /** Starts the rounds. Idempotent. */
  start (): void {
    if (this.#started || this.#stopping !== undefined) return
    this.#started = true
    this.#arm(this.#init.immediate === true ? 0 : this.#init.intervalMs)
  }

  /** Asks for a round soon: now when idle, after the present one otherwise. Many pokes make one round. */
  poke (): void {
    if (!this.#started || this.#stopping !== undefined) return
    this.#poked = true
    if (this.#running === undefined) this.#arm(Math.max(0, this.#lastEnd + (this.#init.pokeGapMs ?? 0) - this.#c.clock.now()))
  }

  /** Cancels what is scheduled and resolves once the round under way ends. The same promise every call. */
  stop (): Promise<void> {
    this.#stopping ??= (async () => {
      this.#timer?.cancel()
      await this.#running
    })()
    return this.#stopping
  }

  #arm (ms: number): void {
    this.#timer?.cancel()
    this.#timer = this.#c.clock.setTimeout(() => { this.#round() }, ms)
  }

  #round (): void {
    if (this.#stopping !== undefined || this.#running !== undefined) return
    this.#poked = false
    this.#running = (async () => {
      try {
        await this.#init.run()
      } catch (err) {
        this.#c.onError(err)
      }
    })().finally(() => {
      this.#running = undefined
      this.#lastEnd = this.#c.clock.now()
      if (this.#stopping !== undefined) return
      if (this.#poked) this.#arm(this.#init.pokeGapMs ?? 0)
      else this.#arm(this.#init.intervalMs)
    })
  }
}
