/**
 * The console's login, session cookie and CSRF rule on a real HTTP listener
 * with no daemon behind it; and the console's files as a node serves them.
 */
import t from 'tap'
import type { Test } from 'tap'
import { gunzipSync } from 'node:zlib'
import { pino } from 'pino'
import { RealClock } from '../../../controller/clock/index.ts'
import { loadConsoleAssets } from '../../../controller/console/index.ts'
import { apply, emptyState, putToken, revokeToken } from '../../../controller/state/index.ts'
import { addConsoleRoutes, addLoginRoutes, ApiServer, CSRF_HEADER, hashSecret, newTokenSecret, Sessions, tokenAuthenticator } from '../../../daemon/api/index.ts'

const TOKEN = 'b7c2e91f0a3d4c5e6f708192a3b4c5d6'

interface Served { url: string, calls: string[], state: ReturnType<typeof emptyState>, cookieName: string }

async function serve (t: Test, load: () => ReturnType<typeof loadConsoleAssets> = loadConsoleAssets): Promise<Served> {
  const state = emptyState()
  const authenticate = tokenAuthenticator(TOKEN, () => state)
  const sessions = new Sessions({ clock: new RealClock(), authenticate }, { nodeId: '12D3KooWTestNode' })
  const logger = pino({ level: 'silent' })
  const api = new ApiServer({ logger, sessions }, { authenticate })
  const calls: string[] = []
  addLoginRoutes(api, sessions, logger)
  addConsoleRoutes(api, load)
  api.route('GET', '/v1/apps', async () => { calls.push('list'); return [] })
  api.route('PUT', '/v1/apps', async () => { calls.push('put'); return { name: 'x' } })
  api.route('POST', '/v1/validate', async () => { calls.push('validate'); return { ok: true } })
  const { port } = await api.listen('127.0.0.1', 0)
  t.teardown(() => api.close())
  return { url: `http://127.0.0.1:${port}`, calls, state, cookieName: sessions.cookieName }
}

async function login (s: Served, token: string, type = 'application/json'): Promise<{ status: number, cookie: string, setCookie: string, body: { csrf?: string, role?: string, who?: string, error?: { code: string } } }> {
  const r = await fetch(`${s.url}/v1/session`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ token }) })
  const setCookie = r.headers.get('set-cookie') ?? ''
  return { status: r.status, setCookie, cookie: setCookie.split(';')[0]!, body: await r.json() as never }
}

async function call (s: Served, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number, code?: string }> {
  const r = await fetch(`${s.url}${path}`, { method, headers, body })
  const parsed = await r.json() as { error?: { code: string } }
  return { status: r.status, code: parsed.error?.code }
}

t.test('a token traded for a session cookie: HttpOnly, SameSite=Strict, no token in it', async t => {
  const s = await serve(t)
  const ok = await login(s, TOKEN)
  t.equal(ok.status, 200)
  t.match(ok.setCookie, new RegExp(`^${s.cookieName}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`))
  t.notMatch(ok.setCookie, TOKEN, 'the cookie is not the token')
  t.match(ok.body, { role: 'admin', who: 'node', csrf: /^[A-Za-z0-9_-]{43}$/ })
  t.equal((await call(s, 'GET', '/v1/apps', { cookie: ok.cookie })).status, 200, 'the cookie reads')
  const me = await fetch(`${s.url}/v1/session`, { headers: { cookie: ok.cookie } })
  t.equal(me.headers.get('cache-control'), 'no-store')
  t.match(await me.json(), { role: 'admin', csrf: ok.body.csrf }, 'a reload finds its CSRF secret again')
  t.same(s.calls, ['list'])
})

