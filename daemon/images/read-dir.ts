/**
 * Reads a bundle from a local directory into an EntryIndex, without following
 * symlinks. Files are read in place when packed (canonical.ts), which checks
 * they did not change in between.
 */
import { lstat, readdir, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import { EntryIndex, type EntryLimits } from './entries.ts'
import { BadTarError, UnsupportedEntryError } from './errors.ts'

/** Walks `dir` (its top is the bundle's top) into an index; throws a BundleError naming the first bad entry. */
export async function readDirectoryBundle (dir: string, limits: EntryLimits): Promise<EntryIndex> {
  const top = await lstat(dir).catch((err: unknown) => { throw new BadTarError(`cannot read the directory ${dir}: ${(err as Error).message}`, { cause: err }) })
  if (!top.isDirectory()) throw new BadTarError(`${dir} is not a directory`)
  const index = new EntryIndex(limits)
  await walk(dir, '', index)
  return index
}

async function walk (root: string, rel: string, index: EntryIndex): Promise<void> {
  const names = (await readdir(join(root, rel))).sort()
  for (const name of names) {
    const path = rel === '' ? name : `${rel}/${name}`
    const abs = join(root, path)
    const st = await lstat(abs)
    if (st.isDirectory()) {
      index.add({ path, kind: 'directory', size: 0, executable: true })
      await walk(root, path, index)
    } else if (st.isFile()) {
      index.add({ path, kind: 'file', size: st.size, executable: (st.mode & 0o111) !== 0, source: { file: abs, offset: 0, whole: true } })
    } else if (st.isSymbolicLink()) {
      index.add({ path, kind: 'symlink', size: 0, executable: false, target: await readlink(abs) })
    } else {
      throw new UnsupportedEntryError(path, st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : st.isBlockDevice() ? 'block device' : 'character device')
    }
  }
}
