import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { forceNewCluster } from '../consensus/index.ts'
import { loadIdentity } from '../identity/index.ts'
import { openStore } from '../store/index.ts'
import { GRID_KEY_FILE } from './grid-config.ts'
import { GridConfigInvalidError } from './errors.ts'

/**
 * `trellisd recover --force-new-cluster`: rewrites this node's replicated
 * log so that it is the only voter (docs/consensus.md). Opening the store
 * fails while a daemon holds it, so it cannot run under a live node.
 */
export async function recoverGrid (dataDir: string): Promise<string> {
  if (!existsSync(join(dataDir, GRID_KEY_FILE))) throw new GridConfigInvalidError(`${dataDir} belongs to no grid: nothing to recover`)
  const identity = await loadIdentity(dataDir)
  const store = await openStore(join(dataDir, 'state'))
  try {
    const r = await forceNewCluster(store, identity.id)
    return [
      `${identity.name} is now the only voter of the grid's log (term ${r.term}, last index ${r.lastIndex}).`,
      `removed members: ${r.removed.length === 0 ? 'none' : r.removed.join(', ')}`,
      'start it again; wipe the data dirs of the other old members and join them anew.',
      ''
    ].join('\n')
  } finally {
    await store.close()
  }
}
