/**
 * Errors of consoles and exec sessions. Callers and tests switch on `code`;
 * the codes also travel to clients in the session's `error` message.
 */

/** The common shape: a stable code, a message for people, a cause. */
abstract class SessionError extends Error {
  abstract readonly code: string
  constructor (message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
  }
}

/** Thrown when a client names an app or instance that does not exist. The API answers 404. */
export class UnknownInstanceError extends SessionError {
  readonly code = 'ERR_NOT_FOUND'
}

/** Thrown when an instance is not placed on any node, or has no running task where it is placed. */
export class NotRunningError extends SessionError {
  readonly code = 'ERR_NOT_RUNNING'
}

/** Thrown when a session asks for what the instance's driver cannot give (exec into a VM, a terminal without node-pty). */
export class SessionUnsupportedError extends SessionError {
  readonly code = 'ERR_NOT_SUPPORTED'
}

/** Thrown when a VM's serial console already has a client: it takes one at a time. */
export class ConsoleBusyError extends SessionError {
  readonly code = 'ERR_CONSOLE_BUSY'
}

/** Thrown when the session's program could not be started. */
export class SessionStartError extends SessionError {
  readonly code = 'ERR_SESSION_START'
}

/** Thrown when a peer or client sends a frame or message the session protocol does not allow. */
export class BadSessionMessageError extends SessionError {
  readonly code = 'ERR_BAD_SESSION_MESSAGE'
}
