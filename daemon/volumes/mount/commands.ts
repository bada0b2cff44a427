/** Finding and running the system commands of the mount chain. */
import { execFile } from 'node:child_process'
import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import { delimiter, join } from 'node:path'
import { MountCommandError } from './errors.ts'

/** Default bound on one command; umount of a dead device returns EIO quickly, so this only catches hangs. */
export const COMMAND_TIMEOUT_MS = 30_000 // ms
/** How much of a command's stderr an error carries. */
const STDERR_LIMIT = 4096 // characters

// A daemon started by a service manager may lack the sbin dirs where losetup and mkfs live.
const EXTRA_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/bin', '/bin']

const resolved = new Map<string, string>()

/** The absolute path of an executable on PATH or in the sbin dirs, or undefined. */
export async function findCommand (name: string): Promise<string | undefined> {
  const cached = resolved.get(name)
  if (cached !== undefined) return cached
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(d => d !== ''), ...EXTRA_DIRS]
  for (const dir of dirs) {
    const path = join(dir, name)
    try {
      await access(path, constants.X_OK)
      resolved.set(name, path)
      return path
    } catch {}
  }
  return undefined
}

export interface CommandResult {
  exitCode: number | null
  stdout: string
  stderr: string
}

/** Runs a command to completion without judging its exit status; a missing binary reads as exit 127. */
export async function attempt (name: string, args: string[], timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandResult> {
  const path = await findCommand(name)
  if (path === undefined) return { exitCode: 127, stdout: '', stderr: `${name}: command not found` }
  return await new Promise(resolve => {
    execFile(path, args, { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      if (err === null) { resolve({ exitCode: 0, stdout, stderr }); return }
      const code = (err as { code?: unknown }).code
      const killed = (err as { killed?: boolean }).killed === true
      resolve({ exitCode: typeof code === 'number' ? code : null, stdout, stderr: killed ? `${stderr}(killed after ${timeoutMs} ms)` : stderr })
    })
  })
}

/** Runs a command; a non-zero exit is a MountCommandError naming `what` failed, the command and its stderr. */
export async function run (what: string, name: string, args: string[], timeoutMs = COMMAND_TIMEOUT_MS): Promise<string> {
  const r = await attempt(name, args, timeoutMs)
  if (r.exitCode !== 0) throw commandError(what, name, args, r)
  return r.stdout
}

/** The error for a failed command. */
export function commandError (what: string, name: string, args: string[], r: CommandResult): MountCommandError {
  const command = [name, ...args].join(' ')
  const stderr = r.stderr.trim().slice(-STDERR_LIMIT)
  return new MountCommandError(`${what} failed: \`${command}\` exited ${r.exitCode ?? 'abnormally'}: ${stderr}`,
    { command, exitCode: r.exitCode, stderr })
}
