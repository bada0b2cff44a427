import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { allows, type Access, type Authenticate } from './auth.ts'
import { ApiError, statusOf } from './errors.ts'
import { bearerOf, SocketServer, type SocketHandler } from './websocket.ts'

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024

/** A parsed request as handlers see it. */
export interface ApiRequest {
  method: string
  path: string
  params: Record<string, string>
  query: URLSearchParams
  body: Buffer
}

export type Handler = (req: ApiRequest) => Promise<unknown>

/**
 * A handler that reads the request body as a stream and may write the
 * response itself (a bundle in, a tar out): it returns STREAMED once it has
 * answered, or a value to send as JSON.
 */
export type StreamHandler = (req: Omit<ApiRequest, 'body'> & { body: IncomingMessage }, res: ServerResponse) => Promise<unknown>

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
}

interface SocketRoute extends PathPattern {
  handler: SocketHandler
}

/**
 * The admin API's HTTP server: bearer-token auth, JSON in and out, errors as
 * `{ error: { code, message, details } }` with the status from errors.ts.
 */
export class ApiServer {
  readonly #routes: Route[] = []
  readonly #socketRoutes: SocketRoute[] = []
  readonly #sockets = new SocketServer()
  readonly #authenticate: Authenticate
  readonly #open: Set<string>
  readonly #logger: Logger
  #server: Server | undefined

  readonly #quorum: (() => string) | undefined

  /**
   * `open`: paths served without a token (default `/v1/health`); `quorum`:
   * what the grid's voters look like from here, added to the answer when a
   * write found no leader.
   */
  constructor (components: { logger: Logger }, init: { authenticate: Authenticate, open?: string[], quorum?: () => string }) {
    this.#logger = components.logger
    this.#authenticate = init.authenticate
    this.#open = new Set(init.open ?? ['/v1/health'])
    this.#quorum = init.quorum
  }

  /** Adds a route; `:name` segments become params. */
  route (method: string, path: string, handler: Handler): void {
    this.#add(method, path, handler, false)
  }

  /** Adds a route whose handler reads the body as a stream (no size limit here) and may stream its answer. */
  streamRoute (method: string, path: string, handler: StreamHandler): void {
    this.#add(method, path, handler, true)
  }

  /**
   * Adds a WebSocket route (GET with an upgrade): the handler checks the
   * request and throws ApiError before the upgrade, answered as plain HTTP;
   * then it gets the socket. Authenticated like every route, by the
   * Authorization header or, for browsers, a `trellis.bearer.<token>`
   * subprotocol (websocket.ts).
   */
  socketRoute (path: string, handler: SocketHandler): void {
    this.#socketRoutes.push({ ...compile(path), handler })
  }

  #add (method: string, path: string, handler: Handler | StreamHandler, streams: boolean): void {
    this.#routes.push({ method, ...compile(path), handler, streams })
  }

  async listen (host: string, port: number): Promise<{ host: string, port: number }> {
    const server = createServer((req, res) => { void this.#serve(req, res) })
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
      if (!this.#open.has(url.pathname)) {
        const access = this.#access(req)
        if (access === undefined) throw new ApiError('ERR_UNAUTHORIZED', 'missing, wrong or revoked bearer token (see <data-dir>/admin.token, or trellis token create)')
        if (!allows(access.role, req.method ?? 'GET', url.pathname)) throw new ApiError('ERR_FORBIDDEN', `token ${access.who} is ${access.role}: it cannot ${req.method ?? ''} ${url.pathname}`)
      }
      const matches = this.#routes.map(r => ({ r, m: r.pattern.exec(url.pathname) })).filter(x => x.m !== null)
      if (matches.length === 0 && this.#socketRoute(url.pathname) !== undefined) throw new ApiError('ERR_UPGRADE_REQUIRED', `${url.pathname} is a WebSocket: connect with an Upgrade: websocket request`)
      if (matches.length === 0) throw new ApiError('ERR_NOT_FOUND', `no route ${url.pathname}`)
      const match = matches.find(x => x.r.method === req.method)
      if (match === undefined) throw new ApiError('ERR_METHOD_NOT_ALLOWED', `${req.method ?? ''} not allowed on ${url.pathname}`)
      const base = { method: req.method ?? 'GET', path: url.pathname, params: paramsOf(match.r, match.m!), query: url.searchParams }
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

  /** An upgrade to a WebSocket route: authenticated and checked as plain HTTP, then handed the socket. */
  async #upgrade (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://api')
    socket.on('error', () => {}) // a client gone mid-handshake: nothing to answer
    try {
      const access = this.#access(req, true)
      if (access === undefined) throw new ApiError('ERR_UNAUTHORIZED', 'missing, wrong or revoked bearer token (give it in Authorization, or as the subprotocol trellis.bearer.<token>)')
      if (!allows(access.role, 'GET', url.pathname)) throw new ApiError('ERR_FORBIDDEN', `token ${access.who} is ${access.role}: it cannot open ${url.pathname}`)
      const found = this.#socketRoute(url.pathname)
      if (found === undefined || req.method !== 'GET') throw new ApiError('ERR_NOT_FOUND', `no WebSocket route ${req.method ?? ''} ${url.pathname}`)
      const session = await found.route.handler({ method: 'GET', path: url.pathname, params: found.params, query: url.searchParams })
      this.#sockets.accept(req, socket, head, session)
    } catch (err) {
      const e = err as Error & { code?: string, details?: unknown }
      const status = statusOf(e.code)
      if (status >= 500) this.#logger.error({ err, path: url.pathname }, 'upgrade failed')
      SocketServer.refuse(socket, status, { error: { code: e.code ?? 'ERR_INTERNAL', message: e.message, details: e.details } })
    }
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

  /** Who the request is from: its bearer token, taken for an upgrade also from the subprotocols a browser offers. */
  #access (req: IncomingMessage, upgrade = false): Access | undefined {
    const secret = bearerOf(req.headers.authorization, upgrade ? req.headers['sec-websocket-protocol'] : undefined)
    return secret === undefined ? undefined : this.#authenticate(secret)
  }
}

/** `/v1/apps/:name` → a pattern whose groups are the `:name` segments. */
function compile (path: string): PathPattern {
  const names: string[] = []
  const pattern = new RegExp('^' + path.replace(/:([a-z]+)/g, (_, n: string) => { names.push(n); return '([^/]+)' }) + '$')
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
