import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import type { NodeConfig } from '../config.ts'
import { forceNewCluster } from '../consensus/index.ts'
import { loadAdminToken, loadIdentity } from '../identity/index.ts'
import { openStore } from '../store/index.ts'
import { GridKey, loadGridKey, saveGridKey } from '../mesh/index.ts'
import { DEFAULT_MESH_PORT, GRID_KEY_FILE, loadGridConfig, saveGridConfig } from './config.ts'
import { AlreadyInGridError, GridConfigInvalidError } from './errors.ts'
import { decodeJoinToken, encodeJoinToken } from './token.ts'

/**
 * `trellisd init`: makes this data dir the first member of a new grid and
 * returns what to print — the grid's fingerprint and the join command for the
 * other nodes. The join token in it is a secret; nothing here logs it.
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
  const adminToken = await loadAdminToken(config.dataDir)
  await saveGridKey(keyFile, gridKey)
  await saveGridConfig(config.dataDir, { listen, bootstrap: [], mdns: config.mdns ?? true, founder: true })
  const host = options.announce ?? announceAddress()
  const address = `/ip4/${host}/tcp/${port}/p2p/${identity.id}`
  return [
    `grid ${gridKey.fingerprint} created; this node is ${identity.name} (${identity.id})`,
    `start it:         trellisd --data-dir ${config.dataDir}`,
    'join other nodes: (the token is a secret: it admits a node and administers the grid)',
    `  trellisd join ${encodeJoinToken({ gridKey, adminToken })} ${address} --data-dir <their data dir>`,
    ''
  ].join('\n')
}

/**
 * `trellisd join`: makes this data dir a member of the grid the token
 * names, bootstrapping through the given members. Joining the same grid
 * again only updates the bootstrap list; another grid is refused.
 */
export async function joinGrid (config: NodeConfig, token: string, addresses: string[]): Promise<string> {
  const { gridKey, adminToken } = decodeJoinToken(token)
  if (addresses.length === 0 && config.mdns === false) throw new GridConfigInvalidError('give a member address to join through, or leave mDNS on to find members on the LAN')
  for (const a of addresses) checkMemberAddress(a)
  const keyFile = join(config.dataDir, GRID_KEY_FILE)
  if (existsSync(keyFile)) {
    const existing = await loadGridKey(keyFile)
    if (!existing.equals(gridKey)) throw new AlreadyInGridError(`${config.dataDir} belongs to grid ${existing.fingerprint}, not ${gridKey.fingerprint}`)
  }
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 })
  const previous = await loadGridConfig(config.dataDir)
  await saveGridKey(keyFile, gridKey)
  await writeFile(join(config.dataDir, 'admin.token'), adminToken + '\n', { mode: 0o600 })
  await saveGridConfig(config.dataDir, {
    listen: config.listen ?? previous?.listen ?? [`/ip4/0.0.0.0/tcp/${DEFAULT_MESH_PORT}`],
    bootstrap: [...new Set([...(previous?.bootstrap ?? []), ...addresses])],
    mdns: config.mdns ?? previous?.mdns ?? true,
    founder: previous?.founder ?? false
  })
  const how = addresses.length === 0 ? 'by mDNS on the LAN' : `through ${addresses.length} member address${addresses.length === 1 ? '' : 'es'}`
  return `joined grid ${gridKey.fingerprint} ${how}\n`
}

function checkMemberAddress (address: string): void {
  let parsed
  try {
    parsed = multiaddr(address)
  } catch (err) {
    throw new GridConfigInvalidError(`member address ${JSON.stringify(address)} is not a multiaddr (e.g. /ip4/10.0.0.5/tcp/${DEFAULT_MESH_PORT}/p2p/12D3Koo…)`, { cause: err })
  }
  if (!parsed.getComponents().some(c => c.name === 'p2p')) {
    throw new GridConfigInvalidError(`member address ${address} must end in /p2p/<node id>, as trellisd init prints it`)
  }
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

/**
 * `trellisd recover --force-new-cluster`: rewrites this node's replicated
 * log so that it is the only voter (docs/consensus.md). Opening the store
 * fails while a daemon holds it, so it cannot run under a live node.
 */
export async function recoverGrid (dataDir: string): Promise<string> {
  if (!existsSync(join(dataDir, GRID_KEY_FILE))) throw new GridConfigInvalidError(`${dataDir} belongs to no grid: nothing to recover`)
  const identity = await loadIdentity(dataDir)
  const store = await openStore(join(dataDir, 'state'))
  try {
    const r = await forceNewCluster(store, identity.id)
    return [
      `${identity.name} is now the only voter of the grid's log (term ${r.term}, last index ${r.lastIndex}).`,
      `removed members: ${r.removed.length === 0 ? 'none' : r.removed.join(', ')}`,
      'start it again; wipe the data dirs of the other old members and join them anew.',
      ''
    ].join('\n')
  } finally {
    await store.close()
  }
}
