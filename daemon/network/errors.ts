/**
 * Errors of the network component. Callers and tests switch on `code`, which
 * never changes; the message is for people and may.
 */

/** Thrown when a node cannot be reached: unknown, closed, or cut off by a partition. */
export class UnreachableError extends Error {
  readonly code = 'ERR_UNREACHABLE'
  override name = 'UnreachableError'

  constructor (message = 'node is unreachable', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a dialled node has no handler for the protocol. */
export class NoHandlerError extends Error {
  readonly code = 'ERR_NO_HANDLER'
  override name = 'NoHandlerError'

  constructor (message = 'no handler for protocol', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a transport is used after close(). */
export class TransportClosedError extends Error {
  readonly code = 'ERR_TRANSPORT_CLOSED'
  override name = 'TransportClosedError'

  constructor (message = 'transport is closed', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown (emitted as 'error') on a stream whose other end was destroyed before both sides ended. */
export class StreamResetError extends Error {
  readonly code = 'ERR_STREAM_RESET'
  override name = 'StreamResetError'

  constructor (message = 'stream reset by peer', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a transport registers a node id that another open transport already holds. */
export class NodeIdInUseError extends Error {
  readonly code = 'ERR_NODE_ID_IN_USE'
  override name = 'NodeIdInUseError'

  constructor (message = 'node id is in use', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a frame announces more bytes than the protocol's limit. */
export class FrameTooLargeError extends Error {
  readonly code = 'ERR_FRAME_TOO_LARGE'
  override name = 'FrameTooLargeError'

  constructor (message = 'frame exceeds the size limit', options?: ErrorOptions) {
    super(message, options)
  }
}
