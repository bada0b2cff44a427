import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { BLOCK_STORE_FILES } from '../../../../daemon/volumes/block/index.ts'

/**
 * A store's directory `dir` as a power loss now would leave it, copied to
 * `root/name`: its data, meta and activity log as they are, its checksum
 * table taken from the file `table` (what the table held at its last sync).
 */
export async function copyAsCrashed (at: { root: string, dir: string }, name: string, table: string, activity = join(at.dir, BLOCK_STORE_FILES.activity)): Promise<string> {
  const copy = join(at.root, name)
  await mkdir(copy)
  for (const f of [BLOCK_STORE_FILES.meta, BLOCK_STORE_FILES.data]) await copyFile(join(at.dir, f), join(copy, f))
  await copyFile(table, join(copy, BLOCK_STORE_FILES.table))
  await copyFile(activity, join(copy, BLOCK_STORE_FILES.activity))
  return copy
}
