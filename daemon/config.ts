import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_INSTANCE_UIDS, type UidRange } from './runtime/index.ts'
import { DEFAULT_LOG_FILES, DEFAULT_LOG_MAX_BYTES } from './logs/index.ts'

/** Where the bundled catalog lives: images/ at the top of the repository. */
export const BUNDLED_IMAGES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'images')

/** This Trellis's version, as nodes advertise it. */
export { VERSION } from '../controller/version/index.ts'

/** Default admin API port. */
export const DEFAULT_API_PORT = 7420

/** Everything trellisd is told at start. */
export interface NodeConfig {
  dataDir: string
  /** Admin API listen address; loopback by default. */
  apiHost: string
  apiPort: number
  logLevel: string
  /** Node name; default the host name. */
  name?: string
  /** Image folders imported into the grid's catalog at start when it lacks them (the bundled lb, web and db by default). */
  imagesDir: string
  /** Host an app's entries are published on. */
  entryHost: string
  /** Stop instances when the daemon shuts down cleanly (they are re-adopted after a crash either way). */
  stopInstancesOnExit: boolean
  /** Grace between SIGTERM and SIGKILL when stopping an instance, in ms. */
  stopGraceMs: number
  /** Name of the cgroup parent instances go under (as root). */
  cgroupParent: string
  /** The uids (and gids) instances run as, one each, when the daemon is root (docs/isolation.md). */
  instanceUids: UidRange
  /** Mesh listen multiaddrs; default from grid.json. */
  listen?: string[]
  /** Extra bootstrap multiaddrs, added to grid.json's. */
  bootstrap: string[]
  /** mDNS discovery; default from grid.json. */
  mdns?: boolean
  /** Node profile, lan or field: every periodic timer and the failure detector (daemon/profile, docs/field.md). */
  profile: string
  zone?: string
  labels: Record<string, string>
  /** Copies of every image the grid keeps. */
  imageReplicas: number
  /** How long a volume member's node may be down before the leader replaces its replica, in ms. */
  replicaReplaceMs: number
  /** Ceiling on the bytes per second a rebuild or catch-up copies, so the app keeps its disk; 0 = none. */
  rebuildBytesPerSecond: number
  /** TCP port of the bulk data channel (daemon/mesh/bulk.ts); default the mesh port + 1, 0 any, off none. */
  bulkPort?: number | 'off'
  /**
   * Share of a peer link's measured delivery rate that a rebuild, catch-up
   * or image fetch may use (daemon/network link-pacer.ts), 0 < share ≤ 1;
   * 0 turns measuring off and only the fixed ceiling holds.
   */
  linkShare: number
  /** How VMs are accelerated: auto (KVM when a probe boot succeeds), kvm or tcg (docs/vm-driver.md). */
  vmAccel: 'auto' | 'kvm' | 'tcg'
  /** The kernel the KVM probe boots; default /boot/vmlinuz-<running release>. */
  vmProbeKernel?: string
  /** Size at which an instance's stdout or stderr file is rotated, bytes. */
  instanceLogMaxBytes: number
  /** Files kept per instance stream, the live one included. */
  instanceLogFiles: number
  /** Require the admin token for /metrics too (by default it is open, as Prometheus exporters are). */
  metricsAuth: boolean
  /** MAC address the grid wakes this node at (Wake-on-LAN) when parked and off; default the machine's first IPv4 interface's. */
  wakeMac?: string
  /** Command (run with /bin/sh -c) that powers this node off once the grid has parked it; none by default (docs/field.md, Power). */
  powerOffCommand?: string
}

export function defaultConfig (dataDir: string): NodeConfig {
  return {
    dataDir,
    apiHost: '127.0.0.1',
    apiPort: DEFAULT_API_PORT,
    logLevel: 'info',
    imagesDir: BUNDLED_IMAGES,
    entryHost: '0.0.0.0',
    stopInstancesOnExit: true,
    stopGraceMs: 5000,
    cgroupParent: 'trellis',
    instanceUids: DEFAULT_INSTANCE_UIDS,
    bootstrap: [],
    profile: 'lan',
    labels: {},
    replicaReplaceMs: 60_000,
    imageReplicas: 2,
    rebuildBytesPerSecond: 64 * 1024 * 1024,
    linkShare: 0.5,
    vmAccel: 'auto',
    instanceLogMaxBytes: DEFAULT_LOG_MAX_BYTES,
    instanceLogFiles: DEFAULT_LOG_FILES,
    metricsAuth: false
  }
}

/**
 * Paths inside a data dir. `instances`, `volumes`, `mounts`, `code` and
 * `imageDirs` are what instances pass through (0711); everything else is the
 * daemon's alone (docs/isolation.md).
 */
export function dataPaths (dataDir: string): { state: string, logs: string, volumes: string, replicas: string, run: string, mounts: string, blocks: string, instances: string, code: string, images: string, imageDirs: string, apiFile: string } {
  return {
    state: join(dataDir, 'state'),
    logs: join(dataDir, 'logs'),
    volumes: join(dataDir, 'volumes'),
    // On a grid: replicated volumes' replica stores, the NBD socket and mount work dirs, and the mounted filesystems.
    replicas: join(dataDir, 'replicas'),
    run: join(dataDir, 'run'),
    mounts: join(dataDir, 'mounts'),
    // The NBD sockets of volumes attached as VM disks, each owned by its VM's user.
    blocks: join(dataDir, 'blocks'),
    // Each instance's home and tmp, and the code instances run when it lies where they cannot reach it.
    instances: join(dataDir, 'instances'),
    code: join(dataDir, 'code'),
    // Image blobs (chunks, records), and the images unpacked for instances to run (read-only to them).
    images: join(dataDir, 'images'),
    imageDirs: join(dataDir, 'image-dirs'),
    apiFile: join(dataDir, 'api.json')
  }
}
