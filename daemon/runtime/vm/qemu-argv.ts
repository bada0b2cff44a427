/**
 * The QEMU command line of one VM. Pure: every path is decided by the
 * driver, every choice is here with its reason.
 */
import type { VmDiskSpec, VmPortSpec } from './config.ts'
import { GUEST_NET } from './guest-env.ts'

/** The emulator; the Debian package qemu-system-x86. */
export const QEMU_BINARY = 'qemu-system-x86_64'
/** fw_cfg key of the environment file; the guest reads /sys/firmware/qemu_fw_cfg/by_name/opt/trellis/env/raw. */
export const ENV_FW_CFG_NAME = 'opt/trellis/env'
/**
 * TCG's translation cache. QEMU 7.2 reserves 1 GiB by default and fills it
 * as code runs; a bound keeps QEMU's memory inside its cgroup. A Linux boot
 * fills about 50 MiB; 128 MiB leaves room before the cache is flushed.
 */
export const TCG_TB_MIB = 128 // MiB
/**
 * On an NBD connection lost (the daemon serving the volume restarts), QEMU
 * reconnects and holds the guest's requests this long before failing them.
 */
export const NBD_RECONNECT_S = 60 // s

/** Accelerator chosen for a VM: kvm when the node's probe boot succeeded, else tcg. */
export type Accel = 'kvm' | 'tcg'
/**
 * CPU models tried under KVM, best first: `host` passes the real CPU
 * through; QEMU's default `qemu64` asks less of KVM (a host whose KVM cannot
 * set every host MSR, like this PVM machine, aborts `host` at once).
 */
export const KVM_CPU_MODELS: readonly string[] = ['host', 'qemu64']

/** Everything that goes into one QEMU command line, paths absolute. */
export interface QemuPlan {
  name: string
  accel: Accel
  /** The CPU model under KVM; default the first of KVM_CPU_MODELS. */
  cpu?: string
  memoryMiB: number
  cpus: number
  boot: { kind: 'disk' } | { kind: 'kernel', kernel: string, initrd?: string, append?: string }
  /** The per-start qcow2 overlay over the image's disk, when there is one; it is the first disk. */
  rootOverlay?: string
  ports: VmPortSpec[]
  disks: VmDiskSpec[]
  qmpSocket: string
  consoleSocket: string
  /** Where the serial console is appended (the task's stdout log). */
  consoleLog: string
  envFile: string
  reconnectDelayS?: number
  /** Who QEMU runs as once it has opened its files and sockets (-runas); absent, as whoever started it. */
  runAs?: { uid: number, gid: number }
}

/** A value inside a QEMU `key=value,...` option: a comma is written twice. */
export function optionValue (value: string): string {
  return value.replaceAll(',', ',,')
}

/** The accelerator arguments; the KVM probe boots with the same ones so its verdict covers them. */
export function accelArgs (accel: Accel, cpu = KVM_CPU_MODELS[0]!): string[] {
  return accel === 'kvm' ? ['-accel', 'kvm', '-cpu', cpu] : ['-accel', `tcg,tb-size=${TCG_TB_MIB}`]
}

/** The argv after the binary. */
export function qemuArgs (plan: QemuPlan): string[] {
  const v = optionValue
  const args = [
    '-name', `guest=${v(plan.name)}`,
    // nothing QEMU would add by itself (VGA, floppy, CD-ROM, default NIC), no host config files
    '-nodefaults', '-no-user-config', '-display', 'none',
    // no screen: the BIOS (and a boot loader that asks it) writes to the serial console, so its messages reach the log
    '-machine', 'graphics=off',
    // a guest reboot ends the process, so the supervisor sees and counts it like any exit
    '-no-reboot',
    ...accelArgs(plan.accel, plan.cpu),
    '-m', String(plan.memoryMiB),
    '-smp', String(plan.cpus),
    // QMP: how the driver powers the guest down and finds it again after a daemon restart
    '-chardev', `socket,id=qmp,path=${v(plan.qmpSocket)},server=on,wait=off`,
    '-mon', 'chardev=qmp,mode=control',
    // the serial console: kept in the log, and a socket a console client can attach to at any time
    '-chardev', `socket,id=console,path=${v(plan.consoleSocket)},server=on,wait=off,logfile=${v(plan.consoleLog)},logappend=on`,
    '-serial', 'chardev:console',
    '-fw_cfg', `name=${ENV_FW_CFG_NAME},file=${v(plan.envFile)}`,
    '-netdev', ['user', 'id=net0', ...plan.ports.map(p => `hostfwd=tcp:127.0.0.1:${p.host}-${GUEST_NET.address}:${p.guest}`)].join(','),
    '-device', 'virtio-net-pci,netdev=net0'
  ]
  // QEMU starts as root to open its log, sockets and images, then drops to the instance's user before the guest runs
  if (plan.runAs !== undefined) args.push('-runas', `${plan.runAs.uid}:${plan.runAs.gid}`)
  if (plan.boot.kind === 'kernel') {
    args.push('-kernel', plan.boot.kernel)
    if (plan.boot.initrd !== undefined) args.push('-initrd', plan.boot.initrd)
    if (plan.boot.append !== undefined) args.push('-append', plan.boot.append)
  }
  if (plan.rootOverlay !== undefined) {
    args.push(
      '-blockdev', `driver=file,node-name=root-file,filename=${v(plan.rootOverlay)}`,
      '-blockdev', 'driver=qcow2,node-name=root,file=root-file',
      // the BIOS boots the disk only without a kernel (whose loader holds boot index 0)
      '-device', `virtio-blk-pci,drive=root,serial=root${plan.boot.kind === 'disk' ? ',bootindex=0' : ''}`
    )
  }
  // volumes get their own I/O thread: requests are served beside the vCPUs, not in QEMU's main loop
  if (plan.disks.length > 0) args.push('-object', 'iothread,id=io0')
  plan.disks.forEach((d, i) => {
    const server = 'path' in d.server
      ? `server.type=unix,server.path=${v(d.server.path)}`
      : `server.type=inet,server.host=${v(d.server.host)},server.port=${d.server.port}`
    args.push(
      '-blockdev', `driver=nbd,node-name=disk${i},${server},export=${v(d.export)},reconnect-delay=${plan.reconnectDelayS ?? NBD_RECONNECT_S},discard=unmap`,
      // an I/O error pauses the VM instead of failing the guest's write: once the export is back, `cont` retries it
      '-device', `virtio-blk-pci,drive=disk${i},serial=${v(d.name)},iothread=io0,werror=stop,rerror=stop`
    )
  })
  return args
}
