import t, { type Test } from 'tap'
import { randomBytes } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import type { ReplicatedBlockStore } from '../../../../daemon/volumes/replica/index.ts'
import { LinkPacer } from '../../../../daemon/network/index.ts'
import { RealClock } from '../../../../controller/clock/index.ts'
import { copyBuffers } from '../../../../daemon/volumes/replica/copy-buffers.ts'
import { DropGate, KiB, MiB, type Cluster, cluster, crcs } from './helpers.ts'

const BLOCK = 64 * KiB // the checksum block of volumes made before the 4 KiB default, which most tests here use
const OLD = { a: BLOCK, b: BLOCK, c: BLOCK }
/** Both checksum block sizes a grid holds: the old default and the new. */
const BOTH = [64 * KiB, 4 * KiB]
const SIZE = 16 * MiB // the cluster's volume size

/** A throttle sleep that never ends unless its signal aborts, so a walk stays parked after its burst; counts arrivals. */
function heldSleep (): { sleep: (ms: number, signal?: AbortSignal) => Promise<void>, reached: (n: number) => Promise<void> } {
  let arrivals = 0
  const sleep = async (_ms: number, signal?: AbortSignal): Promise<void> => {
    arrivals++
    await new Promise<void>((_resolve, reject) => {
      signal?.addEventListener('abort', () => { reject(signal.reason) }, { once: true })
    })
  }
  const reached = async (n: number): Promise<void> => {
    while (arrivals < n) await delay(2)
  }
  return { sleep, reached }
}

/** Every member's checksums and bytes equal the primary's. */
async function converged (t: Test, c: Cluster, ids: string[]): Promise<void> {
  const want = await crcs(c.nodes.a!.store)
  const bytes = await c.nodes.a!.store.read(0, SIZE)
  for (const id of ids) {
    t.same(await crcs(c.nodes[id]!.store), want, `${id} has the primary's checksums`)
    t.ok((await c.nodes[id]!.store.read(0, SIZE)).equals(bytes), `${id} has the primary's bytes`)
  }
}

/** How a test's resync is throttled: the fixed-rate bucket (off), or a link pacer measuring the loopback link (no ceiling). */
const MODES = ['bucket', 'paced'] as const
function copyOptions (mode: typeof MODES[number], chunkBytes: number): { bytesPerSecond?: number, pacer?: LinkPacer, chunkBytes: number } {
  return mode === 'bucket' ? { bytesPerSecond: 0, chunkBytes } : { pacer: new LinkPacer(new RealClock(), { ceilingBytesPerSecond: 0 }), chunkBytes }
}

for (const bs of BOTH) for (const mode of MODES) {
  t.test(`a replica that missed writes while out of the set gets exactly the blocks that differ (${bs / KiB} KiB blocks, ${mode})`, async t => {
    const c = await cluster(t, undefined, undefined, { a: bs, b: bs, c: bs })
    const gate = new DropGate()
    const p = await c.primary('a', {}, { dropReplica: gate.dropReplica })
    gate.attach(p)
    for (let i = 0; i < 64; i++) await p.write(i * 3 * bs, randomBytes(8 * KiB), { generation: 1 })

    c.network.partition('a', 'c')
    const touched = new Set<number>()
    const failing = p.write(5 * bs + Math.min(4 * KiB, bs - 4 * KiB), randomBytes(4 * KiB), { generation: 1 })
    touched.add(5)
    await gate.waitFor(1)
    gate.commit()
    await failing
    t.same(p.inSync, ['b'], 'c left the set')
    for (const block of [7, 9, 100, 101, 200, 255]) {
      await p.write(block * bs + Math.min(16 * KiB, bs - 4 * KiB), randomBytes(4 * KiB), { generation: 1 })
      touched.add(block)
    }
    await p.trim(3 * bs, bs, { generation: 1 }) // held data on c: must become a hole there
    touched.add(3)
    await p.writeZeroes(152 * bs, bs, { generation: 1 }) // was zero on c already: nothing to copy
    c.network.heal()

    const streams = c.nodes.c!.server.stats().streams
    const result = await p.resync('c', copyOptions(mode, MiB))
    t.match(result, { node: 'c', blocksCompared: SIZE / bs, blocksCopied: touched.size, bytesCopied: touched.size * bs })
    t.same(p.syncing().map(s => ({ ...s, startedAt: 0 })), [{ node: 'c', comparedBytes: SIZE, totalBytes: SIZE, copiedBytes: touched.size * bs, startedAt: 0 }],
      'c stays a syncing member after its copy')
    t.same(p.inSync, ['b'], 'and is not in sync until the owner says so')
    await converged(t, c, ['b', 'c'])

    await p.setInSync(['b', 'c'], 1)
    t.same(p.inSync, ['b', 'c'])
    t.same(p.syncing(), [])
    const data = randomBytes(12 * KiB)
    await p.write(MiB, data, { generation: 1 })
    t.same(await c.nodes.c!.store.read(MiB, 12 * KiB), data, 'the promoted member keeps receiving writes')
    t.equal(c.nodes.c!.server.stats().streams, streams + 1, 'on the resync stream: promotion says no second hello')
    t.equal(gate.calls.length, 1)
  })
}

