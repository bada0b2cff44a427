import type { Test } from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { LoopbackNetwork, LoopbackTransport } from '../../../../daemon/network/index.ts'
import { openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import type { BlockChecksums, BlockStore, BlockStoreStats, ChangeOptions, ZeroOptions } from '../../../../daemon/volumes/block/index.ts'
import {
  ReplicaServer, openReplicatedBlockStore,
  type ReplicatedBlockStore, type ReplicatedBlockStoreComponents, type ReplicatedBlockStoreInit
} from '../../../../daemon/volumes/replica/index.ts'

export const KiB = 1024 // bytes
export const MiB = 1024 * KiB // bytes
export const VOLUME = 'vol-1'
export const logger = pino({ level: 'silent' })

/** Passes everything to a store and counts the FUA writes and flushes that reach it. */
export class CountingStore implements BlockStore {
  readonly inner: BlockStore
  fuaChanges = 0
  flushes = 0
  constructor (inner: BlockStore) { this.inner = inner }
  get size (): number { return this.inner.size }
  get minBlockSize (): number { return this.inner.minBlockSize }
  get preferredBlockSize (): number { return this.inner.preferredBlockSize }
  get generation (): number { return this.inner.generation }
  get readOnly (): boolean { return this.inner.readOnly }
  async read (offset: number, length: number, into?: Buffer): Promise<Buffer> { return await this.inner.read(offset, length, into) }
  async write (offset: number, data: Uint8Array, o: ChangeOptions): Promise<void> { if (o.fua === true) this.fuaChanges++; await this.inner.write(offset, data, o) }
  async writeZeroes (offset: number, length: number, o: ZeroOptions): Promise<void> { if (o.fua === true) this.fuaChanges++; await this.inner.writeZeroes(offset, length, o) }
  async trim (offset: number, length: number, o: ChangeOptions): Promise<void> { if (o.fua === true) this.fuaChanges++; await this.inner.trim(offset, length, o) }
  async flush (): Promise<void> { this.flushes++; await this.inner.flush() }
  async fence (generation: number): Promise<void> { await this.inner.fence(generation) }
  async checksums (offset: number, length: number): Promise<BlockChecksums> { return await this.inner.checksums(offset, length) }
  stats (): BlockStoreStats { return this.inner.stats() }
  async close (): Promise<void> { await this.inner.close() }
}

export interface Node {
  id: string
  transport: LoopbackTransport
  store: CountingStore
  server: ReplicaServer
}

/** The components a test may set on a primary; the rest come from its node. */
export type PrimaryComponents = Partial<Pick<ReplicatedBlockStoreComponents, 'dropReplica' | 'clock'>>

export interface Cluster {
  network: LoopbackNetwork
  nodes: Record<string, Node>
  /** Opens a primary on `on` over its own store; closed at teardown. */
  primary: (on: string, init: Partial<ReplicatedBlockStoreInit>, components?: PrimaryComponents) => Promise<ReplicatedBlockStore>
}

/** Nodes on a loopback network, each holding a replica of VOLUME in a temp dir (checksum blocks from blockSizes, else the default) and serving it; all closed and removed at teardown. */
export async function cluster (t: Test, ids = ['a', 'b', 'c'], size = 16 * MiB, blockSizes: Record<string, number> = {}): Promise<Cluster> {
  const root = await mkdtemp(join(tmpdir(), 'trellis-replica-'))
  const network = new LoopbackNetwork()
  const nodes: Record<string, Node> = {}
  const primaries: ReplicatedBlockStore[] = []
  t.teardown(async () => {
    // A close that fails (a test that broke a store on purpose, or failed) must not leave the temp dir behind.
    try {
      for (const p of primaries) await p.close()
      for (const n of Object.values(nodes)) {
        await n.server.close()
        await n.store.close()
        await n.transport.close()
      }
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
  for (const id of ids) {
    const transport = new LoopbackTransport({ network }, { nodeId: id })
    const store = new CountingStore(await openSparseFileStore({}, { dir: join(root, id), size, blockSize: blockSizes[id] }))
    const server = new ReplicaServer({ transport, logger }, { volumes: new Map([[VOLUME, store]]) })
    nodes[id] = { id, transport, store, server }
  }
  const primary = async (on: string, init: Partial<ReplicatedBlockStoreInit>, components: PrimaryComponents = {}): Promise<ReplicatedBlockStore> => {
    const node = nodes[on]
    if (node === undefined) throw new Error(`no node ${on}`)
    const p = await openReplicatedBlockStore(
      { local: node.store, transport: node.transport, logger, ...components },
      { volume: VOLUME, inSync: ids.filter(i => i !== on), generation: 1, ...init }
    )
    primaries.push(p)
    return p
  }
  return { network, nodes, primary }
}

/**
 * A fake dropReplica, as the daemon's volume owner would be: each call is
 * recorded and waits until the test settles it (standing in for the Raft
 * commit), then, when resolved, shrinks the primary's set as the owner would
 * after the commit.
 */
export class DropGate {
  readonly calls: Array<{ node: string, code: unknown }> = []
  #waiting: Array<{ node: string, resolve: () => void, reject: (err: Error) => void }> = []
  #store?: ReplicatedBlockStore

  /** The primary whose set a resolved drop shrinks. */
  attach (store: ReplicatedBlockStore): void { this.#store = store }

  readonly dropReplica = async (node: string, err: Error): Promise<void> => {
    this.calls.push({ node, code: (err as { code?: unknown }).code })
    await new Promise<void>((resolve, reject) => { this.#waiting.push({ node, resolve, reject }) })
    const store = this.#store
    // A syncing node is in no committed set: the owner's commit is a no-op and the set stays as it is.
    if (store !== undefined && !store.fenced && store.inSync.includes(node)) await store.setInSync(store.inSync.filter(n => n !== node), store.generation)
  }

  /** Drops waiting now. */
  get pending (): string[] { return this.#waiting.map(w => w.node) }

  /** Resolves when at least n drops wait. */
  async waitFor (n: number): Promise<void> {
    while (this.#waiting.length < n) await new Promise(resolve => setTimeout(resolve, 2))
  }

  commit (): void { for (const w of this.#waiting.splice(0)) w.resolve() }
  refuse (err = new Error('no quorum')): void { for (const w of this.#waiting.splice(0)) w.reject(err) }
}

/** Every CRC of a store, as a plain array for t.same. */
export async function crcs (store: BlockStore): Promise<number[]> {
  const c = await store.checksums(0, store.size)
  return [...c.crcs]
}

/** Whether a promise has settled after `turns` turns of the event loop: for one that must not have, to show it has not. */
export async function settledWithin (p: Promise<unknown>, turns = 20): Promise<boolean> {
  let done = false
  p.then(() => { done = true }, () => { done = true })
  for (let i = 0; i < turns; i++) await new Promise(resolve => setImmediate(resolve))
  return done
}
