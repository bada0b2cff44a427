/**
 * Isolation of instances: uids, private directories, the data dir's modes,
 * volume ownership, reachable code. Reference: docs/isolation.md.
 */
export { InstanceIsolation } from './isolation.ts'
export type { InstanceIsolationComponents, InstanceIsolationInit } from './isolation.ts'
export { uidStoreOver } from './accounts.ts'
export type { InstanceAccount, UidLevel, UidStore } from './accounts.ts'
export type { Claim } from './ownership.ts'
export { DEFAULT_INSTANCE_UIDS, parseUidRange, uidRangeProblem } from './uid-range.ts'
export type { UidRange } from './uid-range.ts'
