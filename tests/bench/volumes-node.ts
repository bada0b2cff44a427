/**
 * One node of the volumes bench (volumes.ts forks three, a, b and c): a
 * MeshHost with the daemon's split transport (mesh-node.ts), a ReplicaServer
 * for the replicas it is asked to hold and, on A, the primaries behind an
 * NbdServer. It answers the parent's commands over the IPC channel, one
 * `done` (or `error`) each.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import { pino } from 'pino'
import { benchMeshNode } from './mesh-node.ts'
import { openSparseFileStore, type BlockStore } from '../../daemon/volumes/block/index.ts'
import { NbdServer } from '../../daemon/volumes/nbd/index.ts'
import { ReplicaServer, openReplicatedBlockStore, type ReplicatedBlockStore } from '../../daemon/volumes/replica/index.ts'

/** The generation every bench volume is written under. */
const GENERATION = 1

export interface Peer { peerId: string, address: string }

/** Main → node. */
export type Command =
  | { kind: 'replica', volume: string, dir: string, size: number, blockSize: number }
  | { kind: 'primary', volume: string, dir: string, size: number, blockSize: number, members: Peer[], socket?: string }
  | { kind: 'fill', volume: string, block: number, depth: number }
  | { kind: 'resync', volume: string, to: Peer, bytesPerSecond?: number, abortAfterMs?: number }
  | { kind: 'counters', volume: string }
  | { kind: 'profile', start: boolean, file?: string, allocations?: boolean }
  | { kind: 'stop' }
/** Node → main. */
export type Message =
  | { kind: 'ready', peerId: string, address: string }
  | { kind: 'done', port?: number, ms?: number, bytes?: number, counters?: Record<string, number> }
  | { kind: 'error', message: string }

