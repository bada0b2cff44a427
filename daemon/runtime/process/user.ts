/** Who a process-driver task runs as: checking a TaskConfig's user, reading it back from a handle. */
import type { TaskHandle, TaskUser } from '../driver.ts'
import { InvalidTaskConfigError } from '../errors.ts'

/** The name in fingerprints and handles. */
export const PROCESS_DRIVER = 'process'
/** Drivers whose handles say who their task runs as: this one, and the vm driver (its QEMU, after -runas). */
const USER_DRIVERS = [PROCESS_DRIVER, 'vm']

/** Refuses ids that are not plain uids and gids, and, when the daemon is not root, any user but its own. */
export function checkUser (id: string, user: TaskUser): void {
  // 2^32 - 1 is (uid_t) -1: "leave unchanged" to setuid and chown
  const valid = (n: number): boolean => Number.isSafeInteger(n) && n >= 0 && n < 0xffffffff
  if (!valid(user.uid) || !valid(user.gid)) throw new InvalidTaskConfigError(`task ${id}: uid ${user.uid} / gid ${user.gid} are not valid ids`)
  const own = { uid: process.getuid?.(), gid: process.getgid?.() }
  if (own.uid !== 0 && (user.uid !== own.uid || user.gid !== own.gid)) {
    throw new InvalidTaskConfigError(`task ${id}: cannot run as uid ${user.uid}: the daemon is not root`)
  }
}

/**
 * Who the task of a process-driver (or vm-driver) handle runs as; undefined
 * for a handle that does not say (made by a daemon older than user isolation,
 * or another driver's).
 */
export function taskUser (handle: TaskHandle): TaskUser | undefined {
  const { uid, gid } = handle.state
  if (!USER_DRIVERS.includes(handle.driver) || typeof uid !== 'number' || typeof gid !== 'number' || uid < 0 || gid < 0) return undefined
  return { uid, gid }
}
