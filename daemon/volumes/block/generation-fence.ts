/**
 * A store's generation fence: the highest generation accepted, persisted in
 * block.json before the first write that carries it, so a deposed primary
 * (an older generation) is refused here even after a restart.
 */
import type { Logger } from 'pino'
import { VolumeFencedError } from './errors.ts'
import { writeMeta, type BlockMeta } from './meta.ts'

export class GenerationFence {
  readonly #dir: string
  /** block.json as the store holds it (recovery raises its format in the same object). */
  readonly #meta: BlockMeta
  readonly #onSync: (count: number) => void
  readonly #log: Logger | undefined
  /** Highest generation seen, durable or on its way to block.json; older writers are refused at once. */
  #highest: number
  #chain: Promise<void> = Promise.resolve()

  /** `onSync`: told how many fdatasyncs each block.json replacement cost. */
  constructor (dir: string, meta: BlockMeta, init: { onSync: (count: number) => void, log?: Logger }) {
    this.#dir = dir
    this.#meta = meta
    this.#highest = meta.generation
    this.#onSync = init.onSync
    this.#log = init.log
  }

  /** The generation durable in block.json. */
  get durable (): number { return this.#meta.generation }

  /** Whether a change at `generation` may go ahead with nothing to wait for: admit() would give undefined. */
  admitsNow (generation: number): boolean {
    return generation === this.#meta.generation && generation >= this.#highest
  }

  /**
   * Refuses generations older than the highest seen (throwing); makes a newer
   * one durable before its first write, the promise returned; undefined for
   * the generation already durable.
   */
  admit (generation: number): Promise<void> | undefined {
    if (!Number.isSafeInteger(generation) || generation < 0 || generation < this.#highest) {
      throw new VolumeFencedError(generation, this.#highest)
    }
    if (generation === this.#meta.generation) return undefined
    this.#highest = Math.max(this.#highest, generation)
    this.#chain = this.#chain.catch(() => {}).then(async () => {
      if (generation <= this.#meta.generation) return
      await writeMeta(this.#dir, { ...this.#meta, generation })
      this.#onSync(2)
      this.#meta.generation = generation
      this.#log?.info({ generation }, 'accepted a newer generation')
    })
    return this.#chain
  }
}
