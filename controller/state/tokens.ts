/**
 * API tokens of the grid: every node accepts a token recorded here, so one
 * `trellis token create` works against any node, and one revoke cuts it off
 * everywhere. Only hashes are replicated; a leaked log or snapshot reveals no
 * secret.
 */
import type { Command } from './commands.ts'
import { BadCommandError } from './errors.ts'
import type { ApplyResult, GridState, TokenRecord, TokenRole } from './types.ts'

/** The roles a token can have. */
export const TOKEN_ROLES: readonly TokenRole[] = ['admin', 'read-only']

const HASH = /^[0-9a-f]{64}$/

/** Adds a token; a name already taken changes nothing (created: false). */
export function applyPutToken (state: GridState, index: number, command: Command): ApplyResult {
  const name = command.putToken?.name ?? ''
  const hash = command.putToken?.hash ?? ''
  const role = command.putToken?.role ?? ''
  if (name === '' || !HASH.test(hash) || !(TOKEN_ROLES as readonly string[]).includes(role)) {
    throw new BadCommandError(`putToken needs a name, a sha256 hash and a role (${TOKEN_ROLES.join(' or ')})`)
  }
  if (state.tokens.has(name)) return { kind: 'token-put', name, created: false }
  state.tokens.set(name, { name, hash, role: role as TokenRole, createdIndex: index })
  return { kind: 'token-put', name, created: true }
}

/** The token whose secret hashes to `hash`, if any. */
export function tokenByHash (state: GridState, hash: string): TokenRecord | undefined {
  for (const t of state.tokens.values()) if (t.hash === hash) return t
  return undefined
}
