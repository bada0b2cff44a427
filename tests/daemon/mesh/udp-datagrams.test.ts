/** Datagrams tagged with pair keys, over real UDP sockets on the loopback interface. */
import t from 'tap'
import type { Test } from 'tap'
import { createSocket } from 'node:dgram'
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { PrivateKey } from '@libp2p/interface'
import { pino } from 'pino'
import { GridKey, UdpDatagrams } from '../../../daemon/mesh/index.ts'
import { freePort } from '../../../daemon/network/index.ts'

const logger = pino({ level: 'silent' })
const grid = GridKey.create()

interface Node { d: UdpDatagrams, port: number, got: Array<{ from: string, text: string }> }

async function node (t: Test, options: { gridKey?: GridKey, privateKey?: PrivateKey } = {}): Promise<Node> {
  const d = new UdpDatagrams({ privateKey: options.privateKey ?? await generateKeyPair('Ed25519'), gridKey: options.gridKey ?? grid, logger })
  // freePort() finds a free TCP port; its UDP twin may be another process's (a daemon of a test alongside).
  let port = await freePort()
  let bound = await d.start(port)
  for (let tries = 1; !bound && tries < 10; tries++) bound = await d.start(port = await freePort())
  t.ok(bound, 'bound')
  t.teardown(() => d.close())
  const got: Array<{ from: string, text: string }> = []
  d.onMessage('detector', (from, data) => { got.push({ from, text: new TextDecoder().decode(data) }) })
  return { d, port, got }
}

/** Each learns where the other listens, as gossip would tell them. */
function introduce (a: Node, b: Node): void {
  a.d.learn(b.d.selfId, [`/ip4/127.0.0.1/tcp/${b.port}`])
  b.d.learn(a.d.selfId, [`/ip4/127.0.0.1/tcp/${a.port}`])
}

async function until (what: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !what(); i++) await new Promise(resolve => setTimeout(resolve, 10))
}

t.test('a datagram reaches the peer whose address was learnt, its sender proven', async t => {
  const a = await node(t)
  const b = await node(t)
  b.d.learn(a.d.selfId, [`/ip4/127.0.0.1/tcp/${a.port}`])
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('before'))
  a.d.learn(b.d.selfId, ['/ip4/0.0.0.0/tcp/1', `/ip4/127.0.0.1/tcp/${b.port}/p2p/${b.d.selfId}`, '/ip6/::1/tcp/9'])
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('beat'))
  await until(() => b.got.length > 0)
  t.same(b.got, [{ from: a.d.selfId, text: 'beat' }], 'only what was sent once the address was known, from a')
  a.d.send(b.d.selfId, 'detector', new Uint8Array(1000))
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('after'))
  await until(() => b.got.length > 1)
  t.same(b.got.map(g => g.text), ['beat', 'after'], 'an oversized payload is not sent')
})

/** A plain socket that records what reaches it and sends raw frames to `to`. */
async function spySocket (t: Test): Promise<{ port: number, frames: Buffer[], send: (buf: Buffer, to: number) => Promise<void> }> {
  const spy = createSocket('udp4')
  // As in node(): the UDP twin of a free TCP port may be taken; try another.
  const bindTo = async (port: number): Promise<boolean> => await new Promise<boolean>(resolve => {
    const failed = (): void => { resolve(false) }
    spy.once('error', failed)
    spy.bind(port, '127.0.0.1', () => { spy.off('error', failed); resolve(true) })
  })
  let port = await freePort()
  for (let tries = 1; !await bindTo(port); tries++) {
    if (tries === 10) throw new Error(`no free UDP port for the spy after ${tries} tries`)
    port = await freePort()
  }
  t.teardown(() => new Promise<void>(resolve => spy.close(() => resolve())))
  const frames: Buffer[] = []
  spy.on('message', msg => frames.push(msg))
  return { port, frames, send: async (buf, to) => { await new Promise<void>(resolve => spy.send(buf, to, '127.0.0.1', () => resolve())) } }
}

