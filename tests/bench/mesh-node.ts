/**
 * One bench node's side of the mesh, as the daemon builds it (tcp ·
 * noise · yamux): a fresh identity on 127.0.0.1 with the grid key the parent
 * process hands down in BENCH_GRID_KEY. Loaded in the child processes only.
 */
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { Logger } from 'pino'
import { createMeshHost, GridKey, Libp2pTransport } from '../../daemon/mesh/index.ts'

export async function benchMeshNode (logger: Logger): Promise<{ host: Awaited<ReturnType<typeof createMeshHost>>, transport: Libp2pTransport }> {
  const host = await createMeshHost({ logger }, {
    privateKey: await generateKeyPair('Ed25519'),
    gridKey: GridKey.parse(Buffer.from(process.env.BENCH_GRID_KEY!, 'base64')),
    listen: ['/ip4/127.0.0.1/tcp/0']
  })
  return { host, transport: new Libp2pTransport({ host, logger }) }
}
