import type { Logger } from 'pino'
import type { RaftNode } from '../../controller/raft/index.ts'
import type { GridState } from '../../controller/state/index.ts'
import { captureState, serializeState, serializeStateSliced } from './snapshot.ts'

/**
 * A snapshot also waits until the entries since the last one add up to this
 * share of its size: serializing a large state every snapshotEvery small
 * entries would cost far more than the log it saves. At 1 the log grows as
 * large as the state it is folded into, so serializing costs at most one
 * byte of state per byte of log: at a quarter, snapshots of a state growing
 * with every command were a quarter of the CPU of the batched benchmark
 * (docs/benchmarks.md, "Raft commit").
 */
const LOG_SHARE = 1
/** Longest stretch of serialization before the event loop gets a turn. */
const SLICE_MS = 1 // ms

/** What the snapshotter works on, and how it tells the driver it is done. */
export interface SnapshotterParts {
  state: GridState
  node: RaftNode
  logger: Logger
  /** A sliced snapshot finished (or failed): the log was compacted, run the loop. */
  done: () => void
}

/**
 * When and how the driver snapshots the GridState and compacts the log.
 * 'background': the state's records taken as of the applied index
 * (captureState: the keys sorted, nothing copied), then serialized in slices
 * (serializeStateSliced) while entries go on applying; the log is compacted
 * up to that index once it is done. 'inline': at once, every snapshotEvery
 * entries (the old way).
 */
export class Snapshotter {
  readonly #p: SnapshotterParts
  readonly #every: number
  readonly #mode: 'background' | 'inline'
  #index: number
  /** Size of the latest snapshot's data, and command bytes applied since it. */
  #bytes: number
  #bytesSince = 0
  #serializing = false
  #stopped = false
  /** Snapshots serialized and handed to the core. */
  made = 0

  constructor (parts: SnapshotterParts, init: { every: number, mode: 'background' | 'inline', from: { index: number, bytes: number } }) {
    this.#p = parts
    this.#every = init.every
    this.#mode = init.mode
    this.#index = init.from.index
    this.#bytes = init.from.bytes
  }

  /** A sliced serialization is under way. */
  get serializing (): boolean {
    return this.#serializing
  }

  /** A snapshot from the leader replaced the state. */
  installed (index: number, bytes: number): void {
    this.#index = index
    this.#bytes = bytes
    this.#bytesSince = 0
  }

  /** Command bytes just applied. */
  applied (bytes: number): void {
    this.#bytesSince += bytes
  }

  stop (): void {
    this.#stopped = true
  }

  /** Snapshots now if one is due (see the class). */
  maybe (): void {
    if (this.#serializing || this.#stopped) return
    const behind = this.#p.state.appliedIndex - this.#index
    if (behind < this.#every) return
    if (this.#mode === 'inline') {
      this.#inline()
      return
    }
    if (this.#bytesSince < LOG_SHARE * this.#bytes) return
    void this.#sliced()
  }

  #inline (): void {
    const index = this.#p.state.appliedIndex
    try {
      this.#compact(index, serializeState(this.#p.state))
    } catch (err) {
      this.#p.logger.error({ err }, 'snapshot serialization failed')
    }
    this.#index = index
    this.#bytesSince = 0
  }

  /**
   * Takes the records as of the applied index, serializes them in slices
   * while everything else goes on (applying included), then compacts the log
   * up to that index.
   */
  async #sliced (): Promise<void> {
    this.#serializing = true
    const captured = captureState(this.#p.state)
    const index = captured.appliedIndex
    this.#bytesSince = 0
    let data: Uint8Array | undefined
    try {
      data = await serializeStateSliced(captured, SLICE_MS, async () => { await new Promise(resolve => setImmediate(resolve)) })
    } catch (err) {
      this.#p.logger.error({ err }, 'snapshot serialization failed')
    } finally {
      this.#serializing = false
    }
    if (this.#stopped) return
    if (data !== undefined) this.#compact(index, data)
    this.#index = Math.max(this.#index, index)
    this.#p.done()
  }

  #compact (index: number, data: Uint8Array): void {
    this.#bytes = data.byteLength
    try {
      this.#p.node.compact(index, data)
      this.made++
    } catch (err) {
      // A snapshot from the leader got there first: nothing to compact.
      this.#p.logger.debug({ err }, 'compaction skipped')
    }
  }
}
