import { isServing } from '../runtime/index.ts'
import type { InstanceStatus } from '../runtime/index.ts'
import type { InstanceState } from './reports.ts'

/** What InstanceWhereabouts reads. */
export interface WhereaboutsComponents {
  selfId: string
  /** The node an instance is placed on, by the committed state. */
  placementOf: (instance: string) => string | undefined
  /** This node's runner, for what runs here. */
  local: (instance: string) => InstanceStatus | undefined
  /** Other nodes' last reports, for what runs there; absent outside a grid. */
  reported?: (instance: string, node: string) => InstanceState | undefined
}

/**
 * An instance's state and health where it runs: this node's supervisor for
 * what runs here, the owner's last report (a few seconds old at most) for
 * the rest. The reconciler asks it whether instances are ready or given up.
 */
export class InstanceWhereabouts {
  readonly #c: WhereaboutsComponents

  constructor (components: WhereaboutsComponents) {
    this.#c = components
  }

  /** State and health where the instance is placed; undefined when unplaced or not yet reported. */
  of (instance: string): { state: string, health: string } | undefined {
    const node = this.#c.placementOf(instance)
    if (node === undefined) return undefined
    if (node === this.#c.selfId) {
      const s = this.#c.local(instance)
      return s === undefined ? undefined : { state: s.state, health: s.health.status }
    }
    return this.#c.reported?.(instance, node)
  }

  /** State, restarts and last exit where the instance is placed, for log notices; undefined when unplaced or not yet reported. */
  condition (instance: string): { state: string, restarts: number, lastExit?: string } | undefined {
    const node = this.#c.placementOf(instance)
    if (node === undefined) return undefined
    if (node === this.#c.selfId) {
      const s = this.#c.local(instance)
      if (s === undefined) return undefined
      return { state: s.state, restarts: s.restarts, ...(s.lastExit !== undefined ? { lastExit: exitText(s.lastExit.code, s.lastExit.signal, s.lastExit.oomKilled) } : {}) }
    }
    const r = this.#c.reported?.(instance, node)
    if (r === undefined) return undefined
    return { state: r.state, restarts: r.restarts, ...(r.exited ? { lastExit: exitText(r.exitCode === -1 ? null : r.exitCode, r.exitSignal === '' ? null : r.exitSignal, r.oomKilled) } : {}) }
  }

  /** Up and passing its health check where it is placed. */
  ready (instance: string): boolean {
    const s = this.of(instance)
    return s !== undefined && isServing(s.state, s.health)
  }

  /** Its node gave up restarting it. */
  failed (instance: string): boolean {
    return this.of(instance)?.state === 'failed'
  }
}

/** How a process ended, for people. */
function exitText (code: number | null, signal: string | null, oomKilled: boolean): string {
  if (oomKilled) return 'killed for exceeding its memory limit'
  if (signal !== null) return `killed by ${signal}`
  return code === null ? 'unknown' : `exit code ${code}`
}