for (const bs of BOTH) for (const mode of MODES) {
  t.test(`an empty replica is rebuilt block for block while random overlapping changes keep coming (${bs / KiB} KiB blocks, ${mode})`, async t => {
    const c = await cluster(t, undefined, undefined, { a: bs, b: bs, c: bs })
    const p = await c.primary('a', { inSync: ['b'] })
    let seed = 42
    const rand = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n }
    const change = async (): Promise<void> => {
      const length = (1 + rand(48)) * 4 * KiB
      const offset = rand((SIZE - length) / (4 * KiB) + 1) * 4 * KiB
      const kind = rand(10)
      if (kind === 0) await p.trim(offset, length, { generation: 1 })
      else if (kind === 1) await p.writeZeroes(offset, length, { generation: 1, noHole: rand(2) === 0 })
      else await p.write(offset, randomBytes(length), { generation: 1, fua: kind === 2 })
    }
    for (let i = 0; i < 100; i++) await change()

    let done = false
    // Chunks as small as the blocks allow: many of them, so the walk (several chunks in flight) outlasts a few rounds of changes.
    const rebuild = p.resync('c', copyOptions(mode, 64 * KiB)).finally(() => { done = true })
    let during = 0
    while (!done) {
      // Eight at once, so overlapping changes race each other and the walk.
      await Promise.all(Array.from({ length: 8 }, async () => { await change() }))
      if (!done) during += 8
    }
    const result = await rebuild
    t.ok(during >= 16, `changes ran during the rebuild (${during})`)
    t.equal(result.blocksCompared, SIZE / bs)
    t.ok(result.blocksCopied > 0 && result.blocksCopied <= SIZE / bs, `copied ${result.blocksCopied} blocks`)
    for (let i = 0; i < 40; i++) await change()
    await converged(t, c, ['b', 'c'])
    await p.setInSync(['b', 'c'], 1)
    await converged(t, c, ['b', 'c'])
  })
}

t.test('a rebuild reads its chunks into pooled buffers and uses them again, byte for byte', async t => {
  const c = await cluster(t, undefined, undefined, OLD)
  const p = await c.primary('a', { inSync: ['b'] })
  await p.write(0, randomBytes(SIZE), { generation: 1 }) // no zero block: every chunk is one run of 64 KiB, read whole
  const before = copyBuffers.stats()
  const result = await p.resync('c', copyOptions('bucket', 64 * KiB))
  t.equal(result.blocksCopied, SIZE / BLOCK)
  const after = copyBuffers.stats()
  // 256 chunks, at most 4 in flight: all but the first few take a buffer an earlier chunk gave back.
  t.ok(after.taken - before.taken >= SIZE / (64 * KiB), `every chunk from the pool (${after.taken - before.taken})`)
  t.ok(after.reused - before.reused >= SIZE / (64 * KiB) - 8, `and reused (${after.reused - before.reused})`)
  await converged(t, c, ['b', 'c'])
})

