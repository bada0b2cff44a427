import t from 'tap'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { DropGate, KiB, cluster, crcs } from './helpers.ts'

const BLOCK = 64 * KiB // the stores' checksum block

t.test('a replica killed mid-writes stalls them until its drop commits; then they succeed and the rest hold every acked write', async t => {
  const { nodes, primary } = await cluster(t)
  const gate = new DropGate()
  const p = await primary('a', {}, { dropReplica: gate.dropReplica })
  gate.attach(p)
  const acked = new Map<number, Buffer>()
  const write = async (i: number): Promise<void> => {
    const data = randomBytes(4 * KiB)
    await p.write(i * BLOCK, data, { generation: 1, fua: i % 2 === 0 })
    acked.set(i, data)
  }
  for (let i = 0; i < 10; i++) await write(i)

  let settled = 0
  const inFlight: Array<Promise<void>> = []
  const start = (from: number, to: number): void => {
    for (let i = from; i < to; i++) inFlight.push(write(i).finally(() => { settled++ }))
  }
  start(10, 40)
  // c dies with those writes in flight, and more come after.
  await nodes.c!.server.close()
  await nodes.c!.transport.close()
  start(40, 70)
  await gate.waitFor(1)
  const before = settled
  await sleep(100)
  t.equal(settled, before, 'no write is acknowledged while the drop is pending')
  t.ok(settled < 60, 'writes are stalled')
  t.same(gate.calls.map(c => c.node), ['c'], 'concurrent failures of one node share one drop')
  t.same(p.inSync, ['b', 'c'], 'c stays required until the drop commits')

  gate.commit()
  await Promise.all(inFlight)
  t.equal(acked.size, 70, 'every write succeeded once c was out of the committed set')
  t.same(p.inSync, ['b'])
  await write(70)
  t.equal(gate.calls.length, 1, 'later writes need no drop')
  for (const [i, data] of acked) t.same(await nodes.b!.store.read(i * BLOCK, 4 * KiB), data, `b holds acked write ${i}`)
  t.same(await crcs(nodes.b!.store), await crcs(nodes.a!.store), 'b equals the primary')
})

t.test('a drop that is refused fails the write, and the next write asks again', async t => {
  const { network, primary } = await cluster(t)
  const gate = new DropGate()
  const p = await primary('a', {}, { dropReplica: gate.dropReplica })
  gate.attach(p)
  network.partition('a', 'c')
  let acked = false
  const w = p.write(0, randomBytes(4 * KiB), { generation: 1 }).then(() => { acked = true })
  await gate.waitFor(1)
  t.same(gate.calls, [{ node: 'c', code: 'ERR_REPLICA_TIMEOUT' }], 'the owner hears which node and why (its stream was cut)')
  gate.refuse()
  await t.rejects(w, { code: 'ERR_REPLICA_UNAVAILABLE', nodes: ['c'], cause: { message: 'no quorum' } })
  t.notOk(acked, 'the write was never acknowledged')
  t.same(p.inSync, ['b', 'c'], 'c is still required')

  const again = p.flush()
  await gate.waitFor(1)
  t.equal(gate.calls.length, 2, 'a refused drop is not remembered: the next failure asks again')
  gate.commit()
  await again
  t.same(p.inSync, ['b'])
})

t.test('a write is acknowledged when the committed set dropped the node, even if the owner\'s answer then fails', async t => {
  const { network, primary } = await cluster(t)
  let p!: Awaited<ReturnType<typeof primary>>
  // An owner that commits, calls setInSync, and only then says no (e.g. its reply timed out): the set no longer needs c.
  p = await primary('a', {}, {
    dropReplica: async node => {
      await p.setInSync(p.inSync.filter(n => n !== node), 1)
      throw new Error('reply lost')
    }
  })
  network.partition('a', 'c')
  await p.write(0, randomBytes(4 * KiB), { generation: 1 })
  t.same(p.inSync, ['b'], 'setInSync released c, which is what the ack rule needs')
})

t.test('a store that does not own its local store leaves it open', async t => {
  const { nodes, primary } = await cluster(t, ['a', 'b'])
  const p = await primary('a', { ownsLocal: false })
  await p.write(0, Buffer.alloc(4 * KiB, 7), { generation: 1 })
  await p.close()
  t.same(await nodes.a!.store.read(0, 4 * KiB), Buffer.alloc(4 * KiB, 7), 'the local store still serves')

  const owner = await primary('b', { inSync: ['a'] })
  await owner.close()
  await t.rejects(nodes.b!.store.read(0, 4 * KiB), { code: 'ERR_STORE_CLOSED' }, 'by default close closes it')
})
