/**
 * Errors of the node profiles. Callers branch on `code`, never on the message.
 */

/** Thrown when a profile name (`--profile`) is not known. */
export class UnknownProfileError extends Error {
  readonly code = 'ERR_UNKNOWN_PROFILE'
  constructor (message = 'unknown node profile', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'UnknownProfileError'
  }
}

/** Thrown when a profile's timings break one of the relations between them (a fence quicker than the detector, an election timeout not above the heartbeat…). */
export class InvalidProfileError extends Error {
  readonly code = 'ERR_INVALID_PROFILE'
  constructor (message = 'invalid node profile', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InvalidProfileError'
  }
}
