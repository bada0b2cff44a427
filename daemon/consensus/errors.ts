/**
 * Errors of the consensus component. Callers and tests switch on `code`,
 * which never changes; the message is for people and may.
 */

/** Thrown when bytes from a peer or from disk are not a well-formed Raft message, entry or record. */
export class BadRaftMessageError extends Error {
  readonly code = 'ERR_BAD_RAFT_MESSAGE'
  override name = 'BadRaftMessageError'

  constructor (message = 'malformed raft message', options?: ErrorOptions) {
    super(message, options)
  }
}

/**
 * Thrown when a proposal or read needs a leader and none could be reached
 * before the deadline; nothing was proposed, so retrying is safe. `leader` is
 * the last leader known, if any.
 */
export class NotLeaderError extends Error {
  readonly code = 'ERR_NOT_LEADER'
  override name = 'NotLeaderError'
  readonly leader: string | null

  constructor (leader: string | null = null, message = 'no leader could take the proposal', options?: ErrorOptions) {
    super(message, options)
    this.leader = leader
  }
}

/**
 * Thrown when a proposal or read did not finish before its deadline, or its
 * answer was lost with the leader: the command may or may not have been
 * applied. Read the state before retrying a command that is not idempotent.
 */
export class UnavailableError extends Error {
  readonly code = 'ERR_UNAVAILABLE'
  override name = 'UnavailableError'

  constructor (message = 'raft group unavailable; outcome unknown', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a RaftCommandLog is used after close(), or a proposal is cut short by it. */
export class RaftClosedError extends Error {
  readonly code = 'ERR_RAFT_CLOSED'
  override name = 'RaftClosedError'

  constructor (message = 'raft log is closed', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a snapshot's data is not a GridState this daemon can restore. */
export class BadSnapshotError extends Error {
  readonly code = 'ERR_BAD_SNAPSHOT'
  override name = 'BadSnapshotError'

  constructor (message = 'snapshot data cannot be restored', options?: ErrorOptions) {
    super(message, options)
  }
}

/**
 * Thrown on a follower when the leader refused or failed a forwarded
 * proposal; `code` is the leader's stable code (e.g. ERR_BAD_COMMAND).
 */
export class ForwardedError extends Error {
  readonly code: string
  override name = 'ForwardedError'

  constructor (code: string, message = 'the leader refused the proposal', options?: ErrorOptions) {
    super(message, options)
    this.code = code
  }
}

/** Thrown by forceNewCluster when this node's store holds no Raft log to recover from. */
export class NothingToRecoverError extends Error {
  readonly code = 'ERR_NOTHING_TO_RECOVER'
  override name = 'NothingToRecoverError'

  constructor (message = 'no raft log in this store: nothing to recover', options?: ErrorOptions) {
    super(message, options)
  }
}
