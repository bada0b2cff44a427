/**
 * Errors of the replication layer. Callers and tests switch on `code`, which
 * never changes; the message is for people and may.
 */

/** Thrown when an in-sync replica failed, timed out or could not be reached: the change is not acknowledged. */
export class ReplicaUnavailableError extends Error {
  readonly code = 'ERR_REPLICA_UNAVAILABLE'
  override name = 'ReplicaUnavailableError'
  /** The members that did not persist the change. */
  readonly nodes: string[]

  constructor (nodes: string[], options?: ErrorOptions) {
    super(`replica ${nodes.join(', ')} did not persist the change`, options)
    this.nodes = nodes
  }
}

/** Thrown when a replica protocol frame cannot be decoded; the stream that carried it is closed. */
export class BadReplicaFrameError extends Error {
  readonly code = 'ERR_BAD_REPLICA_FRAME'
  override name = 'BadReplicaFrameError'

  constructor (message = 'malformed replica frame', options?: ErrorOptions) {
    super(message, options)
  }
}

/** A replica refused a request for a reason other than fencing; `remoteCode` is the code it answered with. */
export class ReplicaRequestError extends Error {
  readonly code = 'ERR_REPLICA_REQUEST'
  override name = 'ReplicaRequestError'
  readonly remoteCode: string

  constructor (remoteCode: string, message = `replica answered ${remoteCode}`, options?: ErrorOptions) {
    super(message, options)
    this.remoteCode = remoteCode
  }
}

/** Thrown by a request that got no answer in time, or whose stream closed first. */
export class ReplicaTimeoutError extends Error {
  readonly code = 'ERR_REPLICA_TIMEOUT'
  override name = 'ReplicaTimeoutError'

  constructor (message = 'replica did not answer in time', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a replicated store or replica client is used after close(). */
export class ReplicaClosedError extends Error {
  readonly code = 'ERR_REPLICA_CLOSED'
  override name = 'ReplicaClosedError'

  constructor (message = 'replicated store is closed', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Answered to a request naming a volume this node holds no replica of. */
export class NoSuchReplicaError extends Error {
  readonly code = 'ERR_NO_SUCH_REPLICA'
  override name = 'NoSuchReplicaError'

  constructor (volume: string, options?: ErrorOptions) {
    super(`this node holds no replica of ${volume}`, options)
  }
}

/** Rejects a resync that ended before its copy finished, or a syncing member that left before setInSync listed it. */
export class ResyncAbortedError extends Error {
  readonly code = 'ERR_RESYNC_ABORTED'
  override name = 'ResyncAbortedError'
  /** The node that was being resynced. */
  readonly node: string

  constructor (node: string, reason: string, options?: ErrorOptions) {
    super(`resync of ${node} stopped: ${reason}`, options)
    this.node = node
  }
}

/** Thrown by resync for a node that is this one, or already an in-sync or syncing member. */
export class ResyncConflictError extends Error {
  readonly code = 'ERR_RESYNC_CONFLICT'
  override name = 'ResyncConflictError'
  readonly node: string

  constructor (node: string, reason: string, options?: ErrorOptions) {
    super(`cannot resync ${node}: ${reason}`, options)
    this.node = node
  }
}

/** Thrown by resync for a chunk size or rate that is not a usable number. */
export class InvalidResyncOptionsError extends Error {
  readonly code = 'ERR_INVALID_RESYNC_OPTIONS'
  override name = 'InvalidResyncOptionsError'

  constructor (message: string, options?: ErrorOptions) {
    super(message, options)
  }
}
