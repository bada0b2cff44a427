/**
 * The admin API's WebSockets (consoles and exec): who is calling, the
 * upgrade itself, and refusing one as plain HTTP. The protocol spoken on
 * them is controller/client/session-protocol.ts.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { BEARER_SUBPROTOCOL_PREFIX, MAX_CHUNK_BYTES, SESSION_SUBPROTOCOL } from '../../controller/client/session-protocol.ts'
import { http } from '../node-http.ts'
import type { ApiRequest } from './server.ts'

/** Largest message a client may send: a channel byte and a chunk, or a start message with a long command. */
const MAX_MESSAGE_BYTES = 1 + MAX_CHUNK_BYTES // bytes

/**
 * Checks an upgrade request (throwing ApiError for an answer in plain HTTP)
 * and returns what takes the socket once upgraded.
 */
export type SocketHandler = (req: Omit<ApiRequest, 'body'>) => Promise<(ws: WebSocket) => void>

/**
 * The bearer secret of a request: the Authorization header, else (for an
 * upgrade, `protocols` given) a `trellis.bearer.<token>` subprotocol, which
 * is how a browser, which cannot set headers on a WebSocket, sends it.
 */
export function bearerOf (authorization: string | undefined, protocols?: string): string | undefined {
  if (authorization?.startsWith('Bearer ') === true) {
    const secret = authorization.slice(7).trim()
    return secret === '' ? undefined : secret
  }
  if (authorization !== undefined && authorization !== '') return undefined
  const offered = (protocols ?? '').split(',').map(p => p.trim()).find(p => p.startsWith(BEARER_SUBPROTOCOL_PREFIX))
  const secret = offered?.slice(BEARER_SUBPROTOCOL_PREFIX.length)
  return secret === undefined || secret === '' ? undefined : secret
}

/**
 * Whether an upgrade's Origin is the page's own: the scheme http or https
 * and exactly the host and port the request was sent to (its Host header).
 * A browser always sends Origin on a WebSocket and a page cannot change it,
 * so a page of any other origin — another site, or another port of the same
 * host, which SameSite still counts as the same site — is told apart. A
 * missing or opaque (`null`) Origin is not the page's.
 */
export function sameOrigin (origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || host === undefined || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return false
  try {
    const page = new URL(origin)
    // Both through the URL parser, so case and a default port written out compare equal.
    return (page.protocol === 'http:' || page.protocol === 'https:') && page.host === new URL(`${page.protocol}//${host}`).host
  } catch {
    return false
  }
}

/** Upgrades requests to WebSockets, and closes every one it made when the API closes. */
export class SocketServer {
  readonly #wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // the session protocol when offered; never the bearer one: a token is not echoed back
    handleProtocols: protocols => protocols.has(SESSION_SUBPROTOCOL) ? SESSION_SUBPROTOCOL : false
  })

  readonly #open = new Set<WebSocket>()

  accept (req: IncomingMessage, socket: Duplex, head: Buffer, take: (ws: WebSocket) => void): void {
    this.#wss.handleUpgrade(req, socket, head, ws => {
      this.#open.add(ws)
      ws.once('close', () => { this.#open.delete(ws) })
      take(ws)
    })
  }

  close (): void {
    for (const ws of this.#open) ws.terminate()
    this.#open.clear()
    this.#wss.close()
  }

  /** Answers an upgrade request with an HTTP error and a JSON body, and closes the connection. */
  static refuse (socket: Duplex, status: number, body: unknown): void {
    if (socket.destroyed) return
    const text = JSON.stringify(body)
    socket.on('error', () => {})
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`)
  }
}
