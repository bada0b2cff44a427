/** Thrown when a stored or received command cannot be decoded. */
export class BadCommandError extends Error {
  readonly code = 'ERR_BAD_COMMAND'
  constructor (message = 'command cannot be decoded', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'BadCommandError'
  }
}

/** Thrown when a command was written by a newer Trellis than this one. */
export class UnsupportedCommandError extends Error {
  readonly code = 'ERR_UNSUPPORTED_COMMAND'
  constructor (message = 'command version is newer than this daemon understands') {
    super(message)
    this.name = 'UnsupportedCommandError'
  }
}
