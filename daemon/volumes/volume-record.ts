import { open, readFile, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { dirname } from 'node:path'
import { VOLUME_ID } from './volume-id.ts'
import { VolumeCorruptError } from './errors.ts'

/** What a directory volume's `volume.json` holds. */
export interface VolumeRecord {
  id: string
  sizeBytes: number
  /** ms since the epoch, from the backend's clock. */
  createdAt: number
  /** Kept on disk so that a restarted daemon still knows what is in use. */
  attached: boolean
}

/** Reads a record; undefined when the file does not exist, ERR_VOLUME_CORRUPT when it is not a record. */
export async function readRecord (file: string): Promise<VolumeRecord | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new VolumeCorruptError(`cannot read ${file}`, { cause: err })
  }
  let record: unknown
  try {
    record = JSON.parse(text)
  } catch (err) {
    throw new VolumeCorruptError(`${file} is not JSON`, { cause: err })
  }
  if (!isRecord(record)) throw new VolumeCorruptError(`${file} is not a volume record`)
  return record
}

/**
 * Replaces a record atomically and durably: a crash leaves either the old
 * record or the new one, never a torn file, and a written record survives
 * power loss — what attach promises must still be true after a reboot.
 */
export async function writeRecord (file: string, record: VolumeRecord): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    // the daemon's alone: an instance passes by it to its data, never reads it
    const handle = await open(temporary, 'w', 0o600)
    try {
      await handle.writeFile(JSON.stringify(record, null, 2) + '\n')
      await handle.datasync()
    } finally {
      await handle.close()
    }
    await rename(temporary, file)
  } catch (err) {
    await rm(temporary, { force: true })
    throw err
  }
  await syncDirectory(dirname(file))
}

/** Makes a rename or create inside dir durable; the file's own fsync does not cover its directory entry. */
export async function syncDirectory (dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function isRecord (value: unknown): value is VolumeRecord {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return typeof r.id === 'string' && VOLUME_ID.test(r.id) &&
    typeof r.sizeBytes === 'number' && Number.isSafeInteger(r.sizeBytes) && r.sizeBytes > 0 &&
    typeof r.createdAt === 'number' && Number.isFinite(r.createdAt) &&
    typeof r.attached === 'boolean'
}
