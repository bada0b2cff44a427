import type { NodeId } from './types.ts'

/** Base of every error the Raft core throws; `code` is stable, the message is not. */
export class RaftError extends Error {
  readonly code: string
  constructor (code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = 'RaftError'
  }
}

/** Thrown when a leader-only call reaches a node that is not the leader; `leader` is the one it knows, if any. */
export class NotLeaderError extends RaftError {
  readonly leader: NodeId | null
  constructor (leader: NodeId | null, message = leader === null ? 'not the leader, and no leader is known' : `not the leader; the leader is ${leader}`) {
    super('ERR_NOT_LEADER', message)
    this.name = 'NotLeaderError'
    this.leader = leader
  }
}

/** Thrown when a proposal is refused while a leadership transfer is under way; retry on the new leader. */
export class TransferInProgressError extends RaftError {
  constructor (message = 'a leadership transfer is in progress') {
    super('ERR_TRANSFER_IN_PROGRESS', message)
    this.name = 'TransferInProgressError'
  }
}

/** Thrown when a proposal is malformed: not bytes, or empty (empty data is the leader's no-op). */
export class BadProposalError extends RaftError {
  constructor (message = 'proposal data must be a non-empty Uint8Array') {
    super('ERR_BAD_PROPOSAL', message)
    this.name = 'BadProposalError'
  }
}

/**
 * Thrown when a membership change is proposed while another is uncommitted,
 * or before the leader has committed an entry of its own term (the fix to
 * single-server changes described on raft-dev in 2015).
 */
export class ConfChangePendingError extends RaftError {
  constructor (message = 'a membership change is still pending') {
    super('ERR_CONF_CHANGE_PENDING', message)
    this.name = 'ConfChangePendingError'
  }
}

/** Thrown when a membership change does not fit the current membership (e.g. promoting a voter). */
export class BadConfChangeError extends RaftError {
  constructor (message = 'membership change does not apply to the current membership') {
    super('ERR_BAD_CONF_CHANGE', message)
    this.name = 'BadConfChangeError'
  }
}

/** Thrown when a leadership transfer names a node that is not a voter, or the leader itself. */
export class BadTransferError extends RaftError {
  constructor (message = 'transfer target must be another voter') {
    super('ERR_BAD_TRANSFER', message)
    this.name = 'BadTransferError'
  }
}

/** Thrown by Storage when an index before the first available one is asked for. */
export class CompactedError extends RaftError {
  constructor (message = 'requested index is compacted') {
    super('ERR_COMPACTED', message)
    this.name = 'CompactedError'
  }
}

/** Thrown by Storage when an index after the last one is asked for. */
export class UnavailableError extends RaftError {
  constructor (message = 'requested index is not yet available') {
    super('ERR_UNAVAILABLE', message)
    this.name = 'UnavailableError'
  }
}

/** Thrown by Storage.snapshot() when a snapshot is being made and cannot be handed out yet. */
export class SnapshotUnavailableError extends RaftError {
  constructor (message = 'snapshot temporarily unavailable') {
    super('ERR_SNAPSHOT_UNAVAILABLE', message)
    this.name = 'SnapshotUnavailableError'
  }
}

/** Thrown when compact() asks for an index already compacted, not yet applied, or while a snapshot is being installed. */
export class SnapshotOutOfDateError extends RaftError {
  constructor (message = 'snapshot index is out of date') {
    super('ERR_SNAPSHOT_OUT_OF_DATE', message)
    this.name = 'SnapshotOutOfDateError'
  }
}

/** Thrown when ready() is called again before advance(), or advance() gets a Ready it did not hand out. */
export class ReadyOrderError extends RaftError {
  constructor (message = 'ready() and advance() must alternate') {
    super('ERR_READY_ORDER', message)
    this.name = 'ReadyOrderError'
  }
}

/** Thrown when the options given to a node are inconsistent (e.g. heartbeat not shorter than election timeout). */
export class BadOptionsError extends RaftError {
  constructor (message = 'invalid raft options') {
    super('ERR_BAD_RAFT_OPTIONS', message)
    this.name = 'BadOptionsError'
  }
}

/** Thrown at start when stable storage contradicts itself (commit beyond the log, applied beyond commit). */
export class StorageCorruptError extends RaftError {
  constructor (message = 'raft storage is inconsistent') {
    super('ERR_STORAGE_CORRUPT', message)
    this.name = 'StorageCorruptError'
  }
}
