/**
 * The `vm` section of a manifest (images run by the vm driver): what to boot
 * and which guest port serves each input terminal. Shape comes from the
 * schema; the cross-checks against the rest of the manifest are here.
 * Reference: docs/image-manifest.md#a-vm, docs/vm-driver.md.
 */
import { IssueCode, asRecord } from '../graph/index.ts'
import type { Report } from '../graph/index.ts'
import { CatalogIssueCode } from './errors.ts'
import type { ImageVolumeSpec, TerminalSpec, VmImageSpec } from './types.ts'

/** The driver whose images carry a vm section. */
export const VM_DRIVER_NAME = 'vm'
/** A VM's volumes are virtio disks whose serial is the volume's name, and a virtio-blk serial holds 20 bytes. */
export const VM_VOLUME_NAME_MAX = 20

/**
 * The vm section, normalized, or undefined when there is none. Reports a vm
 * driver without the section (and the reverse), a section that boots
 * nothing, ports of terminals that are not inputs, inputs without a port, and
 * volume names too long to be a disk serial.
 */
export function readVm (raw: Record<string, unknown>, driver: string, terminals: TerminalSpec[], volumes: ImageVolumeSpec[], report: Report): VmImageSpec | undefined {
  // a missing or mistyped start is the schema's to report
  const start = asRecord(raw.start)
  const vm = asRecord(raw.vm)
  if (driver !== VM_DRIVER_NAME) {
    if (vm !== undefined) report(CatalogIssueCode.VM_SECTION, ['vm'], `only images with start.driver: ${VM_DRIVER_NAME} have a vm section`)
    // everything else starts a command
    if (start !== undefined && start.command === undefined) report(IssueCode.MISSING_FIELD, ['start', 'command'], 'required field is missing')
    return undefined
  }
  if (start?.command !== undefined) report(CatalogIssueCode.VM_SECTION, ['start', 'command'], 'a vm boots from its vm section; start.command is not used')
  if (vm === undefined) {
    report(CatalogIssueCode.VM_SECTION, ['vm'], `start.driver: ${VM_DRIVER_NAME} needs a vm section saying what to boot`)
    return undefined
  }
  const text = (v: unknown): string | undefined => typeof v === 'string' ? v : undefined
  const spec: VmImageSpec = { ports: {} }
  for (const field of ['kernel', 'initrd', 'append', 'disk'] as const) {
    const value = text(vm[field])
    if (value !== undefined) spec[field] = value
  }
  if (spec.kernel === undefined && spec.disk === undefined) report(CatalogIssueCode.VM_BOOT, ['vm'], 'a vm boots a kernel or a disk image: give vm.kernel or vm.disk')
  if (spec.kernel === undefined) {
    if (spec.initrd !== undefined) report(CatalogIssueCode.VM_BOOT, ['vm', 'initrd'], 'an initrd goes with a kernel: give vm.kernel')
    if (spec.append !== undefined) report(CatalogIssueCode.VM_BOOT, ['vm', 'append'], 'a command line goes with a kernel: give vm.kernel')
  }
  if (spec.disk !== undefined) spec.format = vm.format === 'qcow2' || vm.format === 'raw' ? vm.format : spec.disk.endsWith('.qcow2') ? 'qcow2' : 'raw'
  else if (vm.format !== undefined) report(CatalogIssueCode.VM_BOOT, ['vm', 'format'], 'format is the format of vm.disk, which is not given')

  const ports = asRecord(vm.ports) ?? {}
  const used = new Map<number, string>()
  for (const [name, port] of Object.entries(ports)) {
    const terminal = terminals.find(t => t.name === name)
    if (terminal === undefined) report(IssueCode.UNKNOWN_TERMINAL, ['vm', 'ports', name], `no terminal "${name}" on this image`)
    else if (terminal.direction === 'out') report(IssueCode.TERMINAL_DIRECTION, ['vm', 'ports', name], `"${name}" is an output; outputs reach the grid through the host, only inputs have a guest port`)
    if (typeof port !== 'number') continue
    const other = used.get(port)
    if (other !== undefined) report(IssueCode.DUPLICATE_PORT, ['vm', 'ports', name], `guest port ${port} is already terminal "${other}"'s`)
    used.set(port, name)
    spec.ports[name] = port
  }
  for (const t of terminals) {
    if (t.direction === 'in' && !(t.name in ports)) report(IssueCode.MISSING_FIELD, ['vm', 'ports', t.name], `input terminal "${t.name}" needs the guest port it is served on`)
  }
  for (const v of volumes) {
    if (Buffer.byteLength(v.name) > VM_VOLUME_NAME_MAX) report(IssueCode.BAD_NAME, ['volumes', v.name], `a vm's volume name is its disk's serial: at most ${VM_VOLUME_NAME_MAX} characters`)
  }
  return spec
}

/** The files a vm section names, field → path relative to the image folder; the loader checks they are there. */
export function vmFiles (vm: VmImageSpec): Array<[field: string, path: string]> {
  return (['kernel', 'initrd', 'disk'] as const).flatMap(f => vm[f] === undefined ? [] : [[f, vm[f]!] as [string, string]])
}

/** A vm image runs only where the vm driver is: `driver:vm` is required whether the manifest says so or not. */
export function withDriverRequirement (driver: string, requires: string[]): string[] {
  const need = `driver:${VM_DRIVER_NAME}`
  return driver === VM_DRIVER_NAME && !requires.includes(need) ? [...requires, need] : requires
}
