/** Errors of the grid simulator; match on `code`, never on the message. */

/** Thrown when a scenario cannot be run as given (unknown image, bad count, unknown node or zone, bad JSON). */
export class InvalidScenarioError extends Error {
  readonly code = 'ERR_INVALID_SCENARIO'
  constructor (message = 'invalid scenario', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InvalidScenarioError'
  }
}

/** Thrown when a named scenario is not built in. */
export class UnknownScenarioError extends Error {
  readonly code = 'ERR_UNKNOWN_SCENARIO'
  constructor (message = 'unknown scenario', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'UnknownScenarioError'
  }
}
