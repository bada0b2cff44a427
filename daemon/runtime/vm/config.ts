/**
 * The VM section of a TaskConfig (`TaskConfig.vm`): what to boot, which host
 * ports reach which guest ports, and which NBD exports become disks. Plain
 * data; `vmTaskProblems` says what is wrong with one, naming the field.
 */
import { isAbsolute } from 'node:path'

/** Boot a disk image through the BIOS: its first disk. */
export interface VmDiskBoot {
  kind: 'disk'
  /** The image; relative paths resolve in TaskConfig.cwd (the image folder). Never written: each start gets a fresh qcow2 overlay. */
  disk: string
  format: 'qcow2' | 'raw'
}

/** Boot a kernel directly (QEMU's -kernel), optionally with an initrd, a command line and a root disk. */
export interface VmKernelBoot {
  kind: 'kernel'
  kernel: string
  initrd?: string
  /** The kernel command line; the serial console is ttyS0. */
  append?: string
  /** A root disk image, attached first (serial `root`), behind a fresh overlay like a disk boot's. */
  disk?: string
  format?: 'qcow2' | 'raw'
}

/** How QEMU reaches one NBD export: a Unix socket (the node's volume server) or TCP. */
export type VmNbdServer = { path: string } | { host: string, port: number }

/** A volume attached as a virtio-blk disk straight from its NBD export. */
export interface VmDiskSpec {
  /** The volume's name in the manifest; also the disk's virtio serial (at most 20 bytes), so the guest finds it as /dev/disk/by-id/virtio-<name>. */
  name: string
  server: VmNbdServer
  export: string
}

/** A forwarded port: connections to 127.0.0.1:host reach the guest's port. */
export interface VmPortSpec {
  host: number
  guest: number
}

/** Everything the vm driver needs beyond the generic TaskConfig. */
export interface VmTaskConfig {
  boot: VmDiskBoot | VmKernelBoot
  /** One per input terminal: the host port the agent allocated → the guest port the manifest names. */
  ports: VmPortSpec[]
  disks: VmDiskSpec[]
}

/** virtio-blk serial numbers are at most 20 bytes (VIRTIO_BLK_ID_BYTES). */
export const MAX_SERIAL_BYTES = 20
const SERIAL = /^[A-Za-z][A-Za-z0-9_-]*$/
const FORMATS = ['qcow2', 'raw']

function port (n: unknown): boolean {
  return Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 65535
}

function path (p: unknown): boolean {
  return typeof p === 'string' && p !== '' && !p.includes('\0')
}

/**
 * Every fault of a VM section, each naming its field (`vm.ports[1].guest: …`).
 * Empty when it can be run. Paths are only checked for shape here; the driver
 * checks that the files are there.
 */
export function vmTaskProblems (vm: VmTaskConfig | undefined): string[] {
  if (vm === undefined || vm === null || typeof vm !== 'object') return ['vm: missing; the vm driver needs TaskConfig.vm']
  const problems: string[] = []
  // read loosely: the config may come from anywhere, and each field is checked
  const boot = vm.boot as { kind?: unknown, disk?: unknown, format?: unknown, kernel?: unknown, initrd?: unknown, append?: unknown } | undefined
  if (boot?.kind === 'disk') {
    if (!path(boot.disk)) problems.push('vm.boot.disk: a path to the disk image is needed')
    if (!FORMATS.includes(boot.format as string)) problems.push('vm.boot.format: must be qcow2 or raw')
  } else if (boot?.kind === 'kernel') {
    if (!path(boot.kernel)) problems.push('vm.boot.kernel: a path to the kernel is needed')
    if (boot.initrd !== undefined && !path(boot.initrd)) problems.push('vm.boot.initrd: must be a path')
    if (boot.append !== undefined && (typeof boot.append !== 'string' || boot.append.includes('\0'))) problems.push('vm.boot.append: must be a string')
    if (boot.disk !== undefined && !path(boot.disk)) problems.push('vm.boot.disk: must be a path')
    if (boot.disk !== undefined && !FORMATS.includes(boot.format as string)) problems.push('vm.boot.format: must be qcow2 or raw with a disk')
  } else {
    problems.push('vm.boot.kind: must be disk or kernel')
  }
  const ports = Array.isArray(vm.ports) ? vm.ports : []
  if (!Array.isArray(vm.ports)) problems.push('vm.ports: must be a list')
  const hosts = new Set<number>()
  ports.forEach((p, i) => {
    if (!port(p?.host)) problems.push(`vm.ports[${i}].host: must be a port number`)
    if (!port(p?.guest)) problems.push(`vm.ports[${i}].guest: must be a port number`)
    if (hosts.has(p?.host)) problems.push(`vm.ports[${i}].host: port ${p.host} is forwarded twice`)
    hosts.add(p?.host)
  })
  const disks = Array.isArray(vm.disks) ? vm.disks : []
  if (!Array.isArray(vm.disks)) problems.push('vm.disks: must be a list')
  const names = new Set<string>()
  disks.forEach((d, i) => {
    const at = `vm.disks[${i}]`
    if (typeof d?.name !== 'string' || !SERIAL.test(d.name) || Buffer.byteLength(d.name) > MAX_SERIAL_BYTES) {
      problems.push(`${at}.name: must be a letter then letters, digits, '_' or '-', at most ${MAX_SERIAL_BYTES} characters (it is the disk's virtio serial)`)
    } else if (names.has(d.name) || d.name === 'root') {
      problems.push(`${at}.name: "${d.name}" is taken`)
    }
    names.add(d?.name)
    if (typeof d?.export !== 'string' || d.export === '' || d.export.includes('\0')) problems.push(`${at}.export: the NBD export name is needed`)
    const s = d?.server as Partial<{ path: string, host: string, port: number }> | undefined
    if (s?.path !== undefined) {
      if (!path(s.path) || !isAbsolute(s.path)) problems.push(`${at}.server.path: must be an absolute socket path`)
    } else if (typeof s?.host !== 'string' || s.host === '' || !port(s.port)) {
      problems.push(`${at}.server: must be { path } or { host, port }`)
    }
  })
  return problems
}
