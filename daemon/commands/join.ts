import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import type { NodeConfig } from '../config.ts'
import { loadGridKey, saveGridKey } from '../mesh/index.ts'
import { DEFAULT_MESH_PORT, GRID_KEY_FILE, loadGridConfig, saveGridConfig } from './grid-config.ts'
import { AlreadyInGridError, GridConfigInvalidError } from './errors.ts'
import { decodeJoinToken } from './token.ts'

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
