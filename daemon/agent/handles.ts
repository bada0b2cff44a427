/**
 * Task handles as the agent keeps them in LevelDB, so that a daemon started
 * after a crash can re-adopt (or stop) the instances the last one left.
 */
import type { Logger } from 'pino'
import { trellis } from '../../proto/gen/trellis.js'
import type { TaskHandle } from '../runtime/driver.ts'
import type { InstanceSpec } from '../runtime/index.ts'
import type { Store } from '../store/index.ts'

export function encodeHandle (handle: TaskHandle): string {
  const record = trellis.runtime.InstanceRecord.encode({
    id: handle.id, driver: handle.driver, startedAt: handle.startedAt, driverState: JSON.stringify(handle.state)
  }).finish()
  return Buffer.from(record).toString('base64')
}

export function decodeHandle (value: string): TaskHandle {
  const r = trellis.runtime.InstanceRecord.decode(Buffer.from(value, 'base64'))
  return { id: r.id, driver: r.driver, startedAt: Number(r.startedAt), state: JSON.parse(r.driverState) as TaskHandle['state'] }
}

/** Enough of a spec to adopt and then stop an instance nobody wants. */
export function orphanSpec (id: string, logDir: string): InstanceSpec {
  return { id, restart: { mode: 'never' }, task: { id, command: ['/bin/true'], cwd: '/', env: {}, resources: { cpu: 0, memory: 0 }, logDir } }
}

/**
 * The handles of the instances this node started, by instance id, synced on
 * save: a handle written is one the next daemon finds.
 */
export class HandleStore {
  readonly #db
  readonly #logger: Logger

  constructor (store: Store, logger: Logger) {
    this.#db = store.sublevel<string, string>('handles', { valueEncoding: 'utf8' })
    this.#logger = logger
  }

  async save (id: string, handle: TaskHandle): Promise<void> {
    await this.#db.put(id, encodeHandle(handle), { sync: true } as object)
  }

  async delete (id: string): Promise<void> {
    await this.#db.del(id)
  }

  /** Every stored handle but those `skip` names; one that cannot be read is dropped (its instance starts afresh). */
  async all (skip: (id: string) => boolean): Promise<Map<string, TaskHandle>> {
    const handles = new Map<string, TaskHandle>()
    for await (const [id, value] of this.#db.iterator()) {
      if (skip(id)) continue
      try {
        handles.set(id, decodeHandle(value))
      } catch (err) {
        this.#logger.error({ err, instance: id }, 'stored handle cannot be read; the instance will be started afresh')
        await this.#db.del(id)
      }
    }
    return handles
  }
}
