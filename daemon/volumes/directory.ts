import { chmod, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { RealClock } from '../../controller/clock/index.ts'
import type { Clock } from '../../controller/clock/index.ts'
import type { VolumeBackend, VolumeInfo } from './backend.ts'
import type { VolumeRecord } from './volume-record.ts'
import { readRecord, syncDirectory, writeRecord } from './volume-record.ts'
import { VOLUME_ID, assertVolumeId, assertVolumeSize } from './volume-id.ts'
import { VolumeAttachedError, VolumeCorruptError, VolumeExistsError, VolumeNotFoundError } from './errors.ts'

const RECORD = 'volume.json'
const DATA = 'data'
/**
 * Others may pass through a volume's directory to its data (which the agent
 * gives to the instance's user), but neither list it nor read its record.
 */
const VOLUME_DIR_MODE = 0o711
const DATA_MODE = 0o700

/** Options of a DirectoryVolumeBackend. */
export interface DirectoryVolumeBackendInit {
  /** Where volumes live, one directory each; made on first create. */
  root: string
  /** Stamps createdAt; the wall clock unless a test or the simulator brings its own. */
  clock?: Clock
}

/**
 * Volumes as plain directories, for nodes and tests without block devices:
 *
 * ```
 * <root>/<id>/             0711: passed through, never listed
 * <root>/<id>/volume.json   id, sizeBytes, createdAt, attached (0600)
 * <root>/<id>/data/         what attach hands to the instance
 * ```
 *
 * The size is advisory: a directory has no capacity of its own, so nothing
 * stops an instance writing past it. It is recorded so that a volume keeps
 * one size for its whole life and a later block backend can honour it.
 * list() does not report usage, because measuring a directory means walking
 * every file in it.
 *
 * Create and remove rename whole directories, so a crash leaves a volume
 * either fully there or not there at all; only a hidden `.staging-*` or
 * `.removing-*` directory under the root may be left behind.
 */
export class DirectoryVolumeBackend implements VolumeBackend {
  readonly kind = 'directory'
  readonly outlivesDaemon = true
  readonly root: string
  #clock: Clock
  #queues = new Map<string, Promise<void>>()

  constructor (init: DirectoryVolumeBackendInit) {
    this.#clock = init.clock ?? new RealClock()
    this.root = resolve(init.root)
  }

  async create (id: string, sizeBytes: number): Promise<void> {
    assertVolumeId(id)
    assertVolumeSize(sizeBytes)
    await this.#serial(id, async () => {
      const existing = await this.#read(id)
      if (existing !== undefined) {
        if (existing.sizeBytes !== sizeBytes) throw new VolumeExistsError(`volume ${id} exists with ${existing.sizeBytes} bytes, not ${sizeBytes}`)
        return
      }
      await mkdir(this.root, { recursive: true })
      // Built aside under a name no volume id can take, then renamed into
      // place, so no one ever sees a volume without its record.
      const staging = join(this.root, `.staging-${id}-${randomBytes(6).toString('hex')}`)
      try {
        await mkdir(staging, { mode: VOLUME_DIR_MODE })
        await mkdir(join(staging, DATA), { mode: DATA_MODE })
        await writeRecord(join(staging, RECORD), { id, sizeBytes, createdAt: this.#clock.now(), attached: false })
        await rename(staging, this.#dir(id))
      } catch (err) {
        await rm(staging, { recursive: true, force: true })
        throw err
      }
      await syncDirectory(this.root)
    })
  }

  async attach (id: string): Promise<{ path: string }> {
    assertVolumeId(id)
    return await this.#serial(id, async () => {
      const record = await this.#read(id)
      if (record === undefined) throw new VolumeNotFoundError(`no volume ${id}`)
      const path = join(this.#dir(id), DATA)
      const data = await stat(path).catch(() => undefined)
      if (data?.isDirectory() !== true) throw new VolumeCorruptError(`volume ${id} has no data directory`)
      // volumes made before these modes existed get them here
      await chmod(this.#dir(id), VOLUME_DIR_MODE)
      await chmod(join(this.#dir(id), RECORD), 0o600)
      if (!record.attached) await this.#write({ ...record, attached: true })
      return { path }
    })
  }

  /** Marks the volume detached. A volume that does not exist is already detached, so that is not an error. */
  async detach (id: string): Promise<void> {
    assertVolumeId(id)
    await this.#serial(id, async () => {
      const record = await this.#read(id)
      if (record?.attached === true) await this.#write({ ...record, attached: false })
    })
  }

  async ensure (id: string, sizeBytes: number): Promise<{ path: string }> {
    await this.create(id, sizeBytes)
    return await this.attach(id)
  }

  /** A lone node owns its volumes: the app is gone, so is the data. */
  async forget (id: string): Promise<void> {
    await this.remove(id)
  }

  async remove (id: string): Promise<void> {
    assertVolumeId(id)
    await this.#serial(id, async () => {
      const record = await this.#read(id)
      if (record === undefined) return
      if (record.attached) throw new VolumeAttachedError(`volume ${id} is attached`)
      // Renamed out of sight first: deleting a large tree takes time, and a
      // crash halfway must not leave a volume that looks whole.
      const doomed = join(this.root, `.removing-${id}-${randomBytes(6).toString('hex')}`)
      await rename(this.#dir(id), doomed)
      await syncDirectory(this.root)
      await rm(doomed, { recursive: true, force: true })
    })
  }

  async list (): Promise<VolumeInfo[]> {
    let entries
    try {
      entries = await readdir(this.root, { withFileTypes: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw err
    }
    const ids = entries.filter(e => e.isDirectory() && VOLUME_ID.test(e.name)).map(e => e.name).sort()
    const volumes: VolumeInfo[] = []
    for (const id of ids) {
      const record = await this.#read(id)
      // Removed since readdir; not an error.
      if (record === undefined) continue
      const info: VolumeInfo = { id, sizeBytes: record.sizeBytes, attached: record.attached }
      if (record.attached) info.path = join(this.#dir(id), DATA)
      volumes.push(info)
    }
    return volumes
  }

  #dir (id: string): string {
    return join(this.root, id)
  }

  /** The volume's record; undefined when there is no volume; ERR_VOLUME_CORRUPT when there is a directory but no sound record. */
  async #read (id: string): Promise<VolumeRecord | undefined> {
    const record = await readRecord(join(this.#dir(id), RECORD))
    if (record === undefined) {
      const dir = await stat(this.#dir(id)).catch(() => undefined)
      if (dir !== undefined) throw new VolumeCorruptError(`volume ${id} has no ${RECORD}`)
      return undefined
    }
    if (record.id !== id) throw new VolumeCorruptError(`volume ${id} holds the record of ${record.id}`)
    return record
  }

  async #write (record: VolumeRecord): Promise<void> {
    await writeRecord(join(this.#dir(record.id), RECORD), record)
  }

  /**
   * Runs operations on one volume one at a time, so an attach and a remove
   * that race cannot both read "detached" and both go ahead.
   */
  async #serial<T> (id: string, operation: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(id) ?? Promise.resolve()
    const result = previous.then(operation)
    const tail = result.then(() => {}, () => {})
    this.#queues.set(id, tail)
    try {
      return await result
    } finally {
      if (this.#queues.get(id) === tail) this.#queues.delete(id)
    }
  }
}
