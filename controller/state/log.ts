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
  readBarrier? (options?: { timeoutMs?: number }): Promise<number>
  /** Called after each applied command, in order. Returns an unsubscribe function. */
  onApplied (listener: (result: ApplyResult, index: number) => void): () => void
  close (): Promise<void>
}

/**
 * What the leader's loops need of a command log: read the state, propose,
 * hear of each applied command, and know whether this node leads (only the
 * leader acts; every node runs the loop so a new leader takes over at once).
 */
export interface LeadingLog extends Pick<CommandLog, 'state' | 'propose' | 'onApplied'> {
  /** True while this node is the leader of the log. */
  leads (): boolean
}
