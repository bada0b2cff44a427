/** Undoing mounts a crashed process left behind. */
import { realpath } from 'node:fs/promises'
import { pino, type Logger } from 'pino'
import { readState } from './state.ts'
import { teardown } from './teardown.ts'

/**
 * Undoes whatever a previous process left in workDir: lazily unmounts the
 * filesystem (an appliance may still hold files), detaches loop devices
 * backed by files under workDir, unmounts the fuse dir, stops a leftover
 * nbdfuse. Idempotent; what is already gone is skipped. Throws
 * MountCleanupError only if a mount or nbdfuse survives.
 */
export async function cleanupStaleMounts (workDir: string, components: { logger?: Logger } = {}): Promise<void> {
  const dir = await realpath(workDir).catch(() => undefined)
  if (dir === undefined) return // never created: nothing can be mounted from it
  const log = (components.logger ?? pino({ level: 'silent' })).child({ component: 'volume-mount', workDir: dir })
  await teardown(log, dir, await readState(dir), { strict: false })
}