t.test('the throttle holds the copy rate, waiting outside the range lock', async t => {
  const c = await cluster(t, undefined, undefined, OLD)
  let now = 1000
  const sleeps: number[] = []
  let p!: ReplicatedBlockStore
  let writeDuringSleep: Promise<void> | undefined
  const sleep = async (ms: number): Promise<void> => {
    sleeps.push(ms)
    // A write to the chunk just copied must not wait for the throttle.
    writeDuringSleep ??= p.write(0, Buffer.alloc(4 * KiB, 9), { generation: 1 })
    const ok = await Promise.race([writeDuringSleep.then(() => true), delay(2000).then(() => false)])
    if (!ok) throw new Error('a write to the copied chunk waited for the throttle')
    now += ms
  }
  p = await c.primary('a', { inSync: ['b'] }, { clock: { now: () => now, sleep } })
  const blocks = 128
  for (let i = 0; i < blocks; i++) await p.write(i * BLOCK, randomBytes(BLOCK), { generation: 1 })

  const rate = MiB // bytes per second
  const result = await p.resync('c', { bytesPerSecond: rate, chunkBytes: MiB })
  t.match(result, { blocksCopied: blocks, bytesCopied: blocks * BLOCK })
  const slept = sleeps.reduce((a, b) => a + b, 0)
  // The first chunk is the burst; every other byte costs 1/rate seconds, rounded up to a whole ms per sleep.
  const want = (blocks * BLOCK - MiB) / rate * 1000
  t.ok(slept >= want && slept <= want + sleeps.length, `slept ${slept} ms for ${want} ms of debt`)
  t.equal(result.ms, slept, 'the clock moved only while throttled')
  t.equal(sleeps.length, blocks * BLOCK / MiB - 1, 'one wait per chunk after the burst')
  await converged(t, c, ['b', 'c'])
})

t.test('a resync target that dies fails the resync, and through dropReplica the writes go on', async t => {
  const c = await cluster(t, undefined, undefined, OLD)
  const gate = new DropGate()
  const held = heldSleep()
  const p = await c.primary('a', { inSync: ['b'] }, { dropReplica: gate.dropReplica, clock: { now: () => Date.now(), sleep: held.sleep } })
  gate.attach(p)
  for (let i = 0; i < 64; i++) await p.write(i * BLOCK, randomBytes(BLOCK), { generation: 1 })
  // Watched from the start: it may reject while the writes below are still settling.
  const rebuild = t.rejects(p.resync('c', { bytesPerSecond: MiB, chunkBytes: MiB }), { code: 'ERR_RESYNC_ABORTED', node: 'c' })
  await held.reached(1)
  // The first chunk is the burst; the throttle parks the walk after the second, and the chunk running ahead of it (two in flight under a throttle) may be copied too.
  const [progress] = p.syncing()
  t.match(progress, { node: 'c', totalBytes: SIZE }, 'progress so far')
  t.ok([2 * MiB, 3 * MiB].includes(progress!.comparedBytes) && progress!.copiedBytes === progress!.comparedBytes, `compared and copied ${progress!.comparedBytes} bytes`)

  c.network.partition('a', 'c')
  const writes = Array.from({ length: 10 }, async (_, i) => { await p.write(i * 7 * BLOCK, randomBytes(4 * KiB), { generation: 1 }) })
  await gate.waitFor(1)
  t.same(gate.calls.map(x => x.node), ['c'], 'a syncing member that fails a change goes through dropReplica')
  gate.commit() // c is in no committed set: the owner's commit is a no-op
  await Promise.all(writes)
  await rebuild
  t.same(p.syncing(), [])
  t.same(p.inSync, ['b'])
  await p.write(0, randomBytes(4 * KiB), { generation: 1 })
  t.equal(gate.calls.length, 1, 'later writes no longer need c')
  await converged(t, c, ['b'])
})

t.test('a resync whose own copy fails drops the target without failing writes', async t => {
  const c = await cluster(t, undefined, undefined, OLD)
  const gate = new DropGate()
  const p = await c.primary('a', { inSync: ['b'] }, { dropReplica: gate.dropReplica })
  gate.attach(p)
  c.network.partition('a', 'c')
  await t.rejects(p.resync('c'), { code: 'ERR_RESYNC_ABORTED', node: 'c', cause: { code: 'ERR_UNREACHABLE' } })
  t.same(p.syncing(), [])
  await p.write(0, randomBytes(4 * KiB), { generation: 1 })
  t.same(gate.calls, [], 'no drop was needed')
})

