/**
 * The blob protocol over real libp2p hosts (tcp · noise · yamux on
 * 127.0.0.1), as the daemon runs it.
 */
import t from 'tap'
import type { Test } from 'tap'
import { join } from 'node:path'
import { Libp2pTransport } from '../../../daemon/mesh/index.ts'
import { DIAL_TIMEOUT, logger as meshLogger, startGrid } from '../mesh/helpers.ts'
import { blobNode, chunksIntact, sampleTree, seed, tempDir, writeTree, type BlobNode } from './helpers.ts'

/** Three hosts: [0] fetches (it is connected to both others), [1] and [2] hold one bundle of ~`bytes`. */
async function grid (t: Test, bytes: number): Promise<{ fetcher: BlobNode, holders: BlobNode[], record: Awaited<ReturnType<typeof seed>> }> {
  const hosts = await startGrid(t, 3)
  const nodes: BlobNode[] = []
  for (const host of hosts) {
    const transport = new Libp2pTransport({ host, logger: meshLogger }, { dialTimeoutMs: DIAL_TIMEOUT })
    t.teardown(() => transport.close())
    nodes.push(await blobNode(t, transport))
  }
  const [fetcher, ...holders] = nodes as [BlobNode, ...BlobNode[]]
  const record = await seed(holders.map(h => h.store), await writeTree(join(await tempDir(t), 'src'), sampleTree(bytes)))
  return { fetcher, holders, record }
}

t.test('over libp2p: a blob is fetched from two holders at once', async t => {
  const { fetcher, holders, record } = await grid(t, 30 * 1024 * 1024)
  const result = await fetcher.fetcher.fetch(record, { sources: holders.map(h => h.id) })
  t.equal(fetcher.store.has(record.digest), true)
  t.same(result.dropped, [])
  for (const s of result.sources) t.ok(s.chunks > 0, `${s.node.slice(-6)} served ${s.chunks} chunk(s)`)
  t.equal(result.bytesFetched, record.size)
  t.ok(await chunksIntact(fetcher.store))
})

t.test('over libp2p: a holder whose node stops mid-fetch, and the other finishes it', async t => {
  const { fetcher, holders, record } = await grid(t, 40 * 1024 * 1024)
  const [a, b] = holders as [BlobNode, BlobNode]
  let killedAt = -1
  const result = await fetcher.fetcher.fetch(record, {
    sources: [a.id, b.id],
    onProgress: p => {
      if (killedAt < 0 && (p.sources.find(s => s.node === b.id)?.chunks ?? 0) >= 1) {
        killedAt = p.bytesDone
        // Closing the transport stops the libp2p host: its streams reset and it leaves the network.
        void b.transport.close()
      }
    }
  })
  t.ok(killedAt > 0 && killedAt < record.size, `b stopped with ${killedAt} of ${record.size} bytes done`)
  t.equal(fetcher.store.has(record.digest), true)
  t.match(result.dropped, [{ node: b.id, reason: 'unreachable' }])
  t.ok(await chunksIntact(fetcher.store))
})
