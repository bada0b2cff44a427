import type { ServerResponse } from 'node:http'
import type { EventView } from '../../controller/client/types.ts'
import { badRequest } from './errors.ts'
import { STREAMED, type ApiServer } from './server.ts'

/** Which events a request wants. */
export interface EventQuery {
  app?: string
  /** ms since the epoch. */
  since?: number
  /** Only those numbered above this (a stream resumed with Last-Event-ID). */
  after?: number
}

/** The grid's events as the API serves them. */
export interface EventService {
  /** The latest `limit` events matching, oldest first. */
  list (q: EventQuery, limit: number): EventView[]
  /** Every later event matching; returns the unsubscribe. */
  subscribe (q: EventQuery, listener: (e: EventView) => void): () => void
}

/** Events a request returns by default, and at most. */
const DEFAULT_EVENTS = 100
const MAX_EVENTS = 2000
/** A comment line this often keeps an idle stream open through proxies and client timeouts, ms. */
const KEEPALIVE_MS = 15_000 // ms
/** A client this far behind is cut off; it resumes with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1024 * 1024 // bytes
/** How long a client waits before reconnecting, told in the stream, ms. */
const RETRY_MS = 2000 // ms

/**
 * `GET /v1/events`: JSON, or with `Accept: text/event-stream` a stream of
 * server-sent events (id, data: one EventView as JSON) that first replays
 * the latest `tail` (or everything after Last-Event-ID) and then goes on
 * live. docs/api.md documents both.
 */
export function addEventRoutes (server: ApiServer, events: EventService): void {
  server.streamRoute('GET', '/v1/events', async (req, res) => {
    const q = eventQuery(req.query, req.body.headers['last-event-id'])
    const tailText = req.query.get('tail')
    const tail = tailText === null ? DEFAULT_EVENTS : Number(tailText)
    if (!Number.isInteger(tail) || tail < 0 || tail > MAX_EVENTS) throw badRequest(`tail must be an integer in 0..${MAX_EVENTS}`)
    if (!(req.body.headers.accept ?? '').includes('text/event-stream')) return events.list(q, tail)
    stream(res, events, q, tail)
    await new Promise<void>(resolve => { res.once('close', resolve) })
    return STREAMED
  })
}

function stream (res: ServerResponse, events: EventService, q: EventQuery, tail: number): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
  res.write(`retry: ${RETRY_MS}\n\n`)
  const send = (e: EventView): void => {
    if (res.destroyed) return
    if (res.writableLength > MAX_BUFFERED_BYTES) { res.destroy(); return }
    res.write(`id: ${e.id}\ndata: ${JSON.stringify(e)}\n\n`)
  }
  // Listed and subscribed in one turn: nothing can be recorded between the two.
  for (const e of events.list(q, q.after !== undefined ? MAX_EVENTS : tail)) send(e)
  const unsubscribe = events.subscribe(q, send)
  const keepalive = setInterval(() => { res.write(': keepalive\n\n') }, KEEPALIVE_MS)
  res.once('close', () => { clearInterval(keepalive); unsubscribe() })
}

function eventQuery (query: URLSearchParams, lastEventId: string | string[] | undefined): EventQuery {
  const q: EventQuery = {}
  const app = query.get('app')
  if (app !== null && app !== '') q.app = app
  const since = query.get('since')
  if (since !== null) {
    q.since = /^\d+$/.test(since) ? Number(since) : Date.parse(since)
    if (!Number.isSafeInteger(q.since)) throw badRequest('since must be ms since the epoch or an ISO 8601 time')
  }
  const after = typeof lastEventId === 'string' ? lastEventId : query.get('after')
  if (after !== null && after !== undefined) {
    q.after = Number(after)
    if (!Number.isSafeInteger(q.after) || q.after < 0) throw badRequest('Last-Event-ID (or after) must be an event id')
  }
  return q
}
