/**
 * The contract every runtime driver implements (process, vm, and sim for the
 * simulator), shaped after Nomad's plugins/drivers. One shared compliance
 * suite (tests/daemon/runtime/driver-compliance.ts) runs against each.
 */
import type { VmTaskConfig } from './vm/config.ts'

/** What a node can run with this driver; advertised in the node's capabilities. */
export interface DriverFingerprint {
  driver: string
  healthy: boolean
  /** True when cpu/memory limits are enforced (cgroups); false means advisory only. */
  enforcesLimits: boolean
  /** Why limits are advisory, or anything else an operator should know. */
  detail: string
  /**
   * True when a task given a `user` runs as that user (the daemon is root).
   * False or absent: every task runs as the daemon's own user.
   */
  isolatesUsers?: boolean
  /** Who tasks run as, and why, for the node's notes. */
  isolationDetail?: string
}

/** A user a task runs as: numeric ids only, no supplementary groups. */
export interface TaskUser {
  uid: number
  gid: number
}

/** Everything a driver needs to start one instance. */
export interface TaskConfig {
  /** Unique on the node, e.g. `three-tier.web.0`. Safe as a file name. */
  id: string
  /** argv, command[0] already resolved to an executable path. */
  command: string[]
  cwd: string
  env: Record<string, string>
  /** cpu in cores, memory in bytes; enforced when the driver can. */
  resources: { cpu: number, memory: number }
  /** stdout and stderr of the instance go to <logDir>/<id>.stdout.log / .stderr.log */
  logDir: string
  /**
   * What to boot, for the vm driver only (daemon/runtime/vm, docs/vm-driver.md):
   * kernel or disk image, guest ports, NBD disks. With it `command` is unused
   * and `env` is handed to the guest; other drivers ignore it.
   */
  vm?: VmTaskConfig
  /**
   * Who the task runs as. Absent: the daemon's own user. A driver that is not
   * root can only honour its own uid and refuses others (ERR_INVALID_TASK_CONFIG).
   */
  user?: TaskUser
}

/**
 * What a driver persists about a running task so that a restarted daemon can
 * re-adopt it. Plain data; stored by the daemon, opaque `state` to everyone
 * but the driver that made it.
 */
export interface TaskHandle {
  driver: string
  id: string
  /** When the task started, ms since the epoch. */
  startedAt: number
  state: Record<string, string | number | boolean>
}

/** How a task ended. */
export interface ExitResult {
  /** Exit code, or null when killed by a signal. */
  code: number | null
  signal: string | null
  /** The kernel killed it for exceeding its memory limit. */
  oomKilled: boolean
}

export type TaskState = 'running' | 'exited' | 'unknown'

export interface TaskStatus {
  id: string
  state: TaskState
  pid?: number
  startedAt: number
  exit?: ExitResult
}

/** Reads back what an instance wrote. Optional ability of a driver. */
export interface LogReader {
  /** The last `tail` lines of stdout and stderr, interleaved by arrival where the driver can. */
  readLogs (id: string, options: { tail: number, stream?: 'stdout' | 'stderr' | 'both' }): Promise<string[]>
}

/**
 * How a session (a console, an exec) enters a running task: a process
 * task's context (who it runs as, its cgroup), or a VM's serial console.
 */
export type TaskEntry =
  | {
    kind: 'process'
    /** The task's main process. */
    pid: number
    /** Who to run as; absent: the daemon's own user (the daemon is not root, or the task runs as root). */
    user?: TaskUser
    /** The task's cgroup directories, to join before running anything; empty without cgroups. */
    cgroupDirs: string[]
  }
  | {
    kind: 'serial'
    /** The Unix stream socket of the serial console. */
    socket: string
  }

/** Says how sessions enter running tasks. Optional ability of a driver. */
export interface EntryPoints {
  /** How to enter task `id`; undefined when it does not run here. */
  entry (id: string): TaskEntry | undefined
}

export interface Driver {
  readonly name: string
  fingerprint (): Promise<DriverFingerprint>
  /** Starts the task; resolves once it is running (not necessarily healthy). */
  start (config: TaskConfig): Promise<TaskHandle>
  /** Re-adopts a task started by an earlier daemon. False when it is gone. */
  recover (handle: TaskHandle): Promise<boolean>
  /** Resolves when the task exits, however it exits (also for recovered tasks). */
  wait (id: string): Promise<ExitResult>
  /**
   * Sends `signal` (default SIGTERM) to the task's main process, then SIGKILL
   * to everything left of the task after timeoutMs, or as soon as the main
   * process has exited. Resolves when it is all gone. Idempotent.
   */
  stop (id: string, timeoutMs: number, signal?: NodeJS.Signals): Promise<void>
  /** Forgets the task and frees what the driver holds for it (cgroup, handles). Stops it first if needed. */
  destroy (id: string): Promise<void>
  inspect (id: string): TaskStatus | undefined
}
