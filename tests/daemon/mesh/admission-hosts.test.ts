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
import type { Connection } from '@libp2p/interface'
import { JOIN_PROTOCOL } from '../../../daemon/mesh/join-protocol.ts'
import { Libp2pDuplex } from '../../../daemon/mesh/libp2p-stream.ts'
import { connect, DIAL_TIMEOUT, startHost, waitFor } from './helpers.ts'

const TOPIC = 'trellis-test/admission'

/** Feeds a host a grid state of its own: members and revoked peers, changeable by the test. */
function grid (host: MeshHost): { members: Set<string>, revoked: Set<string> } {
  const state = { members: new Set<string>(), revoked: new Set<string>() }
  host.admission.use({ isMember: p => state.members.has(p), isRevoked: p => state.revoked.has(p) })
  return state
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
  await waitFor('the join connection to close', () => from.libp2p.getConnections().every(c => c.limits === undefined || c.status !== 'open'), DIAL_TIMEOUT)
  return from.connectedPeers.includes(to.peerId) && to.connectedPeers.includes(from.peerId)
}

t.test('a node with the grid key joins, then pings and hears gossip; the others learn it is a member', async t => {
  const key = GridKey.create()
  const a = await startHost(t, { gridKey: key })
  const b = await startHost(t, { gridKey: key })
  const aGrid = grid(a)
  grid(b)
  aGrid.members.add(a.peerId)
  t.equal(a.admission.verdict(b.peerId), 'join', 'b is not a member of a yet')
  await connect(b, a)
  t.equal(a.admission.verdict(b.peerId), 'member', 'b proved the key to a')
  t.equal(b.admission.verdict(a.peerId), 'member', 'and a to b: one exchange proves both ways')
  t.ok(await b.ping(a.peerId) >= 0, 'b pings a')
  t.ok(await a.ping(b.peerId) >= 0, 'a pings b')
  const heard = new Promise<string>(resolve => {
    b.libp2p.services.pubsub.addEventListener('message', event => { resolve(new TextDecoder().decode(event.detail.data)) })
  })
  b.libp2p.services.pubsub.subscribe(TOPIC)
  await waitFor('b to be a subscriber a knows of', () => a.libp2p.services.pubsub.getSubscribers(TOPIC).some(peer => peer.equals(b.libp2p.peerId)))
  await a.libp2p.services.pubsub.publish(TOPIC, new TextEncoder().encode('welcome'))
  t.equal(await heard, 'welcome', 'b hears a\'s gossip')
  const connection = a.libp2p.getConnections(b.libp2p.peerId).find(c => c.status === 'open')
  t.equal(connection?.limits, undefined, 'the connection that stays is a member connection')
})

t.test('a member of the log is let in without proving anything', async t => {
  const key = GridKey.create()
  const a = await startHost(t, { gridKey: key })
  const b = await startHost(t, { gridKey: key })
  grid(a).members.add(b.peerId)
  grid(b).members.add(a.peerId)
  const opened = new Promise<string[]>(resolve => {
    a.libp2p.addEventListener('connection:open', event => { resolve(event.detail.limits === undefined ? ['member'] : ['limited']) }, { once: true })
  })
  await connect(b, a)
  t.same(await opened, ['member'], 'the first connection is a member connection')
})

t.test('a node with another grid key is refused fast, and only the join protocol answers it', async t => {
  const a = await startHost(t, { gridKey: GridKey.create() })
  const stranger = await startHost(t, { gridKey: GridKey.create() })
  grid(a)
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
  t.equal(a.admission.verdict(stranger.peerId), 'join', 'the stranger never became a member')
  await t.rejects(stranger.ping(a.peerId), 'the stranger cannot ping')
})

t.test('a peer that opens the join protocol but proves nothing is cut off', async t => {
  const a = await startHost(t, { gridKey: GridKey.create() })
  // The stranger answers the ask with garbage, then asks a itself and sends a garbage proof.
  const stranger = await startHost(t, { gridKey: GridKey.create() })
  grid(a)
  await stranger.libp2p.unhandle(JOIN_PROTOCOL)
  await stranger.libp2p.handle(JOIN_PROTOCOL, (stream) => { stream.send(new Uint8Array(64)) }, { runOnLimitedConnection: true })
  const connection = await stranger.libp2p.dial(multiaddr(a.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) })
  await waitFor('a to close the connection', () => connection.status !== 'open', DIAL_TIMEOUT)
  t.equal(a.admission.verdict(stranger.peerId), 'join')
  t.same(a.connectedPeers, [])
})

t.test('a removed node is cut off, and cannot connect again either way', async t => {
  const key = GridKey.create()
  const a = await startHost(t, { gridKey: key })
  const b = await startHost(t, { gridKey: key })
  const aGrid = grid(a)
  grid(b)
  await connect(b, a)
  t.ok(a.connectedPeers.includes(b.peerId))
  aGrid.revoked.add(b.peerId)
  a.cut(b.peerId)
  await waitFor('b to lose its connection', () => !b.connectedPeers.includes(a.peerId) && a.libp2p.getConnections(b.libp2p.peerId).length === 0, DIAL_TIMEOUT)
  const started = Date.now()
  t.notOk(await settle(b, a), 'b cannot connect back, grid key or not')
  await t.rejects(a.libp2p.dial(multiaddr(b.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) }), 'a never dials b')
  t.ok(Date.now() - started < DIAL_TIMEOUT, `refused in ${Date.now() - started} ms`)
  t.equal(a.admission.verdict(b.peerId), 'refused')
})
