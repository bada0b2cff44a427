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

/** Signals a manifest may ask for to stop an instance cleanly (SIGKILL and SIGSTOP cannot be handled). */
export type StopSignal = 'SIGTERM' | 'SIGINT' | 'SIGQUIT' | 'SIGHUP' | 'SIGUSR1' | 'SIGUSR2' | 'SIGWINCH' | 'SIGPWR'

/** How an instance is stopped: `signal` to its main process, SIGKILL to all of it after `timeoutMs`. */
export interface StopSpec {
  signal: StopSignal
  /** Absent: the node's --stop-grace. */
  timeoutMs?: number
}

export interface ImageManifest {
  name: string
  version: string
  description: string
  resources: { min: Resources; default: Resources }
  terminals: TerminalSpec[]
  properties: PropertySpec[]
  volumes: ImageVolumeSpec[]
  /** Readiness: can the instance serve. Without liveness, also what restarts it. */
  health?: HealthSpec
  /** Liveness: failing it restarts the instance; readiness alone then only marks it not ready. */
  liveness?: HealthSpec
  start: StartSpec
  /** Present exactly when start.driver is vm. */
  vm?: VmImageSpec
  /** Node capabilities needed, e.g. volume-mount. */
  requires: string[]
  /** Absent: SIGTERM, then SIGKILL after the node's --stop-grace. */
  stop?: StopSpec
  /** What a console opens in an instance; absent: a shell. Never for a vm (its console is its serial port). */
  console?: { command: string[] }
  /** Fixed variables of every instance's environment; never TRELLIS_* nor one the daemon sets. */
  environment?: Record<string, string>
  /** What packing the image's folder into a bundle adds to its files. */
  bundle?: { packages: string[] }
  /** Absolute path of the image folder; '' for an image of the grid's catalog until a node unpacks it. */
  dir: string
  /** The image's digest in the grid's catalog; absent for a folder loaded from disk. */
  digest?: string
}

/** A set of images. */
export interface Catalog {
  /** The image a reference names: `name` (its newest version), and in the grid's catalog also `name@version` or a digest. */
  get(ref: string): ImageManifest | undefined
  /** One manifest per name (the newest version), by name. */
  list(): ImageManifest[]
}
