import type { Logger } from 'pino'
import type { Transport } from '../../network/index.ts'
import type { BlockChecksums, BlockStore, BlockStoreStats, ChangeOptions, ZeroOptions } from '../block/index.ts'
import { BlockAlignmentError, BlockRangeError, VolumeFencedError } from '../block/index.ts'
import { ReplicaClient, type RequestFields } from './client.ts'
import { ReplicaClosedError, ReplicaUnavailableError } from './errors.ts'
import { OverlapQueue } from './ordering.ts'
import { MAX_WRITE, Op } from './wire.ts'

/** Default milliseconds a replica may take to answer before it counts as failed. */
export const DEFAULT_REPLICA_TIMEOUT = 5000 // ms

/** What a ReplicatedBlockStore uses. */
export interface ReplicatedBlockStoreComponents {
  /** The primary's own copy; reads are served from it. Closed with the replicated store. */
  local: BlockStore
  transport: Transport
  logger: Logger
  /**
   * Told about each in-sync member that failed a change. The owner proposes a
   * smaller in-sync set to Raft and, once committed, calls setInSync; until
   * then every change keeps failing, which is what keeps the ack rule honest.
   */
  onReplicaFailed?: (node: string, err: Error) => void
}

/** Which volume, and the in-sync set and generation committed for it. */
export interface ReplicatedBlockStoreInit {
  volume: string
  /** Nodes holding in-sync replicas, besides this one (it is skipped if listed). */
  inSync: string[]
  /** The volume generation of this attachment. */
  generation: number
  timeoutMs?: number
}

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
 * store and to each in-sync replica in parallel and resolves only when all of
 * them resolved it (each persisted it, fdatasync'd when FUA; flush flushes
 * all). A member that fails or times out fails the change with
 * ERR_REPLICA_UNAVAILABLE and is reported through onReplicaFailed. A replica
 * that answers ERR_VOLUME_FENCED proves a newer primary exists: this store
 * fences itself and refuses every later change. Reads are local.
 */
