/**
 * The argv that runs a session's command inside a process instance: in its
 * cgroup, as its user, with no supplementary groups. Pure.
 *
 * A small shell started as root writes its own pid into each of the task's
 * cgroup.procs, then execs setpriv, which drops to the instance's uid and
 * gid and execs the command. So nothing of the command runs outside the
 * cgroup or as root, and it works the same under a pseudo-terminal (where
 * no gate descriptor can be handed over, unlike the process driver's start)
 * and over pipes. The cgroup directories and the command travel as
 * arguments, never through the shell's parser.
 */
import type { TaskEntry } from '../runtime/index.ts'

/** The shell that joins the cgroup. */
export const ENTER_SHELL = '/bin/sh'
/** How the entering shell exits when it cannot join the task's cgroup: nothing of the command ran. */
export const ENTER_FAILED_EXIT = 125

/**
 * argv for `command` in the task: as is when there is neither a cgroup to
 * join nor a user to become (the daemon is not root, or the task runs as
 * root); else through the entering shell. `setpriv` is its absolute path.
 */
export function enterArgv (entry: Extract<TaskEntry, { kind: 'process' }>, command: string[], setpriv: string): string[] {
  if (entry.cgroupDirs.length === 0 && entry.user === undefined) return command
  const drop = entry.user === undefined
    ? 'exec "$@"'
    : `exec "$setpriv" --reuid=${whole(entry.user.uid)} --regid=${whole(entry.user.gid)} --clear-groups -- "$@"`
  const script = `setpriv=$1; shift; while [ "$1" != -- ]; do echo $$ > "$1/cgroup.procs" || exit ${ENTER_FAILED_EXIT}; shift; done; shift; ${drop}`
  return [ENTER_SHELL, '-c', script, 'trellis-enter', setpriv, ...entry.cgroupDirs, '--', ...command]
}

/** A uid or gid as it goes into the script: digits only, whatever the caller handed in. */
function whole (n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`${n} is not a user or group id`)
  return String(n)
}
