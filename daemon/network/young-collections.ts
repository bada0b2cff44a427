/**
 * Young collections paced by the bytes the data path receives.
 *
 * Every chunk a socket reads is a fresh ArrayBuffer outside V8's heap. Such
 * buffers die young, but V8 scavenges by its own heap's allocation, which a
 * relay barely touches (a few small objects per 64 KiB chunk), so they pile
 * up. V8 counts the external bytes allocated since its last full collection
 * against the old generation's limit, which on a daemon's 20–30 MB heap lies
 * only about 10 MB above what is live: after that many bytes received it
 * marks and compacts the whole heap, 20–45 ms on the daemon's one thread,
 * several times a second on a node relaying or replicating a few hundred
 * MB/s. A scavenge after every YOUNG_EVERY_BYTES received frees the dead
 * buffers for about a millisecond instead (a terminal stream between two
 * nodes: a third less CPU per GiB; docs/benchmarks.md).
 *
 * `gc` is there when the daemon runs with --expose-gc, as bin/launch starts
 * it; elsewhere (the tests' daemons, benches on V8's defaults) nothing happens.
 */
import { PerformanceObserver } from 'node:perf_hooks'

/**
 * Bytes received with no collection between them that call for one: well
 * under the ~10 MB of slack, as buffers still in use when it runs stay
 * counted. A rebuild's member made 46–50 full collections per 512 MiB at 8
 * MiB and 11–12 at 4; 16 MiB left most of a stream's in place.
 */
export const YOUNG_EVERY_BYTES = 4 * 1024 * 1024

let received = 0
let scheduled = false
let watching = false

/**
 * Counts bytes a data path has just received into fresh buffers; asks for a
 * scavenge, after this turn, once YOUNG_EVERY_BYTES came with no collection
 * of V8's own between them. A path that allocates on V8's heap as it goes
 * (small writes: requests, promises, answers) has its buffers collected by
 * V8's scavenges anyway, and a forced one costs more there: while V8 is
 * marking the old generation, any young collection finishes that marking at
 * once, a full pause of tens of ms (V8's separate GC phases), which forced
 * ones without this rule brought about several times a run of 4 KiB random
 * writes.
 */
export function noteReceived (bytes: number): void {
  received += bytes
  if (received < YOUNG_EVERY_BYTES || scheduled) return
  const gc = globalThis.gc
  if (gc === undefined) return
  if (!watching) {
    watching = true
    new PerformanceObserver(() => { received = 0 }).observe({ entryTypes: ['gc'] })
  }
  scheduled = true
  setImmediate(() => {
    scheduled = false
    if (received < YOUNG_EVERY_BYTES) return // V8 collected meanwhile
    received = 0
    gc({ type: 'minor' })
  })
}
