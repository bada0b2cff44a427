import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import type { NodeConfig } from '../config.ts'
import { loadIdentity } from '../identity/index.ts'
import { GridKey, loadGridKey, saveGridKey } from '../mesh/index.ts'
import { DEFAULT_MESH_PORT, GRID_KEY_FILE, JOIN_TOKEN_FILE, saveGridConfig } from './grid-config.ts'
import { AlreadyInGridError, GridConfigInvalidError } from './errors.ts'
import { encodeJoinToken } from './token.ts'

/**
 * `trellisd init`: makes this data dir the first member of a new grid and
 * returns what to print — the grid's fingerprint and the join command for the
 * other nodes. The join token goes into a file, never into output or logs.
 */
export async function initGrid (config: NodeConfig, options: { announce?: string }): Promise<string> {
  const keyFile = join(config.dataDir, GRID_KEY_FILE)
  if (existsSync(keyFile)) {
    const existing = await loadGridKey(keyFile)
    throw new AlreadyInGridError(`${config.dataDir} already belongs to grid ${existing.fingerprint}; use another --data-dir`)
  }
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 })
  const listen = config.listen ?? [`/ip4/0.0.0.0/tcp/${DEFAULT_MESH_PORT}`]
  const port = listenPort(listen)
  const identity = await loadIdentity(config.dataDir, config.name)
  const gridKey = GridKey.create()
  await saveGridKey(keyFile, gridKey)
  const tokenFile = join(config.dataDir, JOIN_TOKEN_FILE)
  await writeFile(tokenFile, encodeJoinToken({ gridKey }) + '\n', { mode: 0o600 })
  await saveGridConfig(config.dataDir, { listen, bootstrap: [], mdns: config.mdns ?? true, founder: true })
  const host = options.announce ?? announceAddress()
  const address = `/ip4/${host}/tcp/${port}/p2p/${identity.id}`
  return [
    `grid ${gridKey.fingerprint} created; this node is ${identity.name} (${identity.id})`,
    `start it:         trellisd --data-dir ${config.dataDir}`,
    `join other nodes: copy ${tokenFile} to each (a secret: it admits a node to the grid; keep it mode 0600), then there:`,
    `  trellisd join --token-file ${JOIN_TOKEN_FILE} ${address} --data-dir <their data dir>`,
    'administer from elsewhere: trellis token create NAME (on any node) makes an API token',
    ''
  ].join('\n')
}

function listenPort (listen: string[]): number {
  for (const a of listen) {
    const port = multiaddr(a).getComponents().find(c => c.name === 'tcp')?.value
    if (port !== undefined && port !== '0') return Number(port)
  }
  throw new GridConfigInvalidError('the first node of a grid needs a fixed --listen port for others to join it (not port 0)')
}

/** The first non-internal IPv4 address of this machine, for the printed join command. */
function announceAddress (): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) return i.address
  }
  return '127.0.0.1'
}
