/**
 * Admission with real hosts on 127.0.0.1: a node holding the grid key joins
 * through the join protocol and then works (ping, gossip); a node with
 * another key, or none to prove, is refused fast; a node the grid removes is
 * cut off and cannot connect again.
 */
import t from 'tap'
import { multiaddr } from '@multiformats/multiaddr'
import { GridKey } from '../../../daemon/mesh/index.ts'
import type { MeshHost } from '../../../daemon/mesh/index.ts'
import type { Connection, Libp2p } from '@libp2p/interface'
import { noise } from '@libp2p/noise'
import { tcp } from '@libp2p/tcp'
import { yamux } from '@libp2p/yamux'
import { createLibp2p } from 'libp2p'
import type { Test } from 'tap'
import { JOIN_PROTOCOL } from '../../../daemon/mesh/join-protocol.ts'
import { Libp2pDuplex } from '../../../daemon/mesh/libp2p-stream.ts'
import { connect, DIAL_TIMEOUT, startHost, waitFor } from './helpers.ts'

const TOPIC = 'trellis-test/admission'

/** Feeds a host a set of revoked peers, as the replicated state would. */
function revocations (host: MeshHost): Set<string> {
  const revoked = new Set<string>()
  host.admission.use({ isRevoked: p => revoked.has(p) })
  return revoked
}

/** Bytes a peer sends back on a stream of `protocol` (a ping is echoed, identify speaks first) before the stream ends or fails. */
async function answerTo (connection: Connection, protocol: string): Promise<number> {
  let stream
  try {
    stream = await connection.newStream(protocol, { runOnLimitedConnection: true, signal: AbortSignal.timeout(DIAL_TIMEOUT) })
  } catch {
    return 0
  }
  const duplex = new Libp2pDuplex(stream, { remoteNode: connection.remotePeer.toString(), highWaterMark: 1024 })
  duplex.write(new Uint8Array(32))
  let bytes = 0
  try {
    for await (const chunk of duplex) bytes += (chunk as Buffer).byteLength
  } catch {}
  return bytes
}

/** Dials `to` from `from` and waits until the dial's outcome settles: a member connection, or none. */
async function settle (from: MeshHost, to: MeshHost): Promise<boolean> {
  await from.libp2p.dial(multiaddr(to.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) }).catch(() => undefined)
  await waitFor('the join exchange to end', () => from.libp2p.getConnections().every(c => c.limits === undefined || c.status !== 'open'), DIAL_TIMEOUT)
  return from.connectedPeers.includes(to.peerId) && to.connectedPeers.includes(from.peerId)
}

t.test('a node with the grid key joins, then pings and hears gossip, on the one connection', async t => {
  const key = GridKey.create()
  const a = await startHost(t, { gridKey: key })
  const b = await startHost(t, { gridKey: key })
  const opened: string[] = []
  a.libp2p.addEventListener('connection:open', event => { opened.push(event.detail.limits === undefined ? 'open' : 'limited') })
  await connect(b, a)
  t.same(opened, ['limited'], 'a connection starts limited to the join protocol')
  t.ok(await b.ping(a.peerId) >= 0, 'b pings a')
  t.ok(await a.ping(b.peerId) >= 0, 'a pings b')
  const heard = new Promise<string>(resolve => {
    b.libp2p.services.pubsub.addEventListener('message', event => { resolve(new TextDecoder().decode(event.detail.data)) })
  })
  b.libp2p.services.pubsub.subscribe(TOPIC)
  await waitFor('b to be a subscriber a knows of', () => a.libp2p.services.pubsub.getSubscribers(TOPIC).some(peer => peer.equals(b.libp2p.peerId)))
  await a.libp2p.services.pubsub.publish(TOPIC, new TextEncoder().encode('welcome'))
  t.equal(await heard, 'welcome', 'b hears a\'s gossip')
  const connections = a.libp2p.getConnections(b.libp2p.peerId).filter(c => c.status === 'open')
  t.equal(connections.length, 1, 'one connection')
  t.equal(connections[0]?.limits, undefined, 'no longer limited')
})

t.test('a node that dials before the other knows it waits for the exchange, then its stream goes through', async t => {
  const key = GridKey.create()
  const a = await startHost(t, { gridKey: key })
  const b = await startHost(t, { gridKey: key })
  // A dial straight for a protocol, as the transport makes one: libp2p
  // connects, and the stream waits until both ends have proved the key.
  const rtt = await b.libp2p.services.ping.ping(multiaddr(a.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) })
  t.ok(rtt >= 0, `pinged on first contact (${rtt} ms)`)
})

