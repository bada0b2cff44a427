/** Thrown when a join token is malformed; the message says what is wrong and never quotes the token. */
export class JoinTokenInvalidError extends Error {
  readonly code = 'ERR_JOIN_TOKEN_INVALID'
  override name = 'JoinTokenInvalidError'
  constructor (message = 'join token is invalid', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a node is told to make or join a grid while it belongs to another one. */
export class AlreadyInGridError extends Error {
  readonly code = 'ERR_ALREADY_IN_GRID'
  override name = 'AlreadyInGridError'
  constructor (message = 'this data dir already belongs to a grid') {
    super(message)
  }
}

/** Thrown when grid.json cannot be read; the message names the field. */
export class GridConfigInvalidError extends Error {
  readonly code = 'ERR_GRID_CONFIG_INVALID'
  override name = 'GridConfigInvalidError'
  constructor (message: string, options?: ErrorOptions) {
    super(message, options)
  }
}
