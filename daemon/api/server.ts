import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { http } from '../node-http.ts'
import { allows, type Access, type Authenticator } from './auth.ts'
import { readCookie } from './cookie.ts'
import { ApiError, statusOf } from './errors.ts'
import { csrfMatches, type Sessions, type SessionAccess } from './session.ts'
import { bearerOf, sameOrigin, SocketServer, type SocketHandler } from './websocket.ts'

/** The header a cookie-authenticated write must carry, holding its session's CSRF secret. */
export const CSRF_HEADER = 'x-trellis-csrf'

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024

/** A parsed request as handlers see it. */
export interface ApiRequest {
  method: string
  path: string
  params: Record<string, string>
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: Buffer
  /** Who is asking; undefined on an open route. */
  access?: Access
  /** The console session the request came with, when it came with one rather than a bearer token. */
  session?: SessionAccess
  /** Sets a header of the answer (a cookie, a cache rule). */
  setHeader: (name: string, value: string) => void
}

export type Handler = (req: ApiRequest) => Promise<unknown>

/**
 * A handler that reads the request body as a stream and may write the
 * response itself (a bundle in, a tar out): it returns STREAMED once it has
 * answered, or a value to send as JSON.
 */
export type StreamHandler = (req: Omit<ApiRequest, 'body'> & { body: IncomingMessage }, res: ServerResponse) => Promise<unknown>

/** `open`: the route answers without a token (health, the console's files, login). */
export interface RouteOptions {
  open?: boolean
}

/** What a StreamHandler returns once it has written the response itself. */
export const STREAMED = Symbol('streamed')

/** A path with `:name` segments, compiled. */
interface PathPattern {
  pattern: RegExp
  names: string[]
}

interface Route extends PathPattern {
  method: string
  handler: Handler | StreamHandler
  streams: boolean
  open: boolean
}

interface SocketRoute extends PathPattern {
  handler: SocketHandler
}

/**
 * The admin API's HTTP server: bearer-token auth (or a console session's
 * cookie, with its CSRF header on writes), JSON in and out, errors as
 * `{ error: { code, message, details } }` with the status from errors.ts.
 */
export class ApiServer {
  readonly #routes: Route[] = []
  readonly #socketRoutes: SocketRoute[] = []
  readonly #sockets = new SocketServer()
  readonly #authenticate: Authenticator
  readonly #logger: Logger
  #server: Server | undefined

  readonly #quorum: (() => string) | undefined
  readonly #sessions: Sessions | undefined

  /**
   * `quorum`: what the grid's voters look like from here, added to the answer when a write found no leader.
   * `sessions`: the console's logins; without them only bearer tokens open the API.
   */
  constructor (components: { logger: Logger, sessions?: Sessions }, init: { authenticate: Authenticator, quorum?: () => string }) {
    this.#logger = components.logger
    this.#sessions = components.sessions
    this.#authenticate = init.authenticate
    this.#quorum = init.quorum
  }

  /** Adds a route; `:name` segments become params. */
  route (method: string, path: string, handler: Handler, options: RouteOptions = {}): void {
    this.#add(method, path, handler, false, options)
  }

  /** Adds a route whose handler reads the body as a stream (no size limit here) and may stream its answer. */
  streamRoute (method: string, path: string, handler: StreamHandler, options: RouteOptions = {}): void {
    this.#add(method, path, handler, true, options)
  }

  /**
   * Adds a WebSocket route (GET with an upgrade): the handler checks the
   * request and throws ApiError before the upgrade, answered as plain HTTP;
   * then it gets the socket. Authenticated by the Authorization header, a
   * `trellis.bearer.<token>` subprotocol (websocket.ts), or the console's
   * session cookie from the console's own origin.
   */
  socketRoute (path: string, handler: SocketHandler): void {
    this.#socketRoutes.push({ ...compile(path), handler })
  }

