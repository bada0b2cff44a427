import { homedir } from 'node:os'
import { resolve } from 'node:path'

/** Where a root daemon keeps its data: under /var/lib, which instances' users can pass through (root's home cannot be). */
export const SYSTEM_DATA_DIR = '/var/lib/trellis'

/**
 * The data dir trellisd and trellis use when not told: $TRELLIS_DATA_DIR,
 * else /var/lib/trellis for root, else ~/.trellis.
 */
export function defaultDataDir (): string {
  const fromEnv = process.env.TRELLIS_DATA_DIR
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv)
  return process.getuid?.() === 0 ? SYSTEM_DATA_DIR : resolve(homedir(), '.trellis')
}
