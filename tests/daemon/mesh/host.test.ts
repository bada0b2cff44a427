import t from 'tap'
import { once } from 'node:events'
import { connect as tcpConnect } from 'node:net'
import type { Socket } from 'node:net'
import { randomBytes } from 'node:crypto'
import { multiaddr } from '@multiformats/multiaddr'
import { createMeshHost, GridKey } from '../../../daemon/mesh/index.ts'
import { connect, DIAL_TIMEOUT, logger, nodeKey, portOf, startGrid, startHost, waitFor } from './helpers.ts'

const TOPIC = 'trellis-test/adverts'

/** Resolves when the socket closes, whether by a FIN or a reset (which once() would reject on). */
function closed (socket: Socket): Promise<void> {
  return new Promise(resolve => socket.once('close', () => { resolve() }))
}

t.test('two hosts with the same grid key connect and ping', async t => {
  const [a, b] = await startGrid(t, 2)
  t.match(a.peerId, /^12D3Koo/, 'an Ed25519 peer id')
  t.ok(a.addresses.every(address => address.endsWith(`/p2p/${a.peerId}`)), 'addresses end in the peer id')
  t.ok(a.connectedPeers.includes(b.peerId))
  t.ok(b.connectedPeers.includes(a.peerId))
  const rtt = await a.ping(b.peerId)
  t.ok(rtt >= 0, `ping ${rtt} ms`)
  const connection = a.libp2p.getConnections(b.libp2p.peerId)[0]
  t.equal(connection.encryption, '/noise')
  t.equal(connection.multiplexer, '/yamux/1.0.0')
  t.equal(a.remoteIp4(b.peerId), '127.0.0.1', 'the address a reaches b at')
  t.equal(a.remoteIp4(a.peerId), undefined, 'none to itself')
  t.equal(a.remoteIp4('not a peer id'), undefined, 'none for garbage')
})

t.test('a host of another grid can neither connect nor hear the gossip', async t => {
  const [a, b] = await startGrid(t, 2)
  const stranger = await startHost(t, { gridKey: GridKey.create() })

  for (const [from, to] of [[stranger, a], [a, stranger]]) {
    const started = Date.now()
    // The dial gets as far as a connection limited to the join protocol; the
    // proof fails and the connection is closed at once.
    const connection = await from.libp2p.dial(multiaddr(to.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) }).catch(() => undefined)
    if (connection !== undefined) {
      t.ok(connection.limits !== undefined, 'the connection is limited')
      await t.rejects(connection.newStream('/ipfs/ping/1.0.0', { signal: AbortSignal.timeout(DIAL_TIMEOUT) }), 'no protocol but the join protocol')
      await waitFor('the connection to close', () => connection.status !== 'open', DIAL_TIMEOUT)
    }
    await t.rejects(from.ping(to.peerId), 'no ping either way')
    const took = Date.now() - started
    t.ok(took < DIAL_TIMEOUT, `refused in ${took} ms, not hanging until the window closes`)
  }
  t.same(stranger.connectedPeers, [], 'the stranger has no connection')
  t.notOk(a.connectedPeers.includes(stranger.peerId))

  const heard: string[] = []
  stranger.libp2p.services.pubsub.addEventListener('message', event => { heard.push(new TextDecoder().decode(event.detail.data)) })
  stranger.libp2p.services.pubsub.subscribe(TOPIC)
  const received = new Promise<string>(resolve => {
    b.libp2p.services.pubsub.addEventListener('message', event => { resolve(new TextDecoder().decode(event.detail.data)) })
  })
  b.libp2p.services.pubsub.subscribe(TOPIC)
  await waitFor('b to be a subscriber a knows of', () => a.libp2p.services.pubsub.getSubscribers(TOPIC).some(peer => peer.equals(b.libp2p.peerId)))
  await a.libp2p.services.pubsub.publish(TOPIC, new TextEncoder().encode('for members only'))
  t.equal(await received, 'for members only', 'a member hears it')
  await new Promise(resolve => setTimeout(resolve, 500))
  t.same(heard, [], 'the stranger hears nothing')
})

