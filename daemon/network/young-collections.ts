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

/**
 * Counts bytes received into fresh buffers and asks for a young collection,
 * after the turn, once YOUNG_EVERY_BYTES came with no collection of V8's own
 * between them. A path that allocates on V8's heap as it goes (small writes:
 * requests, promises, answers) has its buffers collected by V8's scavenges
 * anyway, and a forced one costs more there: while V8 is marking the old
 * generation, any young collection finishes that marking at once, a full
 * pause of tens of ms (V8's separate GC phases), which forced ones without
 * the restart brought about several times a run of 4 KiB random writes.
 */
export class YoungCollections {
  readonly #collect: () => void
  #received = 0
  #scheduled = false

  /** `collect` makes the young collection (V8's `gc({ type: 'minor' })` in the daemon). */
  constructor (collect: () => void) {
    this.#collect = collect
  }

  /** A data path has just received `bytes` into fresh buffers. */
  note (bytes: number): void {
    this.#received += bytes
    if (this.#received < YOUNG_EVERY_BYTES || this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      if (this.#received < YOUNG_EVERY_BYTES) return // V8 collected meanwhile
      this.#received = 0
      this.#collect()
    })
  }

  /** V8 made a collection of its own: the bytes so far are free to go. */
  collected (): void {
    this.#received = 0
  }
}

let shared: YoungCollections | undefined

/**
 * The process's pacing, fed by every data path (splice, readFrames, the NBD
 * reader); told of V8's own collections by a `gc` PerformanceObserver, made
 * on first use. Nothing is counted without `gc`.
 */
export function noteReceived (bytes: number): void {
  if (globalThis.gc === undefined) return
  if (shared === undefined) {
    const young = shared = new YoungCollections(() => { globalThis.gc?.({ type: 'minor' }) })
    new PerformanceObserver(() => { young.collected() }).observe({ entryTypes: ['gc'] })
  }
  shared.note(bytes)
}
