/**
 * The data dir's modes, so that an instance reaches exactly its own
 * directories and its volume:
 *
 *   <data-dir>/        0711   others pass through, never list
 *     instances/ volumes/ mounts/ code/     0711   the only ways in; each entry in them is one instance's (0700, its uid) or read-only code
 *     everything else  0700 (directories) / 0600 (files)   keys, tokens, state, logs, replicas, the NBD socket
 *
 * Modes are set at every start, so an entry made with a loose mode since
 * (or by an older daemon) is closed again before any instance runs. A path is
 * reachable by another user only if every directory above it lets others
 * pass (o+x): `blockedBy` finds the deepest one that does not.
 */
import { chmod, mkdir, readdir, realpath, stat } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'

/** The data dir: others may pass through it to the entries instances reach. */
export const DATA_DIR_MODE = 0o711
/** Directories instances pass through (their entries set their own modes). */
export const PASS_MODE = 0o711
/** Everything else in the data dir. */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** What the data dir holds, by who may reach it. */
export interface DataDirLayout {
  dataDir: string
  /** Entries instances pass through; made if missing. */
  shared: string[]
  /** Private directories made now (0700), so that nothing later creates them with a looser mode. */
  private: string[]
}

/** Sets the modes of the data dir and of each of its entries, making the listed directories. */
export async function secureDataDir (layout: DataDirLayout): Promise<void> {
  const root = resolve(layout.dataDir)
  await mkdir(root, { recursive: true, mode: PRIVATE_DIR_MODE })
  const shared = new Set(layout.shared.map(p => resolve(p)))
  for (const dir of shared) await mkdir(dir, { recursive: true, mode: PASS_MODE })
  for (const dir of layout.private) await mkdir(resolve(dir), { recursive: true, mode: PRIVATE_DIR_MODE })
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name)
    // a symlink's own mode means nothing, and chmod would follow it
    if (entry.isSymbolicLink()) continue
    const mode = shared.has(path) ? PASS_MODE : entry.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE
    await chmod(path, mode)
  }
  await chmod(root, DATA_DIR_MODE)
}

/** One directory above a path, as blockedBy sees it. */
export interface Ancestor {
  path: string
  mode: number
}

/** The deepest directory in `chain` that lets no other user pass (no o+x); undefined when all do. Pure. */
export function blockedBy (chain: Ancestor[]): Ancestor | undefined {
  return chain.filter(a => (a.mode & 0o001) === 0).at(-1)
}

/** Every directory from / down to `dir` itself (symlinks resolved, as the kernel walks them), with its mode. */
export async function ancestors (dir: string): Promise<Ancestor[]> {
  const chain: Ancestor[] = []
  for (let d = await realpath(dir); ; d = dirname(d)) {
    chain.unshift({ path: d, mode: (await stat(d)).mode & 0o7777 })
    if (d === sep || d === dirname(d)) return chain
  }
}
