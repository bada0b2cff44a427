/**
 * The capability fingerprint: what this machine can run, as the scheduler's
 * feasibility checks see it. Gathering facts does the I/O; turning facts into
 * capabilities and notes is pure and tested by table.
 *
 *   PATH, /dev, /sys, /lib/modules ──gatherHostFacts──▶ HostFacts ──capabilitiesFrom──▶ Fingerprint
 */
import { access, readFile } from 'node:fs/promises'
import { release } from 'node:os'
import { join } from 'node:path'
import type { Fingerprint } from './types.ts'
import { findOnPath } from './which.ts'

/** Binaries whose presence is advertised as `binary:<name>`; images name them as requirements. */
export const PROBED_BINARIES: readonly string[] = [
  'postgres', 'haproxy', 'nginx', 'qemu-img', 'qemu-system-x86_64', 'nbdfuse', 'nbd-client'
]

/** Where the fingerprint looks; tests point these into a temp dir. */
export interface HostPaths {
  /** The first kernel NBD device; present once the nbd module is loaded. */
  devNbd0: string
  /** Present while the nbd module is loaded. */
  sysModuleNbd: string
  /** Kernel modules, one folder per kernel release. */
  modulesDir: string
  devFuse: string
  cgroupRoot: string
}

/** The real locations on Linux. */
export const DEFAULT_HOST_PATHS: HostPaths = {
  devNbd0: '/dev/nbd0',
  sysModuleNbd: '/sys/module/nbd',
  modulesDir: '/lib/modules',
  devFuse: '/dev/fuse',
  cgroupRoot: '/sys/fs/cgroup'
}

/** What to fingerprint; every field defaults to this process and machine. */
export interface FingerprintOptions {
  /** PATH to search for binaries. */
  path?: string
  /** Effective uid; undefined where the OS has none (Windows). */
  uid?: number | undefined
  /** Kernel release, to find its modules. */
  kernelRelease?: string
  paths?: Partial<HostPaths>
  binaries?: readonly string[]
}

/** What the machine has, before any judgement about what that allows. */
export interface HostFacts {
  root: boolean
  /** Found binaries: name → absolute path. */
  binaries: Record<string, string>
  nbdDevice: boolean
  /** `loaded` (in the kernel now), `loadable` (a module file for this kernel), or `absent`. */
  nbdModule: 'loaded' | 'loadable' | 'absent'
  /** cgroup layout with both the cpu and memory controllers, if any. */
  cgroups: 'v1' | 'v2' | undefined
  fuseDevice: boolean
  /** fusermount or fusermount3 on PATH: how a non-root user mounts FUSE. */
  fusermount: boolean
}

/** Looks at the machine. Never throws: anything unreadable counts as absent. */
export async function gatherHostFacts (options: FingerprintOptions = {}): Promise<HostFacts> {
  const paths = { ...DEFAULT_HOST_PATHS, ...options.paths }
  const pathList = options.path ?? process.env.PATH ?? ''
  const uid = 'uid' in options ? options.uid : process.getuid?.()
  const binaries: Record<string, string> = {}
  for (const name of options.binaries ?? PROBED_BINARIES) {
    const found = await findOnPath(name, pathList)
    if (found !== undefined) binaries[name] = found
  }
  const fusermount = (await findOnPath('fusermount3', pathList) ?? await findOnPath('fusermount', pathList)) !== undefined
  return {
    root: uid === 0,
    binaries,
    nbdDevice: await exists(paths.devNbd0),
    nbdModule: await nbdModule(paths, options.kernelRelease ?? release()),
    cgroups: await cgroupLayout(paths.cgroupRoot),
    fuseDevice: await exists(paths.devFuse),
    fusermount
  }
}

/** Capabilities and notes from facts. Pure. */
export function capabilitiesFrom (facts: HostFacts): Fingerprint {
  const caps = new Set<string>()
  const notes: string[] = []
  for (const name of Object.keys(facts.binaries)) caps.add(`binary:${name}`)

  const nbdKernel = facts.nbdDevice || facts.nbdModule !== 'absent'
  if (nbdKernel) caps.add('nbd-kernel')
  else notes.push('no /dev/nbd0 and no nbd kernel module: volumes cannot be mounted through kernel NBD')

  if (facts.root && facts.cgroups !== undefined) caps.add('cgroup-limits')
  else if (!facts.root) notes.push('not running as root: cpu and memory limits are advisory')
  else notes.push('no cgroup cpu and memory controllers: cpu and memory limits are advisory')

  const fuse = facts.fuseDevice && (facts.root || facts.fusermount)
  if (fuse) caps.add('fuse')
  else if (!facts.fuseDevice) notes.push('no /dev/fuse: FUSE mounts unavailable')
  else notes.push('not root and no fusermount on PATH: FUSE mounts unavailable')

  const nbdfuse = facts.binaries.nbdfuse !== undefined && fuse
  if (nbdfuse) caps.add('nbdfuse')
  else if (facts.binaries.nbdfuse !== undefined) notes.push('nbdfuse is installed but FUSE is unavailable')

  // Both mount paths end in mount(2) (kernel nbd, or a loop mount over nbdfuse), which needs root.
  if (facts.root && (nbdKernel || nbdfuse)) caps.add('volume-mount')
  else if (!facts.root) notes.push('not running as root: volumes cannot be mounted into process appliances')
  else notes.push('neither kernel NBD nor nbdfuse: volumes cannot be mounted into process appliances')

  return { capabilities: [...caps].sort(), notes }
}

/** gatherHostFacts, then capabilitiesFrom. */
export async function fingerprintHost (options: FingerprintOptions = {}): Promise<Fingerprint> {
  return capabilitiesFrom(await gatherHostFacts(options))
}

const NBD_MODULE = /(^|\/)nbd\.ko(\.[a-z0-9]+)?(:|$)/m

async function nbdModule (paths: HostPaths, kernelRelease: string): Promise<HostFacts['nbdModule']> {
  if (await exists(paths.sysModuleNbd)) return 'loaded'
  // modules.dep lists every loadable module of the release; modules.builtin those compiled in.
  for (const list of ['modules.dep', 'modules.builtin']) {
    const text = await readText(join(paths.modulesDir, kernelRelease, list))
    if (text !== undefined && NBD_MODULE.test(text)) return 'loadable'
  }
  return 'absent'
}

async function cgroupLayout (root: string): Promise<HostFacts['cgroups']> {
  const controllers = await readText(join(root, 'cgroup.controllers'))
  if (controllers !== undefined && /\bmemory\b/.test(controllers) && /\bcpu\b/.test(controllers)) return 'v2'
  if (await exists(join(root, 'memory', 'memory.limit_in_bytes')) && await exists(join(root, 'cpu', 'cpu.cfs_quota_us'))) return 'v1'
  return undefined
}

async function exists (path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

async function readText (path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}
