import t from 'tap'
import type { Test } from 'tap'
import type { Duplex } from 'node:stream'
import { once } from 'node:events'
import { createServer } from 'node:net'
import type { Socket } from 'node:net'
import { finished } from 'node:stream/promises'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { createMeshHost, GridKey, Libp2pTransport } from '../../../daemon/mesh/index.ts'
import type { MeshHost } from '../../../daemon/mesh/index.ts'
import { transportCompliance } from '../network/transport-compliance.ts'
import { connect, DIAL_TIMEOUT, FAST_BACKOFF, logger, startGrid, startHost } from './helpers.ts'

transportCompliance('libp2p', async () => {
  const gridKey = GridKey.create()
  const hosts: MeshHost[] = []
  const stopAll = async (): Promise<void> => { await Promise.all(hosts.map(host => host.stop())) }
  try {
    for (let i = 0; i < 2; i++) {
      hosts.push(await createMeshHost({ logger }, {
        privateKey: await generateKeyPair('Ed25519'),
        gridKey,
        listen: ['/ip4/127.0.0.1/tcp/0'],
        dialTimeoutMs: DIAL_TIMEOUT,
        backoff: FAST_BACKOFF
      }))
    }
    await connect(hosts[0], hosts[1])
  } catch (err) {
    await stopAll()
    throw err
  }
  const a = new Libp2pTransport({ host: hosts[0], logger }, { dialTimeoutMs: DIAL_TIMEOUT })
  const b = new Libp2pTransport({ host: hosts[1], logger }, { dialTimeoutMs: DIAL_TIMEOUT })
  // A valid peer id that no host holds, so the dial goes all the way into libp2p.
  const absent = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
  return { a, b, absent, cleanup: async () => { await Promise.all([a.close(), b.close()]); await stopAll() } }
})

const SINK = '/trellis-test/sink/1'

/** Transports over two connected hosts of one grid, closed when the test ends. */
async function transports (t: Test): Promise<{ hosts: MeshHost[], a: Libp2pTransport, b: Libp2pTransport }> {
  const hosts = await startGrid(t, 2)
  const a = new Libp2pTransport({ host: hosts[0], logger }, { dialTimeoutMs: DIAL_TIMEOUT })
  const b = new Libp2pTransport({ host: hosts[1], logger }, { dialTimeoutMs: DIAL_TIMEOUT })
  t.teardown(async () => { await Promise.all([a.close(), b.close()]) })
  return { hosts, a, b }
}

/** Makes `to` accept SINK streams and returns both ends of one opened from `from`. */
async function open (from: Libp2pTransport, to: Libp2pTransport): Promise<{ local: Duplex, remote: Duplex }> {
  const accepted = new Promise<Duplex>(resolve => to.handle(SINK, stream => { stream.on('error', noop); resolve(stream) }))
  const local = await from.dial(to.nodeId, SINK)
  local.on('error', noop)
  return { local, remote: await accepted }
}

/** The error a stream ends with, or undefined for a clean end. Attach before the stream can fail. */
function outcome (stream: Duplex): Promise<unknown> {
  return finished(stream).then(() => undefined, (err: unknown) => err)
}

function noop (): void {}

t.test('the node id is the host peer id', async t => {
  const { hosts, a, b } = await transports(t)
  t.equal(a.nodeId, hosts[0].peerId)
  t.equal(b.nodeId, hosts[1].peerId)
})

t.test('a destroyed end resets its peer with ERR_STREAM_RESET', async t => {
  const { a, b } = await transports(t)
  const { local, remote } = await open(a, b)
  const remoteEnd = outcome(remote)
  local.destroy(new Error('local failure'))
  t.match(await remoteEnd, { code: 'ERR_STREAM_RESET' })
})

t.test('a handler that throws resets the dialer', async t => {
  const { a, b } = await transports(t)
  b.handle(SINK, () => { throw new Error('handler bug') })
  const stream = await a.dial(b.nodeId, SINK)
  stream.write('anyone there?')
  t.match(await outcome(stream), { code: 'ERR_STREAM_RESET' })
})

t.test('ids that are not peers, and the node itself, are unreachable', async t => {
  const { a } = await transports(t)
  await t.rejects(a.dial('no-such-node', SINK), { code: 'ERR_UNREACHABLE' })
  await t.rejects(a.dial(a.nodeId, SINK), { code: 'ERR_UNREACHABLE' })
})

t.test('closing resets streams before the host goes, so peers never see a clean end', async t => {
  const { a, b } = await transports(t)
  const { local, remote } = await open(a, b)
  const localEnd = outcome(local)
  const remoteEnd = outcome(remote)
  await a.close()
  t.match(await remoteEnd, { code: 'ERR_STREAM_RESET' })
  t.match(await localEnd, { code: 'ERR_STREAM_PREMATURE_CLOSE' }, 'the local end closed early, with no error of its own')
})

t.test('a host that stops under an open stream fails it', async t => {
  const { hosts, a, b } = await transports(t)
  const { local } = await open(a, b)
  const localEnd = outcome(local)
  await hosts[1].stop()
  t.match(await localEnd, { code: 'ERR_UNREACHABLE' })
})

t.test('a dial finds a peer the peer store does not know through the address hints', async t => {
  const gridKey = GridKey.create()
  const [a, c] = [await startHost(t, { gridKey }), await startHost(t, { gridKey })]
  const plain = new Libp2pTransport({ host: a, logger }, { dialTimeoutMs: DIAL_TIMEOUT })
  const target = new Libp2pTransport({ host: c, logger }, { dialTimeoutMs: DIAL_TIMEOUT })
  t.teardown(async () => { await Promise.all([plain.close(), target.close()]) })
  target.handle(SINK, stream => { stream.on('error', noop); stream.end('found') })

  await t.rejects(plain.dial(c.peerId, SINK), { code: 'ERR_UNREACHABLE' }, 'no address, no dial')
  const hinted = new Libp2pTransport({ host: a, logger }, { dialTimeoutMs: DIAL_TIMEOUT, addresses: new Map([[c.peerId, c.addresses]]) })
  const stream = await hinted.dial(c.peerId, SINK)
  stream.end()
  const chunks: Buffer[] = []
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk)
  t.equal(Buffer.concat(chunks).toString(), 'found')
})

t.test('a dial to a peer that never answers fails within the dial timeout', async t => {
  // A TCP server that accepts and says nothing: what a host of another grid,
  // or a wedged one, looks like to the dialer.
  const sockets = new Set<Socket>()
  const server = createServer(socket => { sockets.add(socket); socket.on('error', noop) })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(() => { for (const socket of sockets) socket.destroy(); server.close() })
  const port = (server.address() as { port: number }).port

  const host = await startHost(t, { gridKey: GridKey.create() })
  const dialTimeoutMs = 1_000
  const transport = new Libp2pTransport({ host, logger }, { dialTimeoutMs })
  t.teardown(() => transport.close())
  const silent = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
  const hinted = new Libp2pTransport({ host, logger }, { dialTimeoutMs, addresses: new Map([[silent, [`/ip4/127.0.0.1/tcp/${port}`]]]) })

  const started = Date.now()
  await t.rejects(hinted.dial(silent, SINK), { code: 'ERR_UNREACHABLE' })
  const took = Date.now() - started
  t.ok(took < dialTimeoutMs + 2_000, `gave up after ${took} ms`)
})
