/**
 * Header rewriting between client and backend. Hop-by-hop headers (RFC 9110
 * §7.6.1) describe one connection and must not be forwarded; Node frames the
 * bodies on each side itself.
 */
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http'

/** Header naming the backend (its instance index) that served a request. */
export const BACKEND_HEADER = 'x-trellis-backend'

const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization',
  'te', 'trailer', 'transfer-encoding', 'upgrade'
])

/** `headers` without hop-by-hop headers, including those the Connection header lists. */
export function endToEnd (headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const listed = new Set(String(headers.connection ?? '').toLowerCase().split(',').map(s => s.trim()).filter(s => s !== ''))
  const out: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name)) continue
    out[name] = value
  }
  return out
}

/** The headers sent to backend `index` for client request `req`. */
export function requestHeaders (req: IncomingMessage, index: number): OutgoingHttpHeaders {
  const out = endToEnd(req.headers)
  const client = req.socket.remoteAddress ?? 'unknown'
  const prior = req.headers['x-forwarded-for']
  out['x-forwarded-for'] = prior === undefined ? client : `${String(prior)}, ${client}`
  // The first proxy in a chain saw the host the client asked for; keep it.
  out['x-forwarded-host'] = req.headers['x-forwarded-host'] ?? req.headers.host ?? ''
  out['x-forwarded-proto'] = req.headers['x-forwarded-proto'] ?? 'http'
  out[BACKEND_HEADER] = String(index)
  return out
}

/** The headers sent to the client for a backend response from `index`. */
export function responseHeaders (res: IncomingMessage, index: number): OutgoingHttpHeaders {
  const out = endToEnd(res.headers)
  out[BACKEND_HEADER] = String(index)
  return out
}
