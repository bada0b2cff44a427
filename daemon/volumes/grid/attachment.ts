/**
 * One volume attached on this node, the primary: the replicated store, its
 * NBD export and its mounted filesystem, and the care of its replica set.
 * Every change to the set goes through Raft at this attachment's generation:
 * a replica that failed a write is dropped by a commit before the write is
 * acknowledged, and a member that is not in sync is caught up (only the
 * blocks that differ travel) and then added by a commit.
 */
import type { Logger } from 'pino'
import type { LinkPacer } from '../../network/index.ts'
import { updateVolume, type CommandLog, type VolumeChange, type VolumeRecord } from '../../../controller/state/index.ts'
import type { MountedVolume } from '../mount/index.ts'
import type { ReplicatedBlockStore, ResyncProgress } from '../replica/index.ts'
import type { BlockExport } from './block-export.ts'
import { VolumeUpdateRefusedError } from './errors.ts'
import { ReplicaQuarantine } from './quarantine.ts'

/** Pause after a failed catch-up before the member is tried again, ms. */
const RESYNC_RETRY_MS = 5000 // ms

export interface AttachmentComponents {
  log: CommandLog
  logger: Logger
  isUp: (node: string) => boolean
  nameOf: (node: string) => string
  now: () => number
  /** Told the bytes each catch-up copies, as it copies them (metrics). */
  onCopied?: (bytes: number) => void
  /** The pacer of the link to a node, when copies are paced by the measured link rather than the fixed ceiling alone. */
  pacerFor?: (node: string) => LinkPacer | undefined
}

export interface AttachmentInit {
  nodeId: string
  /**
   * primary: attached here, the writer. keeper: the volume is attached
   * nowhere (a snapshot, an app not placed) and this in-sync member brings
   * the others in sync; nothing writes, so two keepers copy the same bytes.
   */
  role?: 'primary' | 'keeper'
  id: string
  generation: number
  rebuildBytesPerSecond: number
}

export class Attachment {
  readonly id: string
  readonly generation: number
  store: ReplicatedBlockStore | undefined
  mount: MountedVolume | undefined
  /** Set instead of `mount` when the volume is attached as a block device (a VM's disk). */
  block: BlockExport | undefined
  readonly #c: AttachmentComponents
  readonly #init: AttachmentInit
  readonly #log: Logger
  readonly #resyncs = new Map<string, AbortController>()
  readonly #retryAt = new Map<string, number>()
  readonly #quarantine = new ReplicaQuarantine()
  #closed = false

  constructor (components: AttachmentComponents, init: AttachmentInit) {
    this.#c = components
    this.#init = init
    this.id = init.id
    this.generation = init.generation
    this.#log = components.logger.child({ volume: init.id, generation: init.generation })
  }

  /**
   * The store's dropReplica: commits an in-sync set without `node` at this
   * generation. Resolves once committed (the write that failed may then be
   * acknowledged); rejects when it cannot be (a partitioned node has no
   * quorum; a deposed one has an old generation), so that write never is.
   */
  readonly dropReplica = async (node: string, err: Error): Promise<void> => {
    // Closing (the node is stopping, or the volume moving away): a write that reached
    // too few replicas fails now rather than wait on a quorum that may be going too.
    if (this.#closed) throw new VolumeUpdateRefusedError(`volume ${this.id}: replica on ${this.#c.nameOf(node)} failed while the attachment closes: ${err.message}`)
    const now = this.#c.now()
    const keptOutMs = this.#quarantine.failed(node, now)
    await this.propose({ removeInSync: [node] }, `replica on ${this.#c.nameOf(node)} failed: ${err.message}${keptOutMs > 0
      ? `; failure ${this.#quarantine.failures(node, now)} in a row: quarantined ${Math.round(keptOutMs / 1000)} s before it is caught up again`
      : ''}`)
  }

  /** Commits a change to the replica set at this generation, or throws VolumeUpdateRefusedError. */
  async propose (change: VolumeChange, reason: string): Promise<void> {
    let result
    try {
      result = await this.#c.log.propose(updateVolume(this.id, this.generation, change, reason))
    } catch (err) {
      throw new VolumeUpdateRefusedError(`volume ${this.id}: ${reason}: not committed (${(err as Error).message})`, { cause: err })
    }
    if (result.kind !== 'volume-updated' || !result.applied) {
      throw new VolumeUpdateRefusedError(`volume ${this.id}: ${reason}: refused (${result.kind === 'volume-updated' ? result.why ?? '' : result.kind})`)
    }
    this.#log.info({ change, reason }, 'volume replica set changed')
  }

  /** Brings the store in line with the committed record and starts catching up members that are not in sync. */
  async tend (v: VolumeRecord): Promise<void> {
    const store = this.store
    const owner = this.#init.role === 'keeper' ? '' : this.#init.nodeId
    if (store === undefined || this.#closed || v.generation !== this.generation || v.primary !== owner) return
    const others = v.inSync.filter(n => n !== this.#init.nodeId).sort()
    if (others.join() !== [...store.inSync].sort().join()) {
      await store.setInSync(v.inSync, v.generation).catch((err: unknown) => {
        this.#log.warn({ err, inSync: v.inSync }, 'in-sync set could not be applied to the store')
      })
    }
    for (const m of v.members) {
      if (m === this.#init.nodeId || v.inSync.includes(m) || this.#resyncs.has(m)) continue
      const now = this.#c.now()
      if (!this.#c.isUp(m) || (this.#retryAt.get(m) ?? 0) > now || this.#quarantine.readyAt(m, now) > now) continue
      this.#catchUp(store, m)
    }
  }

  /** Progress of catch-ups under way, for `trellis volume describe`. */
  syncing (): ResyncProgress[] {
    return this.store?.syncing() ?? []
  }

  /** Stops catch-ups; the owner then unmounts and closes. */
  close (): void {
    this.#closed = true
    for (const ac of this.#resyncs.values()) ac.abort()
  }

  #catchUp (store: ReplicatedBlockStore, node: string): void {
    const ac = new AbortController()
    this.#resyncs.set(node, ac)
    const name = this.#c.nameOf(node)
    this.#log.info({ replica: name }, 'catching up a replica')
    store.resync(node, { bytesPerSecond: this.#init.rebuildBytesPerSecond, pacer: this.#c.pacerFor?.(node), signal: ac.signal, onCopied: this.#c.onCopied })
      .then(async r => {
        const mib = (r.bytesCopied / 1024 / 1024).toFixed(1)
        await this.propose({ addInSync: [node] }, `${name} caught up: ${r.blocksCopied} of ${r.blocksCompared} blocks differed, ${mib} MiB in ${r.ms} ms`)
      }, async (err: unknown) => {
        // Still a syncing member from an earlier walk whose commit failed: it has every write since, so only the commit is missing.
        if ((err as { code?: string }).code !== 'ERR_RESYNC_CONFLICT') throw err
        await this.propose({ addInSync: [node] }, `${name} caught up earlier`)
      })
      .catch((err: unknown) => {
        if (this.#closed) return
        this.#retryAt.set(node, this.#c.now() + RESYNC_RETRY_MS)
        this.#log.warn({ err, replica: name }, 'catch-up failed; will retry')
      })
      .finally(() => { this.#resyncs.delete(node) })
  }
}
