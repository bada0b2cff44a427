/**
 * Task handles as the agent keeps them in LevelDB, so that a daemon started
 * after a crash can re-adopt (or stop) the instances the last one left.
 */
import { trellis } from '../../proto/gen/trellis.js'
import type { TaskHandle } from '../runtime/driver.ts'
import type { InstanceSpec } from '../runtime/index.ts'

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
