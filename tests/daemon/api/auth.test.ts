/** The admin API's authentication and error mapping, on a real HTTP listener with no daemon behind it. */
import t from 'tap'
import type { Test } from 'tap'
import { pino } from 'pino'
import { apply, emptyState, putToken, revokeToken } from '../../../controller/state/index.ts'
import { ApiServer, hashSecret, MAX_BODY_BYTES, newTokenSecret, tokenAuthenticator } from '../../../daemon/api/index.ts'

const TOKEN = 'a3f1c9e07b2d48e6a1f0c3d5b7e9f2a4'

async function serve (t: Test, state = emptyState()): Promise<{ url: string, calls: string[] }> {
  const api = new ApiServer({ logger: pino({ level: 'silent' }) }, { authenticate: tokenAuthenticator(TOKEN, () => state) })
  const calls: string[] = []
  api.route('POST', '/v1/validate', async () => { calls.push('validate'); return { ok: true } })
  api.route('GET', '/v1/apps/:name', async req => { calls.push(req.params.name!); return { name: req.params.name } })
  api.route('PUT', '/v1/apps', async req => { calls.push(`put ${req.body.length}`); return {} })
  api.route('GET', '/v1/health', async () => ({ ok: true }), { open: true })
  const { port } = await api.listen('127.0.0.1', 0)
  t.teardown(() => api.close())
  return { url: `http://127.0.0.1:${port}`, calls }
}

async function get (url: string, headers: Record<string, string> = {}): Promise<{ status: number, body: { error?: { code: string, message: string } } & Record<string, unknown> }> {
  const r = await fetch(url, { headers })
  return { status: r.status, body: await r.json() as { error?: { code: string, message: string } } }
}

t.test('only the bearer token opens the API', async t => {
  const { url, calls } = await serve(t)
  const refused: Array<[string, Record<string, string>]> = [
    ['no header', {}],
    ['a wrong token of the same length', { authorization: `Bearer ${'0'.repeat(TOKEN.length)}` }],
    ['a prefix of the token', { authorization: `Bearer ${TOKEN.slice(0, 16)}` }],
    ['the token and more', { authorization: `Bearer ${TOKEN}x` }],
    ['another scheme', { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` }],
    ['the bare token', { authorization: TOKEN }]
  ]
  for (const [what, headers] of refused) {
    const r = await get(`${url}/v1/apps/shop`, headers)
    t.equal(r.status, 401, what)
    t.equal(r.body.error?.code, 'ERR_UNAUTHORIZED', what)
    t.notMatch(r.body.error?.message ?? '', TOKEN.slice(0, 8), `${what}: the answer never echoes a token`)
  }
  t.equal((await get(`${url}/v1/apps/shop?token=${TOKEN}`)).status, 401, 'a token in the URL counts for nothing')
  t.same(calls, [], 'no handler ran for a refused request')
  const ok = await get(`${url}/v1/apps/shop`, { authorization: `Bearer ${TOKEN}` })
  t.equal(ok.status, 200)
  t.same(ok.body, { name: 'shop' })
  t.same(calls, ['shop'])
})

t.test('health answers without a token; routes and methods are named when wrong', async t => {
  const { url } = await serve(t)
  t.equal((await get(`${url}/v1/health`)).status, 200)
  const auth = { authorization: `Bearer ${TOKEN}` }
  const missing = await get(`${url}/v1/nope`, auth)
  t.equal(missing.status, 404)
  t.equal(missing.body.error?.code, 'ERR_NOT_FOUND')
  const r = await fetch(`${url}/v1/apps/shop`, { method: 'DELETE', headers: auth })
  t.equal(r.status, 405)
  t.equal((await r.json() as { error: { code: string } }).error.code, 'ERR_METHOD_NOT_ALLOWED')
})

t.test('a body over the limit is refused before a handler sees it, and the connection is closed', async t => {
  const { url, calls } = await serve(t)
  const r = await fetch(`${url}/v1/apps`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}` }, body: Buffer.alloc(MAX_BODY_BYTES + 1) })
  t.equal(r.status, 413)
  t.equal(r.headers.get('connection'), 'close')
  t.same(calls, [])
})

