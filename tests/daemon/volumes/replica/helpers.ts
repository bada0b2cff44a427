import type { Test } from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { LoopbackNetwork, LoopbackTransport } from '../../../../daemon/network/index.ts'
import { openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import type { BlockChecksums, BlockStore, BlockStoreStats, ChangeOptions, ZeroOptions } from '../../../../daemon/volumes/block/index.ts'
import {
  ReplicaServer, openReplicatedBlockStore, type ReplicatedBlockStore, type ReplicatedBlockStoreInit
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
  async read (offset: number, length: number): Promise<Buffer> { return await this.inner.read(offset, length) }
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

export interface Cluster {
  network: LoopbackNetwork
  nodes: Record<string, Node>
  /** Opens a primary on `on` over its own store; closed at teardown. */
  primary: (on: string, init: Partial<ReplicatedBlockStoreInit>, onReplicaFailed?: (node: string, err: Error) => void) => Promise<ReplicatedBlockStore>
}

/** Nodes on a loopback network, each holding a replica of VOLUME in a temp dir and serving it; all closed and removed at teardown. */
export async function cluster (t: Test, ids = ['a', 'b', 'c'], size = 16 * MiB): Promise<Cluster> {
  const root = await mkdtemp(join(tmpdir(), 'trellis-replica-'))
  const network = new LoopbackNetwork()
  const nodes: Record<string, Node> = {}
  const primaries: ReplicatedBlockStore[] = []
  t.teardown(async () => {
    for (const p of primaries) await p.close()
    for (const n of Object.values(nodes)) {
      await n.server.close()
      await n.store.close()
      await n.transport.close()
    }
    await rm(root, { recursive: true, force: true })
  })
  for (const id of ids) {
    const transport = new LoopbackTransport({ network }, { nodeId: id })
    const store = new CountingStore(await openSparseFileStore({}, { dir: join(root, id), size }))
    const server = new ReplicaServer({ transport, logger }, { volumes: new Map([[VOLUME, store]]) })
    nodes[id] = { id, transport, store, server }
  }
  const primary = async (on: string, init: Partial<ReplicatedBlockStoreInit>, onReplicaFailed?: (node: string, err: Error) => void): Promise<ReplicatedBlockStore> => {
    const node = nodes[on]
    if (node === undefined) throw new Error(`no node ${on}`)
    const p = await openReplicatedBlockStore(
      { local: node.store, transport: node.transport, logger, onReplicaFailed },
      { volume: VOLUME, inSync: ids.filter(i => i !== on), generation: 1, ...init }
    )
    primaries.push(p)
    return p
  }
  return { network, nodes, primary }
}

/** Every CRC of a store, as a plain array for t.same. */
export async function crcs (store: BlockStore): Promise<number[]> {
  const c = await store.checksums(0, store.size)
  return [...c.crcs]
}
