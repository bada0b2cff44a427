/**
 * The web image's client of the db image's HTTP API (images/db/api.ts).
 * Every failure — refused connection, timeout, unexpected status — becomes a
 * DbError, which the web API answers with 502.
 */
import { Agent, request } from 'node:http'
import type { Address } from './shared/index.ts'

/** How long one db request may take before the web answers 502. */
export const DB_TIMEOUT_MS = 2000 // ms

/** Thrown when the db cannot be reached or answers unexpectedly. */
export class DbError extends Error {
  readonly code = 'ERR_DB'
  constructor (message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

interface Reply {
  status: number
  body: Buffer
}

/** One listed entry, value decoded as UTF-8 by the db. */
export interface DbEntry {
  key: string
  value: string
}

/** A keep-alive HTTP client of one db address. */
export class DbClient {
  readonly #addr: Address
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 32 })

  constructor (addr: Address) {
    this.#addr = addr
  }

  /** The counter at `key` (0 when absent). */
  async counter (key: string): Promise<number> {
    const r = await this.#call('GET', `/kv/${encodeURIComponent(key)}`, undefined, [200, 404])
    return r.status === 404 ? 0 : Number(r.body.toString('utf8'))
  }

  /** Adds `by` to the counter at `key`; the new value. */
  async incr (key: string, by = 1): Promise<number> {
    const r = await this.#call('POST', `/kv/${encodeURIComponent(key)}/incr?by=${by}`, undefined, [200])
    return Number((JSON.parse(r.body.toString('utf8')) as { value: string }).value)
  }

  /** Stores `value` at `key`, durably. */
  async put (key: string, value: string): Promise<void> {
    await this.#call('PUT', `/kv/${encodeURIComponent(key)}`, Buffer.from(value), [204])
  }

  /** Up to `limit` entries under `prefix`, newest key first when `reverse`. */
  async list (prefix: string, limit: number, reverse: boolean): Promise<DbEntry[]> {
    const q = new URLSearchParams({ prefix, limit: String(limit), reverse: reverse ? '1' : '0' })
    const r = await this.#call('GET', `/kv?${q.toString()}`, undefined, [200])
    return JSON.parse(r.body.toString('utf8')) as DbEntry[]
  }

  /** True when the db answers /healthz with 200 within `timeoutMs`. */
  async healthy (timeoutMs: number): Promise<boolean> {
    try {
      await this.#call('GET', '/healthz', undefined, [200], timeoutMs)
      return true
    } catch {
      return false
    }
  }

  /** Drops pooled connections. */
  close (): void {
    this.#agent.destroy()
  }

  async #call (method: string, path: string, body: Buffer | undefined, expect: number[], timeoutMs = DB_TIMEOUT_MS): Promise<Reply> {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = request({
        host: this.#addr.host,
        port: this.#addr.port,
        method,
        path,
        agent: this.#agent,
        headers: body === undefined ? {} : { 'content-type': 'application/octet-stream', 'content-length': body.length },
        signal: AbortSignal.timeout(timeoutMs)
      }, res => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
        res.on('error', err => reject(new DbError(`db ${method} ${path}: ${err.message}`, { cause: err })))
      })
      req.on('error', err => reject(new DbError(`db ${method} ${path}: ${err.message}`, { cause: err })))
      req.end(body)
    })
    if (!expect.includes(reply.status)) {
      throw new DbError(`db ${method} ${path}: status ${reply.status}: ${reply.body.toString('utf8').slice(0, 200)}`)
    }
    return reply
  }
}
