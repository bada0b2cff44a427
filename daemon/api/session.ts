/**
 * The web console's logins. A browser trades a token for a session once
 * (POST /v1/session); after that it carries only a random session id in an
 * HttpOnly cookie, and a second random value, the CSRF secret, that the page
 * keeps in memory and sends back as the `x-trellis-csrf` header on writes.
 * A page of another site can make the browser send the cookie but can read
 * neither value, so it cannot forge the header.
 *
 * Sessions live in this node's memory only: a restart logs everyone out,
 * and another node does not know them. Each request re-checks the token the
 * session was opened with, so revoking that token ends the session at once.
 *
 *   login ──▶ open(secret) ──▶ { id, csrf } ── cookie: id, page: csrf
 *   request ─▶ resolve(id) ──▶ idle or too old? gone : token still valid? access
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../../controller/clock/index.ts'
import type { Access, Authenticator } from './auth.ts'

/** A session unused this long ends, ms. */
export const SESSION_IDLE_MS = 60 * 60 * 1000
/** A session ends this long after login however busy it is, ms. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000
/** Sessions one node keeps; the oldest goes when a login would exceed it. */
export const MAX_SESSIONS = 256
/** Bytes of randomness in a session id and in a CSRF secret. */
const SESSION_ID_BYTES = 32

/** What a live session grants, as a request sees it. */
export interface SessionAccess {
  id: string
  /** The value writes must carry in `x-trellis-csrf`. */
  csrf: string
  access: Access
  /** When the session ends if unused, ms since the epoch. */
  expiresAt: number
}

interface Session {
  id: string
  csrf: string
  /** Kept only in this process's memory, to re-check the token on every request. */
  secret: string
  createdAt: number
  lastUsedAt: number
}

/** Makes an unguessable id; injected so tests can see what was made. */
export type RandomId = () => string

/**
 * The node's open console sessions: opened with a token, found by the id a
 * cookie carries, ended by logout, idleness, age or the token's revocation.
 */
export class Sessions {
  /** Name of the cookie; it carries this node's id so two nodes behind one host name keep separate logins. */
  readonly cookieName: string
  readonly #clock: Clock
  readonly #authenticate: Authenticator
  readonly #randomId: RandomId
  readonly #idleMs: number
  readonly #maxAgeMs: number
  readonly #max: number
  /** In login order: the first is the oldest. */
  readonly #sessions = new Map<string, Session>()

  constructor (
    components: { clock: Clock, authenticate: Authenticator, randomId?: RandomId },
    init: { nodeId: string, idleMs?: number, maxAgeMs?: number, max?: number }
  ) {
    this.#clock = components.clock
    this.#authenticate = components.authenticate
    this.#randomId = components.randomId ?? (() => randomBytes(SESSION_ID_BYTES).toString('base64url'))
    this.#idleMs = init.idleMs ?? SESSION_IDLE_MS
    this.#maxAgeMs = init.maxAgeMs ?? SESSION_MAX_AGE_MS
    this.#max = init.max ?? MAX_SESSIONS
    this.cookieName = `trellis_session_${init.nodeId.replace(/[^A-Za-z0-9]/g, '').slice(-12)}`
  }

  /** Logs in: a session for a valid token, undefined for anything else (nothing is kept then). */
  async open (secret: string): Promise<SessionAccess | undefined> {
    const access = secret === '' ? undefined : await this.#authenticate.fresh(secret)
    if (access === undefined) return undefined
    this.#sweep()
    while (this.#sessions.size >= this.#max) this.#sessions.delete(this.#sessions.keys().next().value!)
    const now = this.#clock.now()
    const session: Session = { id: this.#randomId(), csrf: this.#randomId(), secret, createdAt: now, lastUsedAt: now }
    this.#sessions.set(session.id, session)
    return this.#view(session, access)
  }

  /** The session a cookie names, still valid and with its token still granted; marks it used. */
  resolve (id: string): SessionAccess | undefined {
    const session = this.#sessions.get(id)
    if (session === undefined) return undefined
    const now = this.#clock.now()
    if (this.#expired(session, now)) {
      this.#sessions.delete(id)
      return undefined
    }
    const access = this.#authenticate.now(session.secret)
    if (access === undefined) {
      // The token was revoked: the session goes with it.
      this.#sessions.delete(id)
      return undefined
    }
    session.lastUsedAt = now
    return this.#view(session, access)
  }

  /** Logs out; whether there was such a session. */
  close (id: string): boolean {
    return this.#sessions.delete(id)
  }

  /** Sessions held now, expired ones included until the next login sweeps them. */
  get size (): number {
    return this.#sessions.size
  }

  #view (s: Session, access: Access): SessionAccess {
    return { id: s.id, csrf: s.csrf, access, expiresAt: Math.min(s.lastUsedAt + this.#idleMs, s.createdAt + this.#maxAgeMs) }
  }

  #expired (s: Session, now: number): boolean {
    return now >= s.lastUsedAt + this.#idleMs || now >= s.createdAt + this.#maxAgeMs
  }

  #sweep (): void {
    const now = this.#clock.now()
    for (const [id, s] of this.#sessions) if (this.#expired(s, now)) this.#sessions.delete(id)
  }
}

/** Whether a request's CSRF header matches its session's secret (constant time). */
export function csrfMatches (session: SessionAccess, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false
  const given = Buffer.from(header)
  const want = Buffer.from(session.csrf)
  return given.length === want.length && timingSafeEqual(given, want)
}
