import t from 'tap'
import type { Test } from 'tap'
import { join } from 'node:path'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { BlobFetcher, CHUNK_SIZE, openBlobStore, type FetchProgress, type ImageRecord } from '../../../daemon/images/index.ts'
import { LoopbackNetwork, LoopbackTransport } from '../../../daemon/network/index.ts'
import {
  blobNode, chunksIntact, corruptSource, filesUnder, logger, sampleTree, seed, silentSource, tempDir, writeTree, type BlobNode
} from './helpers.ts'

/** A loopback mesh: `holders` nodes that hold one bundle of ~`bytes`, and a fetcher node `f` that does not. */
async function mesh (t: Test, options: { holders?: string[], bytes?: number, kinds?: Record<string, 'corrupt' | 'silent'>, fetcher?: ConstructorParameters<typeof BlobFetcher>[1] } = {}): Promise<{ network: LoopbackNetwork, nodes: Record<string, BlobNode>, record: ImageRecord }> {
  const network = new LoopbackNetwork()
  const nodes: Record<string, BlobNode> = {}
  for (const id of [...(options.holders ?? ['a', 'b', 'c']), 'f']) {
    const transport = new LoopbackTransport({ network }, { nodeId: id })
    t.teardown(() => transport.close())
    const kind = options.kinds?.[id]
    nodes[id] = await blobNode(t, transport, {
      source: kind === 'corrupt' ? corruptSource : kind === 'silent' ? silentSource : undefined,
      fetcher: options.fetcher
    })
  }
  const src = await writeTree(join(await tempDir(t), 'src'), sampleTree(options.bytes ?? 40 * 1024 * 1024))
  const holders = (options.holders ?? ['a', 'b', 'c']).map(id => (nodes[id] as BlobNode).store)
  const record = await seed(holders, src)
  return { network, nodes, record }
}

function node (nodes: Record<string, BlobNode>, id: string): BlobNode {
  const n = nodes[id]
  if (n === undefined) throw new Error(`no node ${id}`)
  return n
}

// linkShare 0.5: every chunk asked at its holder's link pacer's slot (the loopback link is measured, not assumed).
for (const linkShare of [0, 0.5]) t.test(`fetches from three holders at once, spreading the chunks, and ends with the whole blob (link share ${linkShare})`, async t => {
  const { nodes, record } = await mesh(t, { fetcher: { linkShare } })
  const f = node(nodes, 'f')
  const progress: FetchProgress[] = []
  const polled: Array<FetchProgress | undefined> = []
  const result = await f.fetcher.fetch(record, {
    sources: ['a', 'b', 'c', 'f'],
    image: { name: record.name, version: record.version },
    onProgress: p => { progress.push(p); polled.push(f.fetcher.progress(record.digest)) }
  })
  const first = progress[0] as FetchProgress
  t.match(polled[0], { digest: record.digest, phase: 'fetching', bytesDone: first.bytesDone, bytesTotal: record.size, sources: first.sources }, 'progress(digest) answers the same while the fetch runs')
  t.equal(f.fetcher.progress(record.digest), undefined, 'and nothing once it is done')
  t.equal(f.store.has(record.digest), true)
  t.equal(result.chunksFetched, record.chunks.length)
  t.equal(result.bytesFetched, record.size)
  t.equal(result.chunksHeldBefore, 0)
  t.same(result.dropped, [])
  t.same(result.sources.map(s => s.node), ['a', 'b', 'c'], 'its own id is not a source')
  for (const s of result.sources) t.ok(s.chunks > 0, `holder ${s.node} served ${s.chunks} chunk(s)`)
  t.equal(result.sources.reduce((n, s) => n + s.bytes, 0), record.size)
  const served = ['a', 'b', 'c'].reduce((n, id) => n + node(nodes, id).server.stats().chunksServed, 0)
  // Only the endgame asks twice: at most once more for each chunk in flight when nothing was left unasked (3 holders × window 3).
  t.ok(served >= record.chunks.length && served <= record.chunks.length + 9, `holders served ${served} chunks for ${record.chunks.length}`)
  const last = progress.at(-1)
  t.match(last, { phase: 'done', bytesDone: record.size, bytesTotal: record.size })
  t.ok(progress.some(p => p.phase === 'verifying'))
  const fetching = progress.filter(p => p.phase === 'fetching')
  t.equal(fetching.length, record.chunks.length, 'one report per chunk')
  t.ok(fetching.every((p, i) => i === 0 || p.bytesDone >= (fetching[i - 1] as FetchProgress).bytesDone), 'bytes done only grow')
  t.match(f.store.info(record.digest), { complete: true, image: { name: 'app' } })
  t.ok(await chunksIntact(f.store))
})

