/**
 * Routes of the web image:
 *
 *   GET  /             the page (counts a visit)      POST /notes   form → 303 to /
 *   GET  /api/visits   { visits }                     POST /api/visits  { visits } after +1
 *   GET  /api/notes    [note]                         POST /api/notes   { text } → 201 note
 *   GET  /api/info     { instance, app, component, db }
 *   GET  /healthz      200 only when the db answers its own /healthz (ready)
 *   GET  /livez        200 while the process answers (alive)
 *
 * Bad input is a 400 naming the field; any db failure is a 502.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError, describeError, formatAddress, readBody, sendError, sendJson, splitUrl } from './shared/index.ts'
import type { Address, Log } from './shared/index.ts'
import { DbError } from './db-client.ts'
import type { DbClient } from './db-client.ts'
import { addNote, checkText, listNotes } from './notes.ts'
import { renderPage } from './page.ts'

/** Key of the visit counter in the db. */
export const VISITS_KEY = 'visits'

/** Largest request body the web accepts; a note is at most 1000 characters. */
const MAX_BODY_BYTES = 16 * 1024

/** How long /healthz waits for the db's /healthz. */
const HEALTH_TIMEOUT_MS = 500 // ms

/** What the routes need. */
export interface AppOptions {
  db: DbClient
  dbAddress: Address
  title: string
  app: string
  component: string
  instance: string
  log: Log
}

/** The request handler of the web image. */
export function createHandler (opts: AppOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(opts, req, res).catch((err: unknown) => {
      if (err instanceof DbError) {
        opts.log.warn('db.failed', { method: req.method, url: req.url, error: err.message })
        err = new HttpError(502, `database unavailable: ${err.message}`)
      } else if (!(err instanceof HttpError)) {
        opts.log.error('request.failed', { method: req.method, url: req.url, ...describeError(err) })
      }
      sendError(res, err)
    })
  }
}

async function route (opts: AppOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { db } = opts
  const { path } = splitUrl(req)
  const key = `${req.method ?? 'GET'} ${path}`
  switch (key) {
    case 'GET /': {
      const [visits, notes] = await Promise.all([db.incr(VISITS_KEY), listNotes(db)])
      const html = renderPage({ title: opts.title, visits, notes, instance: opts.instance })
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store' })
      res.end(html)
      return
    }
    case 'POST /notes': {
      const form = new URLSearchParams((await readBody(req, MAX_BODY_BYTES)).toString('utf8'))
      await addNote(db, checkText(form.get('text') ?? undefined))
      res.writeHead(303, { location: '/', 'content-length': 0 }).end()
      return
    }
    case 'GET /api/visits':
      sendJson(res, 200, { visits: await db.counter(VISITS_KEY) })
      return
    case 'POST /api/visits':
      sendJson(res, 200, { visits: await db.incr(VISITS_KEY) })
      return
    case 'GET /api/notes':
      sendJson(res, 200, await listNotes(db))
      return
    case 'POST /api/notes': {
      const body = await readJson(req)
      sendJson(res, 201, await addNote(db, checkText(body.text)))
      return
    }
    case 'GET /api/info':
      sendJson(res, 200, { instance: opts.instance, app: opts.app, component: opts.component, title: opts.title, db: formatAddress(opts.dbAddress) })
      return
    case 'GET /livez':
      sendJson(res, 200, { ok: true, instance: opts.instance })
      return
    case 'GET /healthz': {
      const ok = await db.healthy(HEALTH_TIMEOUT_MS)
      sendJson(res, ok ? 200 : 503, { ok, db: ok ? 'up' : 'down', instance: opts.instance })
      return
    }
    default:
      throw new HttpError(404, `no route for ${key}`)
  }
}

/** The request body as a JSON object, or a 400 naming `body`. */
async function readJson (req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req, MAX_BODY_BYTES)).toString('utf8')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'body must be JSON', 'body')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'body must be a JSON object', 'body')
  }
  return value as Record<string, unknown>
}
