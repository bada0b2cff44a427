/**
 * The driver compliance suite against the vm driver, its tasks VMs of the
 * test appliance under TCG (helpers vmKit): a polite stop is the ACPI power
 * button and a clean power-off exits 0; a task that ends by itself is a
 * guest that powers off after booting; a stubborn one ignores the button.
 * Skipped, being process matters: a task's children (QEMU has none; its
 * cgroup is the process driver's, tested there).
 */
import t from 'tap'
import { driverCompliance } from './driver-compliance.ts'
import { vmDriver, vmKit } from './vm/helpers.ts'

// every case boots a Linux guest under TCG: 5–20 s each on this shared machine
t.setTimeout(900_000)

driverCompliance('vm', async () => {
  const { driver, cleanup } = await vmDriver()
  return { driver, cleanup, kit: await vmKit() }
})
