/**
 * The vm driver: appliances as QEMU virtual machines (docs/vm-driver.md).
 */
export { VmDriver, VM_DRIVER, QEMU_OVERHEAD_BYTES, MIN_GUEST_MEMORY_BYTES } from './driver.ts'
export type { VmDriverOptions } from './driver.ts'
export { vmTaskProblems, MAX_SERIAL_BYTES } from './config.ts'
export { vmTaskFromImage } from './from-image.ts'
export type { VmDiskBoot, VmDiskSpec, VmKernelBoot, VmNbdServer, VmPortSpec, VmTaskConfig } from './config.ts'
export { GUEST_NET, HOST_ONLY_VARIABLES, formatEnvFile, guestDiskPath, guestEnv } from './guest-env.ts'
export { ENV_FW_CFG_NAME, KVM_CPU_MODELS, NBD_RECONNECT_S, QEMU_BINARY, TCG_TB_MIB, accelArgs, optionValue, qemuArgs } from './qemu-argv.ts'
export type { Accel, QemuPlan } from './qemu-argv.ts'
export { KVM_PROBE_TIMEOUT_MS, KVM_VERDICT_FILE, probeKvm } from './kvm-probe.ts'
export type { KvmProbeOptions, KvmVerdict } from './kvm-probe.ts'
export { QmpClient, QMP_COMMAND_TIMEOUT_MS, QMP_CONNECT_TIMEOUT_MS } from './qmp.ts'
export type { QmpEvent } from './qmp.ts'
export { KvmProbeError, QmpCommandError, QmpConnectionError } from './errors.ts'
