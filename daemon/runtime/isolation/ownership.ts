/**
 * Gives a volume to the user of the instance it is attached to. The root of
 * its filesystem (a directory volume's data dir, or the root of the mounted
 * ext4) is made the instance's, mode 0700, at every attach. Its contents are
 * re-owned only when the root's owner differs (Kubernetes' fsGroupChangePolicy
 * "OnRootMismatch"): the first attach after an upgrade from instances that ran
 * as root, or an instance whose uid differs on this node. Symlinks are
 * re-owned themselves, never followed, and the walk stays on the volume's
 * filesystem.
 */
import { lchown, lstat, opendir } from 'node:fs/promises'
import { join } from 'node:path'
import { openDir } from './owned-dir.ts'

const VOLUME_ROOT_MODE = 0o700

/** What claimVolume did. */
export interface Claim {
  /** Entries whose owner changed, the root included; 0 when it was the instance's already. */
  changed: number
}

/** Makes the directory at `path` and, when needed, everything in it owned by uid:gid. */
export async function claimVolume (path: string, owner: { uid: number, gid: number }): Promise<Claim> {
  const root = await openDir(path)
  if (root === undefined) throw new Error(`volume path ${path} is not a directory`)
  try {
    const st = await root.stat()
    let changed = 0
    if (st.uid !== owner.uid || st.gid !== owner.gid) {
      changed = await chownTree(path, st.dev, owner) + 1
      await root.chown(owner.uid, owner.gid)
    }
    await root.chmod(VOLUME_ROOT_MODE)
    return { changed }
  } finally {
    await root.close()
  }
}

/** lchowns everything below `top` on device `dev`; returns how many entries. */
async function chownTree (top: string, dev: number, owner: { uid: number, gid: number }): Promise<number> {
  let count = 0
  const stack = [top]
  for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
    for await (const entry of await opendir(dir)) {
      const path = join(dir, entry.name)
      const st = await lstat(path)
      if (st.dev !== dev) continue // another filesystem mounted inside: not this volume's
      await lchown(path, owner.uid, owner.gid)
      count++
      if (st.isDirectory()) stack.push(path)
    }
  }
  return count
}
