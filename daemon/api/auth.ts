/**
 * Who may call the admin API. Two kinds of bearer token open it:
 *
 * - the node's own `admin.token` (made on first start, 0600 in the data
 *   dir): root on this node only, for the CLI run on the machine;
 * - the grid's tokens (`trellis token create`), kept as sha256 hashes in the
 *   replicated state, so any node accepts them and one revoke cuts a token
 *   off everywhere. A read-only token may only read.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { tokenByHash, type GridState, type TokenRole } from '../../controller/state/index.ts'

/** What a request's token grants, and whose it is (for logs; never the secret). */
export interface Access {
  role: TokenRole
  /** `node` for the node's own token, else the grid token's name. */
  who: string
}

/** Maps a bearer secret to what it grants; undefined: nothing. */
export type Authenticate = (secret: string) => Access | undefined

/**
 * What a secret grants, two ways. A grid token created a moment ago on
 * another node is unknown here until this node has applied the create: a
 * token that is new to the caller is checked `fresh`, which looks again
 * once this node has caught up with the grid (a read barrier) before it
 * refuses; a secret accepted before (a console session's) is checked `now`.
 */
export interface Authenticator {
  now: Authenticate
  fresh: (secret: string) => Promise<Access | undefined>
}

const SECRET_PREFIX = 'trl_' // says what a leaked string is, as GitHub's ghp_ does
const SECRET_BYTES = 32

/** A new token secret: shown once, then only its hash is kept. */
export function newTokenSecret (): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64url')
}

/** Hex sha256 of a secret, as the state keeps it. */
export function hashSecret (secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/**
 * Accepts the node's own token and every token recorded in the grid's state.
 * `catchUp` resolves once this node has applied everything the grid had
 * committed when it was called (it may throw: the grid has no quorum; the
 * token is then judged by what this node has). Without it, `fresh` is `now`.
 */
export function tokenAuthenticator (nodeToken: string, state: () => GridState, catchUp?: () => Promise<unknown>): Authenticator {
  const own = Buffer.from(nodeToken)
  const now: Authenticate = secret => {
    const given = Buffer.from(secret)
    if (given.length === own.length && timingSafeEqual(given, own)) return { role: 'admin', who: 'node' }
    if (!secret.startsWith(SECRET_PREFIX)) return undefined
    const record = tokenByHash(state(), hashSecret(secret))
    return record === undefined ? undefined : { role: record.role, who: record.name }
  }
  const caughtUp = catchUp === undefined ? undefined : sharedRounds(catchUp)
  const fresh = async (secret: string): Promise<Access | undefined> => {
    const access = now(secret)
    if (access !== undefined || caughtUp === undefined || !secret.startsWith(SECRET_PREFIX)) return access
    await caughtUp().catch(() => {})
    return now(secret)
  }
  return { now, fresh }
}

/**
 * Runs `round` for whoever asks, sharing rounds: one asked while a round runs
 * waits for the next, which starts after it asked (a round already under way
 * may have read the grid before the token was made), and everyone who asked
 * meanwhile shares that next one. So a burst of unknown tokens, a stranger's
 * guesses included, costs at most one round running and one waiting.
 */
function sharedRounds (round: () => Promise<unknown>): () => Promise<unknown> {
  let running: Promise<unknown> | undefined
  let next: Promise<unknown> | undefined
  const start = (): Promise<unknown> => {
    const r = round().finally(() => { if (running === r) running = undefined })
    running = r
    return r
  }
  return () => {
    if (running === undefined) return start()
    next ??= running.catch(() => {}).then(() => {
      next = undefined
      return start()
    })
    return next
  }
}

/** Consoles and exec: GETs that open a session, which can change anything the instance can. */
const SESSION_PATH = /^\/v1\/apps\/[^/]+\/instances\/[^/]+\/(console|exec)$/

/**
 * Whether a role may make this request: read-only tokens read, may check an
 * app or see what applying it would change, and may log out of the web
 * console; they open no console and run no command in an instance.
 */
export function allows (role: TokenRole, method: string, path: string): boolean {
  if (role === 'admin') return true
  if (SESSION_PATH.test(path)) return false
  return method === 'GET' || method === 'HEAD' || (method === 'POST' && (path === '/v1/validate' || path === '/v1/diff')) || (method === 'DELETE' && path === '/v1/session')
}
