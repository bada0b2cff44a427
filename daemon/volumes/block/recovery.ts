/**
 * Crash recovery's work on a SparseFileStore: after an unclean shutdown the
 * checksum table may lack CRCs of blocks written since its last sync, but
 * only inside the extents the activity log marks (docs/volumes-nbd.md).
 * Those CRCs are rebuilt from the data as it is on disk. So is one state: a
 * ZERO block (its bytes zeroes until written) found holding bytes there was
 * written, and becomes DATA. Every other state change is in the table,
 * written through as it happens (a TRIMMED block's bytes are stale, so
 * recovery could not tell them from a write).
 */
import type { FileHandle } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import type { Logger } from 'pino'
import type { ActivityLog } from './activity-log.ts'
import { BlockState, type ChecksumTable } from './checksum-table.ts'
import { preadFully } from './data-file.ts'
import { BlockStoreCorruptError } from './errors.ts'
import { EXTENT_SIZE } from './geometry.ts'
import { FORMAT_VERSION, writeMeta, type BlockMeta } from './meta.ts'

/** Table entries rewritten at once when a format 1 store is upgraded: 1 MiB of file. */
const UPGRADE_SLICE = 131072 // entries

/** What a store being opened hands recoverStore. */
export interface StoreToRecover {
  dir: string
  table: ChecksumTable
  al: ActivityLog
  data: FileHandle
  /** block.json as read; its format is raised here when the store is upgraded. */
  meta: BlockMeta
  readOnly: boolean
  log?: Logger | undefined
  /** fdatasyncs the checksum table file (counted by the store). */
  syncTable: () => Promise<void>
}

/**
 * A store's work at open: loads its table (a format 1 table with every zero
 * block taken as trimmed), re-checksums the extents the activity log marks
 * after a crash, then rewrites a format 1 store as format 2: table, then
 * block.json, so a crash in between upgrades again.
 */
export async function recoverStore (s: StoreToRecover): Promise<void> {
  const legacy = s.meta.format < FORMAT_VERSION
  const bad = await s.table.load(legacy)
  if (bad >= 0) throw new BlockStoreCorruptError(`checksum table entry ${bad} in ${s.dir} has an unknown state`)
  const dirty = await s.al.load()
  if (dirty.length > 0) {
    await rechecksumExtents({ data: s.data, table: s.table, size: s.meta.size, blockSize: s.meta.blockSize, readOnly: s.readOnly }, dirty)
    if (!s.readOnly) {
      await s.syncTable()
      await s.al.clear()
    }
    s.log?.warn({ extents: dirty.length }, 'recovered after an unclean shutdown: re-checksummed the active extents')
  }
  if (!legacy || s.readOnly) return
  // In slices: a large volume's table is gigabytes (8 bytes a 4 KiB block), too much for one buffer.
  for (let first = 0; first < s.table.blocks; first += UPGRADE_SLICE) await s.table.persist(first, Math.min(s.table.blocks, first + UPGRADE_SLICE) - 1)
  await s.syncTable()
  await writeMeta(s.dir, { ...s.meta, format: FORMAT_VERSION })
  s.meta.format = FORMAT_VERSION
  s.log?.info({ format: FORMAT_VERSION }, 'upgraded the block store: its zero blocks are recorded as trimmed')
}

/** What rechecksumExtents reads and rewrites. */
export interface RecoveryFiles {
  data: FileHandle
  table: ChecksumTable
  size: number
  blockSize: number
  /** Recompute in memory only; nothing is written. */
  readOnly: boolean
}

/** Recomputes the CRC of every data block in the given extents, finds the zero blocks written, and, when writable, writes those entries (not synced). */
export async function rechecksumExtents (f: RecoveryFiles, extents: readonly number[]): Promise<void> {
  const bs = f.blockSize
  const perExtent = EXTENT_SIZE / bs
  // One read per extent, not per block: with 4 KiB blocks that is a thousand times fewer preads.
  const span = Buffer.allocUnsafe(EXTENT_SIZE)
  const zeroes = Buffer.alloc(bs)
  for (const e of extents) {
    const first = e * perExtent
    if (first >= f.table.blocks) continue
    const last = Math.min(f.table.blocks - 1, first + perExtent - 1)
    const start = first * bs
    const extent = span.subarray(0, Math.min(f.size, (last + 1) * bs) - start)
    await preadFully(f.data, extent, start)
    for (let b = first; b <= last; b++) {
      const state = f.table.states[b]
      if (state === BlockState.trimmed) continue
      const block = extent.subarray((b - first) * bs, (b - first + 1) * bs)
      if (state === BlockState.zero && block.equals(zeroes.subarray(0, block.length))) continue
      f.table.set(b, BlockState.data, crc32(block))
    }
    if (!f.readOnly) await f.table.persist(first, last)
  }
}
