import t from 'tap'
import { checkProof, newNonce, NONCE_BYTES, PROOF_BYTES, proofOf } from '../../../daemon/mesh/join-proof.ts'
import { GridKey } from '../../../daemon/mesh/index.ts'

const A = '12D3KooWAsker'
const B = '12D3KooWAnswerer'
const C = '12D3KooWThird'

t.test('a proof made with the grid key checks out, in both directions', async t => {
  const key = GridKey.create()
  const askerNonce = newNonce()
  const answererNonce = newNonce()
  t.equal(askerNonce.byteLength, NONCE_BYTES)
  t.notSame(askerNonce, answererNonce, 'fresh nonces')
  const fromB = proofOf(key, { prover: B, verifier: A, askerNonce, answererNonce })
  t.equal(fromB.byteLength, PROOF_BYTES)
  t.ok(checkProof(key, { prover: B, verifier: A, askerNonce, answererNonce }, fromB))
  const fromA = proofOf(key, { prover: A, verifier: B, askerNonce, answererNonce })
  t.ok(checkProof(key, { prover: A, verifier: B, askerNonce, answererNonce }, fromA))
  t.notSame(fromA, fromB, 'the two directions differ')
  const same = GridKey.parse(Buffer.from(key.encode()).toString('utf8'))
  t.ok(checkProof(same, { prover: B, verifier: A, askerNonce, answererNonce }, fromB), 'any holder of the same key checks it')
})

t.test('a proof is refused for the wrong key, a replay, a relay, a reflection or a wrong length', async t => {
  const key = GridKey.create()
  const askerNonce = newNonce()
  const answererNonce = newNonce()
  const context = { prover: B, verifier: A, askerNonce, answererNonce }
  const proof = proofOf(key, context)
  t.notOk(checkProof(key, context, proofOf(GridKey.create(), context)), 'made with another grid key')
  t.notOk(checkProof(key, { ...context, askerNonce: newNonce() }, proof), 'replayed to a new ask (fresh asker nonce)')
  t.notOk(checkProof(key, { ...context, answererNonce: newNonce() }, proof), 'with another answerer nonce')
  t.notOk(checkProof(key, { ...context, verifier: C }, proof), 'relayed to a third node')
  t.notOk(checkProof(key, { ...context, prover: C }, proof), 'claimed by another prover')
  t.notOk(checkProof(key, { prover: A, verifier: B, askerNonce, answererNonce }, proof), 'reflected back to its maker')
  t.notOk(checkProof(key, context, proof.subarray(0, 31)), 'cut short')
  t.notOk(checkProof(key, context, new Uint8Array(PROOF_BYTES)), 'zeros')
  t.notOk(checkProof(key, { ...context, askerNonce: askerNonce.subarray(0, 16) }, proof), 'a short nonce')
})

t.test('the MAC separates its parts: moving bytes between peer ids changes it', async t => {
  const key = GridKey.create()
  t.notSame(key.mac('p', ['ab', 'c']), key.mac('p', ['a', 'bc']))
  t.notSame(key.mac('p', ['a']), key.mac('q', ['a']), 'the purpose counts')
  t.same(key.mac('p', ['a', Buffer.from('b')]), key.mac('p', ['a', 'b']), 'strings are their UTF-8 bytes')
})
