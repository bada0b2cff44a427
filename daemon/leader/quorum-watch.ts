import type { Logger } from 'pino'
import type { Clock, Timer } from '../../controller/clock/index.ts'

/** How often the node checks that it can still reach the quorum, in ms: the fence comes at most this late. */
const CHECK_MS = 500
/**
 * How long without a confirmed quorum before the node fences itself, in ms.
 * With one check (CHECK_MS) and the kill it must stay below the leader's
 * grace for moving stateful instances (STATEFUL_GRACE_MS in
 * reconcile-loop.ts), so the old copy is stopped before a new one starts.
 */
export const FENCE_AFTER_MS = 4000

/**
 * Self-fencing: every CHECK_MS the node asks the replicated log for a read
 * barrier (which needs the leader and a quorum); when none has succeeded for
 * fenceAfterMs the node fences itself, and unfences at the next success.
 */
export class QuorumWatch {
  readonly #c: { barrier: () => Promise<unknown>, clock: Clock, logger: Logger, fence: (fenced: boolean, why: string) => void }
  readonly #fenceAfterMs: number
  #lastOk: number
  #timer: Timer | undefined
  #stopped = false

  constructor (components: { barrier: () => Promise<unknown>, clock: Clock, logger: Logger, fence: (fenced: boolean, why: string) => void }, init: { fenceAfterMs?: number } = {}) {
    this.#c = components
    this.#fenceAfterMs = init.fenceAfterMs ?? FENCE_AFTER_MS
    this.#lastOk = components.clock.now()
  }

  start (): void {
    const loop = (): void => {
      if (this.#stopped) return
      void this.#check().finally(() => { if (!this.#stopped) this.#timer = this.#c.clock.setTimeout(loop, CHECK_MS) })
    }
    this.#timer = this.#c.clock.setTimeout(loop, CHECK_MS)
  }

  stop (): void {
    this.#stopped = true
    this.#timer?.cancel()
  }

  async #check (): Promise<void> {
    const ok = await Promise.race([
      this.#c.barrier().then(() => true, () => false),
      this.#c.clock.sleep(CHECK_MS).then(() => false)
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