async function node (): Promise<void> {
  const logger = pino({ level: 'warn' })
  const send = (m: Message): void => { process.send!(m) }
  process.on('disconnect', () => process.exit(0))
  try {
    const { host, transport } = await benchMeshNode(logger)
    const replicas = new ReplicaServer({ transport, logger })
    /** A replica's store per volume (the primaries own theirs). */
    const stores = new Map<string, BlockStore>()
    const primaries = new Map<string, ReplicatedBlockStore>()
    /** Milliseconds each primary's writes and flushes took in all, from the store's call to its answer (the pgbench pair's counters). */
    const took = new Map<string, { write: number, flush: number }>()
    const nbd = new NbdServer({ logger })
    let port: number | undefined
    let profiler: Session | undefined
    const handlers: { [K in Command['kind']]: (c: Extract<Command, { kind: K }>) => Promise<Message> } = {
      replica: async c => {
        const store = await openSparseFileStore({ logger }, { dir: c.dir, size: c.size, blockSize: c.blockSize })
        stores.set(c.volume, store)
        replicas.addVolume(c.volume, store)
        return { kind: 'done' }
      },
      primary: async c => {
        // Connected before the store says hello, so no measured request pays for a dial.
        for (const m of c.members) await host.libp2p.dial(multiaddr(m.address))
        const local = await openSparseFileStore({ logger }, { dir: c.dir, size: c.size, blockSize: c.blockSize })
        const spent = { write: 0, flush: 0 }
        took.set(c.volume, spent)
        const store = await openReplicatedBlockStore({ local, transport, logger, observeWrite: ms => { spent.write += ms } }, { volume: c.volume, inSync: c.members.map(m => m.peerId), generation: GENERATION })
        // The store has no hook for flushes: timed around the call the NBD server makes.
        const flush = store.flush.bind(store)
        store.flush = async () => {
          const t0 = performance.now()
          try { await flush() } finally { spent.flush += performance.now() - t0 }
        }
        primaries.set(c.volume, store)
        nbd.addExport({ name: c.volume, store, generation: GENERATION })
        if (port === undefined) {
          const address = await nbd.listen({ host: '127.0.0.1', port: 0 })
          port = 'port' in address ? address.port : 0
        }
        // A Unix socket too, for the volume mount chain (nbdfuse or nbd-client), which dials one.
        if (c.socket !== undefined) await nbd.listen({ path: c.socket })
        return { kind: 'done', port }
      },
      fill: async c => {
        const store = primaries.get(c.volume)!
        // Not zeroes and not one repeated block, so every checksum differs from an empty member's.
        const payload = Buffer.alloc(c.block)
        let next = 0
        const t0 = performance.now()
        await Promise.all(Array.from({ length: c.depth }, async () => {
          while (next < store.size) {
            const offset = next
            next += c.block
            const data = Buffer.from(payload)
            for (let i = 0; i < data.length; i += 4096) data.writeUInt32BE((offset + i) >>> 0, i)
            await store.write(offset, data, { generation: GENERATION })
          }
        }))
        await store.flush()
        return { kind: 'done', ms: performance.now() - t0 }
      },
      resync: async c => {
        await host.libp2p.dial(multiaddr(c.to.address))
        const store = primaries.get(c.volume)!
        const controller = new AbortController()
        // Aborted on purpose, the rate is what the progress shows at the abort: read before the store's own listener drops the member.
        let at = { bytes: 0, ms: 0 }
        controller.signal.addEventListener('abort', () => {
          const p = store.syncing().find(s => s.node === c.to.peerId)
          if (p !== undefined) at = { bytes: p.copiedBytes, ms: Date.now() - p.startedAt }
        }, { once: true })
        const timer = c.abortAfterMs === undefined ? undefined : setTimeout(() => { controller.abort() }, c.abortAfterMs)
        const running = store.resync(c.to.peerId, { signal: controller.signal, ...(c.bytesPerSecond === undefined ? {} : { bytesPerSecond: c.bytesPerSecond }) })
        if (timer === undefined) {
          const result = await running
          return { kind: 'done', ms: result.ms, bytes: result.bytesCopied }
        }
        await running.catch((err: unknown) => { if (!controller.signal.aborted) throw err })
        clearTimeout(timer)
        return { kind: 'done', ...at }
      },
      counters: async c => {
        const store = primaries.get(c.volume) ?? stores.get(c.volume)
        if (store === undefined) throw new Error(`no volume ${c.volume} here`)
        const { requests } = nbd.stats()
        // NBD requests are the node's, all exports together: the caller compares before and after a run on one volume.
        const s = store.stats()
        // Syncs soon are the node's, all streams together, as the NBD requests are.
        const spent = took.get(c.volume)
        return {
          kind: 'done',
          counters: {
            'NBD write': requests.write, 'NBD flush': requests.flush, 'store write': s.writes, 'store flush': s.flushes, 'store fdatasync': s.fdatasyncs, 'sync soon': replicas.stats().syncsSoon,
            ...(spent === undefined ? {} : { 'write ms': spent.write, 'flush ms': spent.flush })
          }
        }
      },
      profile: async c => {
        if (c.start) {
          profiler = new Session()
          profiler.connect()
          await profiler.post('Profiler.enable')
          await profiler.post('Profiler.start')
          // Where the collector's work comes from: every ~8 KiB allocated, sampled with its stack (it slows allocation: asked for apart).
          if (c.allocations === true) {
            await profiler.post('HeapProfiler.enable')
            await profiler.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true })
          }
        } else if (profiler !== undefined) {
          const { profile } = await profiler.post('Profiler.stop')
          const allocations = c.allocations === true ? (await profiler.post('HeapProfiler.stopSampling')).profile : undefined
          await mkdir(join(c.file!, '..'), { recursive: true })
          await writeFile(c.file!, JSON.stringify(profile))
          if (allocations !== undefined) await writeFile(c.file!.replace(/\.cpuprofile$/, '.heapprofile'), JSON.stringify(allocations))
          profiler.disconnect()
          profiler = undefined
        }
        return { kind: 'done' }
      },
      stop: async () => {
        await nbd.close()
        for (const p of primaries.values()) await p.close()
        await replicas.close()
        for (const s of stores.values()) await s.close()
        // The transport stops the host too.
        await transport.close()
        process.exit(0)
      }
    }
    process.on('message', (c: Command) => {
      void (handlers[c.kind] as (c: Command) => Promise<Message>)(c).then(send, (err: Error) => { send({ kind: 'error', message: err.stack ?? String(err) }) })
    })
    send({ kind: 'ready', peerId: host.peerId, address: host.addresses[0]! })
  } catch (err) {
    send({ kind: 'error', message: (err as Error).stack ?? String(err) })
    process.exit(1)
  }
}

await node()
