import type { Logger } from 'pino'
import { Periodic, type Clock } from '../../controller/clock/index.ts'
import { LAN_FENCE, type FenceSettings } from '../../controller/reconciler/index.ts'

/** What self-fencing needs. */
export interface SelfFenceComponents {
  /**
   * When this node last knew it reached a leader backed by a quorum, by
   * this clock; undefined before it ever did. Raft learns it from its own
   * heartbeats (RaftCommandLog.quorumContactAt), so checking costs nothing
   * on the wire.
   */
  quorumContactAt: () => number | undefined
  clock: Clock
  logger: Logger
  /** Fences (stops stateful instances) or unfences this node; the agent's setFenced. */
  fence: (fenced: boolean, why: string) => void
}

/**
 * Self-fencing, on every node of a grid: every quorumCheckMs the node looks
 * when it last reached the leader and a quorum; when that is fenceAfterMs
 * ago or more it fences itself, and it unfences once contact is recent
 * again. Until the first contact, the count starts when the fence does. The
 * leader moves a cut-off node's stateful instances only after the stateful
 * grace of the same settings, which is longer than this can take
 * (controller/reconciler/fencing.ts).
 */
export class SelfFence {
  readonly #c: SelfFenceComponents
  readonly #fenceAfterMs: number
  readonly #checks: Periodic
  readonly #startedAt: number

  /** `init` defaults to the lan profile's fencing. */
  constructor (components: SelfFenceComponents, init: Partial<FenceSettings> = {}) {
    this.#c = components
    this.#fenceAfterMs = init.fenceAfterMs ?? LAN_FENCE.fenceAfterMs
    this.#startedAt = components.clock.now()
    this.#checks = new Periodic(
      { clock: components.clock, onError: err => { components.logger.warn({ err }, 'quorum check failed') } },
      { intervalMs: init.quorumCheckMs ?? LAN_FENCE.quorumCheckMs, aligned: true, run: () => { this.#check() } }
    )
  }

  start (): void {
    this.#checks.start()
  }

  stop (): Promise<void> {
    return this.#checks.stop()
  }

  #check (): void {
    const now = this.#c.clock.now()
    const lastOk = Math.max(this.#startedAt, this.#c.quorumContactAt() ?? -Infinity)
    if (now - lastOk < this.#fenceAfterMs) this.#c.fence(false, 'quorum reachable')
    else this.#c.fence(true, `no quorum for ${now - lastOk} ms`)
  }
}
