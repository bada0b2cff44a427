/**
 * Volumes attached nowhere (a snapshot, an app not placed) that this node
 * keeps whole: when it is the first in-sync member the detector holds up,
 * it opens the volume's replicated store over its own replica, exposes it
 * nowhere, and catches the other members up through a keeper Attachment.
 */
import type { VolumeRecord } from '../../../controller/state/index.ts'
import type { Transport } from '../../network/index.ts'
import type { SparseFileStore } from '../block/index.ts'
import { openReplicatedBlockStore } from '../replica/index.ts'
import { Attachment, type AttachmentComponents } from './attachment.ts'

export interface KeepersComponents extends AttachmentComponents {
  transport: Transport
  /** This node's replica of a volume, once it has opened one. */
  localOf: (id: string) => SparseFileStore | undefined
}

export interface KeepersInit {
  nodeId: string
  /** Ceiling on catch-up copying, bytes per second; 0 none. */
  rebuildBytesPerSecond: number
}

/** The keeper Attachments of this node, one per volume it keeps. */
export class Keepers {
  readonly #c: KeepersComponents
  readonly #init: KeepersInit
  /** By volume id. */
  readonly #keepers = new Map<string, Attachment>()

  constructor (components: KeepersComponents, init: KeepersInit) {
    this.#c = components
    this.#init = init
  }

  /**
   * Keeps volumes attached nowhere whole: this node, when it is the first
   * in-sync member the detector holds up, catches the other members up. A
   * keeper steps down as soon as the volume is attached (the primary takes
   * over at a newer generation) or another member comes first.
   */
  async keep (): Promise<void> {
    for (const [id, k] of [...this.#keepers]) {
      const v = this.#c.log.state.volumes.get(id)
      if (v === undefined || v.primary !== '' || v.generation !== k.generation || this.#keeperOf(v) !== this.#init.nodeId) await this.drop(id)
    }
    for (const v of this.#c.log.state.volumes.values()) {
      if (v.primary !== '' || this.#keeperOf(v) !== this.#init.nodeId) continue
      if (v.members.every(m => v.inSync.includes(m))) { await this.drop(v.id); continue }
      let k = this.#keepers.get(v.id)
      if (k === undefined) {
        const local = this.#c.localOf(v.id)
        if (local === undefined) continue
        k = new Attachment({ log: this.#c.log, logger: this.#c.logger, isUp: this.#c.isUp, nameOf: this.#c.nameOf, now: this.#c.now, onCopied: this.#c.onCopied, pacerFor: this.#c.pacerFor }, {
          nodeId: this.#init.nodeId, id: v.id, generation: v.generation, rebuildBytesPerSecond: this.#init.rebuildBytesPerSecond, role: 'keeper'
        })
        try {
          k.store = await openReplicatedBlockStore(
            { local, transport: this.#c.transport, logger: this.#c.logger, dropReplica: k.dropReplica },
            { volume: v.id, inSync: v.inSync.filter(n => n === this.#init.nodeId || this.#c.isUp(n)), generation: v.generation, ownsLocal: false })
        } catch (err) {
          this.#c.logger.warn({ err, volume: v.id }, 'could not open the volume to keep its replicas in sync')
          continue
        }
        this.#keepers.set(v.id, k)
      }
      await k.tend(v)
    }
  }

  #keeperOf (v: VolumeRecord): string | undefined {
    return v.inSync.find(n => n === this.#init.nodeId || this.#c.isUp(n))
  }

  /** Stops keeping volume `id` (if this node keeps it) and closes its store. */
  async drop (id: string): Promise<void> {
    const k = this.#keepers.get(id)
    if (k === undefined) return
    this.#keepers.delete(id)
    k.close()
    await k.store?.close().catch(() => {})
  }

  /** Stops keeping every volume. */
  async dropAll (): Promise<void> {
    for (const id of [...this.#keepers.keys()]) await this.drop(id)
  }
}
