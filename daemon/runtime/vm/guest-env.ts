/**
 * The VM side of the environment contract (docs/vm-driver.md): the
 * instance's environment as the guest must see it, and the file QEMU hands
 * the guest through fw_cfg. Pure.
 *
 * The agent writes addresses for a process on the host (127.0.0.1:port).
 * Under user-mode networking the guest is 10.0.2.15 and reaches the host's
 * loopback at the gateway 10.0.2.2, so an input's address becomes the guest
 * port it listens on and an output's the gateway with the same port.
 */
import { environmentName } from '../../../controller/catalog/index.ts'
import type { VmDiskSpec, VmPortSpec } from './config.ts'

/** Addresses of QEMU's user-mode network (slirp's defaults). */
export const GUEST_NET = {
  /** The guest's own address; forwarded ports arrive here. */
  address: '10.0.2.15',
  prefix: 24,
  /** The host, as the guest sees it: connections here reach the host's 127.0.0.1. */
  gateway: '10.0.2.2',
  dns: '10.0.2.3'
} as const

/** The host address every address in the agent's environment is on. */
const HOST_LOOPBACK = '127.0.0.1'
/** Variables that describe the host process, not the appliance: the guest has its own. */
export const HOST_ONLY_VARIABLES: readonly string[] = ['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'PWD', 'TMPDIR']

/** The path a guest with udev sees a disk at: its virtio serial under /dev/disk/by-id. */
export function guestDiskPath (name: string): string {
  return `/dev/disk/by-id/virtio-${name}`
}

/**
 * The guest's environment: the task's TRELLIS_* variables with host loopback
 * addresses turned into guest ones (a forwarded host port → the guest's own
 * address and port; any other port → the gateway), TRELLIS_VOLUME_<V> naming
 * each disk by its serial, and TRELLIS_VM_* describing the network.
 * HOST_ONLY_VARIABLES (PATH and the like) are left out; the rest (an image's
 * fixed variables, LANG) pass unchanged.
 */
export function guestEnv (env: Record<string, string>, ports: VmPortSpec[], disks: VmDiskSpec[]): Record<string, string> {
  const forwarded = new Map(ports.map(p => [p.host, p.guest]))
  const rewrite = (item: string): string => {
    const m = /^127\.0\.0\.1:(\d+)$/.exec(item)
    if (m === null) return item
    const hostPort = Number(m[1])
    const guestPort = forwarded.get(hostPort)
    return guestPort !== undefined ? `${GUEST_NET.address}:${guestPort}` : `${GUEST_NET.gateway}:${hostPort}`
  }
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) {
    if (HOST_ONLY_VARIABLES.includes(key)) continue
    out[key] = key.startsWith('TRELLIS_') && value.includes(HOST_LOOPBACK) ? value.split(',').map(rewrite).join(',') : value
  }
  for (const d of disks) out[`TRELLIS_VOLUME_${environmentName(d.name)}`] = guestDiskPath(d.name)
  out.TRELLIS_VM_ADDRESS = `${GUEST_NET.address}/${GUEST_NET.prefix}`
  out.TRELLIS_VM_GATEWAY = GUEST_NET.gateway
  out.TRELLIS_VM_DNS = GUEST_NET.dns
  return out
}

/** Quotes a value for a POSIX shell: single quotes, each ' written as '\''. */
function quote (value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * The env file: one `NAME='value'` line per variable, sorted, so a shell
 * reads it with `set -a; . FILE; set +a`. Names that are not shell names
 * are dropped rather than written in a form the guest would misread.
 */
export function formatEnvFile (env: Record<string, string>): string {
  return Object.keys(env).filter(k => NAME.test(k)).sort().map(k => `${k}=${quote(env[k]!)}\n`).join('')
}
