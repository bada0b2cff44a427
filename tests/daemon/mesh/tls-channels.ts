/** Bulk channels (TLS) on 127.0.0.1 for tests, finding each other through one table as the control plane would tell them. */
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { PrivateKey } from '@libp2p/interface'
import { pino } from 'pino'
import { GridKey, TlsChannel } from '../../../daemon/mesh/index.ts'

const logger = pino({ level: 'silent' })

/** n channels, listening; `close` stops them all. */
export async function channels (n: number, options: { gridKeys?: GridKey[], admits?: (peer: string) => boolean } = {}): Promise<{ list: TlsChannel[], keys: PrivateKey[], close: () => Promise<void> }> {
  const table = new Map<string, { host: string, port: number }>()
  const gridKey = GridKey.create()
  const list: TlsChannel[] = []
  const keys: PrivateKey[] = []
  for (let i = 0; i < n; i++) {
    const privateKey = await generateKeyPair('Ed25519')
    const channel = new TlsChannel({
      privateKey,
      gridKey: options.gridKeys?.[i] ?? gridKey,
      logger,
      locate: async peer => table.get(peer),
      ...(options.admits !== undefined ? { admits: options.admits } : {})
    })
    table.set(channel.nodeId, { host: '127.0.0.1', port: await channel.listen('127.0.0.1', 0) })
    list.push(channel)
    keys.push(privateKey)
  }
  return { list, keys, close: async () => { await Promise.all(list.map(async c => { await c.close() })) } }
}