t.test('setInSync without the node, a new generation, abort and close each end a resync', async t => {
  const c = await cluster(t, undefined, undefined, OLD)
  const held = heldSleep()
  const p = await c.primary('a', { inSync: ['b'] }, { clock: { now: () => Date.now(), sleep: held.sleep } })
  // Fresh data the parked walk has not copied yet, so each resync below is parked by the throttle.
  const refill = async (generation: number): Promise<void> => {
    for (let i = 0; i < 64; i++) await p.write(i * BLOCK, randomBytes(BLOCK), { generation })
  }
  const opts = { bytesPerSecond: MiB, chunkBytes: MiB }

  await refill(1)
  const first = t.rejects(p.resync('c', opts), { code: 'ERR_RESYNC_ABORTED', node: 'c', message: /not in the committed in-sync set/ })
  await held.reached(1)
  await t.rejects(p.resync('c', opts), { code: 'ERR_RESYNC_CONFLICT', message: /already syncing/ }, 'one resync per node')
  await p.setInSync(['b'], 1)
  await first
  t.same(p.syncing(), [])

  await refill(1)
  const ac = new AbortController()
  const second = p.resync('c', { ...opts, signal: ac.signal })
  await held.reached(2)
  ac.abort()
  await t.rejects(second, { code: 'ERR_RESYNC_ABORTED', message: /aborted/ })
  t.same(p.syncing(), [])

  await refill(1)
  // Watched from the start: it rejects while setInSync still greets the new members.
  const third = t.rejects(p.resync('c', opts), { code: 'ERR_RESYNC_ABORTED', message: /generation 2/ }, 'a new generation remakes every member')
  await held.reached(3)
  await p.setInSync(['b', 'c'], 2)
  await third
  t.same(p.inSync, ['b', 'c'], 'c listed at the new generation is an ordinary member, on a new stream')
  await p.setInSync(['b'], 2)

  await refill(2)
  const fourth = t.rejects(p.resync('c', opts), { code: 'ERR_RESYNC_ABORTED', message: /closed/ })
  await held.reached(4)
  await p.close()
  await fourth
})

t.test('resync refuses members, itself and bad options', async t => {
  const c = await cluster(t, undefined, undefined, OLD)
  const p = await c.primary('a', { inSync: ['b'] })
  await t.rejects(p.resync('b'), { code: 'ERR_RESYNC_CONFLICT', message: /already in sync/ })
  await t.rejects(p.resync('a'), { code: 'ERR_RESYNC_CONFLICT' })
  await t.rejects(p.resync('c', { chunkBytes: 0 }), { code: 'ERR_INVALID_RESYNC_OPTIONS' })
  await t.rejects(p.resync('c', { bytesPerSecond: -1 }), { code: 'ERR_INVALID_RESYNC_OPTIONS' })
  t.same(p.syncing(), [])
  t.same(p.inSync, ['b'])
})

for (const [primary, member] of [[4 * KiB, 64 * KiB], [64 * KiB, 4 * KiB]] as const) {
  t.test(`a member with ${member / KiB} KiB checksum blocks resyncs from a primary with ${primary / KiB} KiB ones, comparing block for block`, async t => {
    const odd = SIZE - 12 * KiB // a last block shorter than either block size
    const c = await cluster(t, ['a', 'b', 'c'], odd, { a: primary, b: primary, c: member })
    const p = await c.primary('a', { inSync: ['b'] })
    for (let i = 0; i < 40; i++) await p.write((i * 97 % 4000) * 4 * KiB, randomBytes(4 * KiB), { generation: 1 })
    await p.write(odd - 4 * KiB, randomBytes(4 * KiB), { generation: 1 })
    const first = await p.resync('c', { bytesPerSecond: 0 })
    t.ok(first.blocksCopied > 0, `the empty member got ${first.blocksCopied} blocks`)
    t.ok((await c.nodes.c!.store.read(0, odd)).equals(await c.nodes.a!.store.read(0, odd)), 'and holds the primary\'s bytes')
    t.equal(c.nodes.c!.store.preferredBlockSize, member, 'in its own geometry')
    // Out of the set again and back: a second resync finds nothing to copy but what changed.
    await p.setInSync(['b', 'c'], 1)
    await p.setInSync(['b'], 1)
    const again = await p.resync('c', { bytesPerSecond: 0 })
    t.equal(again.blocksCopied, 0, 'equal content compares equal across block sizes')
    await p.setInSync(['b', 'c'], 1)
  })
}
