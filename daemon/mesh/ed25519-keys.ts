import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import { generateKeyPair, publicKeyFromRaw } from '@libp2p/crypto/keys'

/**
 * @libp2p/crypto signs and verifies Ed25519 through node:crypto, importing
 * the key from JWK for every signature and every check
 * (`createPrivateKey`/`createPublicKey`). Gossipsub signs each message this
 * node publishes and checks each one it receives: on an idle `lan` node an
 * instance report every 2 s each way, where the import cost as much as the
 * signature itself (0.4–0.7 ms of CPU each, cold, measured). This keeps the
 * imported KeyObject: the node's own private key on the key object, public
 * keys by their raw bytes (a grid's peers are few; the cache is bounded all
 * the same). Signatures and verdicts are node:crypto's, as before. Remove
 * when the library keeps its KeyObjects.
 */
const MAX_PUBLIC_KEYS = 1024

const kPatched = Symbol.for('trellis.ed25519-keys.patched')

interface SignOptions { signal?: AbortSignal }
type Bytes = Uint8Array | { subarray: () => Uint8Array }
interface PublicKeyProto { raw: Uint8Array, verify: (data: Bytes, sig: Uint8Array, options?: SignOptions) => boolean | Promise<boolean>, [kPatched]?: true }
interface PrivateKeyProto { raw: Uint8Array, sign: (data: Bytes, options?: SignOptions) => Uint8Array | Promise<Uint8Array>, [kPatched]?: true }

const publicKeys = new Map<string, KeyObject>()
const privateKeys = new WeakMap<object, KeyObject>()

function publicKeyObject (raw: Uint8Array): KeyObject {
  const id = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64url')
  let key = publicKeys.get(id)
  if (key === undefined) {
    key = createPublicKey({ format: 'jwk', key: { crv: 'Ed25519', x: id, kty: 'OKP' } })
    if (publicKeys.size >= MAX_PUBLIC_KEYS) publicKeys.clear()
    publicKeys.set(id, key)
  }
  return key
}

function bytesOf (data: Bytes): Uint8Array {
  return data instanceof Uint8Array ? data : data.subarray()
}

/** Patches @libp2p/crypto's Ed25519 keys to keep their node:crypto KeyObjects; idempotent, call before the first connection. */
export async function patchEd25519KeyObjects (): Promise<void> {
  const privateKey = await generateKeyPair('Ed25519')
  const publicProto = Object.getPrototypeOf(publicKeyFromRaw(privateKey.publicKey.raw)) as PublicKeyProto
  const privateProto = Object.getPrototypeOf(privateKey) as PrivateKeyProto
  if (publicProto[kPatched] === true) return
  publicProto[kPatched] = true
  privateProto[kPatched] = true
  const originalVerify = publicProto.verify
  publicProto.verify = function (this: PublicKeyProto, data, sig, options) {
    // Anything but a well-formed key and signature takes the library's path, with its errors.
    if (this.raw.byteLength !== 32 || !(sig instanceof Uint8Array) || sig.byteLength !== 64) return originalVerify.call(this, data, sig, options)
    options?.signal?.throwIfAborted()
    return verify(null, bytesOf(data), publicKeyObject(this.raw), sig)
  }
  const originalSign = privateProto.sign
  privateProto.sign = function (this: PrivateKeyProto & { publicKey: { raw: Uint8Array } }, data, options) {
    if (this.raw.byteLength !== 64) return originalSign.call(this, data, options)
    options?.signal?.throwIfAborted()
    let key = privateKeys.get(this)
    if (key === undefined) {
      const raw = Buffer.from(this.raw.buffer, this.raw.byteOffset, this.raw.byteLength)
      key = createPrivateKey({ format: 'jwk', key: { crv: 'Ed25519', d: raw.subarray(0, 32).toString('base64url'), x: raw.subarray(32).toString('base64url'), kty: 'OKP' } })
      privateKeys.set(this, key)
    }
    return sign(null, bytesOf(data), key)
  }
}
