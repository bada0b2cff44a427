/**
 * Setting owner and mode on directories that an instance may tamper with.
 * An instance owns its home: it can swap `home` for a symlink to /etc while
 * the daemon is about to chown it. So every change goes through a descriptor
 * opened with O_NOFOLLOW | O_DIRECTORY (fchown, fchmod), never through a path
 * the kernel would resolve again; the directories above such an entry are
 * root's, so only the last component is the instance's to replace.
 */
import { constants } from 'node:fs'
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises'

const DIR_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW

/** Opens path as a directory without following a symlink in its last component; undefined when it is not a real directory. */
export async function openDir (path: string): Promise<FileHandle | undefined> {
  try {
    return await open(path, DIR_FLAGS)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ELOOP' || code === 'ENOTDIR' || code === 'ENOENT') return undefined
    throw err
  }
}

/**
 * Makes `path` a real directory owned by uid:gid with `mode`. Whatever else
 * sits there (a symlink, a file) is removed first; the link itself, never
 * what it points to.
 */
export async function ensureOwnedDir (path: string, owner: { uid: number, gid: number } | undefined, mode: number): Promise<void> {
  let dir = await openDir(path)
  if (dir === undefined) {
    await rm(path, { force: true, recursive: true })
    await mkdir(path, { mode })
    dir = await openDir(path)
    if (dir === undefined) throw new Error(`${path} was replaced while it was being made`)
  }
  try {
    if (owner !== undefined) await dir.chown(owner.uid, owner.gid)
    await dir.chmod(mode)
  } finally {
    await dir.close()
  }
}
