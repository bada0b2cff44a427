import type { PrivateKey } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import type { Logger } from 'pino'
import { readFrame, SplitTransport, writeFrame, type Transport } from '../network/index.ts'
import type { GridKey } from './keys.ts'
import { TlsChannel } from './tls-channel.ts'

/** Protocol by which a node asks a peer, over the control plane, where its bulk channel listens. */
export const BULK_INFO_PROTOCOL = '/trellis/bulk-info/1'
const MAX_INFO_BYTES = 256
const INFO_TIMEOUT_MS = 5000

/** What the bulk channel needs of the mesh. */
export interface BulkComponents {
  /** The control plane (libp2p): asks peers where their channels listen, and carries what the channel cannot. */
  control: Transport
  privateKey: PrivateKey
  gridKey: GridKey
  logger: Logger
  /** The address this node's connection to a peer reaches it at. */
  remoteHost: (peer: string) => string | undefined
  /** Whether a peer that proved itself may connect (not revoked). */
  admits: (peer: string) => boolean
}

/**
 * Starts the bulk channel (TlsChannel) beside the control plane and returns
 * the transport every part of the node then uses: bulk protocols over TLS
 * where the peer has a channel, everything else (and every fallback) over
 * libp2p. The channel binds `host:port`, or any free port when that one is
 * taken; peers learn which by asking (BULK_INFO_PROTOCOL), once per peer
 * until a connection to it fails.
 */
export async function startBulkTransport (c: BulkComponents, init: { host: string, port: number, protocols: Iterable<string> }): Promise<{ transport: SplitTransport, port: number }> {
  const ports = new Map<string, number>()
  const channel = new TlsChannel({
    privateKey: c.privateKey,
    gridKey: c.gridKey,
    logger: c.logger,
    admits: c.admits,
    locate: async (peer, signal) => {
      const host = c.remoteHost(peer)
      if (host === undefined) return undefined
      let port = ports.get(peer)
      if (port === undefined) {
        port = await askPort(c.control, peer, signal)
        ports.set(peer, port)
      }
      return port === 0 ? undefined : { host, port }
    }
  })
  let port: number
  try {
    port = await channel.listen(init.host, init.port)
  } catch (err) {
    c.logger.warn({ err, port: init.port }, 'bulk channel port taken: listening on any free port')
    port = await channel.listen(init.host, 0)
  }
  c.control.handle(BULK_INFO_PROTOCOL, stream => {
    stream.on('error', () => {})
    writeFrame(stream, Buffer.from(JSON.stringify({ port })))
    stream.end()
  })
  const transport = new SplitTransport({
    control: c.control,
    bulk: channel,
    bulkProtocols: init.protocols,
    onFallback: (peer, protocol, err) => {
      // Ask again next time: the peer may have restarted on another port.
      ports.delete(peer)
      c.logger.debug({ peer, protocol, err }, 'bulk stream over the control plane')
    }
  })
  c.logger.info({ port }, 'bulk channel listening (TLS 1.3, pair keys)')
  return { transport, port }
}

/** The IPv4 address the mesh listens on (the first /ip4/ listen address), where the bulk channel listens too; 0.0.0.0 by default. */
export function bulkListenHost (listen: readonly string[]): string {
  for (const address of listen) {
    const [ip, tcp] = multiaddr(address).getComponents()
    if (ip?.name === 'ip4' && tcp?.name === 'tcp' && ip.value !== undefined) return ip.value
  }
  return '0.0.0.0'
}

/** The peer's bulk port; 0 when it has none (an older node answers no handler). */
async function askPort (control: Transport, peer: string, signal: AbortSignal): Promise<number> {
  let stream
  try {
    stream = await control.dial(peer, BULK_INFO_PROTOCOL, { signal })
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_NO_HANDLER') return 0
    throw err
  }
  try {
    stream.on('error', () => {})
    const info = JSON.parse((await readFrame(stream, MAX_INFO_BYTES, INFO_TIMEOUT_MS)).toString('utf8')) as { port?: unknown }
    return typeof info.port === 'number' && Number.isInteger(info.port) && info.port > 0 && info.port < 65536 ? info.port : 0
  } finally {
    stream.destroy()
  }
}