t.test('tampered, garbled, unknown and foreign datagrams are dropped and counted', async t => {
  const keyA = await generateKeyPair('Ed25519')
  const a = await node(t, { privateKey: keyA })
  const b = await node(t)
  introduce(a, b)
  // Capture a's genuine frame for b at a spy standing at b's address, then replay it altered to b.
  const spy = await spySocket(t)
  a.d.learn(b.d.selfId, [`/ip4/127.0.0.1/tcp/${spy.port}`])
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('genuine'))
  await until(() => spy.frames.length > 0)
  const genuine = spy.frames[0]!
  t.equal(genuine.byteLength, 1 + 1 + 32 + 2 + 'genuine'.length + 16, 'version, channel, key, length, payload and a 16-byte tag')
  const tampered = Buffer.from(genuine)
  tampered[40] = tampered[40]! ^ 1
  const version2 = Buffer.from(genuine)
  version2[0] = 2
  await spy.send(tampered, b.port)
  await spy.send(version2, b.port)
  await spy.send(Buffer.from('not a frame at all'), b.port)
  await spy.send(Buffer.concat([genuine.subarray(0, 20)]), b.port)
  // The same node key in another grid, and a node b was never told of, whose frames are otherwise well made.
  const foreign = await node(t, { privateKey: keyA, gridKey: GridKey.create() })
  foreign.d.learn(b.d.selfId, [`/ip4/127.0.0.1/tcp/${b.port}`])
  foreign.d.send(b.d.selfId, 'detector', new TextEncoder().encode('other grid'))
  const stranger = await node(t)
  stranger.d.learn(b.d.selfId, [`/ip4/127.0.0.1/tcp/${b.port}`])
  stranger.d.send(b.d.selfId, 'detector', new TextEncoder().encode('stranger'))
  await until(() => Object.values(b.d.dropped).reduce((x, y) => x + y, 0) >= 6)
  await spy.send(genuine, b.port)
  await until(() => b.got.length > 0)
  t.same(b.got, [{ from: a.d.selfId, text: 'genuine' }], 'only the genuine frame (a replay is the receiver\'s to refuse by its stamp)')
  t.same(b.d.dropped, { 'bad-tag': 2, 'other-version': 1, garbled: 2, 'unknown-sender': 1 })
})

t.test('a revoked peer is neither heard nor sent to, even when gossip names its address again', async t => {
  const a = await node(t)
  const b = await node(t)
  introduce(a, b)
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('member'))
  await until(() => b.got.length > 0)
  t.same(b.got.map(g => g.text), ['member'], 'heard while a member')
  b.d.revoke(a.d.selfId)
  b.d.learn(a.d.selfId, [`/ip4/127.0.0.1/tcp/${a.port}`])
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('removed'))
  await until(() => b.d.dropped['unknown-sender'] === 1)
  t.same(b.got.map(g => g.text), ['member'], 'nothing taken from it once revoked')
  t.same(b.d.dropped, { 'unknown-sender': 1 }, 'refused before any tag is computed')
  b.d.send(a.d.selfId, 'detector', new TextEncoder().encode('to the removed'))
  b.d.send(a.d.selfId, 'detector', new TextEncoder().encode('again'))
  // A datagram from b that did leave would arrive before this one from a third node, sent after it.
  const c = await node(t)
  introduce(a, c)
  c.d.send(a.d.selfId, 'detector', new TextEncoder().encode('marker'))
  await until(() => a.got.length > 0)
  t.same(a.got.map(g => g.text), ['marker'], 'nothing sent to it either')
})

t.test('a pair key is the pair\'s: what a sends b does not pass at c', async t => {
  const a = await node(t)
  const b = await node(t)
  const c = await node(t)
  introduce(a, b)
  introduce(a, c)
  const spy = await spySocket(t)
  a.d.learn(b.d.selfId, [`/ip4/127.0.0.1/tcp/${spy.port}`])
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('for b'))
  await until(() => spy.frames.length > 0)
  await spy.send(spy.frames[0]!, c.port)
  a.d.send(c.d.selfId, 'detector', new TextEncoder().encode('for c'))
  await until(() => c.got.length > 0 && c.d.dropped['bad-tag'] === 1)
  t.same(c.got.map(g => g.text), ['for c'])
  t.same(c.d.dropped, { 'bad-tag': 1 }, 'a\'s frame for b is refused at c')
})

