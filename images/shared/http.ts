/**
 * The few HTTP pieces every image repeats: JSON replies, reading a bounded
 * body, and errors that carry their status so one catch per server maps them.
 */
import type { IncomingMessage, ServerResponse, Server } from 'node:http'
import type { Address } from './env.ts'

/** Thrown by handlers to answer with `status` and a JSON `{ error, field? }` body. */
export class HttpError extends Error {
  readonly status: number
  readonly field: string | undefined
  constructor (status: number, message: string, field?: string) {
    super(message)
    this.status = status
    this.field = field
  }
}

/** Answers with `body` as JSON. */
export function sendJson (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body) + '\n'
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}

/** Answers with the JSON form of `err`: its own status for HttpError, 500 otherwise. */
export function sendError (res: ServerResponse, err: unknown): void {
  if (res.headersSent) { res.destroy(); return }
  if (err instanceof HttpError) {
    sendJson(res, err.status, err.field === undefined ? { error: err.message } : { error: err.message, field: err.field })
  } else {
    sendJson(res, 500, { error: 'internal error' })
  }
}

/**
 * Reads the whole request body, refusing with 413 past `limit` bytes. A
 * declared Content-Length over the limit is refused before reading anything.
 * The request is never destroyed, so the 413 reaches the client: once the
 * reply is written Node reads and discards whatever the client still sends.
 */
export async function readBody (req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (declared > limit) throw new HttpError(413, `body is ${declared} bytes, more than the limit of ${limit}`)
  return await new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= limit) { chunks.push(chunk); return }
      req.off('data', onData).off('end', onEnd)
      req.resume()
      reject(new HttpError(413, `body is more than the limit of ${limit} bytes`))
    }
    const onEnd = (): void => resolve(Buffer.concat(chunks, size))
    req.on('data', onData).on('end', onEnd).on('error', reject)
  })
}

/** Starts `server` on `addr`; rejects on EADDRINUSE and friends. */
export async function listen (server: Server, addr: Address): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(addr.port, addr.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/** The path of a request URL without its query, and the parsed query. */
export function splitUrl (req: IncomingMessage): { path: string, query: URLSearchParams } {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  return q < 0
    ? { path: url, query: new URLSearchParams() }
    : { path: url.slice(0, q), query: new URLSearchParams(url.slice(q + 1)) }
}
