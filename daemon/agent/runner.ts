import type { InstanceSpec, InstanceStatus, TaskHandle } from '../runtime/index.ts'

/** The part of the supervisor the agent uses; kept narrow so the agent depends on little. */
export interface InstanceRunner {
  run (spec: InstanceSpec): Promise<void>
  adopt (handle: TaskHandle, spec: InstanceSpec): Promise<void>
  remove (id: string, graceMs: number): Promise<void>
  status (id: string): InstanceStatus | undefined
}
