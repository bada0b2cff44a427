import t from 'tap'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { backoffDelay, DEFAULT_BACKOFF, GridKey } from '../../../daemon/mesh/index.ts'
import type { BackoffPolicy } from '../../../daemon/mesh/index.ts'
import { freePort } from '../../../daemon/network/index.ts'
import { connect, nodeKey, portOf, startHost, waitFor } from './helpers.ts'

t.test('the back-off schedule doubles from 500 ms to 30 s, less the jitter', async t => {
  const table: Array<[attempt: number, random: number, delay: number]> = [
    [0, 0, 500],
    [1, 0, 1_000],
    [2, 0, 2_000],
    [5, 0, 16_000],
    [6, 0, 30_000], // 32 s capped
    [7, 0, 30_000],
    [1_000, 0, 30_000], // factor ** attempt overflows to Infinity; still the cap
    [0, 0.5, 375], // up to half taken off: 500 · (1 − 0.5 · 0.5)
    [0, 0.999, 250],
    [6, 0.5, 22_500],
    [-3, 0, 500], // nonsense attempts count as the first
    [Number.NaN, 0, 500],
    [2.7, 0, 2_000],
    [0, 7, 250], // draws outside [0, 1) are clamped
    [0, Number.NaN, 500]
  ]
  for (const [attempt, random, delay] of table) {
    t.equal(backoffDelay(attempt, random), delay, `attempt ${attempt}, draw ${random}`)
  }
})

t.test('the schedule follows the policy it is given', async t => {
  const policy: BackoffPolicy = { initialMs: 100, maxMs: 1_000, factor: 3, jitter: 0 }
  t.same([0, 1, 2, 3].map(attempt => backoffDelay(attempt, 0.9, policy)), [100, 300, 900, 1_000])
  t.same(DEFAULT_BACKOFF, { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5 })
})

t.test('a peer that restarts on the same port with the same key is linked again without help', async t => {
  const gridKey = GridKey.create()
  const privateKey = await nodeKey()
  const a = await startHost(t, { gridKey })
  const b = await startHost(t, { gridKey, privateKey })
  await connect(a, b)
  const port = portOf(b)

  await b.stop()
  await waitFor('a to see b gone', () => !a.connectedPeers.includes(b.peerId))
  // Down for several redials, so the back-off has grown when b returns.
  await new Promise(resolve => setTimeout(resolve, 1_000))
  const restarted = await startHost(t, { gridKey, privateKey, listen: [`/ip4/127.0.0.1/tcp/${port}`] })
  t.equal(restarted.peerId, b.peerId, 'the same peer id')
  await waitFor('a to redial b', () => a.connectedPeers.includes(b.peerId))
  t.ok(await a.ping(b.peerId) >= 0, 'the link carries traffic')
})

t.test('a bootstrap peer that is down at start is linked once it comes up', async t => {
  const gridKey = GridKey.create()
  const seedKey = await nodeKey()
  const port = await freePort()
  const seedAddress = `/ip4/127.0.0.1/tcp/${port}/p2p/${peerIdFromPrivateKey(seedKey).toString()}`
  const joiner = await startHost(t, { gridKey, bootstrap: [seedAddress] })
  await new Promise(resolve => setTimeout(resolve, 700))
  t.same(joiner.connectedPeers, [], 'nothing to link to yet')
  const seed = await startHost(t, { gridKey, privateKey: seedKey, listen: [`/ip4/127.0.0.1/tcp/${port}`] })
  await waitFor('the joiner to link the seed', () => joiner.connectedPeers.includes(seed.peerId))
  t.pass('linked')
})

t.test('a forgotten peer is not redialled', async t => {
  const gridKey = GridKey.create()
  const privateKey = await nodeKey()
  const a = await startHost(t, { gridKey })
  const b = await startHost(t, { gridKey, privateKey })
  await connect(a, b)
  const port = portOf(b)
  await waitFor('a to keep b', () => a.links.peers.includes(b.peerId))
  a.links.forget(b.peerId)
  t.notOk(a.links.peers.includes(b.peerId))

  await b.stop()
  await waitFor('a to see b gone', () => !a.connectedPeers.includes(b.peerId))
  await startHost(t, { gridKey, privateKey, listen: [`/ip4/127.0.0.1/tcp/${port}`] })
  await new Promise(resolve => setTimeout(resolve, 1_500))
  t.notOk(a.connectedPeers.includes(b.peerId), 'no redial after forget')
})

t.test('stopped links redial nothing', async t => {
  const gridKey = GridKey.create()
  const privateKey = await nodeKey()
  const a = await startHost(t, { gridKey })
  const b = await startHost(t, { gridKey, privateKey })
  await connect(a, b)
  const port = portOf(b)
  a.links.stop()
  a.links.stop()
  await b.stop()
  await waitFor('a to see b gone', () => !a.connectedPeers.includes(b.peerId))
  await startHost(t, { gridKey, privateKey, listen: [`/ip4/127.0.0.1/tcp/${port}`] })
  await new Promise(resolve => setTimeout(resolve, 1_500))
  t.notOk(a.connectedPeers.includes(b.peerId))
  a.links.start()
  await waitFor('a restarted to link b again', () => a.connectedPeers.includes(b.peerId))
})
