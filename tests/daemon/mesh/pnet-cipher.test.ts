/**
 * The xsalsa20 work-around of daemon/mesh/pnet-cipher.ts: without it, one
 * large write followed by alternating writes of two ciphers exhausts the
 * shared WASM memory and throws (it failed after ~500 updates when found).
 */
import t from 'tap'
import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'
import { patchPnetCipher } from '../../../daemon/mesh/pnet-cipher.ts'

type Cipher = { update (input: Uint8Array, output?: Uint8Array): Uint8Array }
const xsalsa20 = createRequire(import.meta.resolve('@libp2p/pnet'))('xsalsa20') as (nonce: Uint8Array, key: Uint8Array) => Cipher

patchPnetCipher()
patchPnetCipher()

t.test('large and interleaved writes of many ciphers neither throw nor garble', async t => {
  const key = randomBytes(32)
  const nonces = [randomBytes(24), randomBytes(24), randomBytes(24)]
  const senders = nonces.map(nonce => xsalsa20(nonce, key))
  const receivers = nonces.map(nonce => xsalsa20(nonce, key))

  // Larger than the whole initial WASM memory (640 KiB): once grew it.
  const big = randomBytes(4 * 1024 * 1024)
  t.ok(Buffer.from(receivers[0].update(senders[0].update(big))).equals(big), 'a 4 MiB write round-trips')

  let ok = true
  for (let i = 0; i < 3_000 && ok; i++) {
    const which = i % 3
    const data = randomBytes(1 + (i * 7919) % 70_000)
    ok = Buffer.from(receivers[which].update(senders[which].update(data))).equals(data)
  }
  t.ok(ok, '3,000 interleaved writes round-trip')
})

t.test('windowed updates give the same stream as whole ones', async t => {
  const key = randomBytes(32)
  const nonce = randomBytes(24)
  const data = randomBytes(300 * 1024 + 17)
  const whole = xsalsa20(nonce, key).update(data)
  const pieces = xsalsa20(nonce, key)
  const parts = [pieces.update(data.subarray(0, 5)), pieces.update(data.subarray(5, 200_000)), pieces.update(data.subarray(200_000))]
  t.ok(Buffer.concat(parts).equals(Buffer.from(whole)))
  const empty = xsalsa20(nonce, key).update(new Uint8Array(0))
  t.equal(empty.byteLength, 0)
})
