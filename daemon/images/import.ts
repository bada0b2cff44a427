/**
 * Import: a bundle in (tar stream or directory) → checked entries → manifest
 * parsed with the catalog's parseManifest → canonical tar → chunks in the
 * store → an ImageRecord. Every check happens before the first chunk is
 * stored, so a refused bundle leaves nothing behind but a spool file this
 * module deletes.
 */
import { randomBytes } from 'node:crypto'
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { parseManifest, type ImageManifest } from '../../controller/catalog/index.ts'
import { canonicalTar } from './canonical.ts'
import type { EntryIndex, EntryLimits } from './entries.ts'
import { BadManifestError, BundleTooLargeError } from './errors.ts'
import { readDirectoryBundle } from './read-dir.ts'
import { readTarBundle } from './read-tar.ts'
import type { BlobDescriptor, BlobImage, BundleLimits, ImageRecord } from './types.ts'

/** Largest total of file bytes in a bundle unless the store is told otherwise. */
export const DEFAULT_MAX_BUNDLE_BYTES = 64 * 1024 ** 3 // bytes
/** Most entries in a bundle unless the store is told otherwise. */
export const DEFAULT_MAX_ENTRIES = 200_000
/** Largest manifest.yaml unless the store is told otherwise. */
export const DEFAULT_MAX_MANIFEST_BYTES = 1024 * 1024 // bytes
/** The manifest's place in a bundle. */
export const MANIFEST_ENTRY = 'manifest.yaml'

/** Stores a canonical tar and records it complete; the store's side of an import. */
export type Ingest = (canonical: AsyncIterable<Buffer>, image: BlobImage) => Promise<BlobDescriptor>

/** What an import needs from the store. */
export interface ImportContext {
  tmpDir: string
  limits: BundleLimits
  ingest: Ingest
}

/** Imports a tar stream: spooled to one temporary file, checked, canonicalized, stored. */
export async function importFromTar (source: Readable, ctx: ImportContext): Promise<ImageRecord> {
  const spool = join(ctx.tmpDir, `import-${randomBytes(8).toString('hex')}.spool`)
  try {
    const index = await readTarBundle(source, spool, entryLimits(ctx.limits))
    return await store(index, ctx)
  } finally {
    await rm(spool, { force: true })
  }
}

/** Imports a local directory, reading its files in place. */
export async function importFromDirectory (dir: string, ctx: ImportContext): Promise<ImageRecord> {
  return await store(await readDirectoryBundle(dir, entryLimits(ctx.limits)), ctx)
}

async function store (index: EntryIndex, ctx: ImportContext): Promise<ImageRecord> {
  const entries = index.sorted()
  const { manifest, text } = await readManifest(index, ctx.limits.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES)
  const descriptor = await ctx.ingest(canonicalTar(entries), { name: manifest.name, version: manifest.version })
  return { ...descriptor, name: manifest.name, version: manifest.version, manifest, manifestText: text }
}

/** Reads and parses the bundle's manifest.yaml; throws BadManifestError with parseManifest's issues. */
async function readManifest (index: EntryIndex, maxBytes: number): Promise<{ manifest: ImageManifest, text: string }> {
  const entry = index.get(MANIFEST_ENTRY)
  if (entry === undefined) throw new BadManifestError(`the bundle has no ${MANIFEST_ENTRY} at its top`)
  if (entry.kind !== 'file' || entry.source === undefined) throw new BadManifestError(`${MANIFEST_ENTRY} must be a regular file, not a ${entry.kind}`)
  if (entry.size > maxBytes) throw new BundleTooLargeError(MANIFEST_ENTRY, `the manifest is larger than ${maxBytes} bytes`)
  const bytes = Buffer.alloc(entry.size)
  const fh = await open(entry.source.file, 'r')
  try {
    await fh.read(bytes, 0, entry.size, entry.source.offset)
  } finally {
    await fh.close()
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new BadManifestError(`${MANIFEST_ENTRY} is not UTF-8 text`)
  }
  const parsed = parseManifest(text, '')
  if (!parsed.ok) throw new BadManifestError('the manifest does not pass', parsed.errors)
  return { manifest: parsed.manifest, text }
}

function entryLimits (limits: BundleLimits): EntryLimits {
  return { maxBytes: limits.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES, maxEntries: limits.maxEntries ?? DEFAULT_MAX_ENTRIES }
}
