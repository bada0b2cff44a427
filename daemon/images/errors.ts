/**
 * Errors of the image component. Callers and tests switch on `code`, which
 * never changes; the message is for people and may. Bundle errors also carry
 * the entry (a path inside the bundle) they are about.
 */
import type { GraphIssue } from '../../controller/graph/index.ts'

/** Thrown when an imported bundle is refused; `entry` names the offending path ('' for the bundle as a whole). */
export class BundleError extends Error {
  readonly code: string
  override name = 'BundleError'
  readonly entry: string

  constructor (code: string, entry: string, message: string, options?: ErrorOptions) {
    super(entry === '' ? message : `${entry}: ${message}`, options)
    this.code = code
    this.entry = entry
  }
}

/** Thrown when an entry's path is absolute, climbs out with `..`, is empty, holds a NUL or is too long. */
export class UnsafePathError extends BundleError {
  override name = 'UnsafePathError'
  constructor (entry: string, why: string) { super('ERR_BUNDLE_UNSAFE_PATH', entry, why) }
}

/** Thrown for an entry that is not a file, directory or symlink (a device, fifo, socket, unknown tar type). */
export class UnsupportedEntryError extends BundleError {
  override name = 'UnsupportedEntryError'
  constructor (entry: string, type: string) { super('ERR_BUNDLE_ENTRY_TYPE', entry, `a ${type} cannot be part of an image; only files, directories and symlinks can`) }
}

/** Thrown for a symlink whose target is absolute or leads outside the bundle. */
export class SymlinkEscapeError extends BundleError {
  override name = 'SymlinkEscapeError'
  constructor (entry: string, target: string) { super('ERR_BUNDLE_SYMLINK_ESCAPE', entry, `symlink to "${target}" leads outside the bundle`) }
}

/** Thrown when two entries claim one path, or an entry sits below something that is not a directory. */
export class PathConflictError extends BundleError {
  override name = 'PathConflictError'
  constructor (entry: string, why: string) { super('ERR_BUNDLE_PATH_CONFLICT', entry, why) }
}

/** Thrown for a hard link whose target is not a regular file earlier in the archive. */
export class BadLinkError extends BundleError {
  override name = 'BadLinkError'
  constructor (entry: string, target: string) { super('ERR_BUNDLE_LINK', entry, `hard link to "${target}", which is not a file earlier in the archive`) }
}

/** Thrown when the bundle, one entry, the entry count or the manifest is over its limit. */
export class BundleTooLargeError extends BundleError {
  override name = 'BundleTooLargeError'
  constructor (entry: string, why: string) { super('ERR_BUNDLE_TOO_LARGE', entry, why) }
}

/** Thrown when the bytes are not a readable tar archive (truncated, bad checksum, compressed). */
export class BadTarError extends BundleError {
  override name = 'BadTarError'
  constructor (why: string, options?: ErrorOptions) { super('ERR_BUNDLE_TAR', '', why, options) }
}

/** Thrown when a file of a directory being imported changed while it was read. */
export class BundleChangedError extends BundleError {
  override name = 'BundleChangedError'
  constructor (entry: string) { super('ERR_BUNDLE_CHANGED', entry, 'changed while it was being imported') }
}

/** Thrown when manifest.yaml is missing, unreadable, or fails parseManifest; `issues` holds parseManifest's findings. */
export class BadManifestError extends BundleError {
  override name = 'BadManifestError'
  readonly issues: GraphIssue[]
  constructor (why: string, issues: GraphIssue[] = []) {
    super('ERR_BUNDLE_MANIFEST', 'manifest.yaml', issues.length === 0 ? why : `${why}: ${issues.map(i => `${i.path === '' ? '' : `${i.path}: `}${i.message}`).join('; ')}`)
    this.issues = issues
  }
}

/** Thrown when a digest, chunk hash or blob descriptor is malformed or inconsistent. */
export class InvalidDescriptorError extends Error {
  readonly code = 'ERR_INVALID_DESCRIPTOR'
  override name = 'InvalidDescriptorError'
  constructor (message: string, options?: ErrorOptions) { super(message, options) }
}

/** Thrown when a blob the store holds no record of is asked for. */
export class UnknownBlobError extends Error {
  readonly code = 'ERR_UNKNOWN_BLOB'
  override name = 'UnknownBlobError'
  readonly digest: string
  constructor (digest: string) {
    super(`no blob ${digest} on this node`)
    this.digest = digest
  }
}

/** Thrown when a chunk is asked for that the store does not hold (a partial blob). */
export class MissingChunkError extends Error {
  readonly code = 'ERR_MISSING_CHUNK'
  override name = 'MissingChunkError'
  constructor (digest: string, index: number) { super(`chunk ${index} of ${digest} is not on this node`) }
}

/** Thrown when bytes do not hash to the chunk they claim to be: nothing of them is kept. */
export class ChunkMismatchError extends Error {
  readonly code = 'ERR_CHUNK_MISMATCH'
  override name = 'ChunkMismatchError'
  readonly index: number
  constructor (digest: string, index: number, why: string) {
    super(`chunk ${index} of ${digest}: ${why}`)
    this.index = index
  }
}

/** Thrown when every chunk is present but together they do not hash to the blob's digest. */
export class DigestMismatchError extends Error {
  readonly code = 'ERR_DIGEST_MISMATCH'
  override name = 'DigestMismatchError'
  constructor (digest: string, actual: string) { super(`the chunks of ${digest} hash to ${actual}`) }
}

/** Thrown when a blob is exported or unpacked before all its chunks are held. */
export class BlobIncompleteError extends Error {
  readonly code = 'ERR_BLOB_INCOMPLETE'
  override name = 'BlobIncompleteError'
  constructor (digest: string, missing: number) { super(`blob ${digest} lacks ${missing} chunk(s) on this node`) }
}

/** Thrown when a frame of /trellis/blob/1 cannot be decoded; the stream that carried it is closed. */
export class BadBlobFrameError extends Error {
  readonly code = 'ERR_BAD_BLOB_FRAME'
  override name = 'BadBlobFrameError'
  constructor (message = 'malformed blob frame', options?: ErrorOptions) { super(message, options) }
}

/** Why a source was dropped from a fetch. */
export interface DroppedSource {
  node: string
  /**
   * corrupt: served bytes that fail their hash; unreachable: dial or stream failed; stalled: sent
   * nothing for stallMs while asked; protocol: garbled answers; no-blob: does not hold it;
   * refused: answered a request with an error of its own (a disk failure there).
   */
  reason: 'corrupt' | 'unreachable' | 'stalled' | 'protocol' | 'no-blob' | 'refused'
  message: string
}

/** Thrown when a fetch runs out of sources before every chunk is held; what was fetched is kept for a later resume. */
export class FetchFailedError extends Error {
  readonly code = 'ERR_FETCH_FAILED'
  override name = 'FetchFailedError'
  readonly dropped: DroppedSource[]
  readonly missing: number
  constructor (digest: string, missing: number, dropped: DroppedSource[]) {
    super(`fetch of ${digest} stopped with ${missing} chunk(s) missing: ${dropped.length === 0 ? 'no sources' : dropped.map(d => `${d.node} ${d.reason} (${d.message})`).join('; ')}`)
    this.dropped = dropped
    this.missing = missing
  }
}
