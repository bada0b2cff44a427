import type { TLSSocket } from 'node:tls'
import { readIntoOwnBuffers } from './own-reads.ts'

/**
 * The bytes of a buffer a TLS socket's plaintext is read into: one record
 * (16 KiB at most), so that each comes whole. Held for as long as the
 * stream lasts, so no larger.
 */
export const TLS_READ_BYTES = 16 * 1024

/**
 * Reads a TLS socket's plaintext into one buffer of our own, handing each
 * record's bytes to `onRead`, valid only during the call: whoever keeps
 * them copies them. The bulk channel wraps TCP sockets of its own at both
 * ends (so that a stream can be reset), and for those Node never offers
 * `onread`: readIntoOwnBuffers sets it up (and returns false, changing
 * nothing, where it cannot; the caller then reads through `data` events).
 */
export function readTlsIntoOwnBuffer (socket: TLSSocket, onRead: (bytes: Buffer) => void): boolean {
  return readIntoOwnBuffers(socket, {
    first: Buffer.allocUnsafeSlow(TLS_READ_BYTES),
    onRead: (bytes, into) => {
      onRead(into.subarray(0, bytes))
      return true
    }
  })
}
