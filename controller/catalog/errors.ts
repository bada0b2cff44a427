/**
 * Codes of the issues only the catalog reports. Manifests share the rest with
 * app graphs (IssueCode in controller/graph): a bad quantity is a bad quantity.
 */
export const CatalogIssueCode = {
  /** The catalog folder, or one image's manifest, could not be read. */
  MANIFEST_READ: 'ERR_MANIFEST_READ',
  /** The manifest's name differs from its folder's. */
  NAME_MISMATCH: 'ERR_NAME_MISMATCH',
  /** Two names of one image turn into the same environment variable. */
  ENV_COLLISION: 'ERR_ENV_COLLISION',
  /** The manifest's environment sets a variable the daemon sets (TRELLIS_*, HOME, USER, LANG, TMPDIR, PATH). */
  RESERVED_ENV: 'ERR_RESERVED_ENV',
  /** An environment value that cannot be passed to a process (it holds a NUL). */
  BAD_ENV_VALUE: 'ERR_BAD_ENV_VALUE'
} as const

/** One of the codes in CatalogIssueCode. */
export type CatalogIssueCode = typeof CatalogIssueCode[keyof typeof CatalogIssueCode]

/** Thrown when an image is asked for by a name the catalog does not have. */
export class UnknownImageError extends Error {
  readonly code = 'ERR_UNKNOWN_IMAGE'
  readonly image: string
  constructor (image: string, message = `no image "${image}" in the catalog`, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'UnknownImageError'
    this.image = image
  }
}
