/** The bulk channel: TLS 1.3 keyed by pair keys, held to the Transport contract, and refusing what must be refused. */
import t, { type Test } from 'tap'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { GridKey } from '../../../daemon/mesh/index.ts'
import { transportCompliance } from '../network/transport-compliance.ts'
import { channels } from './tls-channels.ts'

transportCompliance('tls bulk channel', async () => {
  const { list: [a, b], close } = await channels(2)
  const absent = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
  return { a: a!, b: b!, absent, cleanup: close }
})

async function refused (t: Test, dial: Promise<unknown>, what: string): Promise<void> {
  await t.rejects(dial, { code: 'ERR_UNREACHABLE' }, what)
}

t.test('a node of another grid cannot complete the handshake either way', async t => {
  const { list: [a, b], close } = await channels(2, { gridKeys: [GridKey.create(), GridKey.create()] })
  t.teardown(close)
  let reached = 0
  b!.handle('/x/1', () => { reached++ })
  a!.handle('/x/1', () => { reached++ })
  await refused(t, a!.dial(b!.nodeId, '/x/1'), 'a → b refused')
  await refused(t, b!.dial(a!.nodeId, '/x/1'), 'b → a refused')
  t.equal(reached, 0, 'no handler ran')
})

t.test('a peer the listener does not admit (revoked) is refused; the stream names its true dialler', async t => {
  const refusedIds = new Set<string>()
  const { list: [a, b, c], close } = await channels(3, { admits: peer => !refusedIds.has(peer) })
  t.teardown(close)
  const seen: string[] = []
  b!.handle('/x/1', (stream, from) => { seen.push(from); stream.end() })
  const s = await a!.dial(b!.nodeId, '/x/1')
  s.resume()
  await new Promise(resolve => s.once('end', resolve))
  t.same(seen, [a!.nodeId], 'from is the PSK identity the handshake proved')
  refusedIds.add(c!.nodeId)
  await refused(t, c!.dial(b!.nodeId, '/x/1'), 'c, revoked, is refused')
  t.same(seen, [a!.nodeId])
})
