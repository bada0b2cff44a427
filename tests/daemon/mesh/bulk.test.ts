/** The split transport of a node: bulk protocols over the TLS channel between real mesh hosts, falling back to libp2p where a peer has none. */
import t, { type Test } from 'tap'
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { Duplex } from 'node:stream'
import { TLSSocket } from 'node:tls'
import { bulkListenHost, GridKey, Libp2pTransport, startBulkTransport, type MeshHost } from '../../../daemon/mesh/index.ts'
import type { Transport } from '../../../daemon/network/index.ts'
import type { Message } from '../../../controller/raft/index.ts'
import { RealClock } from '../../../controller/clock/index.ts'
import { SNAPSHOT_PROTOCOL, SnapshotTransfers } from '../../../daemon/consensus/index.ts'
import { connect, DIAL_TIMEOUT, logger, startHost } from './helpers.ts'

const BULK = '/trellis-test/bulk/1'
const CONTROL = '/trellis-test/control/1'

/** A host and its transport: split (bulk on) or the bare libp2p one (bulk off, as an older node). */
async function node (t: Test, gridKey: GridKey, bulk: boolean, protocols = [BULK]): Promise<{ host: MeshHost, transport: Transport }> {
  const privateKey = await generateKeyPair('Ed25519')
  const host = await startHost(t, { gridKey, privateKey })
  const control = new Libp2pTransport({ host, logger }, { dialTimeoutMs: DIAL_TIMEOUT })
  const transport = bulk
    ? (await startBulkTransport({ control, privateKey, gridKey, logger, remoteHost: peer => host.remoteIp4(peer), admits: () => true }, { host: '127.0.0.1', port: 0, protocols })).transport
    : control
  t.teardown(() => transport.close())
  return { host, transport }
}

/** Echoes one line and says which way the stream came. */
function serve (transport: Transport, protocol: string): void {
  transport.handle(protocol, (stream: Duplex, from) => {
    stream.on('error', () => {})
    stream.once('data', d => { stream.end(`${String(d)} from ${from.slice(-6)} over ${stream instanceof TLSSocket ? 'tls' : 'libp2p'}`) })
  })
}

async function ask (transport: Transport, peer: string, protocol: string): Promise<string> {
  const stream = await transport.dial(peer, protocol)
  stream.on('error', () => {})
  stream.write('hello')
  let answer = ''
  for await (const chunk of stream) answer += String(chunk)
  return answer
}

t.test('bulk protocols go over TLS between nodes that both run the channel; others over libp2p', async t => {
  const gridKey = GridKey.create()
  const a = await node(t, gridKey, true)
  const b = await node(t, gridKey, true)
  await connect(a.host, b.host)
  serve(b.transport, BULK)
  serve(b.transport, CONTROL)
  const tail = a.host.peerId.slice(-6)
  t.equal(await ask(a.transport, b.host.peerId, BULK), `hello from ${tail} over tls`)
  t.equal(await ask(a.transport, b.host.peerId, CONTROL), `hello from ${tail} over libp2p`)
  t.equal(await ask(a.transport, b.host.peerId, BULK), `hello from ${tail} over tls`, 'again, the port known')
})

t.test('a peer without the channel (an older node) is reached over libp2p', async t => {
  const gridKey = GridKey.create()
  const a = await node(t, gridKey, true)
  const old = await node(t, gridKey, false)
  await connect(a.host, old.host)
  serve(old.transport, BULK)
  t.equal(await ask(a.transport, old.host.peerId, BULK), `hello from ${a.host.peerId.slice(-6)} over libp2p`)
})

t.test('the channel listens where the mesh does: the first IPv4 listen address, else every address', async t => {
  t.equal(bulkListenHost(['/ip6/::1/tcp/7400', '/ip4/10.1.2.3/tcp/7400']), '10.1.2.3')
  t.equal(bulkListenHost(['/ip4/0.0.0.0/tcp/0']), '0.0.0.0')
  t.equal(bulkListenHost(['/ip6/::/tcp/7400']), '0.0.0.0')
  t.equal(bulkListenHost([]), '0.0.0.0')
})

t.test('a Raft snapshot of 6 MiB crosses real hosts over the TLS channel, in acknowledged pieces', async t => {
  const gridKey = GridKey.create()
  const a = await node(t, gridKey, true, [SNAPSHOT_PROTOCOL])
  const b = await node(t, gridKey, true, [SNAPSHOT_PROTOCOL])
  await connect(a.host, b.host)
  const ways: string[] = []
  const handle = b.transport.handle.bind(b.transport)
  b.transport.handle = (protocol, handler) => { handle(protocol, (stream, from) => { ways.push(stream instanceof TLSSocket ? 'tls' : 'libp2p'); handler(stream, from) }) }
  const got: Message[] = []
  const done: boolean[] = []
  let progress = 0
  const make = (transport: Transport, onMessage: (m: Message) => void): SnapshotTransfers => {
    const s = new SnapshotTransfers({ transport, clock: new RealClock(), logger }, { onMessage, onProgress: () => { progress++ }, onDone: (_to, ok) => { done.push(ok) } })
    s.start()
    t.teardown(() => { s.stop() })
    return s
  }
  const sender = make(a.transport, () => {})
  make(b.transport, m => { got.push(m) })
  const data = new Uint8Array(6 * 1024 * 1024).map((_, i) => i % 251)
  sender.send({ type: 'snapshot', from: a.host.peerId, to: b.host.peerId, term: 3, snapshot: { index: 42, term: 3, conf: { voters: [a.host.peerId, b.host.peerId], learners: [] }, data } })
  const until = Date.now() + 30_000
  while (done.length === 0 && Date.now() < until) await new Promise(resolve => setTimeout(resolve, 20))
  t.same(done, [true], 'reported delivered')
  t.same(ways, ['tls'], 'over the TLS channel')
  t.ok(progress >= 6, `${progress} pieces acknowledged`)
  const m = got[0]
  t.ok(m?.type === 'snapshot' && m.snapshot.index === 42 && Buffer.from(m.snapshot.data).equals(Buffer.from(data)), 'the whole state, intact')
})
