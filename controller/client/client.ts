import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type {
  AppDetailView, AppRevisionView, AppSummaryView, ApplyView, DiffView, ErrorBody, EventView, ImageView, ImportView, LogFollowView, LogsView, NodeView, ParkView, PowerView, RaftView, TokenView, ValidateView, VolumeView
} from './types.ts'
import { openSession, type Session } from './session.ts'
import type { SessionStart } from './session-protocol.ts'

/** Socket errors in words. */
const WHY: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'no such host',
  ECONNRESET: 'connection reset'
}

/** Default admin API address of a daemon. */
export const DEFAULT_API = 'http://127.0.0.1:7420'

/** Which lines a logs request wants: an instance (web.0), a component (web) or all; the last `tail`, those since `since` (ms since the epoch). */
export interface LogsOptions {
  instance?: string
  tail?: number
  since?: number
  stream?: 'stdout' | 'stderr' | 'both'
}

function logsQuery (o: LogsOptions): URLSearchParams {
  const q = new URLSearchParams()
  if (o.instance !== undefined) q.set('instance', o.instance)
  if (o.tail !== undefined) q.set('tail', String(o.tail))
  if (o.since !== undefined) q.set('since', String(o.since))
  if (o.stream !== undefined) q.set('stream', o.stream)
  return q
}

/** Which events: one app's (grid events have none), since a time (ms since the epoch), the latest `tail`, those after an event id. */
export interface EventsOptions {
  app?: string
  since?: number
  tail?: number
  after?: number
}

function eventsQuery (o: EventsOptions): URLSearchParams {
  const q = new URLSearchParams()
  if (o.app !== undefined) q.set('app', o.app)
  if (o.since !== undefined) q.set('since', String(o.since))
  if (o.tail !== undefined) q.set('tail', String(o.tail))
  if (o.after !== undefined) q.set('after', String(o.after))
  return q
}

/** Thrown when the API answers with an error, or cannot be reached (code ERR_API_UNREACHABLE). */
export class ClientError extends Error {
  readonly code: string
  readonly status: number
  readonly details: unknown
  constructor (code: string, message: string, status: number, details?: unknown, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ClientError'
    this.code = code
    this.status = status
    this.details = details
  }
}

/** The admin API client: the only way the CLI and the console reach a daemon. */
export class TrellisClient {
  readonly url: string
  readonly #token: string
  readonly #timeoutMs: number
  /** Where the URL came from, for an error that says what was tried. */
  readonly #source: string | undefined
  readonly #onStale: ((why: string) => void) | undefined

  /**
   * `onStale` is told when an answer comes from a node's last known state
   * because no quorum confirmed it (the `Trellis-Stale` header: a node on an
   * island), with the daemon's reason.
   */
  constructor (init: { url: string, token: string, timeoutMs?: number, source?: string, onStale?: (why: string) => void }) {
    this.url = init.url.replace(/\/+$/, '')
    this.#token = init.token
    this.#timeoutMs = init.timeoutMs ?? 30_000
    this.#source = init.source
    this.#onStale = init.onStale
  }

  /** A client for the daemon whose data dir this is: reads api.json and admin.token there. */
  static async fromDataDir (dataDir: string, overrides: { url?: string, token?: string, tokenFile?: string, onStale?: (why: string) => void } = {}): Promise<TrellisClient> {
    let url = overrides.url
    if (url === undefined) {
      try {
        url = (JSON.parse(await readFile(join(dataDir, 'api.json'), 'utf8')) as { url: string }).url
      } catch {
        url = DEFAULT_API
      }
    }
    const source = overrides.url !== undefined ? 'from --api' : url === DEFAULT_API ? `the default: no ${join(dataDir, 'api.json')}` : `from ${join(dataDir, 'api.json')}`
    let token = overrides.token
    if (token === undefined) {
      // A token file rather than an argument: arguments are visible to every user in ps.
      const file = overrides.tokenFile ?? join(dataDir, 'admin.token')
      try {
        token = (await readFile(file, 'utf8')).trim()
      } catch (err) {
        throw new ClientError('ERR_NO_TOKEN', `no admin token: cannot read ${file} (give --token-file, $TRELLIS_TOKEN or --data-dir)`, 0, undefined, { cause: err })
      }
    }
    return new TrellisClient({ url, token, source, ...(overrides.onStale !== undefined ? { onStale: overrides.onStale } : {}) })
  }

