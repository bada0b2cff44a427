export type { GridVolumesComponents, GridVolumesInit, LocalVolumeView, VolumeObserver } from './grid-volumes.ts'
export { GridVolumes } from './grid-volumes.ts'
export { VolumeNotPrimaryError, VolumeUpdateRefusedError } from './errors.ts'
export { volumeView, type VolumeViewSources } from './views.ts'
