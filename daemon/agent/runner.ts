import type { InstanceAccount, InstanceSpec, InstanceStatus, TaskHandle } from '../runtime/index.ts'

/** The part of the supervisor the agent uses; kept narrow so the agent depends on little. */
export interface InstanceRunner {
  run (spec: InstanceSpec): Promise<void>
  adopt (handle: TaskHandle, spec: InstanceSpec): Promise<void>
  remove (id: string, graceMs: number): Promise<void>
  status (id: string): InstanceStatus | undefined
}

/** Where an instance's image comes from on this node (daemon/images' NodeImages). */
export interface ImageSource {
  /** The unpacked folder of the image with this digest; undefined while it is fetched for `instance` (onReady says when it lands). */
  local (digest: string, instance: string): Promise<string | undefined>
  onReady (listener: () => void): () => void
}

/** The part of the node's isolation (runtime's InstanceIsolation) the agent uses. */
export interface InstanceIsolator {
  /** Instances run as their own users. */
  readonly isolating: boolean
  acquire (id: string): Promise<InstanceAccount>
  /** Frees the accounts of every instance not in `keep`. */
  retain (keep: ReadonlySet<string>): Promise<void>
  claimVolume (path: string, account: InstanceAccount): Promise<unknown>
  codePath (path: string): string
}
