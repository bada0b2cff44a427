/** Whether this node can give appliances their volumes as mounted filesystems, and how. */
import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import { findCommand } from './commands.ts'
import type { MountMethod, MountSupport } from './types.ts'

/** Commands every method needs to put ext4 on the device and mount it. */
const FILESYSTEM_COMMANDS = ['mkfs.ext4', 'mount', 'umount']
/** Commands the nbdfuse+loop method adds. */
const NBDFUSE_COMMANDS = ['nbdfuse', 'losetup']

async function exists (path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK)
    return true
  } catch {
    return false
  }
}

async function missingCommands (names: string[]): Promise<string[]> {
  const found = await Promise.all(names.map(findCommand))
  return names.filter((_, i) => found[i] === undefined)
}

/**
 * Prefers the kernel nbd driver (fewer hops, no FUSE); falls back to nbdfuse
 * exposing the export as a file and a loop device over it. `only` checks one
 * method. Nodes advertise `volume-mount` only when `ok`.
 */
export async function probeMountSupport (options: { only?: MountMethod } = {}): Promise<MountSupport> {
  const common: string[] = []
  // Mounting and losetup need root; FUSE alone would not, the loop device does.
  if (process.getuid?.() !== 0) common.push('root')
  common.push(...await missingCommands(FILESYSTEM_COMMANDS))

  if (options.only !== 'nbdfuse-loop') {
    const missing = [...common]
    if (!await exists('/dev/nbd0')) missing.push('/dev/nbd0')
    missing.push(...await missingCommands(['nbd-client']))
    if (missing.length === 0) return { ok: true, method: 'kernel-nbd' }
    if (options.only === 'kernel-nbd') return { ok: false, why: `missing ${missing.join(', ')}` }
  }

  const missing = [...common]
  if (!await exists('/dev/fuse')) missing.push('/dev/fuse')
  if (!await exists('/dev/loop-control')) missing.push('/dev/loop-control')
  missing.push(...await missingCommands(NBDFUSE_COMMANDS))
  if (missing.length === 0) return { ok: true, method: 'nbdfuse-loop' }
  const kernel = options.only === undefined ? ' (kernel nbd needs /dev/nbd0 and nbd-client)' : ''
  return { ok: false, why: `missing ${missing.join(', ')}${kernel}` }
}
