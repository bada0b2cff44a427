import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import type { ConsoleAsset } from '../../controller/console/index.ts'
import { sessionCookie } from './cookie.ts'
import { ApiError, badRequest } from './errors.ts'
import { STREAMED, type ApiServer } from './server.ts'
import type { Sessions } from './session.ts'

/** The console's files by name (`index.html`, `app.js`, `elk.bundled.js`, ...). */
export type ConsoleAssets = ReadonlyMap<string, ConsoleAsset>

/** What a session answer holds; the CSRF secret only for the session's own page. */
export interface SessionView {
  role: string
  who: string
  csrf?: string
  expiresAt?: number
}

/**
 * The page may load scripts, styles and data from this node only, and
 * no other site may frame it: an injected string has nowhere to send
 * what it reads, and clicks cannot be hijacked.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY'
}

/**
 * Binds the console's login routes: POST /v1/session trades a token for a
 * session cookie, GET tells the page who it is (and its CSRF secret),
 * DELETE logs out. docs/console.md describes the security model.
 */
export function addLoginRoutes (server: ApiServer, sessions: Sessions, logger: Logger): void {
  server.route('POST', '/v1/session', async req => {
    // A form on another site cannot send JSON without the browser asking first, which this server never allows.
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim()
    if (type !== 'application/json') throw new ApiError('ERR_UNSUPPORTED_MEDIA_TYPE', 'send { "token": "…" } as application/json')
    let token: unknown
    try {
      token = (JSON.parse(req.body.toString('utf8')) as { token?: unknown } | null)?.token
    } catch {
      throw badRequest('request body must be a JSON object { "token": "…" }')
    }
    if (typeof token !== 'string') throw badRequest('send { "token": "…" }')
    const session = await sessions.open(token.trim())
    if (session === undefined) {
      logger.info('console login refused')
      throw new ApiError('ERR_UNAUTHORIZED', 'wrong or revoked token (see <data-dir>/admin.token, or trellis token create)')
    }
    logger.info({ who: session.access.who, role: session.access.role }, 'console login')
    req.setHeader('set-cookie', sessionCookie(sessions.cookieName, session.id))
    req.setHeader('cache-control', 'no-store')
    return { role: session.access.role, who: session.access.who, csrf: session.csrf, expiresAt: session.expiresAt } satisfies SessionView
  }, { open: true })

  server.route('GET', '/v1/session', async req => {
    req.setHeader('cache-control', 'no-store')
    const { role, who } = req.access!
    const s = req.session
    return (s === undefined ? { role, who } : { role, who, csrf: s.csrf, expiresAt: s.expiresAt }) satisfies SessionView
  })

  server.route('DELETE', '/v1/session', async req => {
    const closed = req.session !== undefined && sessions.close(req.session.id)
    req.setHeader('set-cookie', sessionCookie(sessions.cookieName, ''))
    return { closed }
  })
}

/**
 * Binds the console's page at `/` and its files at `/console/<file>`, open to
 * all: they hold no data. The files are read on the first request, not at
 * start: with their gzipped copies they are about 7 MB a node that nobody
 * browses would hold for nothing. A failed read is tried again next time.
 */
export function addConsoleRoutes (server: ApiServer, load: () => Promise<ConsoleAssets>): void {
  let loading: Promise<ConsoleAssets> | undefined
  const assets = async (): Promise<ConsoleAssets> => {
    loading ??= load().catch((err: unknown) => { loading = undefined; throw err })
    return await loading
  }
  const serve = async (name: string, req: IncomingMessage, res: ServerResponse): Promise<typeof STREAMED> => {
    const asset = (await assets()).get(name)
    if (asset === undefined) throw new ApiError('ERR_NOT_FOUND', `no console file ${name}`)
    const headers: Record<string, string | number> = { ...SECURITY_HEADERS, 'content-type': asset.type, 'cache-control': 'no-cache', etag: asset.etag, vary: 'accept-encoding' }
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers)
      res.end()
      return STREAMED
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const body = gzip ? asset.gzip : asset.body
    res.writeHead(200, { ...headers, 'content-length': body.length, ...(gzip ? { 'content-encoding': 'gzip' } : {}) })
    res.end(body)
    return STREAMED
  }
  server.streamRoute('GET', '/', async (req, res) => serve('index.html', req.body, res), { open: true })
  // The rest of the path: vendored module folders (yaml/…) keep their relative imports below /console.
  server.streamRoute('GET', '/console/*file', async (req, res) => serve(req.params.file!, req.body, res), { open: true })
}
