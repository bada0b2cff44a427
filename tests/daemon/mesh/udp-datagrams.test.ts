/** Signed datagrams over real UDP sockets on the loopback interface. */
import t from 'tap'
import type { Test } from 'tap'
import { createSocket } from 'node:dgram'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { pino } from 'pino'
import { UdpDatagrams } from '../../../daemon/mesh/index.ts'
import { freePort } from '../../../daemon/network/index.ts'

const logger = pino({ level: 'silent' })

async function node (t: Test): Promise<{ d: UdpDatagrams, port: number, got: Array<{ from: string, text: string }> }> {
  const d = new UdpDatagrams({ privateKey: await generateKeyPair('Ed25519'), logger })
  const port = await freePort()
  t.ok(await d.start(port), 'bound')
  t.teardown(() => d.close())
  const got: Array<{ from: string, text: string }> = []
  d.onMessage((from, data) => { got.push({ from, text: new TextDecoder().decode(data) }) })
  return { d, port, got }
}

async function until (what: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !what(); i++) await new Promise(resolve => setTimeout(resolve, 10))
}

t.test('a datagram reaches the peer whose address was learnt, its sender proven', async t => {
  const a = await node(t)
  const b = await node(t)
  a.d.send(b.d.selfId, new TextEncoder().encode('before'))
  a.d.learn(b.d.selfId, ['/ip4/0.0.0.0/tcp/1', `/ip4/127.0.0.1/tcp/${b.port}/p2p/${b.d.selfId}`, '/ip6/::1/tcp/9'])
  a.d.send(b.d.selfId, new TextEncoder().encode('beat'))
  await until(() => b.got.length > 0)
  t.same(b.got, [{ from: a.d.selfId, text: 'beat' }], 'only what was sent once the address was known, from a')
  a.d.send(b.d.selfId, new Uint8Array(1000))
  a.d.send(b.d.selfId, new TextEncoder().encode('after'))
  await until(() => b.got.length > 1)
  t.same(b.got.map(g => g.text), ['beat', 'after'], 'an oversized payload is not sent')
})

t.test('tampered, garbled and unsigned datagrams are dropped and counted', async t => {
  const a = await node(t)
  const b = await node(t)
  // Capture a's genuine frame at a plain socket, then replay it altered to b.
  const spy = createSocket('udp4')
  const spyPort = await freePort()
  await new Promise<void>(resolve => spy.bind(spyPort, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>(resolve => spy.close(() => resolve())))
  const frames: Buffer[] = []
  spy.on('message', msg => frames.push(msg))
  a.d.learn('spy', [`/ip4/127.0.0.1/tcp/${spyPort}`])
  a.d.send('spy', new TextEncoder().encode('genuine'))
  await until(() => frames.length > 0)
  const genuine = frames[0]!
  const tampered = Buffer.from(genuine)
  tampered[40] = tampered[40]! ^ 1
  const send = async (buf: Buffer): Promise<void> => { await new Promise<void>(resolve => spy.send(buf, b.port, '127.0.0.1', () => resolve())) }
  await send(tampered)
  await send(Buffer.from('not a frame at all'))
  await send(Buffer.concat([genuine.subarray(0, 20)]))
  await send(genuine)
  await until(() => b.got.length > 0)
  t.same(b.got, [{ from: a.d.selfId, text: 'genuine' }], 'only the genuine frame (a replay is the receiver\'s to refuse by its stamp)')
  t.same(b.d.dropped, { 'bad-signature': 1, garbled: 2 })
})

t.test('a port already taken: no datagrams, and a clear false', async t => {
  const a = await node(t)
  const other = new UdpDatagrams({ privateKey: await generateKeyPair('Ed25519'), logger })
  t.equal(await other.start(a.port), false)
  other.learn(a.d.selfId, [`/ip4/127.0.0.1/tcp/${a.port}`])
  other.send(a.d.selfId, new Uint8Array([1]))
  await new Promise(resolve => setTimeout(resolve, 50))
  t.same(a.got, [], 'nothing sent')
  await other.close()
})
