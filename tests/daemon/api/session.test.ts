/** The console's sessions and cookies as pure logic: a virtual clock, a state the test edits. */
import t from 'tap'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { apply, emptyState, putToken, revokeToken } from '../../../controller/state/index.ts'
import { csrfMatches, hashSecret, newTokenSecret, readCookie, sessionCookie, Sessions, tokenAuthenticator } from '../../../daemon/api/index.ts'

const NODE_TOKEN = 'node-token-0123456789abcdef0123456789'

function setup (init: { idleMs?: number, maxAgeMs?: number, max?: number } = {}): { clock: VirtualClock, sessions: Sessions, state: ReturnType<typeof emptyState> } {
  const clock = new VirtualClock(1_000)
  const state = emptyState()
  let n = 0
  const sessions = new Sessions({ clock, authenticate: tokenAuthenticator(NODE_TOKEN, () => state), randomId: () => `id-${++n}` }, { nodeId: '12D3KooWAbC/def+9', ...init })
  return { clock, sessions, state }
}

t.test('a valid token opens a session; anything else opens nothing and keeps nothing', async t => {
  const { sessions } = setup()
  for (const bad of ['', 'wrong', NODE_TOKEN.slice(1), `${NODE_TOKEN} `]) t.equal(await sessions.open(bad), undefined, JSON.stringify(bad))
  t.equal(sessions.size, 0)
  const s = (await sessions.open(NODE_TOKEN))!
  t.match(s, { id: 'id-1', csrf: 'id-2', access: { role: 'admin', who: 'node' } })
  t.not(s.id, s.csrf, 'the cookie and the CSRF secret are different values')
  t.same(sessions.resolve(s.id)?.access, { role: 'admin', who: 'node' })
  t.equal(sessions.resolve('id-2'), undefined, 'the CSRF secret is not a session id')
  t.equal(sessions.resolve('nope'), undefined)
})

t.test('the default ids are long and random', async t => {
  const state = emptyState()
  const sessions = new Sessions({ clock: new VirtualClock(), authenticate: tokenAuthenticator(NODE_TOKEN, () => state) }, { nodeId: 'n' })
  const seen = new Set<string>()
  for (let i = 0; i < 50; i++) {
    const s = (await sessions.open(NODE_TOKEN))!
    t.ok(s.id.length >= 43 && s.csrf.length >= 43, 'at least 256 bits in base64url')
    seen.add(s.id).add(s.csrf)
  }
  t.equal(seen.size, 100, 'no value repeats')
})

t.test('a session ends when idle, when too old, or on logout', async t => {
  const { clock, sessions } = setup({ idleMs: 1_000, maxAgeMs: 3_500 })
  const s = (await sessions.open(NODE_TOKEN))!
  t.equal(s.expiresAt, 2_000)
  await clock.advance(999)
  t.equal(sessions.resolve(s.id)?.expiresAt, 2_999, 'use moves the idle expiry')
  await clock.advance(999)
  t.ok(sessions.resolve(s.id), 'still alive: used 999 ms ago')
  await clock.advance(1_000)
  t.equal(sessions.resolve(s.id), undefined, 'idle for the whole idle time: gone')
  t.equal(sessions.size, 0, 'and forgotten')

  const opened = clock.now()
  const busy = (await sessions.open(NODE_TOKEN))!
  for (let i = 0; i < 3; i++) { await clock.advance(900); t.ok(sessions.resolve(busy.id)) }
  t.equal(sessions.resolve(busy.id)?.expiresAt, opened + 3_500, 'never beyond the age limit')
  await clock.advance(800)
  t.equal(sessions.resolve(busy.id), undefined, 'busy, but past the age limit: gone')

  const other = (await sessions.open(NODE_TOKEN))!
  t.equal(sessions.close(other.id), true)
  t.equal(sessions.close(other.id), false, 'twice is nothing')
  t.equal(sessions.resolve(other.id), undefined)
})

t.test('the session follows its token: a read-only token reads only, a revoked one ends it', async t => {
  const { sessions, state } = setup()
  const reader = newTokenSecret()
  const admin = newTokenSecret()
  apply(state, 1, putToken('dash', hashSecret(reader), 'read-only'))
  apply(state, 2, putToken('ops', hashSecret(admin), 'admin'))
  const r = (await sessions.open(reader))!
  const a = (await sessions.open(admin))!
  t.same(sessions.resolve(r.id)?.access, { role: 'read-only', who: 'dash' })
  apply(state, 3, revokeToken('ops'))
  t.equal(sessions.resolve(a.id), undefined, 'revoked: the session goes at its next request')
  t.ok(sessions.resolve(r.id), 'another token\'s session stays')
})

t.test('logins beyond the limit push out the oldest; expired ones are swept first', async t => {
  const { clock, sessions } = setup({ max: 3, idleMs: 1_000 })
  const first = (await sessions.open(NODE_TOKEN))!
  await clock.advance(2_000)
  const kept = [(await sessions.open(NODE_TOKEN))!, (await sessions.open(NODE_TOKEN))!, (await sessions.open(NODE_TOKEN))!]
  t.equal(sessions.size, 3, 'the expired one was swept, not counted')
  t.equal(sessions.resolve(first.id), undefined)
  await sessions.open(NODE_TOKEN)
  t.equal(sessions.size, 3)
  t.equal(sessions.resolve(kept[0]!.id), undefined, 'the oldest was pushed out')
  t.ok(sessions.resolve(kept[2]!.id))
})

t.test('CSRF secrets compare exactly', async t => {
  const { sessions } = setup()
  const s = (await sessions.open(NODE_TOKEN))!
  t.equal(csrfMatches(s, s.csrf), true)
  for (const bad of [undefined, '', s.csrf.slice(1), `${s.csrf}x`, [s.csrf], s.id]) t.equal(csrfMatches(s, bad), false, JSON.stringify(bad))
})

t.test('cookies: the name carries the node, the flags keep scripts and other sites out', async t => {
  const { sessions } = setup()
  t.equal(sessions.cookieName, 'trellis_session_3KooWAbCdef9', 'only cookie-safe characters')
  t.equal(sessionCookie('c', 'v1'), 'c=v1; Path=/; HttpOnly; SameSite=Strict')
  t.equal(sessionCookie('c', ''), 'c=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0', 'logout clears it')
  t.equal(readCookie('a=1; c=v1; d=2', 'c'), 'v1')
  t.equal(readCookie('cc=1;c=x=y', 'c'), 'x=y', 'the first = splits')
  t.equal(readCookie('a=1', 'c'), undefined)
  t.equal(readCookie('c=', 'c'), undefined, 'empty is absent')
  t.equal(readCookie('c', 'c'), undefined)
  t.equal(readCookie(undefined, 'c'), undefined)
})
