/**
 * The store's small metadata file, block.json: geometry and the highest
 * accepted generation. Replaced atomically (write, fsync, rename, fsync the
 * directory) because a lost generation bump would let a fenced primary write.
 */
import { open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { BlockStoreCorruptError } from './errors.ts'

/**
 * Version of the on-disk layout described in docs/volumes-nbd.md. Format 2
 * tells zero blocks whose bytes are zeroes from trimmed ones; a format 1
 * store is opened as one whose zero blocks are all trimmed and, when
 * writable, rewritten as format 2.
 */
export const FORMAT_VERSION = 2
const FORMATS_READ = [1, 2]

/** Contents of block.json. */
export interface BlockMeta {
  format: number
  size: number
  blockSize: number
  extentSize: number
  generation: number
}

/** File names inside a store's directory. */
export const FILES = {
  meta: 'block.json',
  data: 'data',
  table: 'checksums',
  activity: 'activity'
} as const

/** Reads and validates block.json. */
export async function readMeta (dir: string): Promise<BlockMeta> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(join(dir, FILES.meta), 'utf8'))
  } catch (err) {
    throw new BlockStoreCorruptError(`cannot read ${FILES.meta} in ${dir}`, { cause: err })
  }
  const m = raw as Partial<BlockMeta>
  const whole = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
  if (!FORMATS_READ.includes(m.format as number) || !whole(m.size) || !whole(m.blockSize) || !whole(m.extentSize) || !whole(m.generation)) {
    throw new BlockStoreCorruptError(`${FILES.meta} in ${dir} is not a format ${FORMATS_READ.join(' or ')} block store`)
  }
  return m as BlockMeta
}

/** Durably replaces block.json. */
export async function writeMeta (dir: string, meta: BlockMeta): Promise<void> {
  const tmp = join(dir, `${FILES.meta}.tmp`)
  const fh = await open(tmp, 'w')
  try {
    await fh.writeFile(JSON.stringify(meta) + '\n')
    await fh.sync()
  } finally {
    await fh.close()
  }
  await rename(tmp, join(dir, FILES.meta))
  const d = await open(dir, 'r')
  try { await d.sync() } finally { await d.close() }
}