t.test('logins that fail keep nothing and say why by code', async t => {
  const s = await serve(t)
  const wrong = await login(s, 'not-the-token')
  t.equal(wrong.status, 401)
  t.equal(wrong.body.error?.code, 'ERR_UNAUTHORIZED')
  t.equal(wrong.setCookie, '', 'no cookie for a wrong token')
  const form = await login(s, TOKEN, 'application/x-www-form-urlencoded')
  t.equal(form.status, 415, 'another site\'s form cannot log a browser in')
  t.equal(form.body.error?.code, 'ERR_UNSUPPORTED_MEDIA_TYPE')
  const bad = await fetch(`${s.url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"token":' })
  t.equal(bad.status, 400)
  t.equal((await call(s, 'GET', '/v1/apps', { cookie: `${s.cookieName}=made-up` })).status, 401, 'a made-up session id opens nothing')
  t.equal((await call(s, 'GET', `/v1/apps?session=${TOKEN}`, {})).status, 401, 'a token in the URL counts for nothing')
  t.same(s.calls, [])
})

t.test('a cookie write needs the session\'s CSRF header; a bearer write never does', async t => {
  const s = await serve(t)
  const { cookie, body } = await login(s, TOKEN)
  const none = await call(s, 'PUT', '/v1/apps', { cookie }, 'name: x')
  t.same(none, { status: 403, code: 'ERR_CSRF' }, 'no header: refused')
  t.same(await call(s, 'PUT', '/v1/apps', { cookie, [CSRF_HEADER]: 'x'.repeat(43) }, 'name: x'), { status: 403, code: 'ERR_CSRF' }, 'a wrong header: refused')
  t.same(await call(s, 'PUT', '/v1/apps', { cookie, [CSRF_HEADER]: cookie.split('=')[1]! }, 'name: x'), { status: 403, code: 'ERR_CSRF' }, 'the session id is not the CSRF secret')
  t.same(s.calls, [], 'no handler ran')
  t.equal((await call(s, 'PUT', '/v1/apps', { cookie, [CSRF_HEADER]: body.csrf! }, 'name: x')).status, 200, 'with it: done')
  t.equal((await call(s, 'PUT', '/v1/apps', { authorization: `Bearer ${TOKEN}` }, 'name: x')).status, 200, 'the bearer path is unchanged')
  const wrongBearer = await call(s, 'GET', '/v1/apps', { authorization: 'Bearer nope', cookie })
  t.equal(wrongBearer.status, 401, 'a bearer header, when present, decides alone: the cookie does not rescue it')
  t.same(s.calls, ['put', 'put'])
})

t.test('a read-only token makes a read-only session', async t => {
  const s = await serve(t)
  const reader = newTokenSecret()
  apply(s.state, 1, putToken('dash', hashSecret(reader), 'read-only'))
  const { cookie, body } = await login(s, reader)
  t.match(body, { role: 'read-only', who: 'dash' })
  const csrf = { cookie, [CSRF_HEADER]: body.csrf! }
  t.same(await call(s, 'PUT', '/v1/apps', csrf, 'name: x'), { status: 403, code: 'ERR_FORBIDDEN' })
  t.equal((await call(s, 'POST', '/v1/validate', csrf, 'name: x')).status, 200, 'it may validate')
  const other = await login(s, reader)
  t.equal((await call(s, 'DELETE', '/v1/session', { cookie: other.cookie, [CSRF_HEADER]: other.body.csrf! })).status, 200, 'and log out')
  t.equal((await call(s, 'GET', '/v1/apps', { cookie: other.cookie })).status, 401, 'logged out')
  apply(s.state, 2, revokeToken('dash'))
  t.equal((await call(s, 'GET', '/v1/apps', { cookie })).status, 401, 'revoking the token ends the session')
  t.same(s.calls, ['validate'])
})

t.test('logout ends the session and clears the cookie; it needs the CSRF header too', async t => {
  const s = await serve(t)
  const { cookie, body } = await login(s, TOKEN)
  t.same(await call(s, 'DELETE', '/v1/session', { cookie }), { status: 403, code: 'ERR_CSRF' }, 'another site cannot log the browser out')
  const out = await fetch(`${s.url}/v1/session`, { method: 'DELETE', headers: { cookie, [CSRF_HEADER]: body.csrf! } })
  t.same(await out.json(), { closed: true })
  t.match(out.headers.get('set-cookie'), /Max-Age=0/)
  t.equal((await call(s, 'GET', '/v1/apps', { cookie })).status, 401)
})

t.test('the console\'s files: open to all, with a strict content policy, gzipped when asked', async t => {
  const s = await serve(t)
  const page = await fetch(`${s.url}/`)
  t.equal(page.status, 200)
  t.match(page.headers.get('content-type'), /^text\/html/)
  t.match(page.headers.get('content-security-policy'), /default-src 'none'; script-src 'self'/)
  t.equal(page.headers.get('x-frame-options'), 'DENY')
  const html = await page.text()
  t.match(html, /<script type="module" src="\/console\/app\.js">/)
  const elk = await fetch(`${s.url}/console/elk.bundled.js`, { headers: { 'accept-encoding': 'identity' } })
  t.equal(elk.headers.get('content-encoding'), null)
  t.match(elk.headers.get('content-type'), /^text\/javascript/)
  const plain = Buffer.from(await elk.arrayBuffer())
  t.ok(plain.length > 100_000, 'the layout engine is served')
  // Node's fetch decodes gzip itself; ask through http to see the bytes sent.
  const { request } = await import('node:http')
  const zipped = await new Promise<{ encoding?: string, body: Buffer }>((resolve, reject) => {
    request(`${s.url}/console/elk.bundled.js`, { headers: { 'accept-encoding': 'gzip, br' } }, res => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => { resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }) })
    }).on('error', reject).end()
  })
  t.equal(zipped.encoding, 'gzip')
  t.ok(zipped.body.length < plain.length / 2, `gzipped ${zipped.body.length} of ${plain.length} bytes`)
  t.ok(gunzipSync(zipped.body).equals(plain))
  const again = await fetch(`${s.url}/console/elk.bundled.js`, { headers: { 'if-none-match': elk.headers.get('etag')! } })
  t.equal(again.status, 304, 'unchanged: not sent again')
  // The terminal's modules and sheet, from their npm packages (no CDN): ES modules, as terminal.js imports them.
  for (const [file, type, marker] of [['xterm.mjs', /^text\/javascript/, /export\s*\{[^}]*\bas Terminal\b/], ['addon-fit.mjs', /^text\/javascript/, /export\s*\{[^}]*\bas FitAddon\b/], ['xterm.css', /^text\/css/, /\.xterm\b/]] as const) {
    const r = await fetch(`${s.url}/console/${file}`)
    t.equal(r.status, 200, file)
    t.match(r.headers.get('content-type'), type, file)
    t.match(await r.text(), marker, `${file} is what it says`)
  }
  t.equal((await call(s, 'GET', '/console/nope.js', {})).status, 404)
  t.equal((await call(s, 'GET', '/console/..%2Fassets.ts', {})).status, 404, 'only the listed files')
  t.equal((await call(s, 'GET', '/v1/nope', {})).status, 401, 'API routes stay closed to strangers')
})

t.test('the console\'s files are read at the first request, once, and read again after a failed read', async t => {
  let reads = 0
  let fail = true
  const s = await serve(t, async () => {
    reads++
    if (fail) throw new Error('disk gone')
    return await loadConsoleAssets()
  })
  t.equal(reads, 0, 'nothing read at start')
  t.equal((await fetch(`${s.url}/`)).status, 500, 'a failed read fails the request')
  fail = false
  const pages = await Promise.all([fetch(`${s.url}/`), fetch(`${s.url}/console/app.js`), fetch(`${s.url}/console/style.css`)])
  t.same(pages.map(p => p.status), [200, 200, 200], 'served after the failure')
  t.equal(reads, 2, 'one read after the failed one, shared by requests at once')
  t.equal((await fetch(`${s.url}/console/elk.bundled.js`)).status, 200)
  t.equal(reads, 2, 'kept once read')
})

t.test('the editor\'s files: the yaml library\'s modules at their relative paths, the examples\' kinds', async t => {
  const s = await serve(t)
  const index = await fetch(`${s.url}/console/yaml/index.js`)
  t.equal(index.status, 200)
  t.match(index.headers.get('content-type'), /^text\/javascript/)
  t.match(await index.text(), /from '\.\/compose\/composer\.js'/)
  t.equal((await fetch(`${s.url}/console/yaml/compose/composer.js`)).status, 200, 'a module a level down')
  t.equal((await fetch(`${s.url}/console/yaml/schema/yaml-1.1/binary.js`)).status, 200, 'and two levels down')
  const kinds = await (await fetch(`${s.url}/console/example-kinds.json`)).json() as Array<{ image: string }>
  t.ok(kinds.some(k => k.image === 'postgres'), 'the examples\' kinds')
  t.equal((await call(s, 'GET', '/console/yaml/..%2F..%2Fassets.ts', {})).status, 404, 'only the listed files')
})