  async health (): Promise<{ ok: boolean }> { return await this.#call('GET', '/v1/health') }
  async node (): Promise<NodeView> { return await this.#call('GET', '/v1/node') }
  async nodes (): Promise<NodeView[]> { return await this.#call('GET', '/v1/nodes') }
  async validate (source: string): Promise<ValidateView> { return await this.#call('POST', '/v1/validate', source) }
  async apply (source: string): Promise<ApplyView> { return await this.#call('PUT', '/v1/apps', source) }
  async apps (): Promise<AppSummaryView[]> { return await this.#call('GET', '/v1/apps') }
  async app (name: string): Promise<AppDetailView> { return await this.#call('GET', `/v1/apps/${encodeURIComponent(name)}`) }
  /** action: cordon, uncordon or drain. */
  async nodeAdmin (node: string, action: 'cordon' | 'uncordon' | 'drain'): Promise<{ node: string, cordoned: boolean, draining: boolean }> {
    return await this.#call('POST', `/v1/nodes/${encodeURIComponent(node)}/${action}`, '')
  }

  async rebalance (): Promise<{ moved: Array<{ app: string, instances: string[] }> }> { return await this.#call('POST', '/v1/rebalance', '') }

  async raft (): Promise<RaftView> { return await this.#call('GET', '/v1/raft') }
  async volumes (): Promise<VolumeView[]> { return await this.#call('GET', '/v1/volumes') }
  async volume (id: string): Promise<VolumeView> { return await this.#call('GET', `/v1/volumes/${encodeURIComponent(id)}`) }
  async snapshotVolume (id: string, name: string): Promise<VolumeView> {
    return await this.#call('POST', `/v1/volumes/${encodeURIComponent(id)}/snapshots`, JSON.stringify({ name }), 'application/json')
  }

  async deleteSnapshot (id: string): Promise<{ volume: string, existed: boolean }> { return await this.#call('DELETE', `/v1/volumes/${encodeURIComponent(id)}`) }
  async cloneApp (app: string, name: string, ports: Record<string, number> = {}): Promise<ApplyView & { volumes: string[], droppedEntries: string[] }> {
    return await this.#call('POST', `/v1/apps/${encodeURIComponent(app)}/clone`, JSON.stringify({ name, ports }), 'application/json')
  }
  async removePeer (peer: string): Promise<{ removed: string }> { return await this.#call('DELETE', `/v1/raft/peers/${encodeURIComponent(peer)}`) }
  async deleteApp (name: string): Promise<{ name: string, existed: boolean }> {
    return await this.#call('DELETE', `/v1/apps/${encodeURIComponent(name)}`)
  }

  /** Each instance's lines, read on the node that runs it. `since` is ms since the epoch. */
  async logs (app: string, options: LogsOptions = {}): Promise<LogsView[]> {
    return await this.#call('GET', `/v1/apps/${encodeURIComponent(app)}/logs?${logsQuery(options).toString()}`)
  }

  /**
   * The lines as they are written, following the instances across restarts
   * and moves, with notices between them; ends when the signal aborts or the
   * daemon goes away (then it throws ERR_API_UNREACHABLE).
   */
  async * followLogs (app: string, options: LogsOptions = {}, signal?: AbortSignal): AsyncGenerator<LogFollowView> {
    const q = logsQuery(options)
    q.set('follow', 'true')
    const res = await this.#send('GET', `/v1/apps/${encodeURIComponent(app)}/logs?${q.toString()}`, { timeoutMs: 0, signal })
    yield * this.#records<LogFollowView>(res, signal)
  }

  /** The serving node's latest grid events, oldest first (`GET /v1/events`). */
  async events (q: EventsOptions = {}): Promise<EventView[]> {
    return await this.#call('GET', `/v1/events?${eventsQuery(q).toString()}`)
  }

  /**
   * Grid events as server-sent events: the latest `tail` (or all after
   * `after`), then each as it happens, until the signal aborts.
   */
  async * followEvents (q: EventsOptions = {}, signal?: AbortSignal): AsyncGenerator<EventView> {
    const res = await this.#send('GET', `/v1/events?${eventsQuery(q).toString()}`, { timeoutMs: 0, signal, accept: 'text/event-stream' })
    let data: string[] = []
    for await (const line of this.#lines(res, signal)) {
      // A blank line ends an event; `data:` lines make it; ids and comments need nothing here.
      if (line === '') {
        if (data.length > 0) yield JSON.parse(data.join('\n')) as EventView
        data = []
      } else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
    }
  }

  /** Imports a bundle, sent as a tar stream, into the grid's catalog. Waits as long as the upload takes. */
  async importImage (bundle: Readable): Promise<ImportView> {
    const res = await this.#send('PUT', '/v1/images', { body: Readable.toWeb(bundle) as ReadableStream, type: 'application/x-tar', timeoutMs: 0 })
    return await this.#parse<ImportView>(res)
  }

  async images (): Promise<ImageView[]> { return await this.#call('GET', '/v1/images') }
  async image (ref: string): Promise<ImageView> { return await this.#call('GET', `/v1/images/${encodeURIComponent(ref)}`) }
  async deleteImage (ref: string): Promise<{ name: string, version: string, deleted: boolean }> {
    return await this.#call('DELETE', `/v1/images/${encodeURIComponent(ref)}`)
  }

  async history (app: string): Promise<AppRevisionView[]> { return await this.#call('GET', `/v1/apps/${encodeURIComponent(app)}/history`) }
  /** Back to `revision`, or to the one before the present. */
  async rollback (app: string, revision?: number): Promise<ApplyView> {
    return await this.#call('POST', `/v1/apps/${encodeURIComponent(app)}/rollback`, JSON.stringify(revision === undefined ? {} : { revision }), 'application/json')
  }

  /** What applying this YAML would change; nothing is changed. */
  async diff (source: string): Promise<DiffView> { return await this.#call('POST', '/v1/diff', source) }

  /** A new grid token; its secret is in this answer only. */
  /** The grid's power policy and its parked nodes. */
  async power (): Promise<PowerView> { return await this.#call('GET', '/v1/power') }
  /** Turns consolidation on or off and sets its thresholds; what is absent stays. */
  async setPower (change: { consolidate?: boolean, lowPercent?: number, highPercent?: number, minActiveNodes?: number }): Promise<PowerView> {
    return await this.#call('PUT', '/v1/power', JSON.stringify(change), 'application/json')
  }
  /** action: park (empty the node, then keep it empty to be powered off) or unpark (schedulable again, woken if off). */
  async park (node: string, action: 'park' | 'unpark'): Promise<ParkView> {
    return await this.#call('POST', `/v1/nodes/${encodeURIComponent(node)}/${action}`, '')
  }

  async createToken (name: string, role: 'admin' | 'read-only'): Promise<TokenView & { token: string }> {
    return await this.#call('POST', '/v1/tokens', JSON.stringify({ name, role }), 'application/json')
  }

  async tokens (): Promise<TokenView[]> { return await this.#call('GET', '/v1/tokens') }
  async revokeToken (name: string): Promise<{ name: string, revoked: boolean }> {
    return await this.#call('DELETE', `/v1/tokens/${encodeURIComponent(name)}`)
  }

  /** Opens a console or exec session into an instance (session.ts, docs/console-exec.md). */
  async session (app: string, instance: string, kind: 'console' | 'exec', start: SessionStart): Promise<Session> {
    return await openSession({ url: this.url, token: this.#token, source: this.#source }, `/v1/apps/${encodeURIComponent(app)}/instances/${encodeURIComponent(instance)}/${kind}`, start)
  }

  /** An image's bundle as a tar stream, with its digest as the daemon states it. */
  async exportImage (ref: string): Promise<{ tar: Readable, digest: string, size: number }> {
    const res = await this.#send('GET', `/v1/images/${encodeURIComponent(ref)}/export`, { timeoutMs: 0 })
    if (!res.ok || res.body === null) await this.#parse(res)
    return { tar: Readable.fromWeb(res.body! as import('node:stream/web').ReadableStream), digest: res.headers.get('x-trellis-digest') ?? '', size: Number(res.headers.get('content-length') ?? 0) }
  }

  /**
   * Reads a streamed answer, one JSON object a line (blank lines keep the
   * connection alive). An error status is thrown as a ClientError; a stream
   * cut short, other than by the signal, as ERR_API_UNREACHABLE.
   */
  async * #records<T> (res: Response, signal?: AbortSignal): AsyncGenerator<T> {
    for await (const line of this.#lines(res, signal)) if (line.trim() !== '') yield JSON.parse(line) as T
  }

  /** A streamed answer's lines, without their ends; throws as #records says. */
  async * #lines (res: Response, signal?: AbortSignal): AsyncGenerator<string> {
    if (!res.ok || res.body === null) { await this.#parse(res); return }
    const decoder = new TextDecoder()
    let held = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        held += decoder.decode(chunk, { stream: true })
        let nl
        while ((nl = held.indexOf('\n')) >= 0) {
          const line = held.slice(0, nl).replace(/\r$/, '')
          held = held.slice(nl + 1)
          yield line
        }
      }
    } catch (err) {
      if (signal?.aborted === true) return
      throw new ClientError('ERR_API_UNREACHABLE', `the daemon at ${this.url} went away: ${(err as Error).message}`, 0, undefined, { cause: err })
    }
    if (signal?.aborted !== true) throw new ClientError('ERR_API_UNREACHABLE', `the daemon at ${this.url} ended the stream`, 0)
  }

  async #send (method: string, path: string, options: { body?: string | ReadableStream, type?: string, timeoutMs?: number, signal?: AbortSignal, accept?: string } = {}): Promise<Response> {
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs
    const signals = [...(options.signal !== undefined ? [options.signal] : []), ...(timeoutMs > 0 ? [AbortSignal.timeout(timeoutMs)] : [])]
    try {
      return await fetch(this.url + path, {
        method,
        headers: {
          authorization: `Bearer ${this.#token}`,
          ...(options.body !== undefined ? { 'content-type': options.type ?? 'application/yaml' } : {}),
          ...(options.accept !== undefined ? { accept: options.accept } : {})
        },
        body: options.body,
        ...(typeof options.body === 'object' ? { duplex: 'half' } : {}),
        ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {})
      } as RequestInit)
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } }
      const why = e.name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} s` : WHY[e.cause?.code ?? ''] ?? e.cause?.code ?? e.message
      throw new ClientError('ERR_API_UNREACHABLE', `cannot reach trellisd at ${this.url} (${why}): is trellisd running? (address ${this.#source ?? 'as given'})`, 0, undefined, { cause: err })
    }
  }

  async #call<T> (method: string, path: string, body?: string, type = 'application/yaml'): Promise<T> {
    return await this.#parse<T>(await this.#send(method, path, { body, type }))
  }

  async #parse<T> (res: Response): Promise<T> {
    const text = await res.text()
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new ClientError('ERR_BAD_RESPONSE', `daemon answered ${res.status} with a body that is not JSON`, res.status)
    }
    if (!res.ok) {
      const e = (parsed as Partial<ErrorBody>).error
      throw new ClientError(e?.code ?? 'ERR_HTTP', e?.message ?? `HTTP ${res.status}`, res.status, e?.details)
    }
    const stale = res.headers.get('trellis-stale')
    if (stale !== null) this.#onStale?.(stale)
    return parsed as T
  }
}
