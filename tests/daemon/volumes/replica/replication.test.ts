import t from 'tap'
import { randomBytes } from 'node:crypto'
import { MAX_WRITE } from '../../../../daemon/volumes/replica/index.ts'
import { MiB, KiB, cluster, crcs } from './helpers.ts'

t.test('an acknowledged write is on every in-sync replica byte for byte', async t => {
  const { nodes, primary } = await cluster(t)
  const p = await primary('a', {})
  t.same(p.inSync, ['b', 'c'])
  const big = randomBytes(MAX_WRITE + MiB) // split into two frames on the wire
  await p.write(0, big, { generation: 1 })
  await p.write(8 * MiB + 512, randomBytes(4 * KiB), { generation: 1 })
  await p.writeZeroes(MiB, 128 * KiB, { generation: 1, noHole: true })
  await p.trim(2 * MiB, 64 * KiB, { generation: 1 })
  const want = await crcs(nodes.a!.store)
  t.same(await crcs(nodes.b!.store), want, 'b has the same blocks')
  t.same(await crcs(nodes.c!.store), want, 'c has the same blocks')
  t.same(await nodes.c!.store.read(0, 6 * MiB), await p.read(0, 6 * MiB), 'and the same bytes')
  t.same((await p.read(MiB, 128 * KiB)).every(b => b === 0), true, 'write-zeroes reached the primary')
})

t.test('FUA reaches fdatasync on each member, and flush flushes all', async t => {
  const { nodes, primary } = await cluster(t)
  const p = await primary('a', {})
  const before = Object.fromEntries(Object.values(nodes).map(n => [n.id, n.store.stats().fdatasyncs]))
  await p.write(0, randomBytes(4 * KiB), { generation: 1, fua: true })
  for (const n of Object.values(nodes)) {
    t.equal(n.store.fuaChanges, 1, `${n.id} saw the FUA write`)
    t.ok(n.store.stats().fdatasyncs > (before[n.id] ?? 0), `${n.id} fdatasync'd before the ack`)
  }
  await p.write(64 * KiB, randomBytes(4 * KiB), { generation: 1 })
  await p.flush()
  for (const n of Object.values(nodes)) t.equal(n.store.flushes, 1, `${n.id} flushed`)
})

t.test('a partitioned replica fails writes while its drop is refused, until setInSync drops it', async t => {
  const { network, nodes, primary } = await cluster(t)
  const failed: Array<{ node: string, code: unknown }> = []
  const p = await primary('a', { timeoutMs: 500 }, {
    dropReplica: async (node, err) => {
      failed.push({ node, code: (err as { code?: unknown }).code })
      throw new Error('no quorum')
    }
  })
  await p.write(0, randomBytes(4 * KiB), { generation: 1 })
  network.partition('a', 'c')
  await t.rejects(p.write(0, randomBytes(4 * KiB), { generation: 1 }), { code: 'ERR_REPLICA_UNAVAILABLE', nodes: ['c'] })
  t.same(failed.map(f => f.node), ['c'], 'the owner was asked to drop the failed member')
  await t.rejects(p.flush(), { code: 'ERR_REPLICA_UNAVAILABLE' }, 'it keeps failing while no drop commits')
  t.same(failed.map(f => f.node), ['c', 'c'], 'and each failure asks again')
  t.same(p.inSync, ['b', 'c'], 'a refused drop leaves the set as it was')
  await p.setInSync(['b'], 1)
  const data = randomBytes(64 * KiB)
  await p.write(128 * KiB, data, { generation: 1, fua: true })
  t.same(await nodes.b!.store.read(128 * KiB, 64 * KiB), data, 'the remaining member has it')
  t.same(await crcs(nodes.b!.store), await crcs(nodes.a!.store))
})

t.test('a replica that never answers times out; without dropReplica every change fails', async t => {
  const { nodes, primary } = await cluster(t)
  const p = await primary('a', { timeoutMs: 200 })
  // c now swallows every request without answering, as a hung disk would.
  for (const protocol of ['/trellis/replica/2', '/trellis/replica/1']) nodes.c!.transport.handle(protocol, stream => { stream.on('error', () => {}); stream.resume() })
  await p.setInSync(['b'], 1)
  await t.rejects(p.setInSync(['b', 'c'], 1), { code: 'ERR_REPLICA_UNAVAILABLE', nodes: ['c'] })
  await t.rejects(p.write(0, randomBytes(4 * KiB), { generation: 1 }), { code: 'ERR_REPLICA_UNAVAILABLE', nodes: ['c'] })
})

