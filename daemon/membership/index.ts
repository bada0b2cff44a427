/**
 * Membership and failure detection: who is up, who is suspect, who is down.
 * A pure core (phi-accrual detector, membership table, helper choice) driven
 * by the daemon on the real clock and by the simulator on virtual time. The
 * daemon and the benchmarks import only this file.
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
export { CLEAN_LAN, LOSSY_FIELD, simulate } from './sim.ts'
export type { ChannelOptions, Delivery, SimOptions, SimResult, Verdict } from './sim.ts'
export { HEAVY_STALLS, StallSchedule } from './sim-stalls.ts'
export type { StallOptions } from './sim-stalls.ts'
export { detectionDistribution, quantile } from './detection.ts'
export type { DetectionOptions, DetectionReport, SeededVerdict } from './detection.ts'
