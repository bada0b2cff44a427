/**
 * The runtime: drivers that run instances, and the supervisor that keeps
 * them running. The daemon imports only this file.
 */
export type {
  Driver, DriverFingerprint, EntryPoints, ExitResult, LogReader, TaskConfig, TaskEntry, TaskHandle, TaskState, TaskStatus, TaskUser
} from './driver.ts'
export type {
  BackoffPolicy, HandleMeta, HandleStore, HealthCheck, HealthStatus, InstanceSpec, InstanceState,
  InstanceStatus, RestartPolicy, RestartReason, SupervisorEvent, SupervisorOptions
} from './types.ts'
export { Supervisor } from './supervisor.ts'
export { DriverSet } from './driver-set.ts'
export type { SupervisorComponents, SupervisorListener } from './supervisor.ts'
export { logPaths, ProcessDriver, PROCESS_DRIVER, RECOVER_POLL_MS, taskUser } from './process/index.ts'
export type { ProcessDriverOptions } from './process/index.ts'
export { VmDriver, VM_DRIVER, GUEST_NET, QEMU_BINARY, guestDiskPath, probeKvm, vmTaskFromImage } from './vm/index.ts'
export type { KvmVerdict, VmDiskSpec, VmDriverOptions, VmPortSpec, VmTaskConfig } from './vm/index.ts'
export { DEFAULT_BACKOFF, STABLE_PERIOD_MS, STOP_GRACE_MS, afterEnd, attemptsAfterRun, backoffDelay, isFailure } from './policy.ts'
export type { AfterEnd } from './policy.ts'
export { healthStep, initialHealth, isServing } from './health.ts'
export type { HealthStep, ProbeResult } from './health.ts'
export { probe } from './probe.ts'
export { DEFAULT_INSTANCE_UIDS, InstanceIsolation, parseUidRange, uidRangeProblem, uidStoreOver } from './isolation/index.ts'
export type { Claim, InstanceAccount, InstanceIsolationComponents, InstanceIsolationInit, UidLevel, UidRange, UidStore } from './isolation/index.ts'
export {
  CgroupError, CodeUnreachableError, DataDirUnreachableError, InstanceExistsError, InstanceNotFoundError, InvalidTaskConfigError, SupervisorClosedError,
  TaskExistsError, TaskNotFoundError, TaskStartError, WrongDriverError, InvalidUidRangeError, UidRangeExhaustedError
} from './errors.ts'
