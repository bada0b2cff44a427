/**
 * Opening a SparseFileStore: its files found or created, block.json checked
 * against what the caller expects, the three files opened, and the store
 * recovered after a crash before anyone writes to it.
 */
import { constants } from 'node:fs'
import { open, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { ENTRY_BYTES } from './checksum-table.ts'
import { BlockStoreCorruptError, InvalidBlockGeometryError, StoreReadOnlyError } from './errors.ts'
import { checkGeometry, createVolumeFiles, DEFAULT_BLOCK_SIZE } from './geometry.ts'
import { FILES, readMeta, type BlockMeta } from './meta.ts'
import { SparseFileStore, type SparseFileStoreComponents } from './sparse-file.ts'

/**
 * Marked extents past which a write starts a table sync in the background, so
 * recovery after a crash re-reads at most this many; a table sync past it
 * leaves the most recently changed half marked (writes into a marked extent
 * need no new mark: a WAL, a hot table). DRBD's default is 1237.
 */
export const DEFAULT_ACTIVITY_LOG_EXTENTS = 1024 // extents: 4 GiB to re-checksum at most
/** Where a store lives and, to create one, its geometry. */
export interface SparseFileStoreInit {
  /** Directory holding block.json, data, checksums and activity; made if absent. */
  dir: string
  /** Volume size in bytes, a multiple of 512. Required to create; checked against the store when it exists. */
  size?: number
  /** Checksum block size in bytes, a power of two in 4 KiB..1 MiB; only used when creating. */
  blockSize?: number
  /** Refuse every change and never write the files. */
  readOnly?: boolean
  /** Bound on the activity log's marked extents; default DEFAULT_ACTIVITY_LOG_EXTENTS. */
  activityLogExtents?: number
}

/** What openSparseFileStore hands a store: its open files, what block.json says, and its bounds. */
export interface StoreFiles {
  dir: string
  alLimit: number
  meta: BlockMeta
  data: FileHandle
  /**
   * The data file opened O_DSYNC (writable stores): a FUA write that needs no
   * table sync goes through it, its data durable when the write returns —
   * one trip to the thread pool instead of a write and then an fdatasync.
   */
  dataSync?: FileHandle
  table: FileHandle
  activity: FileHandle
  readOnly: boolean
}

/** Opens the store in init.dir, creating it when init.size is given and none exists; recovers after a crash. */
export async function openSparseFileStore (components: SparseFileStoreComponents, init: SparseFileStoreInit): Promise<SparseFileStore> {
  const { dir } = init
  const alLimit = init.activityLogExtents ?? DEFAULT_ACTIVITY_LOG_EXTENTS
  if (!Number.isSafeInteger(alLimit) || alLimit < 2) throw new InvalidBlockGeometryError(`activityLogExtents must be an integer >= 2, not ${alLimit}`)
  const exists = await stat(join(dir, FILES.meta)).then(() => true, () => false)
  if (!exists) {
    if (init.size === undefined) throw new BlockStoreCorruptError(`no block store in ${dir}`)
    if (init.readOnly === true) throw new StoreReadOnlyError(`cannot create a read-only block store in ${dir}`)
    await createVolumeFiles(dir, init.size, init.blockSize ?? DEFAULT_BLOCK_SIZE)
  }
  const meta = await readMeta(dir)
  if (init.size !== undefined && init.size !== meta.size) {
    throw new InvalidBlockGeometryError(`block store in ${dir} holds ${meta.size} bytes, not ${init.size}`)
  }
  checkGeometry(meta.size, meta.blockSize)
  const flags = init.readOnly === true ? 'r' : 'r+'
  const handles: FileHandle[] = []
  try {
    for (const name of [FILES.data, FILES.table, FILES.activity]) handles.push(await open(join(dir, name), flags))
    const [data, table, activity] = handles as [FileHandle, FileHandle, FileHandle]
    // A second handle on the data file, whose writes are durable when they return (see StoreFiles.dataSync).
    const dataSync = init.readOnly === true ? undefined : await open(join(dir, FILES.data), constants.O_RDWR | constants.O_DSYNC)
    if (dataSync !== undefined) handles.push(dataSync)
    const blocks = Math.ceil(meta.size / meta.blockSize)
    if ((await data.stat()).size !== meta.size || (await table.stat()).size < blocks * ENTRY_BYTES) {
      throw new BlockStoreCorruptError(`data or checksum file in ${dir} has the wrong size`)
    }
    const store = new SparseFileStore(components, { dir, meta, data, dataSync, table, activity, readOnly: init.readOnly === true, alLimit })
    await store.recover()
    return store
  } catch (err) {
    for (const h of handles) await h.close().catch(() => {})
    throw err
  }
}
