/**
 * A supervisor on a VirtualClock over a real process driver (cgroups off, to
 * stay quick), with an in-memory handle store and an event recorder. Tasks
 * are real processes, so tests wait for their events in real time and move
 * the clock themselves.
 */
import { VirtualClock } from '../../../controller/clock/index.ts'
import {
  ProcessDriver, Supervisor, type HandleMeta, type HandleStore, type InstanceSpec, type SupervisorEvent,
  type SupervisorComponents, type SupervisorOptions, type TaskConfig, type TaskHandle
} from '../../../daemon/runtime/index.ts'
import type { TapTest } from './driver-compliance.ts'
import { killQuietly, quietLogger, removeDir, tempDir, until } from './helpers.ts'

/** Records every save and delete. */
export class MemoryStore implements HandleStore {
  readonly saved: Array<{ id: string, handle: TaskHandle, meta: HandleMeta }> = []
  readonly deleted: string[] = []
  readonly handles = new Map<string, TaskHandle>()

  save (id: string, handle: TaskHandle, meta: HandleMeta): void {
    this.saved.push({ id, handle, meta })
    this.handles.set(id, handle)
  }

  delete (id: string): void {
    this.deleted.push(id)
    this.handles.delete(id)
  }
}

/** Collects supervisor events and waits for them. */
export class EventLog {
  readonly all: SupervisorEvent[] = []

  push (e: SupervisorEvent): void {
    this.all.push(e)
  }

  of<T extends SupervisorEvent['type']> (type: T): Array<Extract<SupervisorEvent, { type: T }>> {
    return this.all.filter((e): e is Extract<SupervisorEvent, { type: T }> => e.type === type)
  }

  /** Resolves once `count` events of `type` have been seen. */
  async count (type: SupervisorEvent['type'], count: number, timeoutMs = 10_000): Promise<void> {
    await until(() => this.of(type).length >= count, timeoutMs, `${count} '${type}' events (have ${this.types().join(', ')})`)
  }

  types (): string[] {
    return this.all.map(e => e.type)
  }
}

export interface Harness {
  dir: string
  clock: VirtualClock
  driver: ProcessDriver
  supervisor: Supervisor
  store: MemoryStore
  events: EventLog
  /** Pids to kill in teardown, for tasks a test starts outside the supervisor. */
  pids: number[]
  spec: (id: string, task: TaskConfig, extra?: Partial<InstanceSpec>) => InstanceSpec
}

/** Builds a harness and registers its teardown: every task killed, the dir removed. */
export async function harness (t: TapTest, options: SupervisorOptions = {}, components: { probe?: SupervisorComponents['probe'] } = {}): Promise<Harness> {
  const dir = await tempDir('trellis-supervisor-')
  const clock = new VirtualClock(1_000_000)
  const driver = new ProcessDriver({ logger: quietLogger() }, { cgroups: 'off', pollMs: 50 })
  const store = new MemoryStore()
  const supervisor = new Supervisor({ driver, clock, logger: quietLogger(), store, ...components }, options)
  const events = new EventLog()
  supervisor.on('event', e => events.push(e))
  const pids: number[] = []
  t.teardown(async () => {
    const ids = supervisor.list().map(s => s.id)
    await supervisor.stopAll(0).catch(() => {})
    await supervisor.close()
    for (const id of ids) await driver.destroy(id).catch(() => {})
    for (const pid of pids) killQuietly(pid)
    driver.close()
    await removeDir(dir)
  })
  const spec = (id: string, task: TaskConfig, extra: Partial<InstanceSpec> = {}): InstanceSpec =>
    ({ id, task, restart: { mode: 'always' }, ...extra })
  return { dir, clock, driver, supervisor, store, events, pids, spec }
}
