export type { BlockEndpoint, VolumeAttacher, VolumeBackend, VolumeInfo } from './backend.ts'
export type { DirectoryVolumeBackendInit } from './directory.ts'
export { DirectoryVolumeBackend } from './directory.ts'
export { VOLUME_ID, assertVolumeId } from './volume-id.ts'
export {
  BlockVolumeUnsupportedError,
  InvalidVolumeIdError,
  InvalidVolumeSizeError,
  VolumeAttachedError,
  VolumeCorruptError,
  VolumeExistsError,
  VolumeNotFoundError
} from './errors.ts'
export type { MountComponents, MountedVolume, MountMethod, MountState, MountSupport, MountVolumeInit } from './mount/index.ts'
export {
  cleanupStaleMounts, mountVolume, probeMountSupport,
  ForeignFilesystemError, MountBusyError, MountCleanupError, MountCommandError, MountTimeoutError, MountUnsupportedError
} from './mount/index.ts'
// The rebuild throttle, shared with image fetches so both keep to a rate the same way.
export { TokenBucket, REPLICA_PROTOCOL, REPLICA_PROTOCOLS } from './replica/index.ts'
export type { ThrottleClock } from './replica/index.ts'
