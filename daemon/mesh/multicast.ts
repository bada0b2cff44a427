/**
 * Can multicast leave this host? mDNS needs it, and on a host with only a
 * /24 route (no default route, no 224.0.0.0/4 route) every send fails with
 * ENETUNREACH, silently as far as @libp2p/mdns is concerned. One datagram
 * to the discard port of the mDNS group answers the question: the kernel
 * decides the route at send time, and nobody listens on port 9.
 */
import { createSocket } from 'node:dgram'

const MDNS_GROUP = '224.0.0.251'
const DISCARD_PORT = 9

/** The verdict: ok, or why not in words (`sending to 224.0.0.251 fails with ENETUNREACH: no route for multicast`). */
export type MulticastProbe = { ok: true } | { ok: false, why: string }

const WHY: Record<string, string> = {
  ENETUNREACH: 'no route for multicast (add one, e.g. ip route add 224.0.0.0/4 dev eth0)',
  EHOSTUNREACH: 'no route for multicast',
  EPERM: 'a firewall refuses it',
  EACCES: 'a firewall refuses it'
}

/** Sends one byte to the mDNS group's discard port and reports whether the kernel let it go. */
export async function probeMulticast (): Promise<MulticastProbe> {
  const socket = createSocket({ type: 'udp4', reuseAddr: true })
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject)
      socket.bind(0, () => { socket.off('error', reject); resolve() })
    })
    await new Promise<void>((resolve, reject) => {
      socket.send(Buffer.of(0), DISCARD_PORT, MDNS_GROUP, err => { if (err === null || err === undefined) resolve(); else reject(err) })
    })
    return { ok: true }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    return { ok: false, why: `sending to ${MDNS_GROUP} fails with ${code}: ${WHY[code] ?? 'multicast cannot leave this host'}` }
  } finally {
    socket.close()
  }
}
