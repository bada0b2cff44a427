/**
 * How far the leader believes one follower has got, and how it feeds it
 * (etcd's tracker.Progress, in the same spirit):
 *
 *   probe      one append per heartbeat until we learn where the logs match
 *   replicate  pipelined appends, next advanced optimistically, at most
 *              `maxInflight` unacknowledged messages
 *   snapshot   a snapshot was sent; nothing else until it is acknowledged
 *              or times out
 */
export type ProgressState = 'probe' | 'replicate' | 'snapshot'

/** A ring of the last index of each unacknowledged append, for flow control. */
export class Inflights {
  readonly #buf: number[]
  #start = 0
  #count = 0

  constructor (capacity: number) {
    this.#buf = new Array<number>(capacity).fill(0)
  }

  get count (): number { return this.#count }

  full (): boolean { return this.#count === this.#buf.length }

  add (lastIndex: number): void {
    if (this.full()) return
    this.#buf[(this.#start + this.#count) % this.#buf.length] = lastIndex
    this.#count++
  }

  /** Frees every append whose last index is ≤ index (acknowledged together). */
  freeLE (index: number): void {
    while (this.#count > 0 && this.#buf[this.#start]! <= index) {
      this.#start = (this.#start + 1) % this.#buf.length
      this.#count--
    }
  }

  reset (): void {
    this.#start = 0
    this.#count = 0
  }
}

/** The leader's view of one member. */
export class Progress {
  match = 0
  next: number
  state: ProgressState = 'probe'
  /**
   * No appends until an acknowledgement or a heartbeat response. In probe this
   * means one probe per round trip; in replicate it is set when the inflight
   * window fills, and a heartbeat response clears it so one empty append can
   * find out whether the window's messages were all lost.
   */
  paused = false
  /** Snapshot: the index of the snapshot sent. */
  pendingSnapshot = 0
  /** Snapshot: leader ticks since it was sent; resent after an election timeout, as a lost one never answers. */
  snapshotTicks = 0
  /** Heard from since the last check-quorum round. */
  recentActive = false
  readonly inflights: Inflights

  constructor (next: number, maxInflight: number) {
    this.next = next
    this.inflights = new Inflights(maxInflight)
  }

  isPaused (): boolean {
    return this.state === 'snapshot' || this.paused
  }

  #reset (state: ProgressState): void {
    this.state = state
    this.paused = false
    this.pendingSnapshot = 0
    this.snapshotTicks = 0
    this.inflights.reset()
  }

  becomeProbe (): void {
    // After a snapshot the follower holds at least the snapshot; probe from there.
    const from = this.state === 'snapshot' ? Math.max(this.match + 1, this.pendingSnapshot + 1) : this.match + 1
    this.#reset('probe')
    this.next = from
  }

  becomeReplicate (): void {
    this.#reset('replicate')
    this.next = this.match + 1
  }

  becomeSnapshot (index: number): void {
    this.#reset('snapshot')
    this.pendingSnapshot = index
  }

  /** Records an append carrying `count` entries ending at lastIndex. */
  sentEntries (count: number, lastIndex: number): void {
    if (this.state === 'replicate') {
      if (count > 0) {
        this.next = lastIndex + 1
        this.inflights.add(lastIndex)
      }
      this.paused = this.inflights.full()
    } else if (this.state === 'probe') {
      this.paused = true
    }
  }

  /** An acknowledgement up to n; false if it tells us nothing new (stale or duplicate). */
  maybeUpdate (n: number): boolean {
    if (n <= this.match) return false
    this.match = n
    this.paused = false
    if (this.next < n + 1) this.next = n + 1
    return true
  }

  /**
   * A rejection of the append at `rejected`, with the follower's hint. False
   * if stale: in replicate, anything at or below match; in probe, anything but
   * the one probe outstanding.
   */
  maybeDecrTo (rejected: number, hint: number): boolean {
    if (this.state === 'replicate') {
      if (rejected <= this.match) return false
      this.next = this.match + 1
      return true
    }
    if (this.next - 1 !== rejected) return false
    this.next = Math.max(Math.min(rejected, hint + 1), this.match + 1)
    this.paused = false
    return true
  }
}
