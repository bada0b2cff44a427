import { hkdfSync } from 'node:crypto'
import { ed25519, x25519 } from '@noble/curves/ed25519.js'
import type { PrivateKey } from '@libp2p/interface'
import { peerIdFromPublicKey, peerIdFromString } from '@libp2p/peer-id'
import type { GridKey } from './keys.ts'

/**
 * Keys this node shares with each peer, one set per purpose: HKDF-SHA256
 * over the pair's X25519 shared secret (both Ed25519 node keys converted,
 * RFC 7748's birational map), salted with a subkey of the grid key, with
 * the purpose and both public keys in the info. Only the two nodes can
 * compute a pair's key, and only holding the grid key: a message or a
 * connection under it proves both its sender and its grid. One
 * Diffie-Hellman per peer, derived on first use and kept (a grid's peers
 * are few).
 */
export class PairKeys {
  readonly selfId: string
  readonly publicKey: Uint8Array
  readonly #secret: Uint8Array
  readonly #salt: Buffer
  readonly #info: Buffer
  readonly #keys = new Map<string, Buffer>()

  /** `purpose` names the use (datagram, bulk): each purpose gets keys of its own. */
  constructor (privateKey: PrivateKey, gridKey: GridKey, purpose: string) {
    if (privateKey.type !== 'Ed25519') throw new Error(`pair keys need an Ed25519 node key, not ${privateKey.type}`)
    this.publicKey = privateKey.publicKey.raw
    this.#secret = ed25519.utils.toMontgomerySecret(privateKey.raw.subarray(0, 32))
    this.#salt = gridKey.subkey(`${purpose} pair salt`)
    this.#info = Buffer.from(`trellis/${purpose} pair key\n`)
    this.selfId = peerIdFromPublicKey(privateKey.publicKey).toString()
  }

  /** The key this node shares with `peer`; undefined for an id that holds no Ed25519 key. */
  of (peer: string): Buffer | undefined {
    const known = this.#keys.get(peer)
    if (known !== undefined) return known
    let theirs: Uint8Array
    try {
      const key = peerIdFromString(peer).publicKey
      if (key?.type !== 'Ed25519') return undefined
      theirs = key.raw
    } catch {
      return undefined
    }
    const shared = x25519.getSharedSecret(this.#secret, ed25519.utils.toMontgomery(theirs))
    const [low, high] = Buffer.compare(Buffer.from(this.publicKey), Buffer.from(theirs)) < 0 ? [this.publicKey, theirs] : [theirs, this.publicKey]
    const key = Buffer.from(hkdfSync('sha256', shared, this.#salt, Buffer.concat([this.#info, low, high]), 32))
    this.#keys.set(peer, key)
    return key
  }
}
