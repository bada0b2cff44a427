import t from 'tap'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { Admission } from '../../../daemon/mesh/admission.ts'
import { nodeKey } from './helpers.ts'

t.test('the gater refuses only revoked peers, at dial and after noise, as the state it is given says', async t => {
  const [member, removed] = await Promise.all([nodeKey(), nodeKey()]).then(keys => keys.map(k => peerIdFromPrivateKey(k)))
  const admission = new Admission()
  const gater = admission.gater()
  const maConn = {} as never
  t.equal(admission.verdict(removed.toString()), 'prove', 'before the log runs no one is revoked')
  const revoked = new Set<string>()
  admission.use({ isRevoked: p => revoked.has(p) })
  for (const peer of [member, removed]) {
    t.equal(await gater.denyDialPeer?.(peer), false, 'may be dialled')
    t.equal(await gater.denyInboundEncryptedConnection?.(peer, maConn), false, 'may connect in')
    t.equal(await gater.denyOutboundEncryptedConnection?.(peer, maConn), false, 'may be connected to')
  }
  revoked.add(removed.toString())
  t.equal(admission.verdict(removed.toString()), 'refused', 'a revoked peer is refused')
  t.equal(admission.verdict(member.toString()), 'prove', 'the others still prove the key')
  t.equal(await gater.denyDialPeer?.(removed), true, 'never dialled')
  t.equal(await gater.denyInboundEncryptedConnection?.(removed, maConn), true, 'its inbound connections refused')
  t.equal(await gater.denyOutboundEncryptedConnection?.(removed, maConn), true, 'and outbound ones')
  t.equal(await gater.denyDialPeer?.(member), false, 'the member is still dialled')
})
