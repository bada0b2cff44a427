import type { Status } from '../../controller/raft/index.ts'
import type { RaftCommandLogStatus } from './raft-command-log-types.ts'
import type { LevelStorage } from './storage.ts'

/** How far a peer's log is behind the leader's, for the voter policy. */
export interface CatchUp {
  /** Highest index known to match the leader's log. */
  match: number
  /** The leader's last index. */
  lastIndex: number
  /** Entries the peer still lacks. */
  lag: number
  /** Streaming (not probing or taking a snapshot) and at most `maxLag` entries behind. */
  caughtUp: boolean
}

/** Default entries a learner may lag and still count as caught up: a few round trips of appends. */
export const DEFAULT_CATCH_UP_LAG = 50 // entries

/**
 * A peer's catch-up from the leader's progress. A peer in `replicate` state
 * answered a recent append; one in `probe` (unreachable, or rejecting) or
 * `snapshot` is not caught up whatever its match says, since match never
 * goes down for a peer that died after catching up.
 */
export function catchUpOf (status: Status, id: string, maxLag: number): CatchUp | undefined {
  if (status.role !== 'leader') return undefined
  if (id === status.id) return { match: status.lastIndex, lastIndex: status.lastIndex, lag: 0, caughtUp: true }
  const pr = status.progress[id]
  if (pr === undefined) return undefined
  const lag = Math.max(0, status.lastIndex - pr.match)
  return { match: pr.match, lastIndex: status.lastIndex, lag, caughtUp: pr.state === 'replicate' && lag <= maxLag }
}

/**
 * True if a conf-change entry lies above the commit index: in the stored log
 * (scanning the uncommitted tail, which stays short), or just proposed and
 * not yet stored (`proposedAt`).
 */
export function confChangePending (storage: LevelStorage, commit: number, proposedAt: number): boolean {
  if (proposedAt > commit) return true
  const last = storage.lastIndex()
  if (last <= commit) return false
  return storage.entries(Math.max(commit + 1, storage.firstIndex()), last + 1, Infinity).some(e => e.type === 'conf-change')
}

/**
 * A node's view of the group for operators: the core's status, with what
 * this node applied and whether a membership change is pending; before the
 * log has started (`status` undefined), an empty follower.
 */
export function groupStatus (id: string, status: Status | undefined, applied: number, storage: LevelStorage | undefined, confProposedAt: number): RaftCommandLogStatus {
  if (status === undefined || storage === undefined) {
    return {
      id, role: 'follower', leader: null, term: 0, commit: 0, applied: 0,
      voters: [], learners: [], lastIndex: 0, pendingConfChange: false, progress: {}
    }
  }
  return {
    id: status.id, role: status.role, leader: status.leader, term: status.term, commit: status.commit,
    applied, voters: [...status.conf.voters], learners: [...status.conf.learners],
    lastIndex: status.lastIndex, pendingConfChange: confChangePending(storage, status.commit, confProposedAt),
    progress: status.progress
  }
}
