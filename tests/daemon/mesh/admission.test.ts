import t from 'tap'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { Admission, verdictOf } from '../../../daemon/mesh/admission.ts'
import { nodeKey } from './helpers.ts'

t.test('the verdict table: revocation wins, members and provers pass, the rest may only join', async t => {
  const rows: Array<[{ self: boolean, revoked: boolean, member: boolean, proven: boolean }, string]> = [
    [{ self: false, revoked: false, member: false, proven: false }, 'join'],
    [{ self: false, revoked: false, member: true, proven: false }, 'member'],
    [{ self: false, revoked: false, member: false, proven: true }, 'member'],
    [{ self: true, revoked: false, member: false, proven: false }, 'member'],
    [{ self: false, revoked: true, member: true, proven: true }, 'refused'],
    [{ self: false, revoked: true, member: false, proven: false }, 'refused']
  ]
  for (const [facts, verdict] of rows) t.equal(verdictOf(facts), verdict, JSON.stringify(facts))
})

t.test('the gater refuses only revoked peers, at dial and after noise; it follows the state it is given', async t => {
  const [self, member, stranger, removed] = await Promise.all([nodeKey(), nodeKey(), nodeKey(), nodeKey()]).then(keys => keys.map(k => peerIdFromPrivateKey(k)))
  const admission = new Admission({ self: self.toString() })
  const gater = admission.gater()
  const maConn = {} as never
  t.equal(admission.verdict(member.toString()), 'join', 'before the log runs no one is a member')
  const revoked = new Set<string>()
  admission.use({ isMember: p => p === member.toString() || p === removed.toString(), isRevoked: p => revoked.has(p) })
  t.equal(admission.verdict(member.toString()), 'member')
  t.equal(admission.verdict(stranger.toString()), 'join')
  for (const peer of [member, stranger, removed]) {
    t.equal(await gater.denyDialPeer?.(peer), false, `${peer.toString()} may be dialled`)
    t.equal(await gater.denyInboundEncryptedConnection?.(peer, maConn), false)
  }
  admission.prove(stranger.toString())
  t.equal(admission.verdict(stranger.toString()), 'member', 'a peer that proved the key is a member')
  revoked.add(removed.toString())
  t.equal(admission.verdict(removed.toString()), 'refused', 'a revoked member is refused')
  t.equal(await gater.denyDialPeer?.(removed), true, 'never dialled')
  t.equal(await gater.denyInboundEncryptedConnection?.(removed, maConn), true, 'its inbound connections refused')
  t.equal(await gater.denyOutboundEncryptedConnection?.(removed, maConn), true, 'and outbound ones')
  admission.prove(removed.toString())
  t.equal(admission.verdict(removed.toString()), 'refused', 'proving the key again does not undo a revocation')
})
