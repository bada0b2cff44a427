import type { Clock, Timer } from '../../controller/clock/index.ts'

/**
 * Buffers for large frames joined from many socket chunks, used again
 * instead of allocated anew. A 1 MiB replica write arrives as 64 TLS records
 * and is joined into one buffer; a fresh buffer each time costs its first
 * touch of every page (a fault per 4 KiB, dear on this VM) and external
 * memory that V8 answers with collections: in the volumes bench the join and
 * the collector were ~40 % of a replica's CPU on sequential writes.
 *
 * The pool only takes back what it handed out and what is not back already,
 * so a buffer given twice, or one it never made, cannot end up in two frames
 * at once. A buffer never given back is simply collected. Whoever gives a
 * buffer back promises that nothing reads or writes it any more (no I/O in
 * flight on it): it is handed to the next frame as it is.
 */
export interface BufferPoolInit {
  /** Largest buffer pooled; longer requests get a buffer of their own. */
  maxBytes: number
  /** Most bytes kept free in the pool; past it a buffer given back is dropped. */
  maxPooledBytes: number
  /** Free buffers are dropped after this long without a take (an idle node keeps none). */
  idleMs: number
}

/** Sizes are rounded up to this, so a workload's few frame lengths share a handful of classes; smaller buffers are not pooled. */
const GRAIN = 64 * 1024 // bytes

export class BufferPool {
  readonly #clock: Clock
  readonly #init: BufferPoolInit
  /** Free buffers by size (a multiple of GRAIN). */
  readonly #free = new Map<number, ArrayBuffer[]>()
  #freeBytes = 0
  /** Buffers handed out and not given back. Weak: one never given back is collected, not held here. */
  readonly #out = new WeakSet<ArrayBuffer>()
  #lastTake = 0
  #trim: Timer | undefined
  readonly #stats = { taken: 0, reused: 0, given: 0, dropped: 0 }

  constructor (components: { clock: Clock }, init: BufferPoolInit) {
    this.#clock = components.clock
    this.#init = init
  }

  /** A buffer of exactly length bytes, its contents undefined. Under GRAIN it is Node's own (cheap, from its slab), never pooled. */
  take (length: number): Buffer {
    if (length < GRAIN || length > this.#init.maxBytes) return Buffer.allocUnsafe(length)
    this.#stats.taken++
    this.#lastTake = this.#clock.now()
    const size = Math.ceil(length / GRAIN) * GRAIN
    const free = this.#free.get(size)
    let ab = free?.pop()
    if (ab !== undefined) {
      this.#stats.reused++
      this.#freeBytes -= size
    } else {
      ab = new ArrayBuffer(size)
    }
    this.#out.add(ab)
    return Buffer.from(ab, 0, length)
  }

  /** Takes back the buffer a view of take()'s result lies in; anything else is ignored. */
  give (view: Uint8Array): void {
    const ab = view.buffer
    if (!(ab instanceof ArrayBuffer) || !this.#out.has(ab)) return
    this.#out.delete(ab)
    this.#stats.given++
    if (this.#freeBytes + ab.byteLength > this.#init.maxPooledBytes) { this.#stats.dropped++; return }
    const free = this.#free.get(ab.byteLength)
    if (free === undefined) this.#free.set(ab.byteLength, [ab])
    else free.push(ab)
    this.#freeBytes += ab.byteLength
    this.#armTrim(this.#init.idleMs)
  }

  /** Bytes held free for the next take. */
  get freeBytes (): number {
    return this.#freeBytes
  }

  stats (): { taken: number, reused: number, given: number, dropped: number } {
    return { ...this.#stats }
  }

  /** Drops every free buffer and stops the trim timer. */
  clear (): void {
    this.#trim?.cancel()
    this.#trim = undefined
    this.#free.clear()
    this.#freeBytes = 0
  }

  #armTrim (ms: number): void {
    if (this.#trim !== undefined) return
    this.#trim = this.#clock.setTimeout(() => {
      this.#trim = undefined
      const idle = this.#clock.now() - this.#lastTake
      if (idle >= this.#init.idleMs) this.clear()
      else if (this.#freeBytes > 0) this.#armTrim(this.#init.idleMs - idle)
    }, ms)
  }
}
