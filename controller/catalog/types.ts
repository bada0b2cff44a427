/**
 * An image manifest: images/<name>/manifest.yaml. Documented in
 * docs/image-manifest.md and checked against controller/catalog/manifest.schema.json.
 */
import type { Resources } from '../graph/types.ts'

export type TerminalDirection = 'in' | 'out'

/** A named, typed endpoint of an appliance. */
export interface TerminalSpec {
  name: string
  direction: TerminalDirection
  /** Connections join terminals of the same protocol only (http, tcp, nbd, ...). */
  protocol: string
  /** An output that must be connected for the appliance to work. Inputs ignore it. */
  mandatory: boolean
}

export type PropertyType = 'string' | 'integer' | 'number' | 'boolean'

export interface PropertySpec {
  name: string
  type: PropertyType
  description: string
  /** Absent means the app must set it. */
  default?: string | number | boolean
  /** Allowed values, when the property is an enumeration. */
  enum?: Array<string | number>
}

export interface ImageVolumeSpec {
  name: string
  /** Default mount point inside the appliance's view (exported as TRELLIS_VOLUME_<NAME>). */
  mount: string
  required: boolean
}

export interface HealthSpec {
  /** http: GET path on an input terminal answers 2xx; tcp: the terminal accepts a connection. */
  kind: 'http' | 'tcp'
  terminal: string
  path: string
  intervalMs: number
  timeoutMs: number
  /** Consecutive failures before the instance is unhealthy. */
  failures: number
  /** Grace after start during which failures don't count. */
  startPeriodMs: number
}

export interface StartSpec {
  driver: string
  /** argv; a first element of "node" means the Node.js that runs the daemon. Relative paths resolve in the image folder. Empty for a vm. */
  command: string[]
}

/** What a vm image boots (start.driver: vm); paths are relative to the image folder. */
export interface VmImageSpec {
  /** A kernel to boot directly, with an optional initrd and command line. */
  kernel?: string
  initrd?: string
  append?: string
  /** A disk image: booted by the BIOS when there is no kernel, else attached as the root disk. Never written (each start gets an overlay). */
  disk?: string
  format?: 'qcow2' | 'raw'
  /** input terminal → the guest port it is served on */
  ports: Record<string, number>
}

export interface ImageManifest {
  name: string
  version: string
  description: string
  resources: { min: Resources; default: Resources }
  terminals: TerminalSpec[]
  properties: PropertySpec[]
  volumes: ImageVolumeSpec[]
  health?: HealthSpec
  start: StartSpec
  /** Present exactly when start.driver is vm. */
  vm?: VmImageSpec
  /** Node capabilities needed, e.g. volume-mount. */
  requires: string[]
  /** Absolute path of the image folder. */
  dir: string
}

/** The set of images a node knows, by name. */
export interface Catalog {
  get(name: string): ImageManifest | undefined
  list(): ImageManifest[]
}
