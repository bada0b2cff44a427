/**
 * TaskConfig.vm from an image's `vm` section: what the agent hands the vm
 * driver once it has allocated the instance's ports and attached its volumes.
 * Pure.
 */
import type { VmImageSpec } from '../../../controller/catalog/index.ts'
import type { VmDiskSpec, VmTaskConfig } from './config.ts'

/**
 * The VM section of one instance's TaskConfig. `inputs` maps each input
 * terminal to the host port the agent allocated for it (Binding.inputs);
 * `disks` are the instance's volumes as NBD exports, named as in the
 * manifest. An input without a guest port in the manifest (the catalog
 * refuses such images) is not forwarded.
 */
export function vmTaskFromImage (vm: VmImageSpec, inputs: Record<string, number>, disks: VmDiskSpec[]): VmTaskConfig {
  const ports = Object.entries(inputs).flatMap(([terminal, host]) => {
    const guest = vm.ports[terminal]
    return guest === undefined ? [] : [{ host, guest }]
  })
  const boot: VmTaskConfig['boot'] = vm.kernel !== undefined
    ? {
        kind: 'kernel',
        kernel: vm.kernel,
        ...(vm.initrd === undefined ? {} : { initrd: vm.initrd }),
        ...(vm.append === undefined ? {} : { append: vm.append }),
        ...(vm.disk === undefined ? {} : { disk: vm.disk, format: vm.format ?? 'raw' })
      }
    : { kind: 'disk', disk: vm.disk ?? '', format: vm.format ?? 'raw' }
  return { boot, ports, disks }
}
