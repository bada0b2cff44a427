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
  /**
   * Timed rounds fall on a rhythm every aligned loop on the same clock
   * shares: whole multiples of intervalMs from one origin per clock, at
   * least half an interval after the last round ended. Loops due at the same
   * instant share one timer, so an idle node wakes once for all its loops
   * instead of once per loop. Default false: exactly intervalMs after the
   * last round.
   */
  aligned?: boolean
}

/** Aligned rounds' timers: per clock, its origin and one timer per instant for every loop due then. */
const rhythms = new WeakMap<Clock, { origin: number, due: Map<number, { timer: Timer, runs: Set<() => void> }> }>()

/** Calls run at `at` on clock's rhythm; every call for the same instant shares one timer. Returns the cancel. */
function atInstant (clock: Clock, at: number, run: () => void): Timer {
  const rhythm = rhythmOf(clock)
  let slot = rhythm.due.get(at)
  if (slot === undefined) {
    const runs = new Set<() => void>()
    const timer = clock.setTimeout(() => {
      rhythm.due.delete(at)
      for (const r of runs) r()
    }, at - clock.now())
    slot = { timer, runs }
    rhythm.due.set(at, slot)
  }
  const { runs } = slot
  const mine = (): void => { run() }
  runs.add(mine)
  return {
    cancel: () => {
      runs.delete(mine)
      if (runs.size === 0 && rhythm.due.get(at)?.runs === runs) {
        rhythm.due.get(at)!.timer.cancel()
        rhythm.due.delete(at)
      }
    }
  }
}

/**
 * Calls run once, at the next instant of clock's shared rhythm for
 * intervalMs (whole multiples of it from the clock's origin) at least half
 * an interval from now: what an aligned Periodic's timed round waits for,
 * for timers that are not Periodic loops (an instance's health probes). Every
 * call for the same instant shares one timer. Returns the cancel.
 */
export function onRhythm (clock: Clock, intervalMs: number, run: () => void): Timer {
  const origin = rhythmOf(clock).origin
  return atInstant(clock, origin + Math.ceil((clock.now() + intervalMs / 2 - origin) / intervalMs) * intervalMs, run)
}

function rhythmOf (clock: Clock): { origin: number, due: Map<number, { timer: Timer, runs: Set<() => void> }> } {
  let rhythm = rhythms.get(clock)
  if (rhythm === undefined) {
    rhythm = { origin: clock.now(), due: new Map() }
    rhythms.set(clock, rhythm)
  }
  return rhythm
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
    if (this.#init.immediate === true) this.#arm(0)
    else this.#armTimed()
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

  /** The next timed round: intervalMs on, or on the shared rhythm when aligned. */
  #armTimed (): void {
    const interval = this.#init.intervalMs
    if (this.#init.aligned !== true || !(interval > 0) || !Number.isFinite(interval)) {
      this.#arm(interval)
      return
    }
    this.#timer?.cancel()
    this.#timer = onRhythm(this.#c.clock, interval, () => { this.#round() })
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
      else this.#armTimed()
    })
  }
}
