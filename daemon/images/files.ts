/**
 * Durable small writes for the blob store: a file appears whole under its
 * name or not at all, and survives a crash once the call resolved.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Writes data to a temporary file in tmpDir, fsyncs it, renames it to
 * `path` (same file system) and fsyncs the directory holding `path`. A crash
 * at any point leaves either the old state or the new one, plus at most a
 * temporary file that the store clears when it opens.
 */
export async function writeFileAtomic (path: string, data: Uint8Array, tmpDir: string, mode = 0o644): Promise<void> {
  const tmp = join(tmpDir, `${randomBytes(8).toString('hex')}.tmp`)
  try {
    const fh = await open(tmp, 'wx', mode)
    try {
      await fh.writeFile(data)
      await fh.sync()
    } finally {
      await fh.close()
    }
    await rename(tmp, path)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
  await fsyncDir(join(path, '..'))
}

/** Makes a directory's entries (a rename, an unlink) durable. */
export async function fsyncDir (dir: string): Promise<void> {
  const fh = await open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}
