/**
 * How large a relay's buffers are: the read pump's (read-pump.ts) and the
 * splice's gather buffer (splice.ts). A stream in full flow gets few large
 * reads and writes, a quiet one holds 16 KiB.
 */

/** A relay buffer's first size, and the one it returns to once a stream goes quiet, in bytes. */
export const MIN_RELAY_BUFFER_BYTES = 16 * 1024
/** The largest a relay buffer grows to, in bytes: libuv reads a socket up to 32 times a turn, and a TLS socket hands out 16 KiB at a time. */
export const MAX_RELAY_BUFFER_BYTES = 256 * 1024

/**
 * The size of a relay's next buffer, after one of `size` bytes that
 * `filled`, or of which `used` bytes were used: four times larger after a
 * full one (up to the largest), the smallest after one used a sixteenth or
 * less, else the same.
 */
export function nextRelayBufferSize (size: number, filled: boolean, used: number): number {
  if (filled) return Math.min(size * 4, MAX_RELAY_BUFFER_BYTES)
  if (used * 16 <= size) return MIN_RELAY_BUFFER_BYTES
  return size
}
