import type { Logger } from 'pino'
import type { Transport } from '../../network/index.ts'
import type { BlockChecksums, BlockStore, BlockStoreStats, ChangeOptions, ZeroOptions } from '../block/index.ts'
import { checkRange, VolumeFencedError } from '../block/index.ts'
import { ReplicaClient, type RequestFields } from './client.ts'
import { ReplicaClosedError, ReplicaUnavailableError, ResyncAbortedError, ResyncConflictError } from './errors.ts'
import { OverlapQueue } from './ordering.ts'
import {
  resyncSettings, walkResync, type ResyncOptions, type ResyncProgress, type ResyncResult, type ResyncWalk, type SyncJob
} from './resync.ts'
import { RealClock } from '../../../controller/clock/index.ts'
import { TokenBucket, type ThrottleClock } from './throttle.ts'
import { MAX_WRITE, Op } from './wire.ts'
import { EarlySyncs } from './early-syncs.ts'
import type { Member, ReplicatedBlockStoreComponents, ReplicatedBlockStoreInit } from './replicated-store-types.ts'

export type { ReplicatedBlockStoreComponents, ReplicatedBlockStoreInit } from './replicated-store-types.ts'

/** Default milliseconds a replica may take to answer before it counts as failed. */
export const DEFAULT_REPLICA_TIMEOUT = 5000 // ms
/**
 * Largest write that asks the replicas for a sync soon when it is the only
 * change in flight: a database's commit (a WAL page or a few, then a flush)
 * looks like that; a copy's or a busy server's writes do not, and would make
 * every replica sync far more often than its primary is flushed.
 */
const SYNC_SOON_MAX = 64 * 1024 // bytes

/** Opens a replicated store: fences the local copy and says hello to every in-sync replica at init.generation. */
export async function openReplicatedBlockStore (components: ReplicatedBlockStoreComponents, init: ReplicatedBlockStoreInit): Promise<ReplicatedBlockStore> {
  const store = new ReplicatedBlockStore(components, init)
  try {
    await store.setInSync(init.inSync, init.generation)
  } catch (err) {
    await store.close()
    throw err
  }
  return store
}

/**
 * The primary's view of a replicated volume. Every change goes to the local
 * store and to each member (in-sync, or syncing during a resync) in parallel
 * and resolves only when all of them resolved it (each persisted it,
 * fdatasync'd when FUA; flush flushes all). A member that fails or times out
 * is handed to dropReplica; the change is acknowledged only once the owner has
 * committed an in-sync set without it, else it fails with
 * ERR_REPLICA_UNAVAILABLE. A replica that answers ERR_VOLUME_FENCED proves a
 * newer primary exists: this store fences itself and refuses every later
 * change. Reads are local.
 */
export class ReplicatedBlockStore implements BlockStore {
  readonly #local: BlockStore
  readonly #transport: Transport
  readonly #components: ReplicatedBlockStoreComponents
  readonly #log: Logger
  readonly #volume: string
  readonly #timeoutMs: number
  readonly #ownsLocal: boolean
  readonly #clock: ThrottleClock
  readonly #order = new OverlapQueue()
  /** Writes under way, for the sync-soon rule (SYNC_SOON_MAX). */
  #writing = 0
  /** The local store's own sync soon, beside its replicas'. */
  readonly #early: EarlySyncs
  #members = new Map<string, Member>()
  /** dropReplica calls under way, by node, so concurrent failures share one. */
  readonly #drops = new Map<string, Promise<void>>()
  #generation: number
  #fenced?: VolumeFencedError
  #closing?: Promise<void>

  constructor (components: ReplicatedBlockStoreComponents, init: ReplicatedBlockStoreInit) {
    this.#components = components
    this.#local = components.local
    this.#transport = components.transport
    this.#volume = init.volume
    this.#generation = init.generation
    this.#timeoutMs = init.timeoutMs ?? DEFAULT_REPLICA_TIMEOUT
    this.#ownsLocal = init.ownsLocal ?? true
    this.#clock = components.clock ?? new RealClock()
    this.#log = components.logger.child({ component: 'replicated-volume', volume: init.volume })
    this.#early = new EarlySyncs(async () => { await this.#local.flush() })
  }

