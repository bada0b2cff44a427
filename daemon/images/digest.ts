/**
 * How a blob is content-addressed. A blob is the canonical tar of an image
 * bundle (canonical.ts); it is cut into CHUNK_SIZE pieces, the last shorter.
 *
 *   chunk i   = bytes [i·CHUNK_SIZE, min(size, (i+1)·CHUNK_SIZE)) of the canonical tar
 *   chunks[i] = lowercase hex sha256 of chunk i
 *   digest    = "sha256:" + lowercase hex sha256 of the whole canonical tar
 *
 * So `sha256sum` of an exported image prints its digest, and each chunk can
 * be checked on its own as it arrives from a peer.
 */
import { InvalidDescriptorError } from './errors.ts'
import type { BlobDescriptor } from './types.ts'

/** Bytes per chunk: the unit of storage, transfer and verification. */
export const CHUNK_SIZE = 4 * 1024 * 1024 // bytes
/** The one hash algorithm digests name. */
export const DIGEST_PREFIX = 'sha256:'

const HEX64 = /^[0-9a-f]{64}$/

/** "sha256:<hex>" for a hex sha256. */
export function formatDigest (hex: string): string {
  return `${DIGEST_PREFIX}${hex}`
}

/** The hex part of a digest; throws InvalidDescriptorError unless it is "sha256:" and 64 lowercase hex digits. */
export function digestHex (digest: string): string {
  if (typeof digest !== 'string' || !digest.startsWith(DIGEST_PREFIX) || !HEX64.test(digest.slice(DIGEST_PREFIX.length))) {
    throw new InvalidDescriptorError(`"${String(digest).slice(0, 80)}" is not a digest (sha256: and 64 lowercase hex digits)`)
  }
  return digest.slice(DIGEST_PREFIX.length)
}

/** True for a well-formed chunk hash (64 lowercase hex digits). */
export function isChunkHash (hash: unknown): hash is string {
  return typeof hash === 'string' && HEX64.test(hash)
}

/** How many chunks a blob of `size` bytes has. */
export function chunkCount (size: number, chunkSize = CHUNK_SIZE): number {
  return Math.ceil(size / chunkSize)
}

/** Bytes in chunk `index` of a blob. */
export function chunkLength (d: Pick<BlobDescriptor, 'size' | 'chunkSize'>, index: number): number {
  return Math.min(d.chunkSize, d.size - index * d.chunkSize)
}

/**
 * Checks a descriptor from outside (the Raft state, a request): a digest, a
 * whole size, this build's chunk size and one well-formed hash per chunk.
 * Throws InvalidDescriptorError naming the first problem.
 */
export function assertDescriptor (d: BlobDescriptor): void {
  if (typeof d !== 'object' || d === null) throw new InvalidDescriptorError('a blob descriptor must be an object')
  digestHex(d.digest)
  if (!Number.isSafeInteger(d.size) || d.size <= 0) throw new InvalidDescriptorError(`size must be a positive integer, not ${String(d.size)}`)
  if (d.chunkSize !== CHUNK_SIZE) throw new InvalidDescriptorError(`chunkSize must be ${CHUNK_SIZE}, not ${String(d.chunkSize)}`)
  if (!Array.isArray(d.chunks) || d.chunks.length !== chunkCount(d.size, d.chunkSize)) {
    throw new InvalidDescriptorError(`a blob of ${d.size} bytes has ${chunkCount(d.size, d.chunkSize)} chunks, the descriptor lists ${Array.isArray(d.chunks) ? d.chunks.length : 'none'}`)
  }
  const bad = d.chunks.findIndex(c => !isChunkHash(c))
  if (bad !== -1) throw new InvalidDescriptorError(`chunks[${bad}] is not a sha256 in hex`)
}
