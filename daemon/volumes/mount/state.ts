/** The small JSON file in a mount's work dir recording what is set up, for cleanup after a crash. */
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { MountState } from './types.ts'

export const STATE_FILE = 'mount-state.json'

/** Paths inside a work dir. */
export function workPaths (workDir: string): { state: string, fuseDir: string, file: string, pidFile: string, log: string } {
  const fuseDir = join(workDir, 'fuse')
  return {
    state: join(workDir, STATE_FILE),
    fuseDir,
    file: join(fuseDir, 'nbd'),
    pidFile: join(workDir, 'nbdfuse.pid'),
    log: join(workDir, 'nbdfuse.log')
  }
}

/** The recorded state, or undefined when there is none or it is unreadable (a crash mid-write leaves only the temp file). */
export async function readState (workDir: string): Promise<MountState | undefined> {
  const text = await readFile(workPaths(workDir).state, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  try {
    const state = JSON.parse(text) as MountState
    return state.version === 1 ? state : undefined
  } catch {
    return undefined
  }
}

/**
 * Replaces the state atomically, so a crash leaves the old or the new record,
 * never half of one. No fsync: the record matters after a daemon crash, which
 * keeps the page cache; a host crash takes the mounts with it.
 */
export async function writeState (workDir: string, state: MountState): Promise<void> {
  const path = workPaths(workDir).state
  await writeFile(`${path}.tmp`, JSON.stringify(state) + '\n')
  await rename(`${path}.tmp`, path)
}

export async function removeState (workDir: string): Promise<void> {
  const path = workPaths(workDir).state
  await rm(path, { force: true })
  await rm(`${path}.tmp`, { force: true })
}
