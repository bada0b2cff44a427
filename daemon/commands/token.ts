import { GridKey } from '../mesh/index.ts'
import { JoinTokenInvalidError } from './errors.ts'

/** Every join token starts with this; the version lets a later format be told apart. */
const PREFIX = 'trellis1.'

/** What a new node needs to join a grid: its key. Administering it takes an API token, which is another secret. */
export interface JoinSecrets {
  gridKey: GridKey
}

/**
 * Packs the grid key into one string for `trellisd join`. It is a secret:
 * whoever holds it can join a node to the grid (though not administer it).
 */
export function encodeJoinToken (secrets: JoinSecrets): string {
  const body = JSON.stringify({ key: Buffer.from(secrets.gridKey.encode()).toString('utf8') })
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
  // Tokens from before admin tokens were split off also carry one; it is ignored.
  const { key } = (parsed ?? {}) as { key?: unknown }
  if (typeof key !== 'string') throw new JoinTokenInvalidError('join token has no grid key')
  let gridKey: GridKey
  try {
    gridKey = GridKey.parse(key)
  } catch (err) {
    throw new JoinTokenInvalidError(`join token holds a bad grid key: ${(err as Error).message}`, { cause: err })
  }
  return { gridKey }
}

/** Whether a string looks like a join token (to refuse one given as an argument). */
export function isJoinToken (text: string): boolean {
  return text.startsWith(PREFIX)
}
