import type { Logger } from 'pino'
import { Periodic, type Clock } from '../../controller/clock/index.ts'
import { FENCE_AFTER_MS, QUORUM_CHECK_MS } from '../../controller/reconciler/index.ts'

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
 * Self-fencing, on every node of a grid: every QUORUM_CHECK_MS the node asks
 * the replicated log for a read barrier (which needs the leader and a
 * quorum); when none has succeeded for FENCE_AFTER_MS it fences itself, and
 * it unfences at the next success. The leader moves a cut-off node's stateful
 * instances only after STATEFUL_GRACE_MS, which is longer than this can take
 * (controller/reconciler/fencing.ts).
 */
export class SelfFence {
  readonly #c: SelfFenceComponents
  readonly #fenceAfterMs: number
  readonly #checks: Periodic
  #lastOk: number

  constructor (components: SelfFenceComponents, init: { fenceAfterMs?: number } = {}) {
    this.#c = components
    this.#fenceAfterMs = init.fenceAfterMs ?? FENCE_AFTER_MS
    this.#lastOk = components.clock.now()
    this.#checks = new Periodic(
      { clock: components.clock, onError: err => { components.logger.warn({ err }, 'quorum check failed') } },
      { intervalMs: QUORUM_CHECK_MS, run: async () => { await this.#check() } }
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
      this.#c.clock.sleep(QUORUM_CHECK_MS).then(() => false)
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