export class ReplicatedBlockStore implements BlockStore {
  readonly #local: BlockStore
  readonly #transport: Transport
  readonly #components: ReplicatedBlockStoreComponents
  readonly #log: Logger
  readonly #volume: string
  readonly #timeoutMs: number
  readonly #order = new OverlapQueue()
  #clients = new Map<string, ReplicaClient>()
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
    this.#log = components.logger.child({ component: 'replicated-volume', volume: init.volume })
  }

  get size (): number { return this.#local.size }
  get minBlockSize (): number { return this.#local.minBlockSize }
  get preferredBlockSize (): number { return this.#local.preferredBlockSize }
  get generation (): number { return this.#local.generation }
  get readOnly (): boolean { return this.#local.readOnly || this.#fenced !== undefined }
  /** The in-sync replicas changes are mirrored to now. */
  get inSync (): string[] { return [...this.#clients.keys()] }
  /** Whether a newer generation was seen, so this primary refuses every change. */
  get fenced (): boolean { return this.#fenced !== undefined }

  /**
   * Replaces the in-sync set after a Raft commit. Fences the local copy at
   * `generation` and says hello to each member (fencing older primaries there);
   * a member that does not answer is reported and fails the call.
   */
  async setInSync (nodes: string[], generation: number): Promise<void> {
    this.#usable()
    if (!Number.isSafeInteger(generation) || generation < this.#generation) throw new VolumeFencedError(generation, this.#generation)
    if (generation > this.#local.generation) await this.#local.fence(generation)
    const wanted = new Set(nodes.filter(n => n !== this.#transport.nodeId))
    const next = new Map<string, ReplicaClient>()
    for (const [node, client] of this.#clients) {
      // A new generation needs a new hello, so every stream is remade then.
      if (wanted.has(node) && generation === this.#generation) next.set(node, client)
      else void client.close()
    }
    this.#generation = generation
    const geometry = { size: this.size, minBlockSize: this.minBlockSize, preferredBlockSize: this.preferredBlockSize }
    for (const node of wanted) {
      if (!next.has(node)) next.set(node, new ReplicaClient(this.#components, { node, volume: this.#volume, generation, timeoutMs: this.#timeoutMs, expect: geometry }))
    }
    this.#clients = next
    this.#log.info({ inSync: [...wanted], generation }, 'in-sync set changed')
    await this.#all(() => Promise.resolve(), async c => { await c.connect() })
  }

  async read (offset: number, length: number): Promise<Buffer> {
    return await this.#local.read(offset, length)
  }

  async checksums (offset: number, length: number): Promise<BlockChecksums> {
    return await this.#local.checksums(offset, length)
  }

  stats (): BlockStoreStats {
    return this.#local.stats()
  }

  async write (offset: number, data: Uint8Array, options: ChangeOptions): Promise<void> {
    this.#check(offset, data.byteLength)
    await this.#order.run(offset, data.byteLength, async () => {
      await this.#all(
        async () => { await this.#local.write(offset, data, options) },
        async c => {
          // Split so no frame exceeds MAX_WRITE; the pieces are disjoint, so their order does not matter.
          const parts: Array<Promise<unknown>> = []
          let at = 0
          do {
            const payload = data.subarray(at, Math.min(at + MAX_WRITE, data.byteLength))
            parts.push(c.request({ op: Op.write, generation: options.generation, offset: offset + at, fua: options.fua, payload }))
            at += MAX_WRITE
          } while (at < data.byteLength)
          await Promise.all(parts)
        })
    })
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
    await this.#all(async () => { await this.#local.flush() }, async c => { await c.request({ op: Op.flush, generation: this.#generation }) })
  }

  async fence (generation: number): Promise<void> {
    this.#usable()
    await this.#local.fence(generation)
  }

  /** Closes the replica streams and the local store; the same promise however often called. */
  close (): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.all([...this.#clients.values()].map(async c => { await c.close() }))
      this.#clients.clear()
      await this.#local.close()
    })()
    return this.#closing
  }

  async #ranged (offset: number, length: number, fields: RequestFields, local: () => Promise<void>): Promise<void> {
    await this.#order.run(offset, length, async () => {
      await this.#all(local, async c => { await c.request({ ...fields, offset, length }) })
    })
  }

  /**
   * Runs a change on the local store and every in-sync member in parallel and
   * applies the ack rule: all must succeed. The local error wins (it is the
   * one the client can act on); then a fenced member fences us; then failed
   * members are reported and named.
   */
  async #all (local: () => Promise<void>, remote: (c: ReplicaClient) => Promise<void>): Promise<void> {
    const members = [...this.#clients.values()]
    const [mine, ...theirs] = await Promise.allSettled([local(), ...members.map(remote)])
    if (mine?.status === 'rejected') {
      if (isFenced(mine.reason)) this.#fenceSelf(mine.reason)
      throw mine.reason
    }
    const failed: Array<{ node: string, err: Error }> = []
    theirs.forEach((r, i) => {
      if (r.status === 'rejected') failed.push({ node: members[i]?.node ?? '?', err: r.reason as Error })
    })
    const fenced = failed.find(f => isFenced(f.err))
    if (fenced !== undefined) {
      this.#fenceSelf(fenced.err as VolumeFencedError)
      throw this.#fenced
    }
    if (failed.length === 0) return
    for (const { node, err } of failed) {
      this.#log.warn({ replica: node, err }, 'in-sync replica failed a change')
      try { this.#components.onReplicaFailed?.(node, err) } catch (e) { this.#log.error({ err: e }, 'onReplicaFailed threw') }
    }
    throw new ReplicaUnavailableError(failed.map(f => f.node), { cause: failed[0]?.err })
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
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > this.size) throw new BlockRangeError()
    if (offset % this.minBlockSize !== 0 || length % this.minBlockSize !== 0) throw new BlockAlignmentError()
  }
}

function isFenced (err: unknown): err is VolumeFencedError {
  return (err as { code?: unknown } | undefined)?.code === 'ERR_VOLUME_FENCED'
}
