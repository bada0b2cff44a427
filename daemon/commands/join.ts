import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import type { NodeConfig } from '../config.ts'
import { loadGridKey, probeMulticast, saveGridKey, scanRanges } from '../mesh/index.ts'
import { DEFAULT_MESH_PORT, GRID_KEY_FILE, JOIN_TOKEN_FILE, loadGridConfig, saveGridConfig } from './grid-config.ts'
import { AlreadyInGridError, GridConfigInvalidError, JoinTokenInvalidError } from './errors.ts'
import { decodeJoinToken, isJoinToken } from './token.ts'

/**
 * `trellisd join`: makes this data dir a member of the grid the token
 * names, bootstrapping through the given members. Joining the same grid
 * again only updates the bootstrap list; another grid is refused.
 */
export async function joinGrid (config: NodeConfig, token: string, addresses: string[]): Promise<string> {
  const { gridKey } = decodeJoinToken(token)
  if (addresses.length === 0 && config.mdns === false) throw new GridConfigInvalidError('give a member address to join through, or leave mDNS on to find members on the LAN')
  for (const a of addresses) checkMemberAddress(a)
  // With no address, mDNS finds members; where multicast cannot leave the host the node scans its subnets instead.
  let scanning: string | undefined
  if (addresses.length === 0) {
    const probe = await probeMulticast()
    if (!probe.ok) {
      const ranges = scanRanges(networkInterfaces())
      if (ranges.length === 0) throw new GridConfigInvalidError(`no member address given, mDNS cannot find members from this host (${probe.why}), and it has no IPv4 subnet to scan; give a member address (…/tcp/${DEFAULT_MESH_PORT}/p2p/<id>, as trellisd init prints it)`)
      scanning = `mDNS cannot work from this host (${probe.why}): scanning ${ranges.join(', ')} for members on port ${meshPort(config.listen)} instead`
    }
  }
  const keyFile = join(config.dataDir, GRID_KEY_FILE)
  if (existsSync(keyFile)) {
    const existing = await loadGridKey(keyFile)
    if (!existing.equals(gridKey)) throw new AlreadyInGridError(`${config.dataDir} belongs to grid ${existing.fingerprint}, not ${gridKey.fingerprint}`)
  }
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 })
  const previous = await loadGridConfig(config.dataDir)
  await saveGridKey(keyFile, gridKey)
  await saveGridConfig(config.dataDir, {
    listen: config.listen ?? previous?.listen ?? [`/ip4/0.0.0.0/tcp/${DEFAULT_MESH_PORT}`],
    bootstrap: [...new Set([...(previous?.bootstrap ?? []), ...addresses])],
    mdns: config.mdns ?? previous?.mdns ?? true,
    founder: previous?.founder ?? false
  })
  // Nothing has been reached yet: the node looks for members once it runs.
  const how = addresses.length > 0 ? `through ${addresses.length} member address${addresses.length === 1 ? '' : 'es'}` : scanning ?? 'looking for members by mDNS on the LAN'
  return `joining grid ${gridKey.fingerprint}, ${how}\n`
}

/** Where `trellisd join` may read its token from: never an argument, which every user sees in ps. */
export interface JoinTokenSource {
  tokenFile?: string
  tokenStdin?: boolean
  /** The environment to read TRELLIS_JOIN_TOKEN from; the variable is removed once read, so no child inherits it. */
  env: NodeJS.ProcessEnv
  stdin: NodeJS.ReadableStream
}

/** Reads the join token from a file, standard input or $TRELLIS_JOIN_TOKEN (in that order of preference). */
export async function readJoinToken (source: JoinTokenSource, addresses: string[]): Promise<string> {
  if (addresses.some(isJoinToken)) {
    throw new JoinTokenInvalidError('the join token is a secret: give it with --token-file FILE, --token-stdin or $TRELLIS_JOIN_TOKEN, never as an argument (ps shows arguments to every user)')
  }
  const fromEnv = source.env.TRELLIS_JOIN_TOKEN
  delete source.env.TRELLIS_JOIN_TOKEN
  if (source.tokenFile !== undefined) {
    try {
      return (await readFile(source.tokenFile, 'utf8')).trim()
    } catch (err) {
      throw new JoinTokenInvalidError(`cannot read the join token file ${source.tokenFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err })
    }
  }
  if (source.tokenStdin === true) {
    let text = ''
    for await (const chunk of source.stdin) text += String(chunk)
    return text.trim()
  }
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv.trim()
  throw new JoinTokenInvalidError(`give the join token with --token-file FILE (the ${JOIN_TOKEN_FILE} file trellisd init wrote), --token-stdin or $TRELLIS_JOIN_TOKEN`)
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

/** The TCP port of the first listen address given, else the default: the port the scan tries on others. */
function meshPort (listen: string[] | undefined): number {
  for (const address of listen ?? []) {
    const tcp = multiaddr(address).getComponents().find(c => c.name === 'tcp')
    if (tcp?.value !== undefined) return Number(tcp.value)
  }
  return DEFAULT_MESH_PORT
}
