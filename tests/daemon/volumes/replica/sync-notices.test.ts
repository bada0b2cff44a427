/**
 * Protocol 2's sync notices (docs/volumes-replication.md): a lone small write
 * asks its replicas for a sync soon, and the flush after it waits for their
 * synced frames instead of crossing to them; everything else still flushes by
 * request, an older replica (protocol 1 only) included; a replica whose notice
 * is wrong, or whose sync fails, fails the flush rather than being trusted.
 */
import t from 'tap'
import type { Duplex } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { FrameDecoder } from '../../../../daemon/consensus/index.ts'
import type { Transport } from '../../../../daemon/network/index.ts'
import {
  MAX_FRAME, Op, REPLICA_PROTOCOL_2, ReplicaServer, decodeRequest, framedResponse, framedSynced, openReplicatedBlockStore, type ReplicaRequest
} from '../../../../daemon/volumes/replica/index.ts'
import { CountingStore, KiB, VOLUME, cluster, logger, settledWithin, type Node } from './helpers.ts'
import { waitFor } from '../../../helpers/daemon.ts'

/** A store whose flushes wait for open(), or fail while `failing`. */
class GatedStore extends CountingStore {
  #gate: Promise<void> | undefined
  #open: () => void = () => {}
  failing = false
  close_ (): void { this.#gate = new Promise(resolve => { this.#open = resolve }) }
  open (): void { this.#open(); this.#gate = undefined }
  override async flush (): Promise<void> {
    this.flushes++
    await this.#gate
    if (this.failing) throw Object.assign(new Error('the disk failed'), { code: 'EIO' })
    await this.inner.flush()
  }
}

/** Serves b's replica from a GatedStore over the same files, in place of its server; `only1`: as an older node, protocol 1 alone. */
function regate (b: Node, only1 = false): { store: GatedStore, server: ReplicaServer } {
  void b.server.close()
  const store = new GatedStore(b.store.inner)
  const t = b.transport
  const transport: Transport = only1
    ? {
        nodeId: t.nodeId,
        handle: (p, h) => { if (p !== REPLICA_PROTOCOL_2) t.handle(p, h) },
        unhandle: p => { t.unhandle(p) },
        dial: async (node, p, o) => await t.dial(node, p, o),
        close: async () => { await t.close() }
      }
    : t
  const server = new ReplicaServer({ transport, logger }, { volumes: new Map([[VOLUME, store]]) })
  return { store, server }
}

t.test('a lone small write asks for a sync soon; the flush after it sends the replica nothing and returns once its synced frame came', async t => {
  const c = await cluster(t, ['a', 'b'])
  const { store, server } = regate(c.nodes.b!)
  t.teardown(async () => { store.open(); await server.close() })
  const p = await c.primary('a', {})
  store.close_()
  const data = randomBytes(8 * KiB)
  await p.write(64 * KiB, data, { generation: 1 })
  // The replica answered the write, then began the sync it was asked for: held at the gate.
  await waitFor('the sync soon to begin', 5_000, () => store.flushes === 1 ? true : undefined, 5)
  t.equal(server.stats().syncsSoon, 1, 'one sync soon')
  const requests = server.stats().requests
  const flush = p.flush()
  await waitFor('the local flush', 5_000, () => c.nodes.a!.store.flushes === 1 ? true : undefined, 5)
  t.notOk(await settledWithin(flush), 'the flush waits for the replica\'s sync, not only its own')
  store.open()
  await flush
  t.equal(server.stats().requests, requests, 'and no request crossed to the replica for it')
  t.equal(store.flushes, 1, 'the replica synced once: the sync soon')
  t.same(await store.read(64 * KiB, 8 * KiB), data)
  // Already covered: a second flush needs nothing from the replica.
  await p.flush()
  t.equal(server.stats().requests, requests, 'a flush with nothing new since the last synced frame sends nothing')
})

t.test('the primary starts flushing its own store after such a write too: the flush shares that flush, and skips it once done', async t => {
  const c = await cluster(t, ['a', 'b'])
  const a = c.nodes.a!
  const local = new GatedStore(a.store.inner)
  const p = await openReplicatedBlockStore({ local, transport: a.transport, logger }, { volume: VOLUME, inSync: ['b'], generation: 1, ownsLocal: false })
  t.teardown(async () => { local.open(); await p.close() })
  local.close_()
  await p.write(0, randomBytes(8 * KiB), { generation: 1 })
  await waitFor('the early flush of the primary\'s store', 5_000, () => local.flushes === 1 ? true : undefined, 5)
  const flush = p.flush()
  await waitFor('the replica\'s synced frame', 5_000, () => c.nodes.b!.store.flushes === 1 ? true : undefined, 5)
  t.notOk(await settledWithin(flush), 'the flush waits for the primary\'s own early flush')
  local.open()
  await flush
  t.equal(local.flushes, 1, 'and shares it: the primary\'s store flushed once')
  await p.flush()
  t.equal(local.flushes, 1, 'a flush with no change since flushes nothing')
  await p.write(64 * KiB, randomBytes(128 * KiB), { generation: 1 })
  await p.flush()
  t.equal(local.flushes, 2, 'a change the early flush did not cover is flushed')
})

t.test('writes in flight together, a FUA write and a large one ask for no sync: the flush goes to the replica as a request', async t => {
  const c = await cluster(t, ['a', 'b'])
  const p = await c.primary('a', {})
  const b = c.nodes.b!
  await Promise.all(Array.from({ length: 8 }, async (_, i) => { await p.write(i * 8 * KiB, randomBytes(8 * KiB), { generation: 1 }) }))
  // Only the first of the burst began alone, so at most it asked.
  const burst = b.server.stats().syncsSoon
  t.ok(burst <= 1, `a burst of 8 asked for ${burst} sync soon`)
  await waitFor('the sync soon to end', 5_000, () => b.store.flushes === burst ? true : undefined, 5)
  await p.write(64 * KiB, randomBytes(4 * KiB), { generation: 1, fua: true })
  await p.write(128 * KiB, randomBytes(128 * KiB), { generation: 1 })
  t.equal(b.server.stats().syncsSoon, burst, 'a FUA write and a 128 KiB one ask for none')
  const before = { requests: b.server.stats().requests, flushes: b.store.flushes }
  await p.flush()
  t.equal(b.server.stats().requests, before.requests + 1, 'the flush crossed as one request')
  t.equal(b.store.flushes, before.flushes + 1, 'and flushed the replica')
})

t.test('a replica that speaks protocol 1 only (an older node) is sent no SYNC_SOON flag and flushes by request', async t => {
  const c = await cluster(t, ['a', 'b'])
  const { store, server } = regate(c.nodes.b!, true)
  t.teardown(async () => { await server.close() })
  const p = await c.primary('a', {})
  const data = randomBytes(8 * KiB)
  // Protocol 1 refuses an unknown flag by closing the stream: had the flag gone, this write would fail.
  await p.write(0, data, { generation: 1 })
  t.equal(server.stats().garbage, 0, 'every frame decoded on protocol 1')
  t.equal(store.flushes, 0, 'no sync soon')
  await p.flush()
  t.equal(store.flushes, 1, 'the flush reached it as a request')
  t.same(await store.read(0, 8 * KiB), data)
})

t.test('a sync soon that fails resets the stream: the flush waiting for it fails, it is not acknowledged', async t => {
  const c = await cluster(t, ['a', 'b'])
  const { store, server } = regate(c.nodes.b!)
  t.teardown(async () => { store.open(); await server.close() })
  const p = await c.primary('a', {})
  store.close_()
  store.failing = true
  await p.write(0, randomBytes(8 * KiB), { generation: 1 })
  await waitFor('the sync soon to begin', 5_000, () => store.flushes === 1 ? true : undefined, 5)
  const flush = p.flush()
  store.open()
  await t.rejects(flush, { code: 'ERR_REPLICA_UNAVAILABLE', nodes: ['b'] })
})

t.test('a synced frame counting answers the primary never received drops the stream: the flush does not trust it', async t => {
  const c = await cluster(t, ['a', 'b'])
  const b = c.nodes.b!
  void b.server.close()
  const streams: Duplex[] = []
  const flushes: ReplicaRequest[] = []
  // A confused replica on protocol 2: honest answers, but a synced frame claiming a thousand of them after each write; it fails every flush.
  b.transport.handle(REPLICA_PROTOCOL_2, stream => {
    streams.push(stream)
    stream.on('error', () => {})
    const decoder = new FrameDecoder(MAX_FRAME)
    stream.on('data', (chunk: Buffer) => {
      for (const f of decoder.push(chunk)) {
        const req = decodeRequest(f, 2)
        if (req.op === Op.hello) {
          const g = Buffer.alloc(16)
          g.writeBigUInt64BE(BigInt(b.store.size), 0)
          g.writeUInt32BE(b.store.minBlockSize, 8)
          g.writeUInt32BE(b.store.preferredBlockSize, 12)
          stream.write(framedResponse({ id: req.id, error: '', generation: req.generation, payload: g }))
        } else if (req.op === Op.flush) {
          flushes.push(req)
          stream.write(framedResponse({ id: req.id, error: 'ERR_IO', generation: req.generation, payload: Buffer.alloc(0) }))
        } else {
          stream.write(framedResponse({ id: req.id, error: '', generation: req.generation, payload: Buffer.alloc(0) }))
          if (req.syncSoon) stream.write(framedSynced(1000))
        }
      }
    })
  })
  const p = await c.primary('a', { timeoutMs: 2_000 })
  await p.write(0, randomBytes(8 * KiB), { generation: 1 })
  await waitFor('the primary to drop the stream', 5_000, () => streams[0]!.destroyed ? true : undefined, 5)
  await t.rejects(p.flush(), { code: 'ERR_REPLICA_UNAVAILABLE', nodes: ['b'] }, 'the flush asked the replica, which failed it')
  t.equal(flushes.length, 1, 'by a request on a new stream')
})
