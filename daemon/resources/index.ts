/**
 * Resources: what a node has (probe), what it can run (fingerprint), and
 * how it says so to the grid (advert, its codec, validation, the replay
 * guard and the publish-now rule). docs/node-adverts.md is the reference.
 */
export { probeResources } from './probe.ts'
export type { ProbeOptions, SystemInfo } from './probe.ts'
export type { BatteryReading } from './power.ts'
export { powerFrom } from './power.ts'
export {
  RESERVED_MEMORY, RESERVED_DISK, MAX_ADVERT_BYTES, MAX_HEARTBEAT_BYTES,
  ADVERT_INTERVAL_MS, ADVERT_MIN_GAP_MS, PROBE_TIMEOUT_MS
} from './constants.ts'
export { fingerprintHost, gatherHostFacts, capabilitiesFrom, PROBED_BINARIES, DEFAULT_HOST_PATHS } from './capabilities.ts'
export type { FingerprintOptions, HostFacts, HostPaths } from './capabilities.ts'
export { buildAdvert } from './advert.ts'
export type { AdvertConfig, AdvertInput } from './advert.ts'
export { encodeAdvert, decodeAdvert, encodeHeartbeat, encodeDatagramHeartbeat, decodeHeartbeat } from './codec.ts'
export { validateAdvert, validateHeartbeat } from './validate.ts'
export { advertChanged, CHANGE_THRESHOLDS } from './change.ts'
export type { ChangeThresholds } from './change.ts'
export { acceptAdvert, stampOf } from './replay.ts'
export { nextIncarnation, INCARNATION_FILE } from './incarnation.ts'
export { findOnPath } from './which.ts'
export { BadAdvertError, AdvertTooLargeError } from './errors.ts'
export type {
  NodeResources, NodeAdvert, Heartbeat, AdvertStamp, Fingerprint, Power, PowerSource, Versions
} from './types.ts'
