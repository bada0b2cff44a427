/**
 * Errors of the NBD server. Callers and tests switch on `code`, which never
 * changes; the message is for people and may.
 */

/** Thrown when an export is added under a name already exported. */
export class ExportExistsError extends Error {
  readonly code = 'ERR_NBD_EXPORT_EXISTS'
  override name = 'ExportExistsError'

  constructor (message = 'an export with this name exists', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when an export name is not 1..4096 bytes of UTF-8 without NUL. */
export class InvalidExportNameError extends Error {
  readonly code = 'ERR_NBD_INVALID_EXPORT_NAME'
  override name = 'InvalidExportNameError'

  constructor (message = 'invalid export name', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when listen() is called after close() began. */
export class ServerClosedError extends Error {
  readonly code = 'ERR_NBD_SERVER_CLOSED'
  override name = 'ServerClosedError'

  constructor (message = 'NBD server is closed', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Raised inside a connection when the peer breaks the protocol; the connection is dropped, nothing else. */
export class ProtocolError extends Error {
  readonly code = 'ERR_NBD_PROTOCOL'
  override name = 'ProtocolError'

  constructor (message = 'NBD protocol violation', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Raised inside a connection when the peer has gone. */
export class ConnectionClosedError extends Error {
  readonly code = 'ERR_NBD_CONNECTION_CLOSED'
  override name = 'ConnectionClosedError'

  constructor (message = 'NBD connection closed', options?: ErrorOptions) {
    super(message, options)
  }
}
