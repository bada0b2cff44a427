/**
 * The image catalog: manifests read from images/<name>/manifest.yaml, checked
 * and normalized, held in memory by name. Reference: docs/image-manifest.md.
 */
export type { Catalog, HealthSpec, ImageManifest, ImageVolumeSpec, PropertySpec, PropertyType, StartSpec, StopSignal, StopSpec, TerminalDirection, TerminalSpec, VmImageSpec } from './types.ts'
export { loadCatalog, MANIFEST_FILE } from './load.ts'
export type { LoadedCatalog } from './load.ts'
export { parseManifest, HEALTH_DEFAULTS, DEFAULT_DRIVER, DEFAULT_STOP_SIGNAL, MAX_STOP_TIMEOUT_MS } from './manifest.ts'
export type { ManifestOptions, ManifestResult } from './manifest.ts'
export { createCatalog, requireImage } from './catalog.ts'
export { GridCatalog } from './grid-catalog.ts'
export { environmentName, checkEnvironmentNames, isReservedEnvironment, DAEMON_ENVIRONMENT, CONTRACT_PREFIX } from './environment.ts'
export { CatalogIssueCode, UnknownImageError } from './errors.ts'
export { VM_DRIVER_NAME, VM_VOLUME_NAME_MAX, vmFiles } from './vm.ts'
export { packImage, bundleFiles, PackError } from './pack.ts'