t.test('an old primary cannot acknowledge once a replica has seen a newer generation', async t => {
  const { network, nodes, primary } = await cluster(t)
  const failed: string[] = []
  const old = await primary('a', {}, { dropReplica: async node => { failed.push(node) } })
  await old.write(0, Buffer.alloc(4 * KiB, 1), { generation: 1 })
  // The volume is re-attached on b at generation 2 (a was thought dead); b's hello fences c.
  network.partition('a', 'b')
  const fresh = await primary('b', { inSync: ['c'], generation: 2 })
  await fresh.write(0, Buffer.alloc(4 * KiB, 2), { generation: 2 })
  network.heal()
  await t.rejects(old.write(0, Buffer.alloc(4 * KiB, 3), { generation: 1 }), { code: 'ERR_VOLUME_FENCED' })
  t.ok(old.fenced, 'the old primary fenced itself')
  await t.rejects(old.write(64 * KiB, Buffer.alloc(4 * KiB, 3), { generation: 1 }), { code: 'ERR_VOLUME_FENCED' }, 'every later write fails too')
  await t.rejects(old.setInSync(['c'], 1), { code: 'ERR_VOLUME_FENCED' }, 'and it cannot shrink its set')
  t.same(await nodes.c!.store.read(0, 4 * KiB), Buffer.alloc(4 * KiB, 2), "c kept the new primary's data")
  t.same(await crcs(nodes.c!.store), await crcs(nodes.b!.store))
  t.same(failed, [], 'a fence is not a replica failure')
  await fresh.write(64 * KiB, Buffer.alloc(4 * KiB, 4), { generation: 2 })
  t.same(await crcs(nodes.c!.store), await crcs(nodes.b!.store), 'the new primary carries on')
})

t.test('many concurrent writes keep order per block on every replica', async t => {
  const { nodes, primary } = await cluster(t)
  const p = await primary('a', {})
  const BS = 64 * KiB
  const last = new Map<number, Buffer>()
  const writes: Array<Promise<void>> = []
  for (let i = 0; i < 200; i++) {
    const block = i % 7
    // Some writes straddle two blocks, so overlapping ranges of different shapes race.
    const length = i % 5 === 0 ? 2 * BS : BS
    const data = Buffer.alloc(length, i & 0xff)
    writes.push(p.write(block * BS, data, { generation: 1, fua: i % 3 === 0 }))
    for (let b = block; b < block + length / BS; b++) last.set(b, Buffer.alloc(BS, i & 0xff))
  }
  await Promise.all(writes)
  for (const n of Object.values(nodes)) {
    for (const [block, want] of last) {
      t.same(await n.store.read(block * BS, BS), want, `${n.id} block ${block} holds the last write`)
    }
  }
  t.same(await crcs(nodes.b!.store), await crcs(nodes.a!.store))
  t.same(await crcs(nodes.c!.store), await crcs(nodes.a!.store))
})

t.test('exclusive holds every change until its function settles', async t => {
  const { nodes, primary } = await cluster(t, ['a', 'b'])
  const p = await primary('a', {})
  const before = p.write(0, Buffer.alloc(4 * KiB, 1), { generation: 1 })
  let landed = false
  const seen = await p.exclusive(async () => {
    const during = p.write(8 * MiB, Buffer.alloc(4 * KiB, 2), { generation: 1 }).then(() => { landed = true })
    await new Promise(resolve => setTimeout(resolve, 50))
    return { first: await nodes.b!.store.read(0, 4 * KiB), landed, during }
  })
  await before
  t.same(seen.first, Buffer.alloc(4 * KiB, 1), 'a change under way was answered by every member first')
  t.notOk(seen.landed, 'a later change waited')
  await seen.during
  t.same(await nodes.b!.store.read(8 * MiB, 4 * KiB), Buffer.alloc(4 * KiB, 2), 'and went on afterwards')
})

t.test('bad requests are refused before anything is sent; close is idempotent', async t => {
  const { nodes, primary } = await cluster(t, ['a', 'b'], MiB)
  const p = await primary('a', {})
  await t.rejects(p.write(MiB, Buffer.alloc(512), { generation: 1 }), { code: 'ERR_BLOCK_RANGE' })
  await t.rejects(p.write(100, Buffer.alloc(512), { generation: 1 }), { code: 'ERR_BLOCK_ALIGNMENT' })
  t.equal(nodes.b!.server.stats().requests, 1, 'only the hello reached b')
  const c1 = p.close()
  t.equal(p.close(), c1)
  await c1
  await t.rejects(p.write(0, Buffer.alloc(512), { generation: 1 }), { code: 'ERR_REPLICA_CLOSED' })
})

t.test('write frames joined into pooled buffers and reused still land byte for byte', async t => {
  const { nodes, primary } = await cluster(t)
  const p = await primary('a', {})
  // Many writes in flight, of two sizes, over the same blocks: a buffer handed back too early would show as wrong bytes.
  for (let round = 0; round < 4; round++) {
    await Promise.all(Array.from({ length: 16 }, async (_, i) => {
      await p.write(i * 256 * KiB, randomBytes(round % 2 === 0 ? 256 * KiB : 64 * KiB), { generation: 1 })
    }))
  }
  const want = await crcs(nodes.a!.store)
  t.same(await crcs(nodes.b!.store), want, 'b has the same blocks')
  t.same(await crcs(nodes.c!.store), want, 'c has the same blocks')
  t.same(await nodes.b!.store.read(0, 4 * MiB), await nodes.a!.store.read(0, 4 * MiB), 'and the same bytes')
  const stats = nodes.b!.server.stats()
  t.ok(stats.pooledFrames >= 64, `write frames came in pieces and were joined into pooled buffers (${stats.pooledFrames})`)
  t.ok(stats.reusedFrames > 0, `and buffers were used again (${stats.reusedFrames})`)
})
