/**
 * The image catalog: manifests read from images/<name>/manifest.yaml, checked
 * and normalized, held in memory by name. Reference: docs/image-manifest.md.
 */
export type { Catalog, HealthSpec, ImageManifest, ImageVolumeSpec, PropertySpec, PropertyType, StartSpec, TerminalDirection, TerminalSpec, VmImageSpec } from './types.ts'
export { loadCatalog, MANIFEST_FILE } from './load.ts'
export type { LoadedCatalog } from './load.ts'
export { parseManifest, HEALTH_DEFAULTS, DEFAULT_DRIVER } from './manifest.ts'
export type { ManifestOptions, ManifestResult } from './manifest.ts'
export { createCatalog, requireImage } from './catalog.ts'
export { environmentName, checkEnvironmentNames } from './environment.ts'
export { CatalogIssueCode, UnknownImageError } from './errors.ts'
export { VM_DRIVER_NAME, VM_VOLUME_NAME_MAX, vmFiles } from './vm.ts'
