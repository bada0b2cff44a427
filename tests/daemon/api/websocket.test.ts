/**
 * The admin API's WebSocket routes on a real HTTP listener with no daemon
 * behind it: the bearer token opens them by header or, as a browser must
 * send it, as a subprotocol (never echoed back, never from the URL);
 * read-only tokens open no console or exec; a refused upgrade is plain HTTP
 * with the API's JSON error; a plain GET is told to upgrade. The console's
 * session cookie opens them only from the console's own origin.
 */
import t from 'tap'
import type { Test } from 'tap'
import type { IncomingMessage } from 'node:http'
import { pino } from 'pino'
import WebSocket from 'ws'
import { RealClock } from '../../../controller/clock/index.ts'
import { apply, emptyState, putToken, revokeToken } from '../../../controller/state/index.ts'
import { ApiError, ApiServer, hashSecret, newTokenSecret, Sessions, tokenAuthenticator } from '../../../daemon/api/index.ts'
import { BEARER_SUBPROTOCOL_PREFIX, SESSION_SUBPROTOCOL } from '../../../controller/client/index.ts'

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00'
const READER = newTokenSecret()

interface Served {
  url: string
  opened: string[]
  state: ReturnType<typeof emptyState>
  /** A Cookie header for a new console session opened with this token. */
  cookieFor: (token: string) => Promise<string>
}

async function serve (t: Test): Promise<Served> {
  const state = emptyState()
  apply(state, 1, putToken('dashboards', hashSecret(READER), 'read-only'))
  const authenticate = tokenAuthenticator(TOKEN, () => state)
  const sessions = new Sessions({ clock: new RealClock(), authenticate }, { nodeId: '12D3KooWSocketTest' })
  const api = new ApiServer({ logger: pino({ level: 'silent' }), sessions }, { authenticate })
  const opened: string[] = []
  api.socketRoute('/v1/apps/:name/instances/:instance/console', async req => {
    if (req.params.instance === 'nope.0') throw new ApiError('ERR_NOT_FOUND', `instance ${req.params.instance} not found`)
    return ws => {
      opened.push(req.params.instance!)
      ws.on('message', (data: Buffer) => { ws.send(data) })
    }
  })
  const { port } = await api.listen('127.0.0.1', 0)
  t.teardown(() => api.close())
  return { url: `127.0.0.1:${port}`, opened, state, cookieFor: async token => `${sessions.cookieName}=${(await sessions.open(token))!.id}` }
}

/** Opens a socket; resolves with it, or with the status and JSON error of a refused upgrade. */
async function connect (url: string, protocols: string[], headers: Record<string, string> = {}): Promise<{ ws?: WebSocket, status?: number, error?: { code: string, message: string } }> {
  const ws = new WebSocket(url, protocols, { headers })
  return await new Promise((resolve, reject) => {
    ws.once('open', () => { resolve({ ws }) })
    ws.once('unexpected-response', (_req, res: IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        resolve({ status: res.statusCode, error: (JSON.parse(Buffer.concat(chunks).toString()) as { error: { code: string, message: string } }).error })
      })
    })
    ws.once('error', reject)
  })
}

t.test('the token opens a socket by header or by subprotocol, and nothing else does', async t => {
  const { url, opened } = await serve(t)
  const path = `ws://${url}/v1/apps/shop/instances/web.0/console`
  const header = await connect(path, [SESSION_SUBPROTOCOL], { authorization: `Bearer ${TOKEN}` })
  t.equal(header.ws?.protocol, SESSION_SUBPROTOCOL, 'by header: the session subprotocol is selected')
  const echoed = await new Promise<string>(resolve => { header.ws!.once('message', (d: Buffer) => { resolve(d.toString()) }); header.ws!.send('ping') })
  t.equal(echoed, 'ping', 'the handler has the socket')
  header.ws!.close()

  const browser = await connect(path, [SESSION_SUBPROTOCOL, `${BEARER_SUBPROTOCOL_PREFIX}${TOKEN}`])
  t.equal(browser.ws?.protocol, SESSION_SUBPROTOCOL, 'as a browser sends it: the token is taken, and not echoed back')
  browser.ws!.close()

  const refused: Array<[string, string, string[], Record<string, string>]> = [
    ['no token', path, [SESSION_SUBPROTOCOL], {}],
    ['a wrong token', path, [SESSION_SUBPROTOCOL], { authorization: `Bearer ${'0'.repeat(TOKEN.length)}` }],
    ['a wrong token as subprotocol', path, [SESSION_SUBPROTOCOL, `${BEARER_SUBPROTOCOL_PREFIX}nope`], {}],
    ['a token in the URL', `${path}?token=${TOKEN}`, [SESSION_SUBPROTOCOL], {}]
  ]
  for (const [what, u, protocols, headers] of refused) {
    const r = await connect(u, protocols, headers)
    t.equal(r.status, 401, what)
    t.equal(r.error?.code, 'ERR_UNAUTHORIZED', what)
  }
  t.same(opened, ['web.0', 'web.0'], 'no handler ran for a refused upgrade')
})

