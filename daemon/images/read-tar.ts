/**
 * Reads a bundle sent as a tar stream (what `trellis image import` sends
 * through the API) into an EntryIndex. File bytes go to one spool file and
 * the index points into it; nothing is created at the archive's paths, so a
 * hostile archive cannot write through a symlink or outside the spool.
 */
import { open, type FileHandle } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { extract as tarExtract, type Header } from 'tar-stream'
import { EntryIndex, normalizeEntryPath, type EntryLimits } from './entries.ts'
import { drained } from '../network/index.ts'
import { BadTarError, BundleError, BundleTooLargeError, UnsupportedEntryError } from './errors.ts'

/** A tar block; an archive ends with two zero blocks after its last entry. */
const BLOCK = 512 // bytes
/** Header bytes allowed per entry beyond its data (header, pax header and its data). */
const HEADER_ALLOWANCE = 8 * 1024 // bytes

/**
 * Parses the archive into an index whose files point into `spoolPath`
 * (created here; the caller deletes it). Rejects with a BundleError naming the
 * entry on anything unsafe, and with BadTarError on a malformed, compressed
 * or truncated archive.
 */
export async function readTarBundle (source: Readable, spoolPath: string, limits: EntryLimits): Promise<EntryIndex> {
  // Before the first await: a sender that goes away while the spool opens must not be an uncaught error.
  let early: unknown
  const onEarly = (err: unknown): void => { early ??= err }
  source.on('error', onEarly)
  const index = new EntryIndex(limits)
  const spool = await open(spoolPath, 'wx', 0o600)
  const extract = tarExtract()
  const inputCap = limits.maxBytes + limits.maxEntries * HEADER_ALLOWANCE
  let consumed = 0
  let lastEnd = 0
  let spooled = 0
  let failure: unknown
  const fail = (err: unknown): void => {
    failure ??= err
    extract.destroy(err as Error)
    source.destroy()
  }
  source.off('error', onEarly)
  source.on('error', fail)
  if (early !== undefined) fail(early)
  const feeding = (async () => {
    for await (const data of source) {
      const buf = data as Buffer
      if (consumed === 0 && buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) throw new BadTarError('the archive is gzip-compressed; send a plain tar')
      consumed += buf.length
      if (consumed > inputCap) throw new BundleTooLargeError('', `the archive is larger than ${inputCap} bytes`)
      if (!extract.write(buf)) await drained(extract)
      if (extract.destroying) return
    }
    extract.end(undefined)
  })().catch(fail)
  try {
    for await (const entry of extract) {
      const header = entry.header
      // tar-stream sets byteOffset (where the entry's data starts) but does not declare it.
      const dataAt = (header as Header & { byteOffset: number }).byteOffset
      spooled += await take(index, header, entry as AsyncIterable<Uint8Array>, { spool, path: spoolPath, at: spooled })
      lastEnd = Math.max(lastEnd, dataAt + Math.ceil(header.size / BLOCK) * BLOCK)
    }
  } catch (err) {
    fail(err)
  } finally {
    await feeding
    await spool.close()
  }
  if (failure !== undefined) throw asBundleError(failure)
  // tar-stream accepts an archive cut at an entry boundary; the end-of-archive blocks tell it apart.
  if (consumed < lastEnd + 2 * BLOCK) throw new BadTarError(consumed === 0 ? 'the archive is empty' : 'the archive is truncated: it lacks its end-of-archive blocks')
  return index
}

/** Adds one archive entry to the index; returns the bytes it appended to the spool. */
async function take (index: EntryIndex, header: Header, entry: AsyncIterable<Uint8Array>, spool: Spool): Promise<number> {
  const path = normalizeEntryPath(header.name)
  const type = String(header.type ?? 'unknown entry')
  if (path === '') {
    // The archive's own top ("./"): only a directory can be that.
    if (type !== 'directory') throw new UnsupportedEntryError('.', `${type} at the top of the bundle`)
  } else if (type === 'directory') {
    index.add({ path, kind: 'directory', size: 0, executable: true })
  } else if (type === 'symlink') {
    index.add({ path, kind: 'symlink', size: 0, executable: false, target: header.linkname })
  } else if (type === 'link') {
    index.addHardLink(path, header.linkname)
  } else if (type === 'file' || type === 'contiguous-file') {
    index.admitSize(path, header.size)
    let written = 0
    for await (const data of entry) {
      await spool.spool.write(data, 0, data.byteLength, spool.at + written)
      written += data.byteLength
    }
    if (written !== header.size) throw new BadTarError(`${path}: the archive ends inside this file`)
    index.add({ path, kind: 'file', size: header.size, executable: (header.mode & 0o111) !== 0, source: { file: spool.path, offset: spool.at, whole: false } })
    return written
  } else {
    throw new UnsupportedEntryError(path, type)
  }
  // Whatever data a non-file entry carries is read past, or the archive would stall behind it.
  for await (const _ of entry) { /* discarded */ }
  return 0
}

interface Spool { spool: FileHandle, path: string, at: number }

function asBundleError (err: unknown): Error {
  if (err instanceof BundleError) return err
  const message = (err as Error | undefined)?.message ?? String(err)
  return new BadTarError(`not a readable tar archive: ${message}`, { cause: err })
}