t.test('grid tokens: accepted while recorded, read-only ones only read, revoked ones refused', async t => {
  const state = emptyState()
  const admin = newTokenSecret()
  const reader = newTokenSecret()
  apply(state, 1, putToken('ci', hashSecret(admin), 'admin'))
  apply(state, 2, putToken('dashboards', hashSecret(reader), 'read-only'))
  const { url, calls } = await serve(t, state)
  const as = (secret: string) => ({ authorization: `Bearer ${secret}` })
  t.equal((await get(`${url}/v1/apps/shop`, as(admin))).status, 200, 'an admin grid token reads')
  t.equal((await fetch(`${url}/v1/apps`, { method: 'PUT', headers: as(admin), body: '{}' })).status, 200, 'and writes')
  t.equal((await get(`${url}/v1/apps/shop`, as(reader))).status, 200, 'a read-only token reads')
  t.equal((await fetch(`${url}/v1/validate`, { method: 'POST', headers: as(reader), body: '{}' })).status, 200, 'and may validate')
  const before = calls.length
  const put = await fetch(`${url}/v1/apps`, { method: 'PUT', headers: as(reader), body: '{}' })
  t.equal(put.status, 403)
  t.equal((await put.json() as { error: { code: string, message: string } }).error.code, 'ERR_FORBIDDEN')
  t.equal(calls.length, before, 'no handler ran for the forbidden write')
  t.equal((await get(`${url}/v1/apps/shop`, as(admin.slice(0, -1) + (admin.endsWith('A') ? 'B' : 'A')))).status, 401, 'one character off is nothing')
  apply(state, 3, revokeToken('ci'))
  t.equal((await get(`${url}/v1/apps/shop`, as(admin))).status, 401, 'a revoked token opens nothing')
  t.equal((await get(`${url}/v1/apps/shop`, as(TOKEN))).status, 200, 'the node\'s own token still works')
})

t.test('a grid token made elsewhere a moment ago is looked at again once this node caught up', async t => {
  const state = emptyState()
  const made = newTokenSecret()
  let rounds = 0
  let release: (() => void) | undefined
  // The catch-up applies the create, as the node would once the read barrier returns.
  const catchUp = async (): Promise<void> => {
    rounds++
    await new Promise<void>(resolve => { release = resolve })
    if (state.appliedIndex < 1) apply(state, 1, putToken('fresh', hashSecret(made), 'admin'))
  }
  const auth = tokenAuthenticator(TOKEN, () => state, catchUp)
  t.equal(auth.now(made), undefined, 'unknown before the node applied the create')
  const first = auth.fresh(made)
  const burst = [auth.fresh(made), auth.fresh(newTokenSecret()), auth.fresh(made)]
  t.equal(rounds, 1, 'one round runs; those asking meanwhile wait for one next round')
  release!()
  t.same(await first, { role: 'admin', who: 'fresh' }, 'accepted once caught up')
  await new Promise(resolve => setImmediate(resolve))
  t.equal(rounds, 2, 'the burst shares one round that began after they asked')
  release!()
  const [a, stranger, b] = await Promise.all(burst)
  t.same([a, b], [{ role: 'admin', who: 'fresh' }, { role: 'admin', who: 'fresh' }])
  t.equal(stranger, undefined, 'a token the grid never made is still refused after the round')
  t.same(await auth.fresh(TOKEN), { role: 'admin', who: 'node' }, 'the node token never waits')
  t.equal(await auth.fresh('not-a-grid-token'), undefined, 'nor does a secret that is no grid token')
  t.equal(rounds, 2, 'neither started a round')
  const failing = tokenAuthenticator(TOKEN, () => emptyState(), async () => { throw new Error('no quorum') })
  t.equal(await failing.fresh(made), undefined, 'a catch-up that fails leaves the token judged by what the node has')
})

t.test('over HTTP: a request with a token the node learns only on catching up is answered', async t => {
  const state = emptyState()
  const made = newTokenSecret()
  const authenticate = tokenAuthenticator(TOKEN, () => state, async () => { if (state.appliedIndex < 1) apply(state, 1, putToken('fresh', hashSecret(made), 'read-only')) })
  const api = new ApiServer({ logger: pino({ level: 'silent' }) }, { authenticate })
  api.route('GET', '/v1/apps/:name', async req => ({ name: req.params.name, who: req.access?.who }))
  const { port } = await api.listen('127.0.0.1', 0)
  t.teardown(() => api.close())
  const r = await get(`http://127.0.0.1:${port}/v1/apps/shop`, { authorization: `Bearer ${made}` })
  t.equal(r.status, 200)
  t.same(r.body, { name: 'shop', who: 'fresh' })
})