t.test('a TCP client sending garbage is dropped; the hosts stay connected', async t => {
  const gridKey = GridKey.create()
  const [a, b] = await startGrid(t, 2, gridKey)
  const port = portOf(a)

  const started = Date.now()
  const garbage = tcpConnect({ host: '127.0.0.1', port })
  garbage.on('error', () => {})
  t.teardown(() => { garbage.destroy() })
  await once(garbage, 'connect')
  garbage.write(randomBytes(64 * 1024))
  await closed(garbage)
  t.ok(Date.now() - started < DIAL_TIMEOUT + 1_000, `garbage dropped after ${Date.now() - started} ms`)

  const silent = tcpConnect({ host: '127.0.0.1', port })
  silent.on('error', () => {})
  t.teardown(() => { silent.destroy() })
  await once(silent, 'connect')
  const silentStart = Date.now()
  await closed(silent)
  t.ok(Date.now() - silentStart < DIAL_TIMEOUT + 1_000, `a client saying nothing is dropped after the handshake timeout (${Date.now() - silentStart} ms)`)

  t.ok(a.connectedPeers.includes(b.peerId), 'still connected')
  t.ok(await a.ping(b.peerId) >= 0, 'and still answering')
  const c = await startHost(t, { gridKey })
  await connect(c, a)
  t.ok(c.connectedPeers.includes(a.peerId), 'and still accepting members')
})

t.test('a host finds its bootstrap peers by itself and skips its own entry', async t => {
  const gridKey = GridKey.create()
  const privateKey = await nodeKey()
  const seed = await startHost(t, { gridKey })
  const self = await startHost(t, { gridKey, privateKey, bootstrap: [seed.addresses[0]] })
  await waitFor('the bootstrap link', () => self.connectedPeers.includes(seed.peerId))
  t.ok(self.links.peers.includes(seed.peerId), 'the bootstrap peer is kept')

  const again = await startHost(t, { gridKey, bootstrap: [seed.addresses[0], ...self.addresses] })
  await waitFor('both links', () => again.connectedPeers.includes(seed.peerId) && again.connectedPeers.includes(self.peerId))
  const shared = [seed.addresses[0], ...again.addresses]
  const fourth = await startHost(t, { gridKey, bootstrap: shared })
  await waitFor('the links of a host given a list that holds itself', () => fourth.connectedPeers.includes(seed.peerId) && fourth.connectedPeers.includes(again.peerId))
  t.notOk(fourth.links.peers.includes(fourth.peerId), 'never itself')
})

t.test('bad addresses are refused up front, naming the address', async t => {
  const base = { privateKey: await nodeKey(), gridKey: GridKey.create(), listen: ['/ip4/127.0.0.1/tcp/0'] }
  await t.rejects(createMeshHost({ logger }, { ...base, listen: ['127.0.0.1:4001'] }), { code: 'ERR_MESH_ADDRESS_INVALID' })
  await t.rejects(createMeshHost({ logger }, { ...base, bootstrap: ['/ip4/127.0.0.1/tcp/4001'] }), { code: 'ERR_MESH_ADDRESS_INVALID' }, 'no /p2p/')
  await t.rejects(createMeshHost({ logger }, { ...base, bootstrap: ['/ip4/127.0.0.1/tcp/4001/p2p/not-a-peer'] }), { code: 'ERR_MESH_ADDRESS_INVALID' })
})

t.test('stop() is idempotent and returns the same promise', async t => {
  const host = await startHost(t, { gridKey: GridKey.create() })
  const first = host.stop()
  t.equal(host.stop(), first)
  await first
  t.equal(host.libp2p.status, 'stopped')
  await host.stop()
})
