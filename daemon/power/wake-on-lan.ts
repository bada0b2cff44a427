/**
 * Wake-on-LAN: the "magic packet" (six 0xff bytes, then the target's MAC
 * sixteen times) sent as a UDP broadcast to the discard port, which a
 * powered-off NIC with WoL enabled watches for. AMD's Magic Packet
 * Technology white paper (1995) defines the payload; port 9 is the usual one.
 */
import { createSocket } from 'node:dgram'
import type { NetworkInterfaceInfo } from 'node:os'
import { BadMacError } from './errors.ts'

/** UDP port the packet goes to: discard, which nothing answers. */
export const WAKE_PORT = 9
/** Where it goes: the local broadcast address, since a sleeping NIC has no IP address to route to. */
export const WAKE_ADDRESS = '255.255.255.255'
/** Bytes of a magic packet: 6 + 16 × 6. */
export const MAGIC_PACKET_BYTES = 102

const MAC = /^([0-9a-f]{2})([:-][0-9a-f]{2}){5}$/i
const ZERO_MAC = '00:00:00:00:00:00'

/** A MAC address as lower-case colon-separated hex; throws BadMacError for anything else. */
export function normalizeMac (mac: string): string {
  if (!MAC.test(mac)) throw new BadMacError(`not a MAC address (aa:bb:cc:dd:ee:ff): ${JSON.stringify(mac)}`)
  return mac.toLowerCase().replaceAll('-', ':')
}

/** The magic packet that wakes the NIC with this MAC. */
export function magicPacket (mac: string): Buffer {
  const bytes = Buffer.from(normalizeMac(mac).split(':').map(h => Number.parseInt(h, 16)))
  return Buffer.concat([Buffer.alloc(6, 0xff), ...Array.from({ length: 16 }, () => bytes)])
}

/** Sends one magic packet for `mac`; resolves once it is handed to the network. */
export async function sendWakeOnLan (mac: string, to: { address?: string, port?: number } = {}): Promise<void> {
  const packet = magicPacket(mac)
  const socket = createSocket('udp4')
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject)
      socket.bind(0, () => {
        socket.setBroadcast(true)
        socket.send(packet, to.port ?? WAKE_PORT, to.address ?? WAKE_ADDRESS, err => { if (err != null) reject(err); else resolve() })
      })
    })
  } finally {
    socket.close()
  }
}

/**
 * The MAC a Wake-on-LAN packet should reach this machine at: that of the first
 * interface, by name, with an IPv4 address that is not loopback or internal.
 * Pure over os.networkInterfaces(); undefined when there is none (a container
 * whose interfaces have no hardware address, say).
 */
export function wakeMacOf (interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string | undefined {
  for (const name of Object.keys(interfaces).sort()) {
    for (const info of interfaces[name] ?? []) {
      if (info.internal || info.family !== 'IPv4' || info.mac === ZERO_MAC || !MAC.test(info.mac)) continue
      return normalizeMac(info.mac)
    }
  }
  return undefined
}
