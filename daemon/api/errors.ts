/** An error the API answers with: a stable code, a message, optional details. */
export class ApiError extends Error {
  readonly code: string
  readonly details: unknown
  constructor (code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.details = details
  }
}

/** Thrown when a named app, instance or route does not exist. */
export function notFound (what: string): ApiError {
  return new ApiError('ERR_NOT_FOUND', `${what} not found`)
}

/** Thrown when a request is malformed. */
export function badRequest (message: string): ApiError {
  return new ApiError('ERR_BAD_REQUEST', message)
}

/** Error codes → HTTP status, in one place. Unknown codes are server errors. */
const STATUS: Record<string, number> = {
  ERR_BAD_REQUEST: 400,
  ERR_UNAUTHORIZED: 401,
  ERR_FORBIDDEN: 403,
  ERR_CSRF: 403,
  ERR_BAD_ORIGIN: 403,
  ERR_NOT_FOUND: 404,
  ERR_METHOD_NOT_ALLOWED: 405,
  ERR_BODY_TOO_LARGE: 413,
  ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  ERR_UPGRADE_REQUIRED: 426,
  ERR_NOT_RUNNING: 409,
  ERR_CONSOLE_BUSY: 409,
  ERR_NOT_SUPPORTED: 400,
  ERR_INVALID_APP: 422,
  ERR_UNSCHEDULABLE: 422,
  ERR_NOT_LEADER: 503,
  ERR_NOT_IN_GRID: 409,
  ERR_CONFLICT: 409,
  ERR_INVALID_CLONE: 400,
  ERR_RAFT_CLOSED: 503,
  ERR_UNAVAILABLE: 503
}

export function statusOf (code: string | undefined): number {
  return (code !== undefined ? STATUS[code] : undefined) ?? 500
}
