/**
 * The admin API as the page uses it: the session cookie goes by itself, and
 * every write carries the session's CSRF secret in x-trellis-csrf. The
 * secret lives in this module's memory only; a reload asks GET /v1/session
 * for it again.
 */

/** @typedef {{ role: 'admin' | 'read-only', who: string, csrf?: string, expiresAt?: number }} Session */

/** Thrown for an answer that is not 2xx: code and details as the API sent them. */
export class ApiError extends Error {
  /** @param {string} code @param {string} message @param {number} status @param {unknown} [details] */
  constructor (code, message, status, details) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.details = details
  }
}

/** A read that takes longer is abandoned, so a view's next refresh is not held up behind it, ms. */
const READ_TIMEOUT_MS = 10_000
/** Writes wait for a commit, which may take an election, ms. */
const WRITE_TIMEOUT_MS = 60_000

let csrf = ''
/** @type {string | undefined} why the latest stale answer was stale (Trellis-Stale), until taken */
let staleReason
/** @type {() => void} */
let onLoggedOut = () => {}

/** @param {() => void} fn called when the node no longer knows this session */
export function whenLoggedOut (fn) {
  onLoggedOut = fn
}

/**
 * @template T
 * @param {string} method
 * @param {string} path
 * @param {{ body?: string, type?: string }} [options]
 * @returns {Promise<T>}
 */
export async function call (method, path, options = {}) {
  const read = method === 'GET' || method === 'HEAD'
  /** @type {Record<string, string>} */
  const headers = {}
  if (!read) headers['x-trellis-csrf'] = csrf
  if (options.body !== undefined) headers['content-type'] = options.type ?? 'application/yaml'
  let res
  try {
    res = await fetch(path, { method, headers, body: options.body, credentials: 'same-origin', cache: 'no-store', signal: AbortSignal.timeout(read ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS) })
  } catch (err) {
    const e = /** @type {Error} */ (err)
    throw new ApiError('ERR_API_UNREACHABLE', e.name === 'TimeoutError' ? `no answer from the node in ${(read ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS) / 1000} s` : `cannot reach the node: ${e.message}`, 0)
  }
  const text = await res.text()
  let parsed
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new ApiError('ERR_BAD_RESPONSE', `the node answered ${res.status} with something that is not JSON`, res.status)
  }
  if (!res.ok) {
    const e = parsed?.error ?? {}
    if (res.status === 401 && path !== '/v1/session') onLoggedOut()
    throw new ApiError(e.code ?? 'ERR_HTTP', e.message ?? `HTTP ${res.status}`, res.status, e.details)
  }
  const stale = res.headers.get('trellis-stale')
  if (stale !== null) staleReason = stale
  return parsed
}

/**
 * Why an answer since the last call was stale — the node could not reach
 * the grid's quorum and answered from what it last knew — or undefined.
 * @returns {string | undefined}
 */
export function takeStale () {
  const why = staleReason
  staleReason = undefined
  return why
}

/** @param {string} path */
export const get = (path) => call('GET', path)

/** @param {string} method @param {string} path @param {unknown} body */
export const send = (method, path, body) => call(method, path, { body: JSON.stringify(body), type: 'application/json' })

/**
 * Logs in: trades the token for a session cookie. The token is not kept.
 * @param {string} token
 * @returns {Promise<Session>}
 */
export async function login (token) {
  const session = /** @type {Session} */ (await send('POST', '/v1/session', { token }))
  csrf = session.csrf ?? ''
  return session
}

/** The session the cookie names, if the node still knows it. @returns {Promise<Session | undefined>} */
export async function currentSession () {
  try {
    const session = /** @type {Session} */ (await call('GET', '/v1/session'))
    csrf = session.csrf ?? ''
    return session
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return undefined
    throw err
  }
}

export async function logout () {
  try { await call('DELETE', '/v1/session') } finally { csrf = '' }
}

/** Encodes one path segment. @param {string} s */
export const seg = (s) => encodeURIComponent(s)
