import t from 'tap'
import { apply, decodeCommand, emptyState, encodeCommand, revokeNode } from '../../../controller/state/index.ts'
import { restoreState, serializeState } from '../../../daemon/consensus/index.ts'

t.test('a node revoked stays revoked, once, and snapshots keep it', async t => {
  const s = emptyState()
  t.same(apply(s, 1, decodeCommand(encodeCommand(revokeNode('12D3KooWgone')))), { kind: 'node-revoked', node: '12D3KooWgone', existed: false }, 'through the wire format')
  t.same(apply(s, 2, revokeNode('12D3KooWgone')), { kind: 'node-revoked', node: '12D3KooWgone', existed: true }, 'again changes nothing')
  t.equal(s.revoked.get('12D3KooWgone'), 1, 'dated by the first revocation')

  const copy = emptyState()
  restoreState(copy, serializeState(s), 2)
  t.same([...copy.revoked], [['12D3KooWgone', 1]], 'a snapshot carries the revocation')

  const old = emptyState()
  restoreState(old, new TextEncoder().encode(JSON.stringify({ version: 5, appliedIndex: 7, apps: [], tokens: [] })), 7)
  t.equal(old.revoked.size, 0, 'a snapshot from before revocations reads as none revoked')
})

t.test('a revocation without a node is refused and changes nothing', async t => {
  const s = emptyState()
  t.throws(() => apply(s, 1, revokeNode('')), { code: 'ERR_BAD_COMMAND' })
  t.equal(s.revoked.size, 0)
})
