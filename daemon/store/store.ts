import { mkdir } from 'node:fs/promises'
import { ClassicLevel } from 'classic-level'

/**
 * The node's local LevelDB, under <data-dir>/state. Components take their own
 * sublevel. ClassicLevel rather than the generic `level` export because
 * durable writes need its `sync` option (fdatasync before the callback).
 */
export type Store = ClassicLevel<string, string>

/** Opens (creating if needed) the node's local state database. */
export async function openStore (dir: string): Promise<Store> {
  await mkdir(dir, { recursive: true })
  const db = new ClassicLevel<string, string>(dir, { valueEncoding: 'utf8' })
  await db.open()
  return db
}
