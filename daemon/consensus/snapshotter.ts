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
  /** Writes a compaction's data ahead of the batch that records it (LevelStorage.prepareSnapshot). */
  prepare?: (index: number, data: Uint8Array) => Promise<void>
}

/**
 * When and how the driver snapshots the GridState and compacts the log.
 * 'background': the state's records taken as of the applied index
 * (captureState: the keys sorted, nothing copied), then serialized in slices
 * (serializeStateSliced) while entries go on applying, its data written to
 * disk ahead (`prepare`); the log is compacted up to that index once both are
 * done. 'inline': at once, every snapshotEvery entries (the old way).
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
  /** The sliced snapshot under way, if any. */
  #running: Promise<void> | undefined
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

  /**
   * Stops: no snapshot after this, and one under way gives up at its next
   * slice. Resolves once nothing of it runs any more (its file written ahead
   * or not), so the store can be closed and its folder removed.
   */
  async stop (): Promise<void> {
    this.#stopped = true
    await this.#running
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
    this.#running = this.#sliced().finally(() => { this.#running = undefined })
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
      data = await serializeStateSliced(captured, SLICE_MS, async () => {
        await new Promise(resolve => setImmediate(resolve))
        if (this.#stopped) throw new StoppedError()
      })
      if (!this.#stopped) await this.#p.prepare?.(index, data)
    } catch (err) {
      if (err instanceof StoppedError) {
        // Nothing to say: close() asked for it.
      } else if (data === undefined) {
        this.#p.logger.error({ err }, 'snapshot serialization failed')
      } else if ((err as { code?: string }).code === 'ERR_COMPACTED') {
        this.#p.logger.debug({ err }, 'a snapshot from the leader got past this one while it was written')
      } else {
        this.#p.logger.error({ err }, 'snapshot could not be written ahead; not compacting')
      }
      data = undefined
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

/** Internal: a sliced serialization gives up because the snapshotter stopped. */
class StoppedError extends Error {}
