export type { MountComponents, MountedVolume, MountMethod, MountState, MountSupport, MountVolumeInit } from './types.ts'
export { probeMountSupport } from './probe.ts'
export { DEFAULT_READY_TIMEOUT_MS, mountVolume } from './mount-volume.ts'
export { cleanupStaleMounts } from './cleanup.ts'
export { STATE_FILE, workPaths } from './state.ts'
export { isMounted } from './system.ts'
export {
  ForeignFilesystemError, MountBusyError, MountCleanupError, MountCommandError,
  MountTimeoutError, MountUnsupportedError
} from './errors.ts'
