/**
 * One bench node's side of the mesh, as the daemon builds it (tcp ·
 * noise · yamux): a fresh identity on 127.0.0.1 with the grid key the parent
 * process hands down in BENCH_GRID_KEY. The transport is the daemon's split
 * one, as a node with its bulk port on (the default) has: terminal streams,
 * replication and image blobs over the bulk channel (TLS); BENCH_BULK=0
 * sends them over libp2p instead, as to a peer without a bulk channel.
 * `extraBulkProtocols`: a bench's own protocols that go the bulk way too.
 * Loaded in the child processes only.
 */
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { Logger } from 'pino'
import { createMeshHost, GridKey, Libp2pTransport, startBulkTransport } from '../../daemon/mesh/index.ts'
import { TERMINAL_PROTOCOL, type Transport } from '../../daemon/network/index.ts'
import { BLOB_PROTOCOL } from '../../daemon/images/index.ts'
import { REPLICA_PROTOCOLS } from '../../daemon/volumes/index.ts'

export async function benchMeshNode (logger: Logger, extraBulkProtocols: string[] = []): Promise<{ host: Awaited<ReturnType<typeof createMeshHost>>, transport: Transport }> {
  const privateKey = await generateKeyPair('Ed25519')
  const gridKey = GridKey.parse(Buffer.from(process.env.BENCH_GRID_KEY!, 'base64'))
  const host = await createMeshHost({ logger }, { privateKey, gridKey, listen: ['/ip4/127.0.0.1/tcp/0'] })
  const control = new Libp2pTransport({ host, logger })
  if (process.env.BENCH_BULK === '0') return { host, transport: control }
  const { transport } = await startBulkTransport(
    { control, privateKey, gridKey, logger, remoteHost: peer => host.remoteIp4(peer), admits: () => true },
    { host: '127.0.0.1', port: 0, protocols: [TERMINAL_PROTOCOL, ...REPLICA_PROTOCOLS, BLOB_PROTOCOL, ...extraBulkProtocols] }
  )
  return { host, transport }
}
