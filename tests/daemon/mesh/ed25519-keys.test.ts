import t from 'tap'
import crypto from 'node:crypto'
import { generateKeyPair, publicKeyFromRaw } from '@libp2p/crypto/keys'
import { Uint8ArrayList } from 'uint8arraylist'
import { patchEd25519KeyObjects } from '../../../daemon/mesh/ed25519-keys.ts'

/** Counts the key imports the library makes (through node:crypto's default export) while `fn` runs. */
async function imports (fn: () => Promise<void>): Promise<number> {
  let n = 0
  const pub = crypto.createPublicKey
  const priv = crypto.createPrivateKey
  // The library imports through the default export: count there.
  const counted = crypto as unknown as Record<string, unknown>
  counted.createPublicKey = (...a: Parameters<typeof pub>) => { n++; return pub(...a) }
  counted.createPrivateKey = (...a: Parameters<typeof priv>) => { n++; return priv(...a) }
  try { await fn() } finally { counted.createPublicKey = pub; counted.createPrivateKey = priv }
  return n
}

t.test('signatures and verdicts are the library\'s, with each key imported once', async t => {
  const key = await generateKeyPair('Ed25519')
  const other = await generateKeyPair('Ed25519')
  const message = new TextEncoder().encode('an instance report')
  const before = await key.sign(message)
  t.ok(await key.publicKey.verify(message, before), 'the library verifies its own signature')

  const unpatched = await imports(async () => {
    for (let i = 0; i < 3; i++) await key.publicKey.verify(message, before)
  })
  t.equal(unpatched, 3, 'the library imports the public key at every check')

  await patchEd25519KeyObjects()
  await patchEd25519KeyObjects()
  const after = await key.sign(message)
  t.same(Buffer.from(after), Buffer.from(before), 'Ed25519 is deterministic: the same signature as before the patch')
  const n = await imports(async () => {
    for (let i = 0; i < 3; i++) {
      // A fresh key object each time, as gossipsub makes one per message from the sender's peer id.
      t.ok(await publicKeyFromRaw(key.publicKey.raw).verify(message, after), 'a good signature verifies')
      t.notOk(await publicKeyFromRaw(other.publicKey.raw).verify(message, after), 'another key does not')
      t.notOk(await publicKeyFromRaw(key.publicKey.raw).verify(new TextEncoder().encode('tampered'), after), 'another message does not')
      await key.sign(new Uint8ArrayList(message))
    }
  })
  t.equal(n, 0, 'no import through the library\'s per-call path (the patch imports each key once, kept)')
  t.ok(await key.publicKey.verify(new Uint8ArrayList(message), after), 'a list of buffers verifies as its bytes')
  t.throws(() => key.publicKey.verify(message, after.subarray(0, 10)), 'a short signature gets the library\'s error')
  const aborted = AbortSignal.abort()
  t.throws(() => key.publicKey.verify(message, after, { signal: aborted }), 'an aborted check throws')
  t.throws(() => key.sign(message, { signal: aborted }), 'an aborted signature throws')
})
