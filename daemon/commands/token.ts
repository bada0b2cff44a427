import { GridKey } from '../mesh/index.ts'
import { JoinTokenInvalidError } from './errors.ts'

/** Every join token starts with this; the version lets a later format be told apart. */
const PREFIX = 'trellis1.'

/** What a new node needs to join a grid: its key, and the admin token shared by every node. */
export interface JoinSecrets {
  gridKey: GridKey
  adminToken: string
}

/**
 * Packs the grid key and the admin token into one string for
 * `trellisd join`. It is a secret: whoever holds it can join the grid and
 * administer it.
 */
export function encodeJoinToken (secrets: JoinSecrets): string {
  const body = JSON.stringify({ key: Buffer.from(secrets.gridKey.encode()).toString('utf8'), admin: secrets.adminToken })
  return PREFIX + Buffer.from(body).toString('base64url')
}

/** Unpacks a join token; ERR_JOIN_TOKEN_INVALID says what is wrong without quoting it. */
export function decodeJoinToken (token: string): JoinSecrets {
  const text = token.trim()
  if (!text.startsWith(PREFIX)) throw new JoinTokenInvalidError(`join token must start with "${PREFIX}" (copy it whole from the output of trellisd init)`)
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8'))
  } catch (err) {
    throw new JoinTokenInvalidError('join token is damaged: its body does not decode', { cause: err })
  }
  const { key, admin } = (parsed ?? {}) as { key?: unknown, admin?: unknown }
  if (typeof key !== 'string') throw new JoinTokenInvalidError('join token has no grid key')
  if (typeof admin !== 'string' || admin.length < 16) throw new JoinTokenInvalidError('join token has no admin token')
  let gridKey: GridKey
  try {
    gridKey = GridKey.parse(key)
  } catch (err) {
    throw new JoinTokenInvalidError(`join token holds a bad grid key: ${(err as Error).message}`, { cause: err })
  }
  return { gridKey, adminToken: admin }
}