  #add (method: string, path: string, handler: Handler | StreamHandler, streams: boolean, options: RouteOptions): void {
    this.#routes.push({ method, ...compile(path), handler, streams, open: options.open === true })
  }

  async listen (host: string, port: number): Promise<{ host: string, port: number }> {
    const server = http.createServer((req, res) => { void this.#serve(req, res) })
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => { void this.#upgrade(req, socket, head) })
    server.keepAliveTimeout = 5000
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen({ host, port }, () => { server.off('error', reject); resolve() })
    })
    this.#server = server
    const a = server.address()
    return { host, port: typeof a === 'object' && a !== null ? a.port : port }
  }

  async close (): Promise<void> {
    const server = this.#server
    if (server === undefined) return
    this.#server = undefined
    // upgraded sockets have left the server's connections: close them apart
    this.#sockets.close()
    await new Promise<void>(resolve => {
      server.close(() => { resolve() })
      server.closeAllConnections()
    })
  }

  async #serve (req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://api')
    let streaming = false
    try {
      const matches = this.#routes.map(r => ({ r, m: r.pattern.exec(url.pathname) })).filter(x => x.m !== null)
      const match = matches.find(x => x.r.method === req.method)
      // Who asks is settled before anything about routes is said: a stranger learns nothing of them.
      const caller = match?.r.open === true ? undefined : await this.#caller(req, url.pathname)
      if (matches.length === 0 && this.#socketRoute(url.pathname) !== undefined) throw new ApiError('ERR_UPGRADE_REQUIRED', `${url.pathname} is a WebSocket: connect with an Upgrade: websocket request`)
      if (matches.length === 0) throw new ApiError('ERR_NOT_FOUND', `no route ${url.pathname}`)
      if (match === undefined) throw new ApiError('ERR_METHOD_NOT_ALLOWED', `${req.method ?? ''} not allowed on ${url.pathname}`)
      const params = paramsOf(match.r, match.m!)
      const base = {
        method: req.method ?? 'GET',
        path: url.pathname,
        params,
        query: url.searchParams,
        headers: req.headers,
        access: caller?.access,
        session: caller?.session,
        setHeader: (name: string, value: string) => { res.setHeader(name, value) }
      }
      streaming = match.r.streams
      const result = match.r.streams
        ? await (match.r.handler as StreamHandler)({ ...base, body: req }, res)
        : await (match.r.handler as Handler)({ ...base, body: await readBody(req) })
      if (result !== STREAMED) send(res, 200, result ?? {})
    } catch (err) {
      const e = err as Error & { code?: string, details?: unknown, issues?: unknown }
      const status = statusOf(e.code)
      if (status >= 500) this.#logger.error({ err, path: url.pathname }, 'request failed')
      // A stream that broke after its answer began can only be cut short.
      if (res.headersSent) { res.destroy(); return }
      // A body we stopped reading can't be followed by another request on this connection.
      if (e.code === 'ERR_BODY_TOO_LARGE' || (streaming && !req.readableEnded)) res.setHeader('connection', 'close')
      send(res, status, { error: { code: e.code ?? 'ERR_INTERNAL', message: this.#words(e), details: e.details ?? e.issues } })
    }
  }

  /**
   * An upgrade to a WebSocket route: authenticated and checked as plain HTTP,
   * then handed the socket. A bearer token (header or subprotocol) is judged
   * alone; without one, a console session's cookie counts only when the
   * request's Origin is the page's own (sameOrigin): the browser sends the
   * cookie whichever page opens the socket, and a WebSocket has no CSRF
   * header, so the Origin is what tells the console's page from another.
   */
  async #upgrade (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://api')
    socket.on('error', () => {}) // a client gone mid-handshake: nothing to answer
    try {
      const access = await this.#upgradeCaller(req, url.pathname)
      if (!allows(access.role, 'GET', url.pathname)) throw new ApiError('ERR_FORBIDDEN', `token ${access.who} is ${access.role}: it cannot open ${url.pathname}`)
      const found = this.#socketRoute(url.pathname)
      if (found === undefined || req.method !== 'GET') throw new ApiError('ERR_NOT_FOUND', `no WebSocket route ${req.method ?? ''} ${url.pathname}`)
      const session = await found.route.handler({ method: 'GET', path: url.pathname, params: found.params, query: url.searchParams, headers: req.headers, access, setHeader: () => {} })
      this.#sockets.accept(req, socket, head, session)
    } catch (err) {
      const e = err as Error & { code?: string, details?: unknown }
      const status = statusOf(e.code)
      if (status >= 500) this.#logger.error({ err, path: url.pathname }, 'upgrade failed')
      SocketServer.refuse(socket, status, { error: { code: e.code ?? 'ERR_INTERNAL', message: e.message, details: e.details } })
    }
  }

  /** Who opens a socket: the bearer token, else the session cookie from the page's own origin. */
  async #upgradeCaller (req: IncomingMessage, path: string): Promise<Access> {
    const secret = bearerOf(req.headers.authorization, req.headers['sec-websocket-protocol'])
    if (secret !== undefined || req.headers.authorization !== undefined) {
      const access = secret === undefined ? undefined : await this.#authenticate.fresh(secret)
      if (access === undefined) throw new ApiError('ERR_UNAUTHORIZED', 'wrong or revoked bearer token')
      return access
    }
    const id = this.#sessions === undefined ? undefined : readCookie(req.headers.cookie, this.#sessions.cookieName)
    if (id === undefined) throw new ApiError('ERR_UNAUTHORIZED', 'missing bearer token or console session (give the token in Authorization, or as the subprotocol trellis.bearer.<token>)')
    const { origin, host } = req.headers
    if (!sameOrigin(origin, host)) {
      this.#logger.warn({ origin, host, path }, 'WebSocket with a session cookie from another origin refused')
      throw new ApiError('ERR_BAD_ORIGIN', `a console session opens a WebSocket only from its own page: Origin ${origin ?? '(none)'} is not http://${host ?? '(no Host)'}`)
    }
    const access = this.#sessions!.resolve(id)?.access
    if (access === undefined) throw new ApiError('ERR_UNAUTHORIZED', 'the console session has ended (expired, logged out, its token revoked, or the node restarted): log in again')
    return access
  }

  #socketRoute (path: string): { route: SocketRoute, params: Record<string, string> } | undefined {
    for (const route of this.#socketRoutes) {
      const m = route.pattern.exec(path)
      if (m !== null) return { route, params: paramsOf(route, m) }
    }
    return undefined
  }

  /** The message for people: a write that found no quorum says which voters are out of reach. */
  #words (e: Error): string {
    if ((e.name === 'NotLeaderError' || e.name === 'UnavailableError') && this.#quorum !== undefined) {
      return `no quorum, the grid cannot take this write now: ${this.#quorum()}${e.name === 'UnavailableError' ? ' (whether it was taken is unknown; check before retrying)' : ''}`
    }
    return e.message
  }

  /**
   * Who the request is from, or an error: a bearer token when the request has
   * an Authorization header (then no cookie counts), else a console session,
   * whose writes must carry the session's CSRF secret.
   */
  async #caller (req: IncomingMessage, path: string): Promise<{ access: Access, session?: SessionAccess }> {
    const method = req.method ?? 'GET'
    const header = req.headers.authorization
    let access: Access | undefined
    let session: SessionAccess | undefined
    if (header !== undefined) {
      const secret = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
      access = secret === '' ? undefined : await this.#authenticate.fresh(secret)
    } else if (this.#sessions !== undefined) {
      const id = readCookie(req.headers.cookie, this.#sessions.cookieName)
      session = id === undefined ? undefined : this.#sessions.resolve(id)
      access = session?.access
    }
    if (access === undefined) {
      throw new ApiError('ERR_UNAUTHORIZED', 'missing, wrong or revoked bearer token or console session (see <data-dir>/admin.token, or trellis token create)')
    }
    if (session !== undefined && !SAFE_METHODS.has(method) && !csrfMatches(session, req.headers[CSRF_HEADER])) {
      throw new ApiError('ERR_CSRF', `a console session's ${method} must carry the ${CSRF_HEADER} header its login returned`)
    }
    if (!allows(access.role, method, path)) throw new ApiError('ERR_FORBIDDEN', `token ${access.who} is ${access.role}: it cannot ${method} ${path}`)
    return { access, session }
  }
}

/** Methods that change nothing, so a session needs no CSRF secret for them. */
const SAFE_METHODS = new Set(['GET', 'HEAD'])

/** `/v1/apps/:name` → a pattern whose groups are the `:name` segments. */
/** `:name` matches one path segment; a trailing `*name` the rest of the path, slashes included. */
function compile (path: string): PathPattern {
  const names: string[] = []
  const pattern = new RegExp('^' + path.replace(/:([a-z]+)|\*([a-z]+)$/g, (_, one: string | undefined, rest: string | undefined) => {
    names.push((one ?? rest)!)
    return one !== undefined ? '([^/]+)' : '(.+)'
  }) + '$')
  return { pattern, names }
}

function paramsOf (route: PathPattern, m: RegExpExecArray): Record<string, string> {
  const params: Record<string, string> = {}
  route.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]!) })
  return params
}

async function readBody (req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new ApiError('ERR_BODY_TOO_LARGE', `request body over ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function send (res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
