/**
 * The canonical form of a bundle: one tar archive whose bytes depend only on
 * the bundle's content, so the same content always has the same digest.
 *
 *   - entries sorted bytewise by UTF-8 path; every directory listed (parents before children)
 *   - files: mode 0755 if any execute bit was set, else 0644; directories 0755; symlinks 0777
 *   - uid = gid = 0, no user or group names, mtime = 0 (1970-01-01)
 *   - ustar headers, with a pax header (path / linkpath only) when a name does not fit ustar
 *   - hard links become plain files; no devices, fifos or sockets (entries.ts refuses them)
 *   - two zero blocks at the end, no further padding
 *
 * The archive is written by tar-stream (pinned in package.json); a golden
 * digest in tests/daemon/images/bundle.test.ts fails if its bytes ever change.
 */
import { createHash } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'
import { pack as tarPack, type Pack } from 'tar-stream'
import type { BundleEntry } from './entries.ts'
import { BundleChangedError } from './errors.ts'
import { drained } from '../network/index.ts'

/** Bytes read from a file at a time while packing. */
const READ_SIZE = 1024 * 1024 // bytes
/** Every canonical entry's mtime. */
const EPOCH = new Date(0)

/** The canonical tar of `entries` (already sorted and checked), as a stream of buffers. */
export async function * canonicalTar (entries: readonly BundleEntry[]): AsyncGenerator<Buffer> {
  const pack = tarPack()
  const producing = (async () => {
    for (const e of entries) await writeEntry(pack, e)
    pack.finalize()
  })().catch((err: unknown) => { pack.destroy(err as Error) })
  try {
    for await (const data of pack) yield data as Buffer
  } finally {
    // The consumer stopped early or the pack failed: nothing may keep reading files.
    if (!pack.destroyed) pack.destroy()
    await producing
  }
}

async function writeEntry (pack: Pack, e: BundleEntry): Promise<void> {
  const header = {
    name: e.path,
    mtime: EPOCH,
    uid: 0,
    gid: 0,
    uname: '',
    gname: ''
  }
  if (e.kind === 'directory') { await entryDone(pack, { ...header, type: 'directory', mode: 0o755 }); return }
  if (e.kind === 'symlink') { await entryDone(pack, { ...header, type: 'symlink', mode: 0o777, linkname: e.target ?? '' }); return }
  let done!: Promise<void>
  const sink = pack.entry({ ...header, type: 'file', mode: e.executable ? 0o755 : 0o644, size: e.size }, callbackPromise(p => { done = p }))
  // The failure reaches the caller through `done` and the throw below.
  sink.on('error', () => {})
  const source = e.source
  if (source === undefined) throw new Error(`file ${e.path} has no content source`)
  let fh: FileHandle | undefined
  try {
    fh = await open(source.file, 'r').catch((err: unknown) => {
      throw (err as NodeJS.ErrnoException).code === 'ENOENT' ? new BundleChangedError(e.path) : err
    })
    let at = 0
    while (at < e.size) {
      const want = Math.min(READ_SIZE, e.size - at)
      // A fresh buffer each time: the pack holds on to what it is given until it is read.
      const buf = Buffer.allocUnsafe(want)
      const { bytesRead } = await fh.read(buf, 0, want, source.offset + at)
      if (bytesRead === 0) throw new BundleChangedError(e.path)
      at += bytesRead
      if (!sink.write(buf.subarray(0, bytesRead))) await drained(sink)
      if (sink.destroying) throw new Error('the archive being packed was closed')
    }
    // A directory being imported: a file that grew since it was listed is not the file that was checked.
    if (source.whole && (await fh.stat()).size !== e.size) throw new BundleChangedError(e.path)
  } catch (err) {
    sink.destroy(err as Error)
    throw err
  } finally {
    await fh?.close()
  }
  sink.end(undefined)
  await done
}

/** Adds a bodiless entry and waits until the pack took it. */
async function entryDone (pack: Pack, header: Parameters<Pack['entry']>[0]): Promise<void> {
  let done!: Promise<void>
  pack.entry(header, callbackPromise(p => { done = p }))
  await done
}

/** A node-style callback and the promise it settles. */
function callbackPromise (take: (p: Promise<void>) => void): (err?: Error | null) => void {
  let settle!: (err?: Error | null) => void
  const p = new Promise<void>((resolve, reject) => { settle = err => { if (err == null) resolve(); else reject(err) } })
  p.catch(() => {})
  take(p)
  return settle
}

/** What cutting a stream into chunks found. */
export interface CutResult {
  size: number
  /** Hex sha256 of the whole stream. */
  hex: string
  chunks: string[]
}

/**
 * Cuts a byte stream into chunkSize pieces (the last shorter), hashing each
 * and the whole; onChunk is awaited for each piece in order, so a slow store
 * holds the stream back.
 */
export async function cutChunks (source: AsyncIterable<Uint8Array>, chunkSize: number, onChunk: (data: Buffer, hash: string, index: number) => Promise<void>): Promise<CutResult> {
  const whole = createHash('sha256')
  const chunks: string[] = []
  let size = 0
  let buf = Buffer.allocUnsafe(chunkSize)
  let fill = 0
  const emit = async (): Promise<void> => {
    const data = buf.subarray(0, fill)
    const hash = createHash('sha256').update(data).digest('hex')
    chunks.push(hash)
    await onChunk(data, hash, chunks.length - 1)
    buf = Buffer.allocUnsafe(chunkSize)
    fill = 0
  }
  for await (const piece of source) {
    whole.update(piece)
    size += piece.byteLength
    let at = 0
    while (at < piece.byteLength) {
      const n = Math.min(chunkSize - fill, piece.byteLength - at)
      buf.set(piece.subarray(at, at + n), fill)
      fill += n
      at += n
      if (fill === chunkSize) await emit()
    }
  }
  if (fill > 0) await emit()
  return { size, hex: whole.digest('hex'), chunks }
}
