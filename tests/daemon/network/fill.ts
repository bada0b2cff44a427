/** Filling a path that a paused reader holds back, for the back-pressure tests. */
import { once } from 'node:events'
import type { Writable } from 'node:stream'

/**
 * Writes 64 KiB pieces until the path is full (no drain for 500 ms) or
 * `limit` bytes went; the bytes written, and whether it stalled.
 */
export async function writeUntilStalled (stream: Writable, limit: number): Promise<{ written: number, stalled: boolean }> {
  let written = 0
  let stalled = false
  const chunk = Buffer.alloc(64 * 1024, 7)
  while (!stalled && written < limit) {
    written += chunk.length
    if (!stream.write(chunk)) {
      stalled = await Promise.race([once(stream, 'drain').then(() => false), new Promise<boolean>(resolve => setTimeout(() => { resolve(true) }, 500))])
    }
  }
  return { written, stalled }
}
