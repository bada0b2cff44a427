import type { Logger } from 'pino'
import { Periodic, type Clock } from '../../controller/clock/index.ts'
import { LAN_FENCE, type FenceSettings } from '../../controller/reconciler/index.ts'

/** What self-fencing needs. */
export interface SelfFenceComponents {
  /** Resolves once the replicated log confirms this node still reaches the leader and a quorum (a read barrier). */
  barrier: () => Promise<unknown>
  clock: Clock
  logger: Logger
  /** Fences (stops stateful instances) or unfences this node; the agent's setFenced. */
  fence: (fenced: boolean, why: string) => void
}

/**
 * Self-fencing, on every node of a grid: every quorumCheckMs the node asks
 * the replicated log for a read barrier (which needs the leader and a
 * quorum); when none has succeeded for fenceAfterMs it fences itself, and
 * it unfences at the next success. The leader moves a cut-off node's stateful
 * instances only after the stateful grace of the same settings, which is
 * longer than this can take (controller/reconciler/fencing.ts).
 */
export class SelfFence {
  readonly #c: SelfFenceComponents
  readonly #fenceAfterMs: number
  readonly #quorumCheckMs: number
  readonly #checks: Periodic
  #lastOk: number

  /** `init` defaults to the lan profile's fencing. */
  constructor (components: SelfFenceComponents, init: Partial<FenceSettings> = {}) {
    this.#c = components
    this.#fenceAfterMs = init.fenceAfterMs ?? LAN_FENCE.fenceAfterMs
    this.#quorumCheckMs = init.quorumCheckMs ?? LAN_FENCE.quorumCheckMs
    this.#lastOk = components.clock.now()
    this.#checks = new Periodic(
      { clock: components.clock, onError: err => { components.logger.warn({ err }, 'quorum check failed') } },
      { intervalMs: this.#quorumCheckMs, run: async () => { await this.#check() } }
    )
  }

  start (): void {
    this.#checks.start()
  }

  stop (): Promise<void> {
    return this.#checks.stop()
  }

  async #check (): Promise<void> {
    const ok = await Promise.race([
      this.#c.barrier().then(() => true, () => false),
      this.#c.clock.sleep(this.#quorumCheckMs).then(() => false)
    ])
    const now = this.#c.clock.now()
    if (ok) {
      this.#lastOk = now
      this.#c.fence(false, 'quorum reachable')
    } else if (now - this.#lastOk >= this.#fenceAfterMs) {
      this.#c.fence(true, `no quorum for ${now - this.#lastOk} ms`)
    }
  }
}
