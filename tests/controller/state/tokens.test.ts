import t from 'tap'
import { createHash } from 'node:crypto'
import { apply, decodeCommand, emptyState, encodeCommand, putToken, revokeToken, tokenByHash } from '../../../controller/state/index.ts'
import { restoreState, serializeState } from '../../../daemon/consensus/index.ts'

const hash = (s: string): string => createHash('sha256').update(s).digest('hex')

t.test('tokens: created once by name, found by hash, revoked, and kept by snapshots', async t => {
  const s = emptyState()
  t.same(apply(s, 1, decodeCommand(encodeCommand(putToken('ci', hash('one'), 'admin')))), { kind: 'token-put', name: 'ci', created: true }, 'through the wire format')
  t.same(apply(s, 2, putToken('ci', hash('two'), 'read-only')), { kind: 'token-put', name: 'ci', created: false }, 'a taken name changes nothing')
  t.equal(s.tokens.get('ci')?.hash, hash('one'))
  apply(s, 3, putToken('dash', hash('three'), 'read-only'))
  t.match(tokenByHash(s, hash('three')), { name: 'dash', role: 'read-only', createdIndex: 3 })
  t.equal(tokenByHash(s, hash('two')), undefined)

  const copy = emptyState()
  restoreState(copy, serializeState(s), 3)
  t.same([...copy.tokens.values()], [...s.tokens.values()], 'a snapshot carries the tokens')

  t.same(apply(s, 4, revokeToken('ci')), { kind: 'token-revoked', name: 'ci', existed: true })
  t.same(apply(s, 5, revokeToken('ci')), { kind: 'token-revoked', name: 'ci', existed: false })
  t.equal(tokenByHash(s, hash('one')), undefined)
})

t.test('a malformed token command is refused before it changes anything', async t => {
  const s = emptyState()
  t.throws(() => apply(s, 1, putToken('ci', 'not-a-hash', 'admin')), { code: 'ERR_BAD_COMMAND' })
  t.throws(() => apply(emptyState(), 1, putToken('ci', hash('x'), 'root' as 'admin')), { code: 'ERR_BAD_COMMAND' })
  t.equal(s.tokens.size, 0)
})

t.test('a snapshot from before tokens restores with none', async t => {
  const old = new TextEncoder().encode(JSON.stringify({ version: 4, appliedIndex: 7, apps: [], images: [] }))
  const s = emptyState()
  restoreState(s, old, 7)
  t.equal(s.tokens.size, 0)
  t.equal(s.appliedIndex, 7)
})