t.test('a holder killed mid-fetch: the fetch completes from the others and says so', async t => {
  const { nodes, record } = await mesh(t, { holders: ['a', 'b'] })
  const f = node(nodes, 'f')
  let killedAt = -1
  const result = await f.fetcher.fetch(record, {
    sources: ['a', 'b'],
    onProgress: p => {
      if (killedAt < 0 && (p.sources.find(s => s.node === 'b')?.chunks ?? 0) >= 1) {
        killedAt = p.bytesDone
        void node(nodes, 'b').transport.close()
      }
    }
  })
  t.ok(killedAt > 0 && killedAt < record.size, `b died with ${killedAt} of ${record.size} bytes done`)
  t.equal(f.store.has(record.digest), true)
  t.match(result.dropped, [{ node: 'b', reason: 'unreachable' }])
  t.match(result.sources.find(s => s.node === 'b'), { state: 'dropped', reason: 'unreachable' })
  t.ok((result.sources.find(s => s.node === 'a')?.bytes ?? 0) > record.size / 2, 'a served the rest')
})

t.test('a holder serving wrong bytes is caught and dropped, and nothing corrupt is kept', async t => {
  const { nodes, record } = await mesh(t, { holders: ['bad', 'good'], kinds: { bad: 'corrupt' } })
  const f = node(nodes, 'f')
  const dropped: string[] = []
  const result = await f.fetcher.fetch(record, {
    sources: ['bad', 'good'],
    onProgress: p => {
      for (const s of p.sources) {
        const seen = `${s.node}:${s.reason ?? ''}`
        if (s.state === 'dropped' && !dropped.includes(seen)) dropped.push(seen)
      }
    }
  })
  t.match(result.dropped, [{ node: 'bad', reason: 'corrupt' }])
  t.same(dropped, ['bad:corrupt'], 'progress says so as it happens')
  t.equal(result.sources.find(s => s.node === 'bad')?.bytes, 0, 'no byte of the bad holder counted')
  t.equal(f.store.has(record.digest), true)
  t.ok(await chunksIntact(f.store), 'every stored chunk matches its hash')
})

t.test('with only corrupt holders the fetch fails and stores nothing', async t => {
  const { nodes, record } = await mesh(t, { holders: ['bad1', 'bad2'], kinds: { bad1: 'corrupt', bad2: 'corrupt' } })
  const f = node(nodes, 'f')
  const err = await f.fetcher.fetch(record, { sources: ['bad1', 'bad2'] }).then(() => ({}), (e: unknown) => e) as { code?: string, dropped?: Array<{ reason: string }>, missing?: number }
  t.equal(err.code, 'ERR_FETCH_FAILED')
  t.same(err.dropped?.map(d => d.reason), ['corrupt', 'corrupt'])
  t.equal(err.missing, record.chunks.length)
  t.same(await filesUnder(join(f.store.root, 'chunks')), [])
  t.equal(f.store.has(record.digest), false)
})

t.test('an interrupted fetch resumes after a restart with only the missing chunks', async t => {
  const { network, nodes, record } = await mesh(t, { holders: ['a', 'b'] })
  const f = node(nodes, 'f')
  const stop = new AbortController()
  await t.rejects(f.fetcher.fetch(record, {
    sources: ['a'],
    signal: stop.signal,
    onProgress: p => { if (p.bytesDone >= 3 * CHUNK_SIZE) stop.abort(new Error('operator stopped it')) }
  }), { message: 'operator stopped it' })
  const root = f.store.root
  await f.transport.close()
  // The node comes back: a new transport, store and fetcher over the same directory.
  const back = new LoopbackTransport({ network }, { nodeId: 'f' })
  t.teardown(() => back.close())
  const store = await openBlobStore({ logger }, { root })
  const held = record.chunks.length - store.missing(record.digest).length
  t.ok(held >= 3, `${held} chunk(s) survived`)
  const fetcher = new BlobFetcher({ transport: back, store, clock: new VirtualClock(), logger }, { bytesPerSecond: 0 })
  // From the other holder, whose counters only this fetch moves.
  const result = await fetcher.fetch(record, { sources: ['b'] })
  t.equal(result.chunksHeldBefore, held)
  t.equal(result.chunksFetched, record.chunks.length - held)
  t.equal(node(nodes, 'b').server.stats().chunksServed, record.chunks.length - held, 'the holder served only the missing chunks')
  t.equal(store.has(record.digest), true)
})

