import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { GridKey } from './keys.ts'

/**
 * The proof of the join protocol (`/trellis/join/1`, docs/mesh-wire.md):
 * HMAC-SHA256 keyed by the grid key over who proves, to whom, and both
 * sides' fresh nonces. The key never crosses the wire. Binding the two peer
 * ids (which noise has authenticated) means a proof cannot be relayed to a
 * third node, nor reflected back; binding the asker's fresh nonce means it
 * cannot be replayed.
 */

/** Bytes of each side's nonce. */
export const NONCE_BYTES = 32
/** Bytes of a proof: one SHA-256. */
export const PROOF_BYTES = 32
const PURPOSE = 'trellis/join/1'

/** A fresh random nonce. */
export function newNonce (): Uint8Array {
  return randomBytes(NONCE_BYTES)
}

/** Who proves to whom, and the nonces of one exchange: the asker's (who opened the stream) and the answerer's. */
export interface ProofContext {
  /** Peer id of the node that proves it holds the key. */
  prover: string
  /** Peer id of the node it proves it to. */
  verifier: string
  askerNonce: Uint8Array
  answererNonce: Uint8Array
}

/** The proof `prover` sends `verifier` in one exchange. */
export function proofOf (key: GridKey, context: ProofContext): Buffer {
  return key.mac(PURPOSE, [context.prover, context.verifier, context.askerNonce, context.answererNonce])
}

/** True when `proof` is what a holder of `key` would send in this exchange; constant time. */
export function checkProof (key: GridKey, context: ProofContext, proof: Uint8Array): boolean {
  if (proof.byteLength !== PROOF_BYTES || context.askerNonce.byteLength !== NONCE_BYTES || context.answererNonce.byteLength !== NONCE_BYTES) return false
  return timingSafeEqual(proofOf(key, context), proof)
}
