/**
 * The HTTP API of the db image:
 *
 *   GET    /kv/<key>            200 raw value | 404
 *   PUT    /kv/<key>            raw body → 204          (413 past maxValueBytes)
 *   DELETE /kv/<key>            204
 *   POST   /kv/<key>/incr?by=N  200 { value }           (the counter is a decimal string)
 *   GET    /kv?prefix=p&limit=n[&reverse=1]  200 [{ key, value }]  (value as UTF-8)
 *   GET    /healthz             200 { ok: true, batches, writes }
 *
 * Every write is answered only after it is durable (see store.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError, readBody, sendError, sendJson, splitUrl } from './shared/index.ts'
import type { Log } from './shared/index.ts'
import { describeError } from './shared/index.ts'
import { checkKey, decodeKey, prefixEnd } from './keys.ts'
import { NotACounterError } from './store.ts'
import type { Store } from './store.ts'

/** Default and largest `limit` of a listing. */
export const LIST_DEFAULT = 100
export const LIST_MAX = 1000

/** What the API needs. */
export interface ApiOptions {
  store: Store
  maxValueBytes: number
  log: Log
}

/** The request handler of the db image. */
export function createHandler (opts: ApiOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(opts, req, res).catch((err: unknown) => {
      if (err instanceof NotACounterError) err = new HttpError(409, err.message, 'key')
      if (!(err instanceof HttpError)) opts.log.error('request.failed', { method: req.method, url: req.url, ...describeError(err) })
      sendError(res, err)
    })
  }
}

async function route ({ store, maxValueBytes }: ApiOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { path, query } = splitUrl(req)
  const method = req.method ?? 'GET'
  if (path === '/healthz') {
    if (method !== 'GET' && method !== 'HEAD') throw notAllowed('GET')
    sendJson(res, 200, { ok: true, ...store.stats })
    return
  }
  if (path === '/kv' || path === '/kv/') {
    if (method !== 'GET') throw notAllowed('GET')
    await list(store, query, res)
    return
  }
  if (!path.startsWith('/kv/')) throw new HttpError(404, `no route for ${path}`)
  const raw = path.slice('/kv/'.length)
  if (method === 'POST') {
    if (!raw.endsWith('/incr')) throw new HttpError(404, 'POST is only for /kv/<key>/incr')
    const by = parseBy(query.get('by'))
    const value = await store.incr(key(raw.slice(0, -'/incr'.length)), by)
    sendJson(res, 200, { value: value.toString() })
    return
  }
  const k = key(raw)
  switch (method) {
    case 'GET':
    case 'HEAD': {
      const value = await store.get(k)
      if (value === undefined) throw new HttpError(404, 'no such key')
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': value.length })
      res.end(method === 'HEAD' ? undefined : value)
      return
    }
    case 'PUT': {
      const body = await readBody(req, maxValueBytes)
      await store.put(k, body)
      res.writeHead(204).end()
      return
    }
    case 'DELETE':
      await store.del(k)
      res.writeHead(204).end()
      return
    default:
      throw notAllowed('GET, PUT, DELETE')
  }
}

async function list (store: Store, query: URLSearchParams, res: ServerResponse): Promise<void> {
  const prefix = query.get('prefix') ?? ''
  if (prefix !== '') checkKey(prefix, 'prefix')
  const limitText = query.get('limit')
  const limit = limitText === null ? LIST_DEFAULT : Number(limitText)
  if (!/^\d+$/.test(limitText ?? '0') || limit < 1 || limit > LIST_MAX) {
    throw new HttpError(400, `limit must be an integer in 1..${LIST_MAX}`, 'limit')
  }
  const from = Buffer.from(prefix)
  const entries = await store.list(from, prefixEnd(from), limit, query.get('reverse') === '1')
  sendJson(res, 200, entries.map(e => ({ key: e.key.toString('utf8'), value: e.value.toString('utf8') })))
}

function key (raw: string): Buffer {
  return Buffer.from(decodeKey(raw))
}

function parseBy (text: string | null): bigint {
  if (text === null) return 1n
  if (!/^-?\d{1,18}$/.test(text)) throw new HttpError(400, 'by must be an integer of at most 18 digits', 'by')
  return BigInt(text)
}

function notAllowed (allowed: string): HttpError {
  return new HttpError(405, `method not allowed; use ${allowed}`)
}
