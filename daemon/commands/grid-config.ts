import { existsSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GridConfigInvalidError } from './errors.ts'

/** File names in the data dir. */
export const GRID_KEY_FILE = 'grid.key'
/** The join token's file in the first node's data dir, to copy to the others (0600). */
export const JOIN_TOKEN_FILE = 'join.token'
export const GRID_CONFIG_FILE = 'grid.json'

/** Default mesh port. */
export const DEFAULT_MESH_PORT = 7400

/**
 * How this node takes part in its grid, kept in <data-dir>/grid.json by
 * `trellisd init` and `join`, so that a plain `trellisd` afterwards rejoins.
 */
export interface GridConfig {
  /** Multiaddrs the mesh listens on. */
  listen: string[]
  /** Multiaddrs (ending /p2p/<id>) dialled at start. */
  bootstrap: string[]
  /** Find grid members on the LAN by mDNS. */
  mdns: boolean
  /** Made by `trellisd init`: the node that starts the grid's replicated log as its first voter. */
  founder?: boolean
}

export async function loadGridConfig (dataDir: string): Promise<GridConfig | undefined> {
  const file = join(dataDir, GRID_CONFIG_FILE)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  let raw: Partial<GridConfig>
  try {
    raw = JSON.parse(text) as Partial<GridConfig>
  } catch (err) {
    throw new GridConfigInvalidError(`${file} is not JSON`, { cause: err })
  }
  const strings = (v: unknown, field: string): string[] => {
    if (!Array.isArray(v) || !v.every(x => typeof x === 'string')) throw new GridConfigInvalidError(`${file}: ${field} must be a list of multiaddrs`)
    return v
  }
  if (typeof raw.mdns !== 'boolean') throw new GridConfigInvalidError(`${file}: mdns must be true or false`)
  return { listen: strings(raw.listen, 'listen'), bootstrap: strings(raw.bootstrap, 'bootstrap'), mdns: raw.mdns, founder: raw.founder === true }
}

export async function saveGridConfig (dataDir: string, config: GridConfig): Promise<void> {
  const file = join(dataDir, GRID_CONFIG_FILE)
  await writeFile(file + '.tmp', JSON.stringify(config, null, 2) + '\n', { mode: 0o600 })
  await rename(file + '.tmp', file)
}

/** True when the data dir belongs to a grid (trellisd init or join ran). */
export function inGrid (dataDir: string): boolean {
  return existsSync(join(dataDir, GRID_KEY_FILE))
}