t.test('a holder that answers nothing: others take its chunks at the end, and alone it is dropped as stalled', async t => {
  const { network, nodes, record } = await mesh(t, { holders: ['slow', 'good'], bytes: 20 * 1024 * 1024, kinds: { slow: 'silent' } })
  const f = node(nodes, 'f')
  const result = await f.fetcher.fetch(record, { sources: ['slow', 'good'] })
  t.equal(f.store.has(record.digest), true, 'the endgame asked the good holder for what the slow one sat on')
  t.equal(result.sources.find(s => s.node === 'slow')?.chunks, 0)

  const clock = new VirtualClock()
  const transport = new LoopbackTransport({ network }, { nodeId: 'g' })
  t.teardown(() => transport.close())
  const g = await blobNode(t, transport)
  const fetcher = new BlobFetcher({ transport: g.transport, store: g.store, clock, logger }, { bytesPerSecond: 0, stallMs: 5000 })
  const asked = node(nodes, 'slow').server.stats().requests
  const fetching = fetcher.fetch(record, { sources: ['slow'] }).then(() => ({}), (e: unknown) => e) as Promise<{ code?: string, dropped?: Array<{ node: string, reason: string }> }>
  // Let the have and the window of chunk requests reach the silent holder, then let five seconds pass.
  while (node(nodes, 'slow').server.stats().requests < asked + 4) await new Promise(resolve => setImmediate(resolve))
  await clock.advance(4999)
  await clock.advance(1)
  const err = await fetching
  t.equal(err.code, 'ERR_FETCH_FAILED')
  t.match(err.dropped, [{ node: 'slow', reason: 'stalled' }])
})

t.test('the throttle holds the rate: the token bucket is slept on for every byte past the burst', async t => {
  const { nodes, record } = await mesh(t, { holders: ['a'], bytes: 30 * 1024 * 1024 })
  const f = node(nodes, 'f')
  let now = 0
  const sleeps: number[] = []
  // Time moves only when the fetcher sleeps, so the sum of its sleeps is the time the fetch took.
  const clock = {
    now: () => now,
    setTimeout: () => ({ cancel () {} }),
    sleep: async (ms: number) => { sleeps.push(ms); now += ms }
  }
  const rate = 8 * 1024 * 1024 // bytes per second
  const fetcher = new BlobFetcher({ transport: f.transport, store: f.store, clock, logger }, { bytesPerSecond: rate, window: 1 })
  const result = await fetcher.fetch(record, { sources: ['a'] })
  const burst = 2 * CHUNK_SIZE
  const last = record.size - (record.chunks.length - 1) * CHUNK_SIZE
  // The burst goes free, and the debt of the chunk that arrives last (any chunk: the order is shuffled) is never slept off.
  const floor = (record.size - burst - CHUNK_SIZE) * 1000 / rate
  const ceiling = (record.size - burst - last) * 1000 / rate + sleeps.length
  t.ok(result.ms >= floor, `took ${result.ms} ms of clock for ${record.size} bytes at ${rate} B/s (at least ${floor.toFixed(0)} ms)`)
  t.ok(result.ms <= ceiling, `and at most ${ceiling.toFixed(0)} ms: the rate plus a rounding per sleep`)
  t.equal(sleeps.length, record.chunks.length - 3, 'one sleep per chunk after the burst, none after the last')
  t.throws(() => new BlobFetcher({ transport: f.transport, store: f.store, clock, logger }, { bytesPerSecond: -1 }), RangeError)
})

t.test('nodes fetching the same blob serve each other what they have', async t => {
  const { network, nodes, record } = await mesh(t, { holders: ['a'], bytes: 40 * 1024 * 1024 })
  const others: BlobNode[] = []
  for (const id of ['g', 'h']) {
    const transport = new LoopbackTransport({ network }, { nodeId: id })
    t.teardown(() => transport.close())
    others.push(await blobNode(t, transport))
  }
  const fetchers = [node(nodes, 'f'), ...others]
  const ids = fetchers.map(n => n.id)
  const results = await Promise.all(fetchers.map(async n => await n.fetcher.fetch(record, { sources: ['a'], peers: ids })))
  for (const n of fetchers) t.equal(n.store.has(record.digest), true, `${n.id} has it`)
  for (const r of results) t.equal(r.sources.reduce((x, s) => x + s.chunks, 0), record.chunks.length, 'each fetcher stored every chunk once, from one source or peer')
})

t.test('a peer part-way through its own fetch serves the chunks it has', async t => {
  const { network, nodes, record } = await mesh(t, { holders: ['a'], bytes: 40 * 1024 * 1024 })
  const transport = new LoopbackTransport({ network }, { nodeId: 'p' })
  t.teardown(() => transport.close())
  const p = await blobNode(t, transport)
  const a = node(nodes, 'a')
  await p.store.begin(record)
  const half = record.chunks.length >> 1
  for (let i = 0; i < half; i++) await p.store.writeChunk(record.digest, i, await a.store.readChunk(record.digest, i))
  const f = node(nodes, 'f')
  const fetcher = new BlobFetcher({ transport: f.transport, store: f.store, clock: new VirtualClock(), logger }, { bytesPerSecond: 0, window: 1 })
  const result = await fetcher.fetch(record, { sources: ['a'], peers: ['p'] })
  const fromPeer = result.sources.find(s => s.node === 'p')?.chunks ?? 0
  t.ok(fromPeer >= 1 && fromPeer <= half, `the peer served ${fromPeer} of its ${half} chunks`)
  t.equal(p.server.stats().chunksServed, fromPeer)
  t.equal(f.store.has(record.digest), true)
})

