/** Putting ext4 on a device exactly once: format a blank volume, never one that holds something. */
import { open } from 'node:fs/promises'
import type { Logger } from 'pino'
import { attempt, commandError, findCommand, run } from './commands.ts'
import { ForeignFilesystemError } from './errors.ts'

/** Where ext2/3/4 keep s_magic: superblock at 1024 + offset 56. */
const EXT_MAGIC_OFFSET = 1080 // bytes
const EXT_MAGIC = 0xef53
/** Without blkid, a volume counts as blank only if this much of its start is zero. */
const BLANK_PROBE_BYTES = 64 * 1024 // bytes

/** What the device holds: an ext filesystem, nothing, or something else (named when known). */
export type DeviceContent = { kind: 'ext' } | { kind: 'blank' } | { kind: 'other', what: string }

export async function probeDevice (device: string): Promise<DeviceContent> {
  const head = Buffer.alloc(BLANK_PROBE_BYTES)
  const fh = await open(device, 'r')
  try {
    await fh.read(head, 0, head.length, 0)
  } finally {
    await fh.close()
  }
  if (head.readUInt16LE(EXT_MAGIC_OFFSET) === EXT_MAGIC) return { kind: 'ext' }
  if (await findCommand('blkid') !== undefined) {
    // -p probes the device itself, not blkid's cache; exit 2 means no signature found.
    const r = await attempt('blkid', ['-p', '-o', 'export', device])
    if (r.exitCode === 2) return { kind: 'blank' }
    if (r.exitCode === 8) return { kind: 'other', what: 'ambivalent filesystem signatures' }
    if (r.exitCode !== 0) throw commandError('probing the volume for a filesystem', 'blkid', ['-p', '-o', 'export', device], r)
    const type = /^(?:TYPE|PTTYPE)=(.*)$/m.exec(r.stdout)?.[1] ?? 'an unknown signature'
    return { kind: 'other', what: type }
  }
  return head.every(b => b === 0) ? { kind: 'blank' } : { kind: 'other', what: 'non-zero data' }
}

/** Formats device as ext4 if blank; returns whether it did. Refuses anything but blank or ext. */
export async function ensureExt4 (log: Logger, device: string, label: string): Promise<boolean> {
  const content = await probeDevice(device)
  if (content.kind === 'ext') return false
  if (content.kind === 'other') {
    throw new ForeignFilesystemError(`${device} holds ${content.what}, not ext4; refusing to format it`)
  }
  log.info({ device }, 'formatting blank volume as ext4')
  // nodiscard: a blank volume already reads as zeroes, so discarding it all is pointless NBD traffic.
  await run('formatting the volume', 'mkfs.ext4', ['-q', '-F', '-E', 'nodiscard', '-L', label.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 16), device], 120_000)
  return true
}