t.test('read-only tokens open no console; a missing instance and a plain GET are answered in HTTP', async t => {
  const { url, opened } = await serve(t)
  const ro = await connect(`ws://${url}/v1/apps/shop/instances/web.0/console`, [SESSION_SUBPROTOCOL], { authorization: `Bearer ${READER}` })
  t.equal(ro.status, 403, 'read-only')
  t.equal(ro.error?.code, 'ERR_FORBIDDEN')
  const missing = await connect(`ws://${url}/v1/apps/shop/instances/nope.0/console`, [SESSION_SUBPROTOCOL], { authorization: `Bearer ${TOKEN}` })
  t.equal(missing.status, 404)
  t.match(missing.error, { code: 'ERR_NOT_FOUND', message: /nope\.0/ }, 'the answer names the instance')
  const noRoute = await connect(`ws://${url}/v1/apps/shop`, [SESSION_SUBPROTOCOL], { authorization: `Bearer ${TOKEN}` })
  t.equal(noRoute.status, 404, 'no socket route there')
  const plain = await fetch(`http://${url}/v1/apps/shop/instances/web.0/console`, { headers: { authorization: `Bearer ${TOKEN}` } })
  t.equal(plain.status, 426)
  t.equal((await plain.json() as { error: { code: string } }).error.code, 'ERR_UPGRADE_REQUIRED')
  t.same(opened, [])
})

t.test('a console session\'s cookie opens a socket only from the page\'s own origin', async t => {
  const { url, opened, state, cookieFor } = await serve(t)
  const port = url.split(':')[1]!
  const path = `ws://${url}/v1/apps/shop/instances/web.0/console`
  const cookie = await cookieFor(TOKEN)
  const own = await connect(path, [SESSION_SUBPROTOCOL], { cookie, origin: `http://${url}` })
  t.equal(own.ws?.protocol, SESSION_SUBPROTOCOL, 'from the page it was served on: open')
  const echoed = await new Promise<string>(resolve => { own.ws!.once('message', (d: Buffer) => { resolve(d.toString()) }); own.ws!.send('ping') })
  t.equal(echoed, 'ping', 'the handler has the socket')
  own.ws!.close()
  const https = await connect(path, [SESSION_SUBPROTOCOL], { cookie, origin: `https://${url}` })
  t.ok(https.ws, 'the same host and port behind TLS (a proxy that terminates it) is the same page')
  https.ws!.close()

  const foreign: Array<[string, Record<string, string>]> = [
    ['no Origin', { cookie }],
    ['another site', { cookie, origin: 'https://evil.example' }],
    ['another port of the same host (the same site to SameSite)', { cookie, origin: `http://127.0.0.1:${Number(port) === 65535 ? 1 : Number(port) + 1}` }],
    ['the same port under another host name', { cookie, origin: `http://localhost:${port}` }],
    ['an opaque origin (a sandboxed frame, a file)', { cookie, origin: 'null' }],
    ['not a web origin', { cookie, origin: `ftp://${url}` }],
    ['a Host that is no host', { cookie, origin: `http://${url}`, host: `evil.example/@${url}` }]
  ]
  for (const [what, headers] of foreign) {
    const r = await connect(path, [SESSION_SUBPROTOCOL], headers)
    t.equal(r.status, 403, what)
    t.equal(r.error?.code, 'ERR_BAD_ORIGIN', what)
  }

  const made = await connect(path, [SESSION_SUBPROTOCOL], { cookie: `${cookie.split('=')[0]!}=made-up`, origin: `http://${url}` })
  t.same([made.status, made.error?.code], [401, 'ERR_UNAUTHORIZED'], 'a made-up session id opens nothing, from the right origin too')
  const reader = await connect(path, [SESSION_SUBPROTOCOL], { cookie: await cookieFor(READER), origin: `http://${url}` })
  t.same([reader.status, reader.error?.code], [403, 'ERR_FORBIDDEN'], 'a read-only session opens no console')
  const wrongBearer = await connect(path, [SESSION_SUBPROTOCOL], { cookie, origin: `http://${url}`, authorization: 'Bearer nope' })
  t.same([wrongBearer.status, wrongBearer.error?.code], [401, 'ERR_UNAUTHORIZED'], 'a bearer header decides alone: the cookie does not rescue it')
  const bearerAnywhere = await connect(path, [SESSION_SUBPROTOCOL, `${BEARER_SUBPROTOCOL_PREFIX}${TOKEN}`], { origin: 'https://elsewhere.example' })
  t.ok(bearerAnywhere.ws, 'a bearer token needs no Origin check: another site cannot know it')
  bearerAnywhere.ws!.close()

  const ops = newTokenSecret()
  apply(state, 2, putToken('ops', hashSecret(ops), 'admin'))
  const opsCookie = await cookieFor(ops)
  apply(state, 3, revokeToken('ops'))
  const revoked = await connect(path, [SESSION_SUBPROTOCOL], { cookie: opsCookie, origin: `http://${url}` })
  t.same([revoked.status, revoked.error?.code], [401, 'ERR_UNAUTHORIZED'], 'a session whose token was revoked opens nothing')
  t.same(opened, ['web.0', 'web.0', 'web.0'], 'only the accepted upgrades reached the handler')
})
