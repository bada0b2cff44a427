import type { Clock, Timer } from '../../controller/clock/index.ts'
import type { RaftNode } from '../../controller/raft/index.ts'
import { TickTimes } from './tick-times.ts'

/**
 * The Raft core's clock in the driver: ticks on a rhythm (tick n at
 * tickMs × n from the start), but a timer only for the tick that acts
 * (RaftNode.ticksToAct: a campaign, a heartbeat, a quorum check, a snapshot
 * resend). The ticks before it only count elapsed time; they run at once,
 * late, before anything the core reads the count by (catchUp), so the core
 * sees the count it would have seen had each run on time. A follower that
 * hears its leader wakes for no tick; a leader wakes for its heartbeats;
 * before, every node woke ten times a second to count.
 */
export class TickRhythm {
  readonly #clock: Clock
  readonly #tickMs: number
  readonly #node: RaftNode
  /** Called after a tick that acted ran. */
  readonly #acted: () => void
  readonly #times = new TickTimes()
  #ticks = 0
  readonly #from: number
  /** When the latest tick ran (its due time for one caught up, its timer's time for one that acted). */
  #lastAt: number
  #timer: Timer | undefined
  #armed: number | undefined
  /** The tick put off once already because it came late. */
  #excused: number | undefined
  #stopped = false

  constructor (components: { clock: Clock, node: RaftNode }, init: { tickMs: number, acted: () => void }) {
    this.#clock = components.clock
    this.#node = components.node
    this.#tickMs = init.tickMs
    this.#acted = init.acted
    this.#from = this.#clock.now()
    this.#lastAt = this.#from
    this.#times.record(0, this.#from)
  }

  /** When tick `tick` ran, by this node's clock; undefined for one not run yet. */
  timeOf (tick: number): number | undefined {
    return this.#times.timeOf(tick)
  }

  /** Runs, at once, the ticks of the rhythm that have passed and cannot act. The tick that acts only runs on its timer. */
  catchUp (at = this.#clock.now()): void {
    if (this.#stopped) return
    const n = Math.min(Math.floor((at - this.#from) / this.#tickMs) - this.#ticks, this.#node.ticksToAct() - 1)
    for (let i = 0; i < n; i++) {
      this.#node.tick()
      this.#ticks++
      // Its due time, unless a late tick before it already ran later: tick times never go back.
      this.#lastAt = Math.max(this.#lastAt, this.#from + this.#ticks * this.#tickMs)
      this.#times.record(this.#ticks, this.#lastAt)
    }
  }

  /** Arms the timer for the tick that acts next (after anything that may have changed which one that is). */
  arm (): void {
    if (this.#stopped) return
    this.catchUp()
    const toAct = this.#node.ticksToAct()
    const tick = Number.isFinite(toAct) ? this.#ticks + toAct : undefined
    if (tick === this.#armed) return
    this.#timer?.cancel()
    this.#timer = undefined
    this.#armed = tick
    if (tick === undefined) return
    const at = this.#from + tick * this.#tickMs
    this.#timer = this.#clock.setTimeout(() => { this.#onTick(tick, at) }, at - this.#clock.now())
  }

  /** Stops ticking. */
  stop (): void {
    this.#stopped = true
    this.#timer?.cancel()
    this.#timer = undefined
  }

  #onTick (tick: number, at: number): void {
    this.#timer = undefined
    this.#armed = undefined
    if (this.#stopped) return
    const now = this.#clock.now()
    // A timer may fire a ms before its time by the clock: it is the tick's time all the same.
    this.catchUp(Math.max(now, at))
    if (this.#ticks + this.#node.ticksToAct() !== tick) { this.arm(); return }
    // More than a tick late, the loop was stalled: timers run before I/O, so
    // the messages that came meanwhile (a leader's heartbeats) are still unread.
    // Put the tick off once to read them first, as the detector excuses a
    // late tick: when every tick ran on a timer, a stall held them back too.
    if (now - at > this.#tickMs && this.#excused !== tick) {
      this.#excused = tick
      this.#armed = tick
      this.#timer = this.#clock.setTimeout(() => { this.#onTick(tick, at) }, 0)
      return
    }
    this.#node.tick()
    this.#ticks++
    this.#lastAt = Math.max(this.#lastAt, now)
    this.#times.record(this.#ticks, this.#lastAt)
    this.#acted()
  }
}
