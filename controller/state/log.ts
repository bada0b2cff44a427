import type { Command } from './commands.ts'
import type { ApplyResult, GridState } from './types.ts'

/**
 * The seam between whoever changes the grid's state and how it is made
 * durable: a local log on a single node, Raft across a grid. `propose`
 * resolves only once the command is durable and applied.
 */
export interface CommandLog {
  /** The state after every applied command. Read-only to callers. */
  readonly state: GridState
  propose (command: Command): Promise<ApplyResult>
  /**
   * Resolves once this node has applied everything committed before the
   * call: a read after it is linearizable. Optional: a single node's log is
   * always up to date.
   */
  readBarrier? (): Promise<number>
  /** Called after each applied command, in order. Returns an unsubscribe function. */
  onApplied (listener: (result: ApplyResult, index: number) => void): () => void
  close (): Promise<void>
}
