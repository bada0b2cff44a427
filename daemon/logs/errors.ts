/**
 * Errors of the logs component. Callers and tests switch on `code`, which
 * never changes; the message is for people and may.
 */

/** Thrown when a log request is malformed: an unsafe instance id, an unknown stream, an oversized frame. */
export class BadLogRequestError extends Error {
  readonly code = 'ERR_BAD_LOG_REQUEST'
  override name = 'BadLogRequestError'
}

/** Thrown when the stream to the node that runs an instance could not be opened or broke. */
export class LogLinkError extends Error {
  readonly code = 'ERR_LOG_LINK'
  override name = 'LogLinkError'
}

/** Thrown when the node that runs an instance answered a log request with an error; `remoteCode` is its code. */
export class RemoteLogError extends Error {
  readonly code = 'ERR_REMOTE_LOG'
  override name = 'RemoteLogError'
  readonly remoteCode: string
  constructor (remoteCode: string, message: string) {
    super(message)
    this.remoteCode = remoteCode
  }
}
