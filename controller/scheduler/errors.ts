/** Errors of the scheduler; match on `code`, never on the message. */

/** Base of every error the scheduler throws. */
export class SchedulerError extends Error {
  readonly code: string
  constructor (code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = 'SchedulerError'
  }
}

/**
 * Thrown when a request is malformed rather than unplaceable: two nodes with
 * one id, two components with one name, a count or resource figure that is not
 * a non-negative number. The validator should have stopped these earlier.
 */
export class InvalidScheduleRequestError extends SchedulerError {
  constructor (message: string, options?: { cause?: unknown }) {
    super('ERR_INVALID_SCHEDULE_REQUEST', message, options)
    this.name = 'InvalidScheduleRequestError'
  }
}

/** Thrown by assertScheduled when an app cannot be placed; `explanations` holds one line per failed component. */
export class UnschedulableError extends SchedulerError {
  readonly explanations: Record<string, string>
  constructor (explanations: Record<string, string>, message = Object.values(explanations).join('; '), options?: { cause?: unknown }) {
    super('ERR_UNSCHEDULABLE', message, options)
    this.name = 'UnschedulableError'
    this.explanations = explanations
  }
}
