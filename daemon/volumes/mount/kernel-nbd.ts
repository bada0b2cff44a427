/**
 * The kernel nbd driver as the block device: nbd-client connects /dev/nbdN
 * to the export. Used when /dev/nbd0 and nbd-client exist (not on the
 * development machine, so this path is exercised only where the module is).
 */
import { readdir, readFile } from 'node:fs/promises'
import { attempt, commandError, run } from './commands.ts'
import { MountBusyError } from './errors.ts'
import { nbdConnected } from './system.ts'

/** Block size the device advertises; ext4 uses 4 KiB blocks anyway. */
const BLOCK_SIZE = 4096 // bytes

/** An unconnected /dev/nbdN with no size, or undefined when all are taken. */
async function freeNbdDevice (): Promise<string | undefined> {
  const names = (await readdir('/sys/block').catch(() => [] as string[]))
    .filter(n => /^nbd\d+$/.test(n))
    .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))
  for (const name of names) {
    const size = await readFile(`/sys/block/${name}/size`, 'utf8').catch(() => '1')
    if (!await nbdConnected(name) && size.trim() === '0') return `/dev/${name}`
  }
  return undefined
}

/** Connects a free nbd device to the export; tries the next one if another mount took it first. */
export async function attachKernelNbd (socketPath: string, exportName: string): Promise<string> {
  for (let tries = 0; tries < 4; tries++) {
    const device = await freeNbdDevice()
    if (device === undefined) throw new MountBusyError('every /dev/nbdN is in use')
    const args = ['-unix', socketPath, device, '-name', exportName, '-block-size', String(BLOCK_SIZE)]
    const r = await attempt('nbd-client', args)
    if (r.exitCode === 0) return device
    if (!await nbdConnected(device)) throw commandError('connecting the nbd device', 'nbd-client', args, r)
  }
  throw new MountBusyError('lost the race for a free /dev/nbdN four times')
}

/** Disconnects an nbd device if it is connected. */
export async function detachKernelNbd (device: string): Promise<void> {
  if (!await nbdConnected(device)) return
  await run('disconnecting the nbd device', 'nbd-client', ['-d', device])
}
