import t from 'tap'
import type { Test } from 'tap'
import type { Duplex } from 'node:stream'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { LoopbackNetwork, LoopbackTransport } from '../../../daemon/network/index.ts'
import type { LoopbackNetworkInit } from '../../../daemon/network/index.ts'
import { transportCompliance } from './transport-compliance.ts'

transportCompliance('LoopbackTransport', async () => {
  const network = new LoopbackNetwork()
  const a = new LoopbackTransport({ network }, { nodeId: 'node-a' })
  const b = new LoopbackTransport({ network }, { nodeId: 'node-b' })
  return { a, b, cleanup: async () => { await Promise.all([a.close(), b.close()]) } }
})

const SINK = '/trellis-test/sink/1'

/** A network with the given nodes, all closed when the test ends. */
function grid (t: Test, ids: string[], init?: LoopbackNetworkInit): { network: LoopbackNetwork, nodes: LoopbackTransport[] } {
  const network = new LoopbackNetwork(init)
  const nodes = ids.map(nodeId => new LoopbackTransport({ network }, { nodeId }))
  t.teardown(async () => { await Promise.all(nodes.map(node => node.close())) })
  return { network, nodes }
}

/**
 * Makes `to` accept SINK streams and returns both ends of one opened from
 * `from`. Errors are swallowed so teardown resets cannot crash the run; tests
 * read them through outcome().
 */
async function connect (from: LoopbackTransport, to: LoopbackTransport): Promise<{ local: Duplex, remote: Duplex }> {
  const accepted = new Promise<Duplex>(resolve => to.handle(SINK, stream => { stream.on('error', noop); resolve(stream) }))
  const local = await from.dial(to.nodeId, SINK)
  local.on('error', noop)
  return { local, remote: await accepted }
}

function noop (): void {}

/** The error a stream ends with, or undefined for a clean end. Attach before the stream can fail. */
function outcome (stream: Duplex): Promise<unknown> {
  return finished(stream).then(() => undefined, (err: unknown) => err)
}

t.test('a partition cuts dials and open streams between two nodes only', async t => {
  const { network, nodes: [a, b, c] } = grid(t, ['a', 'b', 'c'])
  const ab = await connect(a, b)
  const ac = await connect(a, c)
  const abLocal = outcome(ab.local)
  const abRemote = outcome(ab.remote)

  network.partition('a', 'b')
  t.match(await abLocal, { code: 'ERR_UNREACHABLE' }, "the dialer's end fails")
  t.match(await abRemote, { code: 'ERR_UNREACHABLE' }, "the listener's end fails")
  t.notOk(network.reachable('a', 'b'))
  t.notOk(network.reachable('b', 'a'))
  await t.rejects(a.dial('b', SINK), { code: 'ERR_UNREACHABLE' })
  await t.rejects(b.dial('a', SINK), { code: 'ERR_UNREACHABLE' })

  t.notOk(ac.local.destroyed, 'a stream to a third node survives')
  const received = once(ac.remote, 'data')
  ac.local.write('still flowing')
  t.equal((await received)[0].toString(), 'still flowing')

  network.heal('b', 'a')
  t.ok(network.reachable('a', 'b'))
  const again = await a.dial('b', SINK)
  again.end()
  network.partition('a', 'c')
  network.partition('b', 'c')
  network.heal()
  t.ok(network.reachable('a', 'c') && network.reachable('b', 'c'), 'heal() restores every link')
})

t.test('a node id is held until its transport closes', async t => {
  const { network, nodes: [a] } = grid(t, ['a'])
  t.throws(() => new LoopbackTransport({ network }, { nodeId: 'a' }), { code: 'ERR_NODE_ID_IN_USE' })
  await a.close()
  t.same(network.nodes, [])
  const restarted = new LoopbackTransport({ network }, { nodeId: 'a' })
  t.teardown(() => restarted.close())
  t.same(network.nodes, ['a'])
})

t.test('a closed transport refuses handlers', async t => {
  const { nodes: [a] } = grid(t, ['a'])
  await a.close()
  t.throws(() => a.handle(SINK, () => {}), { code: 'ERR_TRANSPORT_CLOSED' })
})

t.test('closing quietly ends its own streams and resets the peers', async t => {
  const { nodes: [a, b] } = grid(t, ['a', 'b'])
  const { local, remote } = await connect(a, b)
  const localEnd = outcome(local)
  const remoteEnd = outcome(remote)
  await a.close()
  t.match(await remoteEnd, { code: 'ERR_STREAM_RESET' })
  t.match(await localEnd, { code: 'ERR_STREAM_PREMATURE_CLOSE' }, 'the local end closed early, with no error of its own')
})

t.test('a destroyed end resets its peer with ERR_STREAM_RESET', async t => {
  const { nodes: [a, b] } = grid(t, ['a', 'b'])
  const { local, remote } = await connect(a, b)
  const remoteEnd = outcome(remote)
  local.destroy(new Error('local failure'))
  t.match(await remoteEnd, { code: 'ERR_STREAM_RESET' })
})

t.test('a handler that throws resets the dialer', async t => {
  const { nodes: [a, b] } = grid(t, ['a', 'b'])
  b.handle(SINK, () => { throw new Error('handler bug') })
  const stream = await a.dial('b', SINK)
  t.match(await outcome(stream), { code: 'ERR_STREAM_RESET' })
})

t.test('a node can dial itself, and closing ends both ends quietly', async t => {
  const { nodes: [a] } = grid(t, ['a'])
  const { local, remote } = await connect(a, a)
  local.write('self')
  t.equal((await once(remote, 'data'))[0].toString(), 'self')
  const localEnd = outcome(local)
  const remoteEnd = outcome(remote)
  await a.close()
  t.match(await localEnd, { code: 'ERR_STREAM_PREMATURE_CLOSE' })
  t.match(await remoteEnd, { code: 'ERR_STREAM_PREMATURE_CLOSE' })
})

t.test('the network highWaterMark bounds what a stalled stream buffers', async t => {
  const highWaterMark = 1024 // bytes
  const { nodes: [a, b] } = grid(t, ['a', 'b'], { highWaterMark })
  const { local, remote } = await connect(a, b)
  t.equal(local.writableHighWaterMark, highWaterMark)
  const chunk = Buffer.alloc(256)
  let written = 0
  while (local.write(chunk)) written += chunk.length
  written += chunk.length
  // The peer's read buffer and this side's write buffer, each filled to the mark.
  t.ok(written <= 2 * highWaterMark + chunk.length, `${written} bytes buffered`)
  remote.resume()
  await once(local, 'drain')
  local.end()
  await once(remote, 'end')
})

t.test("a writer may reuse its buffer once the write's callback ran", async t => {
  const { nodes: [a, b] } = grid(t, ['a', 'b'])
  const { local, remote } = await connect(a, b)
  const buffer = Buffer.from('first')
  await new Promise<void>((resolve, reject) => local.write(buffer, err => { if (err != null) reject(err); else resolve() }))
  buffer.write('later')
  local.end()
  const chunks: Buffer[] = []
  for await (const chunk of remote as AsyncIterable<Buffer>) chunks.push(chunk)
  remote.end()
  t.equal(Buffer.concat(chunks).toString(), 'first')
})
