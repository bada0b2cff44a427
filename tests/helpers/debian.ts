/**
 * Debian packages the tests and benches need, installed when missing: each
 * entry names a command and the package that provides it. Idempotent (nothing
 * runs when every command is there); installing needs root, and without it
 * the caller is told what to install.
 */
import { spawnSync } from 'node:child_process'

export interface Needed { command: string, pkg: string }

/** Whether a command is on the PATH. */
export function has (command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/** `apt-get update`, then installs `pkgs` without recommends; throws naming the step that failed. */
export function aptInstall (pkgs: string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', ...pkgs]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${r.status ?? r.signal})`)
  }
}

/**
 * Installs the packages of the commands that are missing, saying so on
 * standard error; `who` (the tests, a bench) is named when it cannot: not
 * root, or apt-get failed.
 */
export function ensureDebian (needed: Needed[], who: string): void {
  const missing = [...new Set(needed.filter(n => !has(n.command)).map(n => n.pkg))]
  if (missing.length === 0) return
  if (process.getuid?.() !== 0) throw new Error(`${who} need these Debian packages: ${missing.join(' ')} (run as root, or install them)`)
  process.stderr.write(`${who}: installing ${missing.join(' ')}\n`)
  aptInstall(missing)
}
