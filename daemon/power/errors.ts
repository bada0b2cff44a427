/**
 * Errors of the power component. Callers and tests switch on `code`, which
 * never changes; the message is for people and may.
 */

/** Thrown when a MAC address is not six hex bytes (aa:bb:cc:dd:ee:ff, or with dashes). */
export class BadMacError extends Error {
  readonly code = 'ERR_BAD_MAC'
  override name = 'BadMacError'

  constructor (message = 'bad MAC address', options?: ErrorOptions) {
    super(message, options)
  }
}
