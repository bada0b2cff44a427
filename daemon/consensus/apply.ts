import type { Logger } from 'pino'
import type { Entry } from '../../controller/raft/index.ts'
import { apply, decodeCommand, type ApplyResult, type GridState } from '../../controller/state/index.ts'
import { NotLeaderError } from './errors.ts'
import type { Waiters } from './waiters.ts'

/** What applying a committed entry touches: the state, who waits for it, who listens. */
export interface Applying {
  state: GridState
  waiters: Waiters
  listeners: Iterable<(result: ApplyResult, index: number) => void>
  logger: Logger
}

/** Applies one committed entry to the GridState (once: replays at or below appliedIndex are skipped) and settles its proposer. */
export function applyEntry (a: Applying, e: Entry): void {
  if (e.index <= a.state.appliedIndex) return
  if (e.type === 'conf-change') {
    // It took effect when appended; applying it only settles its proposer. No grid state changes.
    a.state.appliedIndex = e.index
    a.logger.info({ change: e.change, index: e.index }, 'membership change committed')
    a.waiters.settle(e.index, e.term, undefined, undefined)
    return
  }
  if (e.data.byteLength === 0) {
    // A new leader's no-op takes a slot but changes no grid state.
    a.state.appliedIndex = e.index
    a.waiters.settle(e.index, e.term, undefined, new NotLeaderError(null, 'proposal overwritten by a new leader'))
    return
  }
  let result: ApplyResult
  try {
    result = apply(a.state, e.index, decodeCommand(e.data))
  } catch (err) {
    // Deterministic on every node: the slot is used up, the proposer hears why.
    a.state.appliedIndex = e.index
    a.logger.warn({ err, index: e.index }, 'committed command could not be applied')
    a.waiters.settle(e.index, e.term, undefined, err)
    return
  }
  for (const listener of a.listeners) {
    try { listener(result, e.index) } catch (err) { a.logger.error({ err }, 'apply listener failed') }
  }
  a.waiters.settle(e.index, e.term, result, undefined)
}

/** Errors after which nothing was proposed, so trying again (on the next leader) is safe. */
export function retryable (err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code
  return code === 'ERR_NOT_LEADER' || code === 'ERR_TRANSFER_IN_PROGRESS' || code === 'ERR_PROPOSAL_DROPPED'
}
