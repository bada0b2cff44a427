/**
 * Errors of the resources component. Callers and tests switch on `code`,
 * which never changes; the message is for people and may.
 */

/**
 * Thrown when an advert or heartbeat cannot be decoded, or decodes to
 * something impossible (no node id, negative or NaN figures, free > total).
 * `field` names the offending field (`memory.free`) when there is one.
 */
export class BadAdvertError extends Error {
  readonly code = 'ERR_BAD_ADVERT'
  override name = 'BadAdvertError'
  readonly field: string | undefined

  constructor (message = 'bad advert', options?: ErrorOptions & { field?: string }) {
    super(message, options)
    this.field = options?.field
  }
}

/** Thrown when an encoded advert or heartbeat is larger than its limit (MAX_ADVERT_BYTES). */
export class AdvertTooLargeError extends Error {
  readonly code = 'ERR_ADVERT_TOO_LARGE'
  override name = 'AdvertTooLargeError'
  /** Encoded size in bytes. */
  readonly size: number
  /** The limit it broke, in bytes. */
  readonly limit: number

  constructor (size: number, limit: number, message = `advert is ${size} bytes, more than the ${limit} allowed`, options?: ErrorOptions) {
    super(message, options)
    this.size = size
    this.limit = limit
  }
}
