/**
 * Young collections paced by the bytes the data path receives.
 *
 * Every chunk a socket reads is a fresh ArrayBuffer outside V8's heap. Such
 * buffers die young, but V8 scavenges by its own heap's allocation, which a
 * relay barely touches (a few small objects per 64 KiB chunk), so they pile
 * up until their bytes pass V8's 64 MB soft limit for external memory, and
 * that starts a full mark-compact: on a node relaying or replicating a few
 * hundred MB/s, several a second, each 20–45 ms of marking a 20–30 MB heap
 * on the daemon's one thread, and the kernel's work of handing cold pages to
 * the allocator again. A scavenge after every YOUNG_EVERY_BYTES received
 * frees the dead buffers for about a millisecond instead (a terminal stream
 * between two nodes: a third less CPU per GiB; docs/benchmarks.md).
 *
 * `gc` is there when the daemon runs with --expose-gc, as bin/launch starts
 * it; elsewhere (the tests' daemons, benches on V8's defaults) nothing happens.
 */

/** Bytes received between two scavenges: 16 MiB left most mark-compacts in place, 4 gained nothing over 8. */
export const YOUNG_EVERY_BYTES = 8 * 1024 * 1024

let received = 0
let scheduled = false

/** Counts bytes a data path has just received into fresh buffers; asks for a scavenge, after this turn, once enough were. */
export function noteReceived (bytes: number): void {
  received += bytes
  if (received < YOUNG_EVERY_BYTES || scheduled) return
  const gc = globalThis.gc
  if (gc === undefined) return
  scheduled = true
  setImmediate(() => {
    scheduled = false
    received = 0
    gc({ type: 'minor' })
  })
}
