/**
 * The lb's backends and their health. Each backend is probed on its own
 * timer (GET healthPath on a fresh connection, so a probe measures "can I
 * connect and get an answer", not a pooled socket's luck); `failures`
 * consecutive failed probes drop it, one success brings it back. A request
 * that cannot connect drops its backend at once (`markFailed`).
 *
 *   unknown ──(one probe succeeded)──► up
 *   unknown, up ──(failures× probe failed | request could not connect)──► down
 *   down ──(one probe succeeded)──► up
 *
 * An unknown backend (not yet probed conclusively) is routed to, so the lb
 * serves as soon as it starts; the first probe runs immediately and a dead
 * backend costs at most one retried request. /healthz shows it as unknown.
 *
 * Whether a down backend still *answers* (its probe got an HTTP status, say
 * 503 because its database is away) is kept apart from whether it is up:
 * with none up, the lb routes to those that answer, not to those it cannot
 * reach at all — on an island, its own side's backends, not the far side's.
 */
import { request } from 'node:http'
import type { ClientRequest } from 'node:http'
import { describeError, formatAddress } from './shared/index.ts'
import type { Address, Log } from './shared/index.ts'

/**
 * Longest a probe may wait for its answer, as the manifests' own health
 * checks do. Not tied to the interval: probes of one backend never overlap
 * (the next is scheduled when one ends), and a short interval should mean
 * "notice sooner", not "call a briefly busy backend dead".
 */
export const PROBE_TIMEOUT_MS = 1000 // ms

/** One backend instance. */
export interface Backend {
  /** Position in TRELLIS_OUT_BACKEND_INSTANCES, i.e. the target's instance index. */
  index: number
  address: Address
  /** Routed to: up, or not yet known to be down. */
  up: boolean
  /** False until a probe succeeded or the backend was dropped: its state is unknown. */
  checked: boolean
  /** Consecutive failed probes (or a failed request). */
  failures: number
  lastError: string | undefined
  /** Its last probe got an HTTP answer (ready or not), and no request has failed to reach it since. */
  answers: boolean
}

/** How the pool probes. */
export interface PoolOptions {
  backends: Address[]
  healthPath: string
  intervalMs: number
  failures: number
  log: Log
}

/** Round robin over the healthy backends, with active health checks. */
export class Pool {
  readonly backends: Backend[]
  readonly #opts: PoolOptions
  readonly #timers = new Set<NodeJS.Timeout>()
  readonly #probes = new Set<ClientRequest>()
  #cursor = 0
  #stopped = false

  constructor (opts: PoolOptions) {
    this.#opts = opts
    this.backends = opts.backends.map((address, index) => ({ index, address, up: true, checked: false, failures: 0, lastError: undefined, answers: true }))
  }

  /** True when at least one backend is up. */
  get anyUp (): boolean {
    return this.backends.some(b => b.up)
  }

  /**
   * The next up backend in round-robin order, skipping `exclude`. When none
   * is up, any backend not excluded that still answers (Envoy's panic
   * routing): one that is alive but not ready, say its database is moving,
   * may still answer what does not need it. Only when none answers either,
   * any at all: a dead one fails its connect and is skipped.
   * Undefined when every backend was tried.
   */
  next (exclude: ReadonlySet<number> = new Set()): Backend | undefined {
    const n = this.backends.length
    const panic = !this.anyUp
    const anyAnswers = panic && this.backends.some(b => b.answers && !exclude.has(b.index))
    for (let i = 0; i < n; i++) {
      const b = this.backends[(this.#cursor + i) % n]
      if ((b.up || (panic && (b.answers || !anyAnswers))) && !exclude.has(b.index)) {
        this.#cursor = (b.index + 1) % n
        return b
      }
    }
    return undefined
  }

  /** Drops `b` now: a request could not reach it. The probes bring it back. */
  markFailed (b: Backend, reason: string): void {
    b.failures = Math.max(b.failures, this.#opts.failures)
    b.lastError = reason
    b.answers = false
    if (b.up || !b.checked) this.#transition(b, false, 'request')
  }

  /** The state of every backend, for /healthz and 503 bodies. */
  snapshot (): Array<{ index: number, address: string, state: 'unknown' | 'up' | 'down', answers: boolean, failures: number, lastError?: string }> {
    return this.backends.map(b => ({
      index: b.index,
      address: formatAddress(b.address),
      state: !b.checked ? 'unknown' : b.up ? 'up' : 'down',
      answers: b.answers,
      failures: b.failures,
      ...(b.lastError === undefined ? {} : { lastError: b.lastError })
    }))
  }

  /** Starts probing every backend, the first probe at once. */
  start (): void {
    for (const b of this.backends) this.#probeLoop(b)
  }

  /** Stops probing and aborts probes in flight. */
  stop (): void {
    this.#stopped = true
    for (const t of this.#timers) clearTimeout(t)
    for (const p of this.#probes) p.destroy()
    this.#timers.clear()
  }

  #probeLoop (b: Backend): void {
    if (this.#stopped) return
    void this.#probe(b).then(({ error, answered }) => {
      if (this.#stopped) return
      b.answers = answered
      this.#record(b, error)
      const t = setTimeout(() => { this.#timers.delete(t); this.#probeLoop(b) }, this.#opts.intervalMs)
      this.#timers.add(t)
    })
  }

  /** One probe: an error text, or undefined on a 2xx; and whether any HTTP answer came. */
  async #probe (b: Backend): Promise<{ error: string | undefined, answered: boolean }> {
    const timeout = PROBE_TIMEOUT_MS
    return await new Promise(resolve => {
      const req = request({
        host: b.address.host, port: b.address.port, path: this.#opts.healthPath, agent: false, signal: AbortSignal.timeout(timeout)
      }, res => {
        res.resume()
        const status = res.statusCode ?? 0
        const done = (): void => resolve({ error: status >= 200 && status < 300 ? undefined : `status ${status}`, answered: true })
        res.on('end', done)
        res.on('error', err => resolve({ error: describeError(err).error, answered: false }))
      })
      this.#probes.add(req)
      req.on('close', () => this.#probes.delete(req))
      req.on('error', err => resolve({ error: err.name === 'AbortError' ? `no answer within ${timeout} ms` : describeError(err).error, answered: false }))
      req.end()
    })
  }

  #record (b: Backend, error: string | undefined): void {
    if (error === undefined) {
      b.failures = 0
      b.lastError = undefined
      if (!b.up || !b.checked) this.#transition(b, true, 'probe')
      return
    }
    b.failures++
    b.lastError = error
    if ((b.up || !b.checked) && b.failures >= this.#opts.failures) this.#transition(b, false, 'probe')
  }

  #transition (b: Backend, up: boolean, by: 'probe' | 'request'): void {
    b.up = up
    b.checked = true
    const fields = { backend: b.index, address: formatAddress(b.address), by, healthy: this.backends.filter(x => x.up).length }
    if (up) this.#opts.log('backend.up', fields)
    else this.#opts.log.warn('backend.down', { ...fields, failures: b.failures, reason: b.lastError })
  }
}
