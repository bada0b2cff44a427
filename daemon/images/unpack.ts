/**
 * A complete blob going out: as its canonical tar (`trellis image export`),
 * or unpacked into a directory the runtime starts instances from.
 */
import { randomBytes } from 'node:crypto'
import { chmod, mkdir, open, readdir, rename, rm, stat, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { extract as tarExtract } from 'tar-stream'
import { normalizeEntryPath } from './entries.ts'
import { BadTarError, UnsupportedEntryError } from './errors.ts'
import { fsyncDir } from './files.ts'
import { drained } from '../network/index.ts'

/** Mode of unpacked directories and executables: anyone may read and enter, only root may write. */
const DIR_MODE = 0o755
const EXEC_MODE = 0o755
const FILE_MODE = 0o644
/** Suffix of a directory being unpacked; the store removes leftovers of a crash. */
export const UNPACK_TMP_SUFFIX = '.unpacking'

/** The chunks read in order as one byte stream; each read checks its chunk's hash. */
export function exportBlob (chunks: number, read: (index: number) => Promise<Buffer>): Readable {
  async function * all (): AsyncGenerator<Buffer> {
    for (let i = 0; i < chunks; i++) yield await read(i)
  }
  return Readable.from(all(), { objectMode: false })
}

/**
 * Unpacks the canonical tar that `open` streams into `<root>/<name>`: into a
 * temporary sibling first, each file fsynced, then renamed into place, so the
 * directory is whole whenever it exists. Returns at once if it exists.
 */
export async function unpackBlob (openTar: () => Readable, root: string, name: string): Promise<string> {
  const final = join(root, name)
  if (await stat(final).then(s => s.isDirectory(), () => false)) return final
  await mkdir(root, { recursive: true, mode: DIR_MODE })
  await chmod(root, DIR_MODE)
  const tmp = join(root, `.${name}.${randomBytes(4).toString('hex')}${UNPACK_TMP_SUFFIX}`)
  await mkdir(tmp, { mode: DIR_MODE })
  try {
    await chmod(tmp, DIR_MODE)
    await extractInto(openTar(), tmp)
    await fsyncDir(tmp)
    await rename(tmp, final)
    await fsyncDir(root)
  } catch (err) {
    await rm(tmp, { recursive: true, force: true })
    throw err
  }
  return final
}

/** Removes what a crash left of unpacking under root. */
export async function clearUnpackLeftovers (root: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[])
  for (const n of names) if (n.startsWith('.') && n.endsWith(UNPACK_TMP_SUFFIX)) await rm(join(root, n), { recursive: true, force: true })
}

/**
 * Writes the archive's entries under dir. The tar is the store's canonical
 * form, checked chunk by chunk against the Raft-recorded hashes, but paths
 * are checked again anyway: files are opened with O_EXCL and parents are
 * directories this function made, so nothing is written outside dir.
 */
async function extractInto (source: Readable, dir: string): Promise<void> {
  const extract = tarExtract()
  source.on('error', err => { extract.destroy(err) })
  const feeding = (async () => {
    for await (const data of source) {
      if (!extract.write(data as Buffer)) await drained(extract)
      if (extract.destroying) return
    }
    extract.end(undefined)
  })().catch((err: unknown) => { extract.destroy(err as Error) })
  try {
    for await (const entry of extract) {
      const h = entry.header
      const path = normalizeEntryPath(h.name)
      if (path === '') throw new BadTarError('the canonical tar has an entry for its own top')
      const dest = join(dir, path)
      if (h.type === 'directory') {
        await mkdir(dest, { mode: DIR_MODE })
        await chmod(dest, DIR_MODE)
      } else if (h.type === 'symlink') {
        await symlink(h.linkname, dest)
      } else if (h.type === 'file') {
        const mode = (h.mode & 0o111) !== 0 ? EXEC_MODE : FILE_MODE
        const fh = await open(dest, 'wx', mode)
        try {
          for await (const data of entry as AsyncIterable<Uint8Array>) await fh.write(data)
          await fh.chmod(mode)
          await fh.sync()
        } finally {
          await fh.close()
        }
        continue
      } else {
        throw new UnsupportedEntryError(path, String(h.type))
      }
      for await (const _ of entry) { /* no data */ }
    }
  } catch (err) {
    extract.destroy(err as Error)
    source.destroy()
    throw err
  } finally {
    await feeding
  }
}