  get size (): number { return this.#local.size }
  get minBlockSize (): number { return this.#local.minBlockSize }
  get preferredBlockSize (): number { return this.#local.preferredBlockSize }
  get generation (): number { return this.#local.generation }
  get readOnly (): boolean { return this.#local.readOnly || this.#fenced !== undefined }
  /** The in-sync replicas changes are mirrored to now (syncing members are not listed). */
  get inSync (): string[] { return [...this.#members.values()].filter(m => !m.syncing).map(m => m.node) }
  /** Whether a newer generation was seen, so this primary refuses every change. */
  get fenced (): boolean { return this.#fenced !== undefined }

  /** Progress of each syncing member, including those whose copy finished and await setInSync. */
  syncing (): ResyncProgress[] {
    const out: ResyncProgress[] = []
    for (const m of this.#members.values()) if (m.syncing && m.job !== undefined) out.push({ ...m.job.progress })
    return out
  }

  /**
   * Replaces the in-sync set after a Raft commit. Fences the local copy at
   * `generation` and says hello to each member (fencing older primaries there);
   * a member that does not answer fails the call (the owner decides what next).
   * At the same generation a syncing member that is listed becomes in-sync on
   * its open stream; one that is not is dropped and its resync rejected. A
   * higher generation remakes every stream and drops every syncing member.
   */
  async setInSync (nodes: string[], generation: number): Promise<void> {
    this.#usable()
    if (!Number.isSafeInteger(generation) || generation < this.#generation) throw new VolumeFencedError(generation, this.#generation)
    if (generation > this.#local.generation) await this.#local.fence(generation)
    const wanted = new Set(nodes.filter(n => n !== this.#transport.nodeId))
    const next = new Map<string, Member>()
    for (const m of this.#members.values()) {
      if (!wanted.has(m.node)) this.#release(m, 'it is not in the committed in-sync set')
      // A new generation needs a new hello, so every stream is remade then.
      else if (generation !== this.#generation) this.#retire(m, `generation ${generation} replaced ${this.#generation}`)
      else {
        if (m.syncing) { m.syncing = false; m.job?.detach() }
        next.set(m.node, m)
      }
    }
    this.#generation = generation
    for (const node of wanted) if (!next.has(node)) next.set(node, this.#member(node, false))
    this.#members = next
    this.#log.info({ inSync: [...wanted], generation }, 'in-sync set changed')
    await this.#all(() => Promise.resolve(), async c => { await c.connect() }, false)
  }

  /**
   * Makes `node` a syncing member and copies to it every block whose checksum
   * differs from the local one (see walkResync). From the call on, every
   * change is mirrored to it and needs it for the ack, so once the copy
   * resolves the node is equal and stays equal; it remains syncing until
   * setInSync lists it. Rejects with ERR_RESYNC_ABORTED when the node fails,
   * leaves, the store closes or the signal aborts first.
   */
  async resync (node: string, options: ResyncOptions = {}): Promise<ResyncResult> {
    this.#usable()
    const existing = this.#members.get(node)
    if (node === this.#transport.nodeId) throw new ResyncConflictError(node, 'it is this primary')
    if (existing !== undefined) throw new ResyncConflictError(node, existing.syncing ? 'it is already syncing' : 'it is already in sync')
    const { bytesPerSecond, chunkBytes } = resyncSettings(options, this.preferredBlockSize)
    const { signal } = options
    if (signal?.aborted === true) throw new ResyncAbortedError(node, 'aborted by its caller', { cause: signal.reason })

    const m = this.#member(node, true)
    const onAbort = (): void => { this.#release(m, 'aborted by its caller') }
    signal?.addEventListener('abort', onAbort, { once: true })
    const progress: ResyncProgress = { node, comparedBytes: 0, totalBytes: this.size, copiedBytes: 0, startedAt: this.#clock.now() }
    const job: SyncJob = { progress, controller: new AbortController(), done: Promise.resolve(), detach: () => { signal?.removeEventListener('abort', onAbort) } }
    m.job = job
    // Added before anything is awaited: every change from now on is mirrored to it.
    this.#members.set(node, m)
    const pacer = options.pacer
    this.#log.info({ replica: node, chunkBytes, ...(pacer === undefined ? { bytesPerSecond } : { paced: pacer.view() }) }, 'resync started')
    const walk = this.#walk(m, job, {
      local: this.#local,
      client: m.client,
      order: this.#order,
      generation: this.#generation,
      chunkBytes,
      bucket: bytesPerSecond === 0 || pacer !== undefined ? undefined : new TokenBucket(this.#clock, { bytesPerSecond, burst: chunkBytes }),
      pacer,
      signal: job.controller.signal,
      progress,
      now: this.#clock.now,
      onCopied: options.onCopied
    })
    job.done = walk.then(() => {}, () => {})
    return await walk
  }

  async read (offset: number, length: number, into?: Buffer): Promise<Buffer> {
    return await this.#local.read(offset, length, into)
  }

  async checksums (offset: number, length: number): Promise<BlockChecksums> {
    return await this.#local.checksums(offset, length)
  }

  stats (): BlockStoreStats {
    return this.#local.stats()
  }

  /**
   * Written with promises joined by hand rather than async steps: a 4 KiB
   * write passed a dozen of them, about 18 KB of objects a write, and the
   * primary's collector took a quarter of its time under random writes.
   */
  write (offset: number, data: Uint8Array, options: ChangeOptions): Promise<void> {
    try {
      this.#check(offset, data.byteLength)
    } catch (err) {
      return Promise.reject(err)
    }
    const started = performance.now()
    this.#writing++
    const { turn, ready } = this.#order.enter(offset, data.byteLength)
    const mirrored = ready === undefined ? this.#mirror(offset, data, options) : ready.then(() => this.#mirror(offset, data, options))
    return mirrored.then(() => {
      this.#order.leave(turn)
      this.#writing--
      this.#components.observeWrite?.(performance.now() - started, data.byteLength)
    }, (err: unknown) => {
      this.#order.leave(turn)
      this.#writing--
      throw err
    })
  }

  /** A write on the local store and every member, under the ack rule (#all); its turn in the order has come. */
  #mirror (offset: number, data: Uint8Array, options: ChangeOptions): Promise<void> {
    // A lone small write is likely a commit about to be flushed: the replicas sync once they answered it, so the flush need not cross to them (ReplicaClient.flush).
    const syncSoon = this.#writing === 1 && options.fua !== true && data.byteLength <= SYNC_SOON_MAX
    return this.#all(
      () => this.#local.write(offset, data, options).then(() => {
        this.#early.count()
        if (syncSoon) this.#early.soon()
      }),
      c => sendWrite(c, offset, data, options, syncSoon))
  }

  async writeZeroes (offset: number, length: number, options: ZeroOptions): Promise<void> {
    this.#check(offset, length)
    await this.#ranged(offset, length, { op: Op.writeZeroes, generation: options.generation, fua: options.fua, noHole: options.noHole },
      async () => { await this.#local.writeZeroes(offset, length, options) })
  }

  async trim (offset: number, length: number, options: ChangeOptions): Promise<void> {
    this.#check(offset, length)
    await this.#ranged(offset, length, { op: Op.trim, generation: options.generation, fua: options.fua },
      async () => { await this.#local.trim(offset, length, options) })
  }

  async flush (): Promise<void> {
    this.#usable()
    await this.#all(async () => { await this.#early.flush() }, async c => { await c.flush(this.#generation) })
  }

  async fence (generation: number): Promise<void> {
    this.#usable()
    await this.#local.fence(generation)
  }

  /**
   * Runs fn once every change under way has been answered by all members,
   * and holds every later change (and resync chunk) until it settles, so the
   * local files stand still for it (a snapshot copies them). Reads and flush go on.
   */
  async exclusive<T> (fn: () => Promise<T>): Promise<T> {
    this.#usable()
    return await this.#order.run(0, this.size, fn)
  }

  /** Stops resyncs, closes the replica streams and (when it owns it) the local store; the same promise however often called. */
  close (): Promise<void> {
    this.#closing ??= (async () => {
      this.#early.stop()
      const members = [...this.#members.values()]
      this.#members.clear()
      for (const m of members) this.#retire(m, 'the replicated store closed')
      // A walk may be reading the local store: let it stop before the store closes under it.
      await Promise.all(members.map(async m => { await m.client.close(); await m.job?.done }))
      if (this.#ownsLocal) await this.#local.close()
    })()
    return this.#closing
  }

  async #walk (m: Member, job: SyncJob, walk: ResyncWalk): Promise<ResyncResult> {
    try {
      const result = await walkResync(walk)
      this.#log.info({ ...result, ...(walk.pacer === undefined ? {} : { paced: walk.pacer.view() }) }, 'resync copied what differed')
      return result
    } catch (err) {
      const { signal } = job.controller
      if (signal.aborted) throw signal.reason
      if (isFenced(err)) {
        this.#fenceSelf(err)
        this.#release(m, 'a newer generation exists')
        throw this.#fenced
      }
      this.#log.warn({ replica: m.node, err }, 'resync failed')
      // It was never in a committed in-sync set, so nothing needs it any more; a member listed meanwhile stays (its failures go to dropReplica).
      if (m.syncing) this.#release(m, 'the copy failed')
      throw new ResyncAbortedError(m.node, `the copy failed: ${(err as Error).message}`, { cause: err })
    }
  }

  #member (node: string, syncing: boolean): Member {
    const geometry = { size: this.size, minBlockSize: this.minBlockSize, preferredBlockSize: this.preferredBlockSize }
    const client = new ReplicaClient(this.#components, { node, volume: this.#volume, generation: this.#generation, timeoutMs: this.#timeoutMs, expect: geometry })
    return { node, client, syncing, released: false }
  }

  /** Removes a member no committed in-sync set needs, so changes it failed may still be acknowledged. */
  #release (m: Member, reason: string): void {
    m.released = true
    this.#retire(m, reason)
  }

  /** Removes a member and closes its stream; a resync of it stops with `reason`. */
  #retire (m: Member, reason: string): void {
    if (this.#members.get(m.node) === m) this.#members.delete(m.node)
    m.syncing = false
    if (m.job !== undefined) {
      m.job.detach()
      if (!m.job.controller.signal.aborted) m.job.controller.abort(new ResyncAbortedError(m.node, reason))
    }
    void m.client.close()
  }

  async #ranged (offset: number, length: number, fields: RequestFields, local: () => Promise<void>): Promise<void> {
    await this.#order.run(offset, length, async () => {
      await this.#all(async () => { await local(); this.#early.count() }, async c => { await c.request({ ...fields, offset, length }) })
    })
  }

  /**
   * Runs a change on the local store and every member in parallel; resolves
   * once all resolved it, and when one failed applies the ack rule once all
   * settled. Joined by hand, with no async step of its own: every write
   * passes here.
   */
  #all (local: () => Promise<void>, remote: (c: ReplicaClient) => Promise<unknown>, drop = true): Promise<void> {
    const members = [...this.#members.values()]
    // The members' requests go out first: the local part (a write's CRCs, its submission to the disk) would
    // otherwise hold a lone request back from the wire while the members sit idle.
    const theirs = members.map(m => remote(m.client))
    let mine: Promise<void>
    try {
      mine = local()
    } catch (err) {
      mine = Promise.reject(err)
    }
    const all = theirs.length === 0 ? mine : Promise.all([mine, ...theirs])
    return all.then(nothing, async () => { await this.#ackRule(members, mine, theirs, drop) })
  }

  /**
   * The ack rule, once a change failed somewhere: all must succeed, or the
   * failed ones must be out of the committed in-sync set. The local error
   * wins (it is the one the client can act on); then a fenced member fences
   * us; then each failed member is handed to dropReplica (when `drop`), and
   * the change succeeds only if every drop did — local and every remaining
   * member have it.
   */
  async #ackRule (members: Member[], local: Promise<void>, remote: Array<Promise<unknown>>, drop: boolean): Promise<void> {
    const [mine, ...theirs] = await Promise.allSettled([local, ...remote])
    if (mine?.status === 'rejected') {
      if (isFenced(mine.reason)) this.#fenceSelf(mine.reason)
      throw mine.reason
    }
    const failed: Array<{ member: Member, err: Error }> = []
    theirs.forEach((r, i) => {
      const member = members[i]
      if (r.status === 'rejected' && member !== undefined) failed.push({ member, err: r.reason as Error })
    })
    const fenced = failed.find(f => isFenced(f.err))
    if (fenced !== undefined) {
      this.#fenceSelf(fenced.err as VolumeFencedError)
      throw this.#fenced
    }
    const lost = failed.filter(f => !f.member.released)
    if (lost.length === 0) return
    const nodes = lost.map(f => f.member.node)
    for (const { member, err } of lost) this.#log.warn({ replica: member.node, syncing: member.syncing, err }, 'replica failed a change')
    if (this.#closing !== undefined) throw new ReplicaClosedError()
    const dropReplica = this.#components.dropReplica
    // A member already replaced (by a new generation) cannot be dropped: it simply did not persist this change.
    if (!drop || dropReplica === undefined || lost.some(f => this.#members.get(f.member.node) !== f.member)) {
      throw new ReplicaUnavailableError(nodes, { cause: lost[0]?.err })
    }
    const drops = await Promise.allSettled(lost.map(async f => { await this.#drop(f.member, f.err, dropReplica) }))
    // A member released meanwhile (setInSync without it) needs no drop of its own.
    const refused = drops.find((d, i) => d.status === 'rejected' && lost[i]?.member.released !== true)
    if (refused?.status === 'rejected') throw new ReplicaUnavailableError(nodes, { cause: refused.reason })
  }

  /** Asks the owner to drop a failed member (one call per node at a time) and releases it once a committed set lacks it. */
  async #drop (m: Member, err: Error, dropReplica: (node: string, err: Error) => Promise<void>): Promise<void> {
    let pending = this.#drops.get(m.node)
    if (pending === undefined) {
      this.#log.warn({ replica: m.node }, 'asking the owner to drop a failed replica from the in-sync set')
      const call: Promise<void> = Promise.resolve()
        .then(async () => { await dropReplica(m.node, err) })
        .finally(() => { if (this.#drops.get(m.node) === call) this.#drops.delete(m.node) })
      this.#drops.set(m.node, call)
      pending = call
    }
    await pending
    this.#release(m, 'it was dropped from the in-sync set')
  }

  #fenceSelf (err: VolumeFencedError): void {
    if (this.#fenced !== undefined) return
    this.#fenced = new VolumeFencedError(err.generation, err.highest, { cause: err })
    this.#log.warn({ generation: err.generation, highest: err.highest }, 'a newer generation exists: this primary is fenced')
  }

  #usable (): void {
    if (this.#closing !== undefined) throw new ReplicaClosedError()
    if (this.#fenced !== undefined) throw this.#fenced
  }

  /** Refuses a bad range before anything is sent, so no replica ever sees a request the primary would refuse. */
  #check (offset: number, length: number): void {
    this.#usable()
    checkRange(offset, length, this.size, this.minBlockSize)
  }
}

function nothing (): void {}

/** A write's request to one member: one frame when it fits (no array of pieces to await), else split so none exceeds MAX_WRITE. */
function sendWrite (c: ReplicaClient, offset: number, data: Uint8Array, options: ChangeOptions, syncSoon: boolean): Promise<unknown> {
  const piece = (at: number, payload: Uint8Array): Promise<unknown> =>
    c.request({ op: Op.write, generation: options.generation, offset: offset + at, fua: options.fua, syncSoon, payload })
  if (data.byteLength <= MAX_WRITE) return piece(0, data)
  // The pieces are disjoint, so their order does not matter.
  const parts: Array<Promise<unknown>> = []
  for (let at = 0; at < data.byteLength; at += MAX_WRITE) parts.push(piece(at, data.subarray(at, at + MAX_WRITE)))
  return Promise.all(parts)
}

function isFenced (err: unknown): err is VolumeFencedError {
  return (err as { code?: unknown } | undefined)?.code === 'ERR_VOLUME_FENCED'
}
