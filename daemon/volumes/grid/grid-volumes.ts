/**
 * Replicated block volumes on a grid node: the VolumeAttacher the agent uses
 * when the node belongs to a grid.
 *
 *   committed VolumeRecord ──► member here? ──► sparse-file replica, served on /trellis/replica/2 (and /1)
 *                          └─► primary here? ─► ensure(): replicated store ─► NBD export ─► nbdfuse + loop + ext4 mount
 *                                             └─► ensureBlock(): replicated store ─► NBD export on its own socket (a VM's disk)
 *
 * The state decides everything: which replicas this node keeps (others are
 * deleted), where a volume is attached, its in-sync set and generation. The
 * node only acts on it, and proposes the changes only it can know of (a
 * replica failed a write; a replica caught up) through its Attachment.
 * Volumes attached nowhere are kept in sync by Keepers (keepers.ts).
 */
import { readdirSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { Periodic, type Clock } from '../../../controller/clock/index.ts'
import type { CommandLog, VolumeRecord } from '../../../controller/state/index.ts'
import type { LinkPacer, LinkPacers, Transport } from '../../network/index.ts'
import type { BlockEndpoint, VolumeAttacher } from '../backend.ts'
import { openSparseFileStore, type SparseFileStore } from '../block/index.ts'
import { VolumeAttachedError, VolumeNotFoundError } from '../errors.ts'
import { VOLUME_ID } from '../volume-id.ts'
import { cleanupStaleMounts, mountVolume } from '../mount/index.ts'
import { NbdServer } from '../nbd/index.ts'
import { openReplicatedBlockStore, ReplicaServer, type ReplicatedBlockStore, type ResyncProgress } from '../replica/index.ts'
import { updateVolume } from '../../../controller/state/index.ts'
import { Attachment } from './attachment.ts'
import { BlockExport } from './block-export.ts'
import { copyStoreFiles } from './copy.ts'
import { VolumeNotPrimaryError } from './errors.ts'
import { Keepers } from './keepers.ts'

/** How often replica sets are looked at besides after each commit (a member's node coming back is not a commit), ms. */
const TEND_EVERY_MS = 2000 // ms
/** How long a detach waits for a clean unmount before undoing the mount lazily, ms. */
const UNMOUNT_WAIT_MS = 10_000 // ms
/** Attempts to open the replicated store, dropping unreachable in-sync members in between. */
const OPEN_ATTEMPTS = 4

export interface GridVolumesComponents {
  log: CommandLog
  transport: Transport
  clock: Clock
  logger: Logger
  /** Whether a node is up as this node's failure detector sees it. */
  isUp: (node: string) => boolean
  nameOf: (node: string) => string
  /** Told of the volume traffic metrics count: acknowledged writes, bytes copied by catch-ups and rebuilds. */
  observer?: VolumeObserver
  /** The node's link pacers, shared with its other transfers (docs/field.md, Transfers); without them, copies go at the ceiling alone. */
  pacers?: LinkPacers
}

/** What GridVolumes tells metrics. */
export interface VolumeObserver {
  /** An acknowledged write of `bytes` took `ms`. */
  written?: (ms: number, bytes: number) => void
  /** A catch-up or rebuild copied `bytes` to a replica. */
  copied?: (bytes: number) => void
}

export interface GridVolumesInit {
  nodeId: string
  /** Replica stores, one directory per volume. */
  dir: string
  /** The NBD socket and the mount chain's work dirs. */
  runDir: string
  /** Where attached volumes' filesystems are mounted, one directory per volume. */
  mountDir: string
  /** The sockets of volumes attached as block devices, one per volume; must be reachable by instances' users. */
  blockDir: string
  /** Ceiling on catch-up and rebuild copying, bytes per second; 0 none. */
  rebuildBytesPerSecond: number
}

/** What `trellis volume describe` shows of this node's part in a volume. */
export interface LocalVolumeView {
  id: string
  attached: boolean
  generation: number
  syncing: ResyncProgress[]
}

export class GridVolumes implements VolumeAttacher {
  readonly kind = 'replicated'
  readonly outlivesDaemon = false
  readonly #c: GridVolumesComponents
  readonly #init: GridVolumesInit
  readonly #log: Logger
  readonly #locals = new Map<string, SparseFileStore>()
  readonly #attached = new Map<string, Attachment>()
  /** Volumes attached nowhere that this node brings in sync as their first live in-sync member. */
  readonly #keepers: Keepers
  readonly #replicas: ReplicaServer
  readonly #nbd: NbdServer
  readonly #socket: string
  #queue: Promise<void> = Promise.resolve()
  readonly #tend: Periodic
  #unsubscribe: (() => void) | undefined
  /** One pacer per peer, shared by every volume copying to it, so they share its estimate and its pace. */
  readonly #pacers: LinkPacers | undefined
  readonly #pacerFor = (node: string): LinkPacer | undefined => this.#pacers?.for(node)
  #stopped = false

  constructor (components: GridVolumesComponents, init: GridVolumesInit) {
    this.#c = components
    this.#init = init
    this.#log = components.logger.child({ component: 'volumes' })
    this.#replicas = new ReplicaServer({ transport: components.transport, logger: this.#log, clock: components.clock })
    this.#nbd = new NbdServer({ logger: this.#log, clock: components.clock })
    this.#socket = join(init.runDir, 'nbd.sock')
    this.#pacers = components.pacers
    this.#keepers = new Keepers({
      log: components.log,
      transport: components.transport,
      logger: this.#log,
      isUp: components.isUp,
      nameOf: components.nameOf,
      now: () => components.clock.now(),
      onCopied: components.observer?.copied,
      pacerFor: this.#pacerFor,
      localOf: id => this.#locals.get(id)
    }, { nodeId: init.nodeId, rebuildBytesPerSecond: init.rebuildBytesPerSecond })
    // Every applied command may change a volume; a burst of them makes one pass.
    this.#tend = new Periodic(
      { clock: components.clock, onError: err => { this.#log.warn({ err }, 'volume pass failed') } },
      { intervalMs: TEND_EVERY_MS, aligned: true, run: async () => { await this.sync() } }
    )
  }

  /** Undoes mounts a crashed daemon left, starts the NBD socket, opens this node's replicas and follows the state. */
  async start (): Promise<void> {
    await mkdir(this.#init.dir, { recursive: true })
    await mkdir(join(this.#init.runDir, 'mounts'), { recursive: true })
    await mkdir(this.#init.mountDir, { recursive: true })
    for (const name of await readdir(join(this.#init.runDir, 'mounts'))) {
      await cleanupStaleMounts(join(this.#init.runDir, 'mounts', name), { logger: this.#log })
    }
    await mkdir(this.#init.blockDir, { recursive: true })
    await rm(this.#socket, { force: true })
    await this.#nbd.listen({ path: this.#socket })
    this.#unsubscribe = this.#c.log.onApplied(() => { this.#tend.poke() })
    await this.sync()
    this.#tend.start()
  }

  /** Brings local replicas and attachments in line with the state; calls are queued, never concurrent. */
  sync (): Promise<void> {
    return this.#serial(async () => { await this.#sync() })
  }

  /** Attaches a volume the state makes this node the primary of: returns where its filesystem is mounted. */
  async ensure (id: string): Promise<{ path: string }> {
    const a = await this.#attach(id, 'mount', async (a, v) => {
      this.#nbd.addExport({ name: id, store: a.store!, generation: a.generation, description: `trellis volume ${id}` })
      a.mount = await mountVolume({ logger: this.#log }, {
        nbd: { path: this.#socket }, exportName: id, workDir: join(this.#init.runDir, 'mounts', id), target: join(this.#init.mountDir, id), sizeBytes: v.sizeBytes
      })
      return { formatted: a.mount.formatted }
    })
    return { path: a.mount!.path }
  }

  /** Attaches a volume the state makes this node the primary of as a block device: its NBD export on a socket of its own. */
  async ensureBlock (id: string, _sizeBytes: number, owner?: { uid: number, gid: number }): Promise<BlockEndpoint> {
    const a = await this.#attach(id, 'block', async a => {
      a.block = await BlockExport.open({ logger: this.#log }, { dir: this.#init.blockDir, id, store: a.store!, generation: a.generation, owner })
      return { socket: a.block.path }
    })
    return { server: { path: a.block!.path }, export: id }
  }

  /** Opens the replicated store of a volume this node is the primary of and hands it to `expose` (mount it, or export it). */
  async #attach (id: string, form: 'mount' | 'block', expose: (a: Attachment, v: VolumeRecord) => Promise<Record<string, unknown>>): Promise<Attachment> {
    if (!this.#c.log.state.volumes.has(id)) throw new VolumeNotFoundError(`volume ${id} is not in the grid's state`)
    return await this.#serial(async () => {
      const existing = this.#attached.get(id)
      if (existing !== undefined && (form === 'mount' ? existing.mount : existing.block) !== undefined) return existing
      if (existing !== undefined) throw new VolumeAttachedError(`volume ${id} is attached here as ${form === 'mount' ? 'a block device' : 'a filesystem'}; detach it first`)
      let v = this.#record(id)
      if (v.primary !== this.#init.nodeId) throw new VolumeNotPrimaryError(`volume ${id} is attached to ${v.primary === '' ? 'no node' : this.#c.nameOf(v.primary)}, not here`)
      const local = await this.#ensureLocal(v)
      const a = new Attachment({ log: this.#c.log, logger: this.#log, isUp: this.#c.isUp, nameOf: this.#c.nameOf, now: () => this.#c.clock.now(), onCopied: this.#c.observer?.copied, pacerFor: this.#pacerFor }, {
        nodeId: this.#init.nodeId, id, generation: v.generation, rebuildBytesPerSecond: this.#init.rebuildBytesPerSecond
      })
      let detail
      try {
        a.store = await this.#open(a, local, v)
        v = this.#record(id)
        detail = await expose(a, v)
      } catch (err) {
        await this.#release(a)
        throw err
      }
      this.#attached.set(id, a)
      this.#log.info({ volume: id, generation: a.generation, inSync: v.inSync, form, ...detail }, 'volume attached')
      await a.tend(v)
      return a
    })
  }

  async detach (id: string): Promise<void> {
    await this.#serial(async () => {
      const a = this.#attached.get(id)
      if (a === undefined) return
      this.#attached.delete(id)
      await this.#release(a)
      this.#log.info({ volume: id }, 'volume detached')
    })
  }

  /** Replicas are deleted when the state drops them, not on the agent's word. */
  async forget (): Promise<void> {}

  /** This node's part in each volume it holds. */
  views (): LocalVolumeView[] {
    return [...this.#locals.entries()].map(([id, store]) => {
      const a = this.#attached.get(id)
      return { id, attached: a?.mount !== undefined || a?.block !== undefined, generation: store.generation, syncing: a?.syncing() ?? [] }
    })
  }

  /** Detaches what is attached, stops serving replicas and closes every store. */
  async stop (): Promise<void> {
    this.#stopped = true
    this.#unsubscribe?.()
    await this.#tend.stop()
    await this.#serial(async () => {
      await this.#keepers.dropAll()
      for (const a of this.#attached.values()) await this.#release(a)
      this.#attached.clear()
      await this.#replicas.close()
      await this.#nbd.close()
      for (const store of this.#locals.values()) await store.close()
      this.#locals.clear()
    })
  }

  async #sync (): Promise<void> {
    if (this.#stopped) return
    const volumes = this.#c.log.state.volumes
    for (const v of volumes.values()) {
      if (!v.members.includes(this.#init.nodeId)) continue
      if (v.copiedFrom !== undefined && v.inSync.length === 0) {
        if (v.members[0] === this.#init.nodeId) await this.#copy(v).catch((err: unknown) => { this.#log.error({ err, volume: v.id }, 'copy could not be made') })
        continue
      }
      await this.#ensureLocal(v).catch((err: unknown) => { this.#log.error({ err, volume: v.id }, 'replica could not be opened') })
    }
    for (const [id, store] of [...this.#locals]) {
      const v = volumes.get(id)
      if ((v !== undefined && v.members.includes(this.#init.nodeId)) || this.#attached.has(id)) continue
      await this.#keepers.drop(id)
      // No longer a member: the in-sync set lives elsewhere, so this copy is only in the way.
      this.#replicas.removeVolume(id)
      this.#locals.delete(id)
      await store.close().catch(() => {})
      await rm(join(this.#init.dir, id), { recursive: true, force: true })
      this.#log.info({ volume: id }, v === undefined ? 'volume deleted: replica removed' : 'no longer a member: replica removed')
    }
    await this.#sweepStrays()
    for (const a of this.#attached.values()) {
      const v = volumes.get(a.id)
      if (v !== undefined) await a.tend(v)
    }
    await this.#keepers.keep()
  }

  /**
   * Removes replica directories this node never opened and the state gives
   * it no part in: a node that restarts after its replica was replaced may
   * apply the replacement before it ever opens the replica. Its state may
   * still be behind the grid's, and a newer one may have made this copy the
   * only one in sync, so nothing goes before a read barrier has caught the
   * state up; without a quorum the directories stay until the next pass.
   * The listing is read synchronously, as the log keeper reads its own
   * (logs/keeper.ts): a few µs on the node's own disk, where the thread pool
   * would wake a worker and then the loop again every pass, idle or not.
   */
  async #sweepStrays (): Promise<void> {
    const onDisk = readdirSync(this.#init.dir, { withFileTypes: true })
      .filter(e => e.isDirectory() && VOLUME_ID.test(e.name) && !e.name.endsWith('.copying')).map(e => e.name)
    const strays = (): string[] => onDisk.filter(id => !this.#locals.has(id) && !this.#attached.has(id) &&
      !(this.#c.log.state.volumes.get(id)?.members.includes(this.#init.nodeId) ?? false))
    if (strays().length === 0) return
    try {
      await this.#c.log.readBarrier?.()
    } catch (err) {
      this.#log.debug({ err }, 'replicas this node has no part in stay until the state can be brought up to date')
      return
    }
    for (const id of strays()) {
      await rm(join(this.#init.dir, id), { recursive: true, force: true })
      this.#log.info({ volume: id }, this.#c.log.state.volumes.has(id) ? 'not a member: leftover replica removed' : 'volume deleted: leftover replica removed')
    }
  }

  /**
   * Makes a snapshot or a clone's volume on the node holding the source: the
   * source is held still (its primary's changes wait) while its files are
   * copied, then this node joins the new volume's in-sync set by a commit.
   */
  async #copy (v: VolumeRecord): Promise<void> {
    const source = v.copiedFrom === undefined ? undefined : this.#locals.get(v.copiedFrom)
    if (source === undefined || this.#locals.has(v.id)) return
    const attached = this.#attached.get(v.copiedFrom!)?.store
    const copy = async (): Promise<void> => {
      // Not flush(): that may leave changed checksums to the activity log; the copy's table should agree with its data.
      await source.checkpoint()
      await copyStoreFiles(join(this.#init.dir, v.copiedFrom!), join(this.#init.dir, v.id))
    }
    if (attached !== undefined) await attached.exclusive(copy)
    else await copy()
    await this.#ensureLocal(v)
    const result = await this.#c.log.propose(updateVolume(v.id, v.generation, { addInSync: [this.#init.nodeId] }, `copied from ${v.copiedFrom!}`))
    this.#log.info({ volume: v.id, from: v.copiedFrom, applied: result.kind === 'volume-updated' && result.applied }, 'volume copy made')
  }

  async #ensureLocal (v: VolumeRecord): Promise<SparseFileStore> {
    let store = this.#locals.get(v.id)
    if (store === undefined) {
      store = await openSparseFileStore({ logger: this.#log }, { dir: join(this.#init.dir, v.id), size: v.sizeBytes })
      this.#locals.set(v.id, store)
      this.#replicas.addVolume(v.id, store)
    }
    return store
  }

  /**
   * Opens the replicated store at the record's generation. An in-sync member
   * that cannot be reached (its node is down) is dropped by a commit first:
   * that is the grid releasing a dead node's claim, not waiting for it.
   */
  async #open (a: Attachment, local: SparseFileStore, first: VolumeRecord): Promise<ReplicatedBlockStore> {
    let v = first
    for (let attempt = 1; ; attempt++) {
      try {
        return await openReplicatedBlockStore(
          { local, transport: this.#c.transport, logger: this.#log, dropReplica: a.dropReplica, observeWrite: this.#c.observer?.written },
          { volume: v.id, inSync: v.inSync, generation: a.generation, ownsLocal: false })
      } catch (err) {
        const nodes = (err as { nodes?: unknown }).nodes
        if (attempt >= OPEN_ATTEMPTS || !Array.isArray(nodes) || nodes.length === 0) throw err
        await a.propose({ removeInSync: nodes as string[] }, `unreachable at attach: ${(nodes as string[]).map(this.#c.nameOf).join(', ')}`)
        v = this.#record(v.id)
      }
    }
  }

  async #release (a: Attachment): Promise<void> {
    a.close()
    if (a.mount !== undefined) {
      const unmounted = a.mount.unmount().then(() => true, (err: unknown) => { this.#log.error({ err, volume: a.id }, 'unmount failed'); return false })
      const wait = new AbortController()
      const timer = this.#c.clock.sleep(UNMOUNT_WAIT_MS, wait.signal).then(() => false, () => false)
      // A filesystem that cannot flush (its replicas unreachable) is let go lazily rather than wait forever.
      const clean = await Promise.race([unmounted, timer])
      wait.abort()
      if (!clean) {
        await cleanupStaleMounts(join(this.#init.runDir, 'mounts', a.id), { logger: this.#log }).catch((err: unknown) => {
          this.#log.error({ err, volume: a.id }, 'the mount could not be undone')
        })
      }
    }
    await a.block?.close().catch((err: unknown) => { this.#log.error({ err, volume: a.id }, 'block export did not close cleanly') })
    this.#nbd.removeExport(a.id)
    await a.store?.close().catch(() => {})
  }

  #record (id: string): VolumeRecord {
    const v = this.#c.log.state.volumes.get(id)
    if (v === undefined) throw new VolumeNotFoundError(`volume ${id} is not in the grid's state`)
    return v
  }

  #serial<T> (fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn)
    this.#queue = run.then(() => {}, () => {})
    return run
  }
}