t.test('each channel has its own readers; the channel is under the tag', async t => {
  const a = await node(t)
  const b = await node(t)
  introduce(a, b)
  const raft: string[] = []
  b.d.onMessage('raft', (_from, data) => { raft.push(new TextDecoder().decode(data)) })
  const spy = await spySocket(t)
  a.d.learn(b.d.selfId, [`/ip4/127.0.0.1/tcp/${spy.port}`])
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('beat'))
  await until(() => spy.frames.length > 0)
  const beat = spy.frames[0]!
  t.equal(beat[1], 0, 'the detector is channel 0')
  const moved = Buffer.from(beat)
  moved[1] = 1
  const unknown = Buffer.from(beat)
  unknown[1] = 9
  await spy.send(moved, b.port)
  await spy.send(unknown, b.port)
  a.d.learn(b.d.selfId, [`/ip4/127.0.0.1/tcp/${b.port}`])
  a.d.send(b.d.selfId, 'raft', new TextEncoder().encode('vote for me'))
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('beat again'))
  await until(() => raft.length > 0 && b.got.length > 0)
  t.same(raft, ['vote for me'], 'the raft reader hears only the raft channel')
  t.same(b.got.map(g => g.text), ['beat again'], 'the detector reader only the detector channel')
  t.same(b.d.dropped, { 'bad-tag': 1, 'unknown-channel': 1 }, 'a frame moved to another channel fails its tag; an unknown channel is refused')
  b.d.learn(a.d.selfId, [`/ip4/127.0.0.1/tcp/${a.port}`])
  b.d.send(a.d.selfId, 'raft', new TextEncoder().encode('nobody listens'))
  await until(() => a.d.dropped['unheard-channel'] === 1)
  t.same(a.d.dropped, { 'unheard-channel': 1 }, 'a channel nobody reads is counted')
})

t.test('a port already taken: no datagrams, and a clear false', async t => {
  const a = await node(t)
  const other = new UdpDatagrams({ privateKey: await generateKeyPair('Ed25519'), gridKey: grid, logger })
  t.equal(await other.start(a.port), false)
  other.learn(a.d.selfId, [`/ip4/127.0.0.1/tcp/${a.port}`])
  other.send(a.d.selfId, 'detector', new Uint8Array([1]))
  await new Promise(resolve => setTimeout(resolve, 50))
  t.same(a.got, [], 'nothing sent')
  await other.close()
})

t.test('what rides along arrives in the same packet, to its own channel\'s readers, under the one tag', async t => {
  const a = await node(t)
  const b = await node(t)
  introduce(a, b)
  const raft: string[] = []
  b.d.onMessage('raft', (_from, data) => { raft.push(new TextDecoder().decode(data)) })
  let rides = 0
  const off = a.d.ride('detector', (peer, room) => {
    t.equal(peer, b.d.selfId, 'asked for the peer the datagram goes to')
    t.ok(room > 0)
    return new TextEncoder().encode(`beat ${++rides}`)
  })
  const spy = await spySocket(t)
  a.d.learn(b.d.selfId, [`/ip4/127.0.0.1/tcp/${spy.port}`])
  a.d.send(b.d.selfId, 'raft', new TextEncoder().encode('heartbeat'))
  a.d.send(b.d.selfId, 'detector', new TextEncoder().encode('own beat'))
  await until(() => spy.frames.length > 1)
  const [bundle, alone] = spy.frames
  t.equal(bundle![0], 4, 'a bundle is version 4')
  t.equal(alone![0], 3, 'a beat sent on its own channel carries no rider: version 3')
  await spy.send(bundle!, b.port)
  await until(() => raft.length > 0 && b.got.length > 0)
  t.same(raft, ['heartbeat'])
  t.same(b.got.map(g => g.text), ['beat 1'], 'the rider reached the detector\'s readers, from a')
  const tampered = Buffer.from(bundle!)
  tampered[tampered.byteLength - 17] ^= 1
  await spy.send(tampered, b.port)
  await until(() => b.d.dropped['bad-tag'] === 1)
  t.same(b.got.length, 1, 'a rider altered fails the tag: nothing of the packet is taken')
  off()
  a.d.learn(b.d.selfId, [`/ip4/127.0.0.1/tcp/${b.port}`])
  a.d.send(b.d.selfId, 'raft', new TextEncoder().encode('alone'))
  await until(() => raft.length > 1)
  await new Promise(resolve => setTimeout(resolve, 20))
  t.same(b.got.length, 1, 'no rider once it is removed')
  t.same(b.d.dropped, { 'bad-tag': 1 })
})
