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
  /** start.driver vm without a vm section, a vm section with another driver, or a command (start or console) for a vm. */
  VM_SECTION: 'ERR_VM_SECTION',
  /** A vm section that boots nothing, or an initrd, command line or format without what it goes with. */
  VM_BOOT: 'ERR_VM_BOOT',
  /** A path in the vm section that leaves the image folder. */
  BAD_IMAGE_PATH: 'ERR_BAD_IMAGE_PATH',
  /** A file the vm section names is not in the image folder. */
  VM_FILE: 'ERR_VM_FILE',
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
