/**
 * The reverse proxy. Bodies stream both ways with backpressure (pipe), never
 * buffered whole. Connections to backends are pooled (keep-alive).
 *
 *   request ──► pool.next() ──► connect ──► stream body ──► stream response
 *                   ▲             │ failed before any response byte
 *                   └── retry once on the next up backend (backend marked failed)
 *
 * A retry is only safe while the client's body is unread: bodies are piped
 * to the backend only once its connection is open, so a refused or timed-out
 * connect leaves the body for the next backend.
 */
import { Agent, request } from 'node:http'
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream'
import { sendJson } from './shared/index.ts'
import type { Log } from './shared/index.ts'
import { requestHeaders, responseHeaders } from './headers.ts'
import type { Backend, Pool } from './pool.ts'

/** Longest wait for a TCP connection to a backend before trying the next one. */
export const CONNECT_TIMEOUT_MS = 2000 // ms

/** How many other backends a request may try after its first fails. */
const RETRIES = 1

/** What the proxy needs. */
export interface ProxyOptions {
  pool: Pool
  log: Log
}

/** A request handler that proxies to the pool, and a way to drop pooled connections. */
export interface Proxy {
  handle: (req: IncomingMessage, res: ServerResponse) => void
  close: () => void
}

/** Builds the proxy over `pool`. */
export function createProxy ({ pool, log }: ProxyOptions): Proxy {
  const agent = new Agent({ keepAlive: true, scheduling: 'lifo' })

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const tried = new Set<number>()
    let current: ClientRequest | undefined
    // A client that goes away takes its backend request with it.
    res.on('close', () => { if (!res.writableFinished) current?.destroy() })

    const attempt = (retriesLeft: number): void => {
      const backend = pool.next(tried)
      if (backend === undefined) { refuse(); return }
      tried.add(backend.index)
      current = forward(req, res, backend, agent, (err, bodyStarted, reusedSocket) => {
        // We destroyed it because the client left: says nothing about the backend.
        if (res.destroyed) return
        // A keep-alive socket the backend closed while idle is a race, not a dead backend.
        if (!(reusedSocket && err.code === 'ECONNRESET')) pool.markFailed(backend, err.message)
        log.warn('request.failed', { backend: backend.index, method: req.method, url: req.url, error: err.message, code: err.code })
        if (!bodyStarted && retriesLeft > 0) attempt(retriesLeft - 1)
        else refuse()
      })
    }
    /** No response from any backend tried: 503 when none is left up, else 502. */
    const refuse = (): void => {
      if (pool.anyUp) sendJson(res, 502, { error: 'backend connection failed', tried: [...tried] })
      else sendJson(res, 503, { error: 'no healthy backend', backends: pool.snapshot() })
    }
    attempt(RETRIES)
  }

  return { handle, close: () => agent.destroy() }
}

type Failed = (err: NodeJS.ErrnoException, bodyStarted: boolean, reusedSocket: boolean) => void

/** Sends `req` to `backend`; calls `failed` if that fails before any response byte. */
function forward (req: IncomingMessage, res: ServerResponse, backend: Backend, agent: Agent, failed: Failed): ClientRequest {
  const hasBody = req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  let bodyStarted = false
  let responded = false
  let connectTimer: NodeJS.Timeout | undefined

  const out = request({
    host: backend.address.host,
    port: backend.address.port,
    method: req.method,
    path: req.url,
    headers: requestHeaders(req, backend.index),
    agent,
    setHost: false
  })
  const sendBody = (): void => {
    clearTimeout(connectTimer)
    if (!hasBody || bodyStarted || out.destroyed) return
    bodyStarted = true
    req.pipe(out)
  }
  if (!hasBody) out.end()
  out.on('socket', socket => {
    if (!socket.connecting) { sendBody(); return }
    connectTimer = setTimeout(() => {
      out.destroy(Object.assign(new Error(`connect timeout after ${CONNECT_TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' }))
    }, CONNECT_TIMEOUT_MS)
    socket.once('connect', sendBody)
  })
  out.on('response', upstream => {
    responded = true
    res.writeHead(upstream.statusCode ?? 502, upstream.statusMessage, responseHeaders(upstream, backend.index))
    // Headers go out now, so a slow streaming response shows its status at once.
    res.flushHeaders()
    pipeline(upstream, res, () => {})
  })
  out.on('error', (err: NodeJS.ErrnoException) => {
    clearTimeout(connectTimer)
    if (bodyStarted) req.unpipe(out)
    if (responded) { res.destroy(); return }
    failed(err, bodyStarted, out.reusedSocket)
  })
  return out
}
