/**
 * Membership and failure detection: who is up, who is suspect, who is down.
 * A pure core (phi-accrual detector, membership table, helper choice), the
 * directory that drives it from gossiped heartbeats and adverts, and the
 * grid's view of its nodes built on the directory (GridNodes). The daemon
 * and the benchmarks import only this file.
 */
export { MembershipTable } from './table.ts'
export type { MembershipTableOptions } from './table.ts'
export type {
  HeartbeatInput, IndirectAckInput, LeftInput, MembershipEvent, MembershipInput, NodeDownEvent, NodeLeftEvent,
  NodeRecoveredEvent, NodeRejoinedEvent, NodeSuspectEvent, NodeUpEvent, PeerState, PeerView, ProbeRequest, StepOutput, TickInput
} from './types.ts'
export { PhiDetector, elapsedForPhi, phiOf } from './phi.ts'
export type { PhiOptions } from './phi.ts'
export {
  DETECTOR_PRESETS, FIELD_DETECTOR, LAN_DETECTOR, detectorPreset, nominalWindow, validateSettings
} from './settings.ts'
export type { DetectorPresetName, DetectorSettings, NominalWindow } from './settings.ts'
export { chooseHelpers } from './probe.ts'
export { InvalidDetectorSettingsError, UnknownDetectorPresetError } from './errors.ts'
export { NodeDirectory, ADVERT_TOPIC, HEARTBEAT_TOPIC } from './directory.ts'
export type { DirectoryEntry, DirectoryComponents, DirectoryInit } from './directory.ts'
export { PROBE_PROTOCOL } from './indirect-probe.ts'
export type { Pinger } from './indirect-probe.ts'
export { GridNodes } from './nodes.ts'
export type { GridNodesComponents } from './nodes.ts'
