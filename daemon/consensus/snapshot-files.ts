import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { StorageCorruptError } from '../../controller/raft/index.ts'

/** Where the latest snapshot's data is, as the storage records it beside the snapshot. */
export interface SnapshotFileRef {
  /** The snapshot's index: the record and the snapshot it sits beside must agree. */
  index: number
  /** File name in the storage's snapshot folder. */
  file: string
  length: number
  crc32: number
}

/**
 * The data of Raft snapshots, one file each, beside the LevelDB that holds
 * the rest of the log. LevelDB is a poor place for a value of megabytes: a
 * synced put of 7 MB took 90 ms here where the same bytes written to a file
 * and fdatasynced took 17 (docs/benchmarks.md, "Raft commit"), and every
 * write of the log queued behind it. A file is written whole under a
 * temporary name, fdatasynced, renamed into place and the folder synced, all
 * before the record that names it is written; so a record never names a
 * file that is not whole on disk. Files no record names (an older snapshot,
 * or one a crash left before its record) are removed.
 */
export class SnapshotFiles {
  readonly #dir: string

  constructor (dir: string) {
    this.#dir = dir
  }

  /** Writes a snapshot's data durably; returns the reference to record. */
  async write (index: number, term: number, data: Uint8Array): Promise<SnapshotFileRef> {
    await mkdir(this.#dir, { recursive: true })
    // A name of its own even for the index and term of the file kept now, which must stay whole until the record names this one.
    const file = `${String(index).padStart(16, '0')}-${term}-${randomBytes(4).toString('hex')}.snap`
    const temp = join(this.#dir, `.${file}.tmp`)
    const fh = await open(temp, 'w')
    try {
      await fh.writeFile(data)
      await fh.datasync()
    } finally {
      await fh.close()
    }
    await rename(temp, join(this.#dir, file))
    // The rename is durable only once the folder is.
    const dir = await open(this.#dir, 'r')
    try { await dir.sync() } finally { await dir.close() }
    return { index, file, length: data.byteLength, crc32: crc32(data) }
  }

  /** Reads the data a reference names; StorageCorruptError if it is missing, short or changed. */
  async read (ref: SnapshotFileRef): Promise<Uint8Array> {
    const path = join(this.#dir, ref.file)
    let data: Buffer
    try {
      data = await readFile(path)
    } catch (err) {
      throw new StorageCorruptError(`raft storage: snapshot file ${path} cannot be read: ${(err as Error).message}`)
    }
    if (data.byteLength !== ref.length || crc32(data) !== ref.crc32) {
      throw new StorageCorruptError(`raft storage: snapshot file ${path} holds ${data.byteLength} bytes that do not match its record (${ref.length} bytes, crc32 ${ref.crc32})`)
    }
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  }

  /** Removes every file but `keep` (none when undefined). */
  async prune (keep: string | undefined): Promise<void> {
    let names: string[]
    try {
      names = await readdir(this.#dir)
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return
      throw err
    }
    for (const name of names) if (name !== keep) await rm(join(this.#dir, name), { force: true })
  }
}

/** The record of a reference: JSON, small, read back by parseRef. */
export function encodeRef (ref: SnapshotFileRef): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(ref))
}

/** A record written by encodeRef; StorageCorruptError for anything else. */
export function parseRef (bytes: Uint8Array): SnapshotFileRef {
  let ref: Partial<SnapshotFileRef>
  try {
    ref = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<SnapshotFileRef>
  } catch (err) {
    const e = new StorageCorruptError('raft storage: the snapshot file record cannot be decoded')
    e.cause = err
    throw e
  }
  const { index, file, length, crc32 } = ref
  if (typeof index !== 'number' || typeof file !== 'string' || !/^\d{16}-\d+-[0-9a-f]{8}\.snap$/.test(file) || typeof length !== 'number' || typeof crc32 !== 'number') {
    throw new StorageCorruptError('raft storage: the snapshot file record is malformed')
  }
  return { index, file, length, crc32 }
}
