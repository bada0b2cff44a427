/**
 * Finding grid members without mDNS: when multicast cannot leave the host
 * and no member address was given, a node that knows nobody tries the mesh
 * port on every address of its own subnets, and dials what answers. A node
 * of another grid answers the TCP connect but never finishes the private
 * network's handshake, so the dial times out and nothing is learnt from it.
 */
import { Socket } from 'node:net'
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'
import { multiaddr } from '@multiformats/multiaddr'
import type { Logger } from 'pino'
import { Periodic, type Clock } from '../../controller/clock/index.ts'
import type { MeshHost } from './host.ts'

/** The most hosts one scan tries: a /24's worth. A wider subnet is scanned only around the node's own address. */
const MAX_HOSTS = 254
/** How long a connect may take before the address counts as closed, ms: a LAN answers in far less, a radio hop in less. */
const CONNECT_TIMEOUT_MS = 800
/** Connects in flight at once: a few kilobytes of SYNs, never a flood on a slow link. */
const CONCURRENCY = 16

/** How often a node that knows nobody scans again, ms. */
const SCAN_EVERY_MS = 60_000

/**
 * Scans the node's subnets for members while it has no connection at all,
 * every SCAN_EVERY_MS, and dials every address where the mesh port answers.
 */
export class SubnetScanner {
  readonly #host: MeshHost
  readonly #log: Logger
  readonly #port: number
  readonly #loop: Periodic

  constructor (components: { host: MeshHost, clock: Clock, logger: Logger }, init: { port: number }) {
    this.#host = components.host
    this.#log = components.logger
    this.#port = init.port
    this.#loop = new Periodic(
      { clock: components.clock, onError: err => { this.#log.warn({ err }, 'subnet scan failed') } },
      { intervalMs: SCAN_EVERY_MS, immediate: true, run: async () => { await this.scan() } }
    )
  }

  start (): void {
    this.#loop.start()
  }

  async stop (): Promise<void> {
    await this.#loop.stop()
  }

  /** One scan, unless the node is connected to someone already; returns the addresses dialled. */
  async scan (): Promise<string[]> {
    if (this.#host.connectedPeers.length > 0) return []
    const interfaces = networkInterfaces()
    const hosts = subnetHosts(interfaces)
    this.#log.info({ ranges: scanRanges(interfaces), port: this.#port, hosts: hosts.length }, 'no member known and no mDNS: scanning the subnets for members')
    const open = await openPorts(hosts, this.#port)
    const dialled: string[] = []
    for (const h of open) {
      const address = `/ip4/${h}/tcp/${this.#port}`
      try {
        const connection = await this.#host.libp2p.dial(multiaddr(address), { signal: AbortSignal.timeout(this.#host.dialTimeoutMs) })
        this.#log.info({ address, peer: connection.remotePeer.toString() }, 'member found by subnet scan')
        dialled.push(address)
      } catch (err) {
        this.#log.debug({ err, address }, 'the mesh port answered, but not a member of this grid')
      }
    }
    return dialled
  }
}

/** The subnets a scan covers, in words for logs and the join command (`10.1.2.0/24`). */
export function scanRanges (interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  return ownAddresses(interfaces).map(a => `${toDotted(a.first - 1)}/${Math.max(a.prefix, 24)}`)
}

/**
 * Every other host address of this machine's IPv4 subnets (not loopback,
 * not link-local), at most a /24 around each own address. Pure.
 */
export function subnetHosts (interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const hosts = new Set<string>()
  const own = ownAddresses(interfaces)
  for (const a of own) {
    for (let n = a.first; n <= a.last && n - a.first < MAX_HOSTS; n++) {
      if (n !== a.address) hosts.add(toDotted(n))
    }
  }
  for (const a of own) hosts.delete(toDotted(a.address))
  return [...hosts]
}

/** The addresses among `hosts` where something accepts a TCP connection on `port`. */
export async function openPorts (hosts: readonly string[], port: number, options: { timeoutMs?: number, concurrency?: number } = {}): Promise<string[]> {
  const open: string[] = []
  const queue = [...hosts]
  const worker = async (): Promise<void> => {
    for (let host = queue.shift(); host !== undefined; host = queue.shift()) {
      if (await accepts(host, port, options.timeoutMs ?? CONNECT_TIMEOUT_MS)) open.push(host)
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? CONCURRENCY, queue.length) }, worker))
  return open.sort()
}

async function accepts (host: string, port: number, timeoutMs: number): Promise<boolean> {
  return await new Promise(resolve => {
    const socket = new Socket()
    const done = (ok: boolean): void => { socket.destroy(); resolve(ok) }
    socket.setTimeout(timeoutMs, () => { done(false) })
    socket.once('error', () => { done(false) })
    socket.connect(port, host, () => { done(true) })
  })
}

interface OwnAddress { address: number, prefix: number, first: number, last: number }

function ownAddresses (interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): OwnAddress[] {
  const out: OwnAddress[] = []
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) {
      if (i.family !== 'IPv4' || i.internal || i.address.startsWith('169.254.') || i.cidr === null) continue
      const prefix = Number(i.cidr.split('/')[1])
      if (!(prefix >= 8 && prefix <= 30)) continue
      const address = toNumber(i.address)
      // A wide subnet: only the /24 around this address.
      const bits = Math.max(prefix, 24)
      const mask = bits === 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0
      const network = (address & mask) >>> 0
      const broadcast = (network | (~mask >>> 0)) >>> 0
      out.push({ address, prefix, first: network + 1, last: broadcast - 1 })
    }
  }
  return out
}

function toNumber (dotted: string): number {
  return dotted.split('.').reduce((n, part) => n * 256 + Number(part), 0)
}

function toDotted (n: number): string {
  return [24, 16, 8, 0].map(shift => (n >>> shift) & 255).join('.')
}
