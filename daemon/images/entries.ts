/**
 * The entries of a bundle being imported, whichever way they came (a tar
 * stream or a directory), checked as they are added: safe relative paths, no
 * entry twice, nothing below a file or symlink, symlinks that stay inside,
 * limits on count and bytes. What passes is what canonical.ts packs.
 */
import {
  BadLinkError, BundleTooLargeError, PathConflictError, SymlinkEscapeError, UnsafePathError
} from './errors.ts'

/** The kinds of entry a bundle may hold. */
export type EntryKind = 'file' | 'directory' | 'symlink'

/** Where a file's bytes are: a range of a local file (the import's spool, or the file itself). */
export interface ContentSource {
  file: string
  offset: number
  /** The range is the whole file (a directory import), so the file must still be exactly that long when packed. */
  whole: boolean
}

/** One checked entry. */
export interface BundleEntry {
  /** Relative, '/'-separated, no '.', '..', empty segments or trailing slash. */
  path: string
  kind: EntryKind
  /** Bytes of a file; 0 otherwise. */
  size: number
  /** A file with any execute bit; it is unpacked 0755, other files 0644. */
  executable: boolean
  /** A symlink's target, as written. */
  target?: string
  /** A file's bytes. */
  source?: ContentSource
}

/** Limits of an EntryIndex. */
export interface EntryLimits {
  maxBytes: number
  maxEntries: number
}

/** Longest path, in UTF-8 bytes: Linux's PATH_MAX. */
const MAX_PATH = 4096 // bytes
/** Longest path segment, in UTF-8 bytes: Linux's NAME_MAX. */
const MAX_SEGMENT = 255 // bytes
/** Symlinks followed while checking one target, as the kernel's limit (ELOOP). */
const MAX_HOPS = 40

/**
 * Normalizes an entry path: drops leading './', '.' and empty segments and a
 * trailing '/'. Returns '' for the bundle's own top ('.', './'). Throws
 * UnsafePathError for absolute paths, '..' segments, NUL and over-long paths.
 */
export function normalizeEntryPath (raw: string): string {
  if (raw.includes('\0')) throw new UnsafePathError(raw.replaceAll('\0', '\\0'), 'the path holds a NUL byte')
  if (raw.startsWith('/')) throw new UnsafePathError(raw, 'absolute paths are not allowed in an image')
  const segments = raw.split('/').filter(s => s !== '' && s !== '.')
  if (segments.includes('..')) throw new UnsafePathError(raw, '".." is not allowed in an image path')
  const path = segments.join('/')
  if (Buffer.byteLength(path) > MAX_PATH) throw new UnsafePathError(raw.slice(0, 120), `path is longer than ${MAX_PATH} bytes`)
  if (segments.some(s => Buffer.byteLength(s) > MAX_SEGMENT)) throw new UnsafePathError(raw, `a path segment is longer than ${MAX_SEGMENT} bytes`)
  return path
}

/** Bytewise order of UTF-8 paths: stable across locales, and a directory sorts before everything under it. */
export function comparePaths (a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

/** The entries of one bundle, checked as they are added. */
export class EntryIndex {
  readonly #limits: EntryLimits
  readonly #entries = new Map<string, BundleEntry>()
  #bytes = 0

  constructor (limits: EntryLimits) {
    this.#limits = limits
  }

  /** File bytes so far. */
  get bytes (): number {
    return this.#bytes
  }

  get (path: string): BundleEntry | undefined {
    return this.#entries.get(path)
  }

  /** Checks a file's size against the limits before its bytes are read. */
  admitSize (path: string, size: number): void {
    if (this.#bytes + size > this.#limits.maxBytes) throw new BundleTooLargeError(path, `the files add up to more than ${this.#limits.maxBytes} bytes`)
  }

  /**
   * Adds an entry (path already normalized and non-empty), and its parent
   * directories when they were not listed. A directory listed twice is one
   * directory; anything else twice is refused.
   */
  add (entry: BundleEntry): void {
    const existing = this.#entries.get(entry.path)
    if (existing !== undefined) {
      if (existing.kind === 'directory' && entry.kind === 'directory') return
      throw new PathConflictError(entry.path, `the path appears twice in the bundle (as a ${existing.kind} and as a ${entry.kind})`)
    }
    const segments = entry.path.split('/')
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('/')
      const p = this.#entries.get(parent)
      if (p === undefined) this.#put({ path: parent, kind: 'directory', size: 0, executable: true })
      else if (p.kind !== 'directory') throw new PathConflictError(entry.path, `"${parent}" is a ${p.kind}, so nothing can be below it`)
    }
    if (entry.kind === 'file') this.admitSize(entry.path, entry.size)
    this.#put(entry)
    this.#bytes += entry.size
  }

  /** Adds a hard link as a second file with the target's bytes; the target must be a file already added. */
  addHardLink (path: string, rawTarget: string): void {
    let target: string
    try {
      target = normalizeEntryPath(rawTarget)
    } catch {
      throw new BadLinkError(path, rawTarget)
    }
    const t = this.#entries.get(target)
    if (t === undefined || t.kind !== 'file') throw new BadLinkError(path, rawTarget)
    this.add({ ...t, path })
  }

  /** Every entry in canonical order, after checking that no symlink leads outside. */
  sorted (): BundleEntry[] {
    for (const e of this.#entries.values()) if (e.kind === 'symlink') this.#checkSymlink(e)
    return [...this.#entries.values()].sort((a, b) => comparePaths(a.path, b.path))
  }

  #put (entry: BundleEntry): void {
    if (this.#entries.size >= this.#limits.maxEntries) throw new BundleTooLargeError(entry.path, `the bundle has more than ${this.#limits.maxEntries} entries`)
    this.#entries.set(entry.path, entry)
  }

  /**
   * Resolves the target as the kernel would, following symlinks of the
   * bundle on the way: a purely lexical check passes `x -> r/..` with
   * `r -> .`, which physically is the bundle's parent.
   */
  #checkSymlink (link: BundleEntry): void {
    const target = link.target ?? ''
    if (target === '' || target.startsWith('/') || target.includes('\0')) throw new SymlinkEscapeError(link.path, target)
    const at = link.path.split('/').slice(0, -1)
    let queue = target.split('/')
    let hops = 0
    while (queue.length > 0) {
      const part = queue.shift() as string
      if (part === '' || part === '.') continue
      if (part === '..') {
        if (at.length === 0) throw new SymlinkEscapeError(link.path, target)
        at.pop()
        continue
      }
      at.push(part)
      const e = this.#entries.get(at.join('/'))
      if (e?.kind !== 'symlink') continue
      if (++hops > MAX_HOPS) throw new SymlinkEscapeError(link.path, target)
      const next = e.target ?? ''
      if (next === '' || next.startsWith('/')) throw new SymlinkEscapeError(link.path, target)
      at.pop()
      queue = [...next.split('/'), ...queue]
    }
  }
}