t.test('a node with another grid key is refused fast, and only the join protocol answers it', async t => {
  const a = await startHost(t, { gridKey: GridKey.create() })
  const stranger = await startHost(t, { gridKey: GridKey.create() })
  const started = Date.now()
  const connection = await stranger.libp2p.dial(multiaddr(a.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) }).catch(() => undefined)
  if (connection !== undefined) {
    // libp2p agrees the protocol name before it checks the connection's
    // limits, so a stream may open; its handler never runs and it is reset.
    for (const protocol of ['/ipfs/id/1.0.0', '/ipfs/ping/1.0.0', '/meshsub/1.1.0']) {
      t.equal(await answerTo(connection, protocol), 0, `${protocol} tells nothing`)
    }
  }
  t.notOk(await settle(stranger, a), 'no member connection')
  t.ok(Date.now() - started < DIAL_TIMEOUT, `settled in ${Date.now() - started} ms, before the join window closes`)
  t.same(a.connectedPeers, [], 'a holds no connection to it')
  await t.rejects(stranger.ping(a.peerId), 'the stranger cannot ping')
})

/** A plain libp2p node (tcp · noise · yamux) that speaks the join protocol only as the test makes it. */
async function plainNode (t: Test): Promise<Libp2p> {
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    connectionManager: { dialTimeout: DIAL_TIMEOUT }
  })
  t.teardown(() => node.stop())
  return node
}

t.test('a dialler that sends a garbage proof, or none, is cut off', async t => {
  const a = await startHost(t, { gridKey: GridKey.create() })
  const stranger = await plainNode(t)
  for (const [what, bytes] of [['a garbage proof', 64], ['no proof', 0]] as const) {
    const connection = await stranger.dial(multiaddr(a.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) })
    const stream = await connection.newStream(JOIN_PROTOCOL, { runOnLimitedConnection: true, signal: AbortSignal.timeout(DIAL_TIMEOUT) })
    stream.send(new Uint8Array(32))
    if (bytes > 0) stream.send(new Uint8Array(bytes))
    await waitFor(`a to close the connection (${what})`, () => connection.status !== 'open', 2 * DIAL_TIMEOUT)
    t.same(a.connectedPeers, [], what)
  }
})

t.test('a listener that answers with garbage is cut off by the dialler', async t => {
  const a = await startHost(t, { gridKey: GridKey.create() })
  const impostor = await startHost(t, { gridKey: GridKey.create() })
  await impostor.libp2p.unhandle(JOIN_PROTOCOL)
  await impostor.libp2p.handle(JOIN_PROTOCOL, (stream) => { stream.send(new Uint8Array(64)) }, { runOnLimitedConnection: true })
  const connection = await a.libp2p.dial(multiaddr(impostor.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) })
  await waitFor('a to close the connection', () => connection.status !== 'open', DIAL_TIMEOUT)
  t.same(a.connectedPeers, [])
})

t.test('a removed node is cut off, and cannot connect again either way', async t => {
  const key = GridKey.create()
  const a = await startHost(t, { gridKey: key })
  const b = await startHost(t, { gridKey: key })
  const revoked = revocations(a)
  await connect(b, a)
  t.ok(a.connectedPeers.includes(b.peerId))
  revoked.add(b.peerId)
  a.cut(b.peerId)
  await waitFor('b to lose its connection', () => !b.connectedPeers.includes(a.peerId) && a.libp2p.getConnections(b.libp2p.peerId).length === 0, DIAL_TIMEOUT)
  const started = Date.now()
  t.notOk(await settle(b, a), 'b cannot connect back, grid key or not')
  await t.rejects(a.libp2p.dial(multiaddr(b.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) }), 'a never dials b')
  t.ok(Date.now() - started < DIAL_TIMEOUT, `refused in ${Date.now() - started} ms`)
  t.equal(a.admission.verdict(b.peerId), 'refused')
  t.notOk(a.links.peers.includes(b.peerId), 'a keeps no link to it')
})

t.test('links are kept to members, never to a stranger either way', async t => {
  const key = GridKey.create()
  const a = await startHost(t, { gridKey: key })
  const b = await startHost(t, { gridKey: key })
  const stranger = await startHost(t, { gridKey: GridKey.create() })
  await settle(stranger, a)
  await connect(b, a)
  t.ok(a.links.peers.includes(b.peerId), 'a keeps a link to the member')
  t.notOk(a.links.peers.includes(stranger.peerId), 'and none to the stranger')
  t.notOk(stranger.links.peers.includes(a.peerId), 'nor the stranger to a')
})
