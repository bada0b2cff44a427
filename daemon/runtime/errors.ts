/**
 * Errors of the runtime (drivers and supervisor). Callers branch on `code`,
 * never on the message.
 */

/** Thrown when a task id is not known to the driver (never started, or destroyed). */
export class TaskNotFoundError extends Error {
  readonly code = 'ERR_TASK_NOT_FOUND'
  constructor (message = 'no such task', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'TaskNotFoundError'
  }
}

/** Thrown when starting a task whose id is still running on this driver. */
export class TaskExistsError extends Error {
  readonly code = 'ERR_TASK_EXISTS'
  constructor (message = 'a task with this id is running', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'TaskExistsError'
  }
}

/** Thrown when a TaskConfig cannot be run as given (bad id, empty or non-executable command). */
export class InvalidTaskConfigError extends Error {
  readonly code = 'ERR_INVALID_TASK_CONFIG'
  constructor (message = 'invalid task config', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InvalidTaskConfigError'
  }
}

/** Thrown when the operating system refused to start a task. */
export class TaskStartError extends Error {
  readonly code = 'ERR_TASK_START_FAILED'
  constructor (message = 'task failed to start', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'TaskStartError'
  }
}

/** Thrown when a handle made by another driver is given to this one. */
export class WrongDriverError extends Error {
  readonly code = 'ERR_WRONG_DRIVER'
  constructor (message = 'handle belongs to another driver', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'WrongDriverError'
  }
}

/** Thrown when a task's cgroup cannot be created or its limits cannot be written. */
export class CgroupError extends Error {
  readonly code = 'ERR_CGROUP'
  constructor (message = 'cgroup operation failed', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CgroupError'
  }
}

/** Thrown when an instance id is not supervised here. */
export class InstanceNotFoundError extends Error {
  readonly code = 'ERR_INSTANCE_NOT_FOUND'
  constructor (message = 'no such instance', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InstanceNotFoundError'
  }
}

/** Thrown when running or adopting an instance id that is already supervised. */
export class InstanceExistsError extends Error {
  readonly code = 'ERR_INSTANCE_EXISTS'
  constructor (message = 'instance is already supervised', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InstanceExistsError'
  }
}

/** Thrown when the supervisor is asked to do something after close(). */
export class SupervisorClosedError extends Error {
  readonly code = 'ERR_SUPERVISOR_CLOSED'
  constructor (message = 'supervisor is closed', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SupervisorClosedError'
  }
}

/** Thrown when a uid range for instances is malformed or overlaps ids that belong to the system or to people. */
export class InvalidUidRangeError extends Error {
  readonly code = 'ERR_INVALID_UID_RANGE'
  constructor (message = 'invalid uid range', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InvalidUidRangeError'
  }
}

/** Thrown when every uid of the instance range is taken on this node. */
export class UidRangeExhaustedError extends Error {
  readonly code = 'ERR_UID_RANGE_EXHAUSTED'
  constructor (message = 'no free uid left in the instance range', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'UidRangeExhaustedError'
  }
}

/** Thrown when instances, which run as other users, could not reach what they need under the data dir (a directory above it lets no other user pass). */
export class DataDirUnreachableError extends Error {
  readonly code = 'ERR_DATA_DIR_UNREACHABLE'
  constructor (message = 'instances cannot reach the data dir', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DataDirUnreachableError'
  }
}

/** Thrown when code instances run (the daemon's Node.js, the catalog) cannot be made reachable for their users. */
export class CodeUnreachableError extends Error {
  readonly code = 'ERR_CODE_UNREACHABLE'
  constructor (message = 'instances cannot reach the code they run', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CodeUnreachableError'
  }
}
