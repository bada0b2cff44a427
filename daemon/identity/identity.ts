import { randomBytes } from 'node:crypto'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { loadNodeKey } from '../mesh/index.ts'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * Who this node is. The id is the peer id of the node's key
 * (<data-dir>/node.key), the same on the mesh and across restarts; the name
 * is kept in <data-dir>/identity.json.
 */
export interface NodeIdentity {
  /** The node's libp2p peer id. */
  id: string
  /** Human name, by default the host name. */
  name: string
  createdAt: number
}

const NAME = /^[a-z0-9][a-z0-9.-]{0,62}$/

/** Loads the node's identity, creating it on first start. A name given later renames the node. */
export async function loadIdentity (dataDir: string, name?: string): Promise<NodeIdentity> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const file = join(dataDir, 'identity.json')
  let identity: NodeIdentity | undefined
  try {
    identity = JSON.parse(await readFile(file, 'utf8')) as NodeIdentity
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const wanted = name ?? identity?.name ?? defaultName()
  if (!NAME.test(wanted)) throw new Error(`node name "${wanted}" is not valid: lowercase letters, digits, '.' and '-', at most 63`)
  const id = peerIdFromPrivateKey(await loadNodeKey(dataDir)).toString()
  if (identity === undefined || identity.name !== wanted || identity.id !== id) {
    identity = { id, name: wanted, createdAt: identity?.createdAt ?? Date.now() }
    await writeFile(file, JSON.stringify(identity, null, 2) + '\n', { mode: 0o600 })
  }
  return identity
}

function defaultName (): string {
  const h = hostname().toLowerCase().replace(/[^a-z0-9.-]/g, '-').replace(/^[^a-z0-9]+/, '')
  return h === '' ? 'node' : h.slice(0, 63)
}

/**
 * The admin API's bearer token, in <data-dir>/admin.token (0600). Made on
 * first start; the CLI on the same machine reads it from there.
 */
export async function loadAdminToken (dataDir: string): Promise<string> {
  const file = join(dataDir, 'admin.token')
  try {
    const token = (await readFile(file, 'utf8')).trim()
    if (token.length >= 16) return token
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const token = randomBytes(32).toString('base64url')
  await writeFile(file, token + '\n', { mode: 0o600 })
  return token
}
