import type { Readable } from 'node:stream'
import type {
  AppDetailView, AppRevisionView, AppSummaryView, ApplyView, DiffView, ImageView, ImportView, LogFollowView, LogsView, NodeView, RaftView, TokenView, ValidateView, VolumeView
} from '../../controller/client/types.ts'
import { badRequest } from './errors.ts'
import { STREAMED, type ApiServer } from './server.ts'

/**
 * A read that may answer from this node's last known state when no quorum
 * can confirm it (a node on an island): `stale` is told why, and the answer
 * carries it in the `Trellis-Stale` header.
 */
export interface ReadContext {
  stale: (why: string) => void
}

/** What the API serves; the composition root implements it over the node's components. */
export interface GridService {
  node (): Promise<NodeView>
  nodes (): Promise<NodeView[]>
  validate (source: string): Promise<ValidateView>
  /** Validates, then commits; throws GraphValidationError (ERR_INVALID_APP) and changes nothing when invalid. */
  apply (source: string): Promise<ApplyView>
  apps (read?: ReadContext): Promise<AppSummaryView[]>
  /** Throws ERR_NOT_FOUND when there is no such app. */
  app (name: string, read?: ReadContext): Promise<AppDetailView>
  deleteApp (name: string): Promise<{ name: string, existed: boolean }>
  /** The replicated log's members; ERR_NOT_IN_GRID on a node without a grid. */
  raftStatus (): Promise<RaftView>
  /** Cordons, uncordons or drains a node (by id or name); committed before it returns. */
  nodeAdmin (node: string, change: { cordoned?: boolean, draining?: boolean }): Promise<{ node: string, cordoned: boolean, draining: boolean }>
  /** Moves a few instances toward an even spread over the nodes (one per app per call). */
  rebalance (): Promise<{ moved: Array<{ app: string, instances: string[] }> }>
  /** Removes a member from the replicated log (on the leader); ERR_NOT_LEADER elsewhere. */
  removePeer (idOrName: string): Promise<{ removed: string }>
  /** Each instance's lines, read on the node that runs it; ERR_NOT_FOUND for an unknown app or instance. */
  logs (app: string, instance: string | undefined, options: LogOptions): Promise<LogsView[]>
  /** Lines as they are written, following instances across restarts and moves, until the signal aborts. Checks the names first. */
  followLogs (app: string, instance: string | undefined, options: LogOptions, signal: AbortSignal): Promise<AsyncIterable<LogFollowView>>
  /** Every replicated volume: record, members, in-sync set, generation, catch-up progress. */
  volumes (read?: ReadContext): Promise<VolumeView[]>
  /** Throws ERR_NOT_FOUND when there is no such volume. */
  volume (id: string, read?: ReadContext): Promise<VolumeView>
  /** Commits a snapshot `<id>@<name>` of a volume's present data. */
  snapshotVolume (id: string, name: string): Promise<VolumeView>
  /** Deletes a snapshot; an app's volume is refused (ERR_BAD_REQUEST). */
  deleteSnapshot (id: string): Promise<{ volume: string, existed: boolean }>
  /** Copies an app, its graph and its volumes' data, under a new name; entries only on the ports given. */
  cloneApp (source: string, name: string, ports: Record<string, number>): Promise<ApplyView & { volumes: string[], droppedEntries: string[] }>
}

/** The grid's image catalog as the API serves it. */
export interface ImageService {
  /** Imports a bundle (a tar stream) into this node and the grid's catalog. */
  importImage (bundle: Readable): Promise<ImportView>
  images (): Promise<ImageView[]>
  /** By name (newest), name@version or digest; ERR_NOT_FOUND when the catalog has none. */
  image (ref: string): Promise<ImageView>
  /** Refused (ERR_CONFLICT) while an app pins it, naming the apps. */
  deleteImage (ref: string): Promise<{ name: string, version: string, deleted: boolean }>
  /** The image's bundle as a tar stream, from this node's copy. */
  exportImage (ref: string): Promise<{ name: string, version: string, digest: string, size: number, tar: Readable }>
}

/** The grid's API tokens, as the token routes need them. */
export interface TokenService {
  /** The secret is in this answer and nowhere else, ever. */
  create (name: string, role: string): Promise<TokenView & { token: string }>
  list (): Promise<TokenView[]>
  revoke (name: string): Promise<{ name: string, revoked: boolean }>
}

/** An app's revisions: history, rollback, and what an apply would change. */
export interface RevisionService {
  history (name: string): Promise<AppRevisionView[]>
  /** To `revision`, or the one before the present; ERR_NOT_FOUND when it is not kept. */
  rollback (name: string, revision: number | undefined): Promise<ApplyView>
  /** Validates like apply (ERR_INVALID_APP), changes nothing. */
  diff (source: string): Promise<DiffView>
}

/** Binds the revision routes. docs/api.md documents them. */
export function addRevisionRoutes (server: ApiServer, revisions: RevisionService): void {
  server.route('GET', '/v1/apps/:name/history', async req => await revisions.history(req.params.name!))
  server.route('POST', '/v1/apps/:name/rollback', async req => {
    const body = req.body.length === 0 ? {} : json(req.body) as { revision?: unknown }
    if (body.revision !== undefined && (!Number.isSafeInteger(body.revision) || (body.revision as number) < 1)) throw badRequest('revision must be a whole number from 1')
    return await revisions.rollback(req.params.name!, body.revision as number | undefined)
  })
  server.route('POST', '/v1/diff', async req => await revisions.diff(req.body.toString('utf8')))
}

/** Which lines of an instance's log a request wants. */
export interface LogOptions {
  tail?: number
  /** ms since the epoch. */
  since?: number
  stream: 'stdout' | 'stderr' | 'both'
}

/** Largest number of log lines one request returns. */
const MAX_TAIL = 10_000
/** Lines per instance when a request gives neither tail nor since. */
const DEFAULT_TAIL = 100
/** A followed log sends an empty line this often when it has nothing else, so idle connections are not cut, ms. */
const KEEPALIVE_MS = 15_000 // ms

/** Binds the v1 routes to a service. docs/api.md documents them. */
/** A read whose staleness goes out as the `Trellis-Stale` header. */
function staleAnswer (req: { setHeader: (name: string, value: string) => void }): ReadContext {
  return { stale: why => { req.setHeader('trellis-stale', why) } }
}

export function addRoutes (server: ApiServer, grid: GridService): void {
  server.route('GET', '/v1/health', async () => ({ ok: true }), { open: true })
  server.route('GET', '/v1/node', async () => await grid.node())
  server.route('GET', '/v1/nodes', async () => await grid.nodes())
  server.route('POST', '/v1/validate', async req => await grid.validate(text(req.body)))
  server.route('PUT', '/v1/apps', async req => await grid.apply(text(req.body)))
  server.route('GET', '/v1/apps', async req => await grid.apps(staleAnswer(req)))
  server.route('GET', '/v1/apps/:name', async req => await grid.app(req.params.name!, staleAnswer(req)))
  server.route('DELETE', '/v1/apps/:name', async req => await grid.deleteApp(req.params.name!))
  server.route('GET', '/v1/raft', async () => await grid.raftStatus())
  server.route('GET', '/v1/volumes', async req => await grid.volumes(staleAnswer(req)))
  server.route('GET', '/v1/volumes/:id', async req => await grid.volume(req.params.id!, staleAnswer(req)))
  server.route('POST', '/v1/volumes/:id/snapshots', async req => {
    const body = json(req.body) as { name?: unknown }
    if (typeof body.name !== 'string') throw badRequest('send { "name": "<snapshot name>" }')
    return await grid.snapshotVolume(req.params.id!, body.name)
  })
  server.route('DELETE', '/v1/volumes/:id', async req => await grid.deleteSnapshot(req.params.id!))
  server.route('POST', '/v1/apps/:name/clone', async req => {
    const body = json(req.body) as { name?: unknown, ports?: unknown }
    if (typeof body.name !== 'string' || body.name === '') throw badRequest('send { "name": "<new app name>", "ports": { "<entry>": <port> } }')
    const ports = body.ports ?? {}
    if (typeof ports !== 'object' || ports === null || Object.values(ports).some(p => !Number.isInteger(p) || (p as number) < 1 || (p as number) > 65535)) {
      throw badRequest('ports must map entry names to port numbers 1..65535')
    }
    return await grid.cloneApp(req.params.name!, body.name, ports as Record<string, number>)
  })
  server.route('POST', '/v1/rebalance', async () => await grid.rebalance())
  server.route('POST', '/v1/nodes/:node/cordon', async req => await grid.nodeAdmin(req.params.node!, { cordoned: true }))
  server.route('POST', '/v1/nodes/:node/uncordon', async req => await grid.nodeAdmin(req.params.node!, { cordoned: false, draining: false }))
  server.route('POST', '/v1/nodes/:node/drain', async req => await grid.nodeAdmin(req.params.node!, { draining: true }))
  server.route('DELETE', '/v1/raft/peers/:peer', async req => await grid.removePeer(req.params.peer!))
  server.streamRoute('GET', '/v1/apps/:name/logs', async (req, res) => {
    const options = logOptions(req.query)
    const instance = req.query.get('instance') ?? undefined
    const follow = req.query.get('follow')
    if (follow !== 'true' && follow !== '1') return await grid.logs(req.params.name!, instance, options)
    const ac = new AbortController()
    res.once('close', () => { ac.abort() })
    const lines = await grid.followLogs(req.params.name!, instance, options, ac.signal)
    res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' })
    const keepalive = setInterval(() => { res.write('\n') }, KEEPALIVE_MS)
    try {
      for await (const line of lines) {
        if (!res.write(JSON.stringify(line) + '\n')) await new Promise(resolve => { res.once('drain', resolve); res.once('close', resolve) })
        if (ac.signal.aborted) break
      }
    } finally {
      clearInterval(keepalive)
      ac.abort()
      res.end()
    }
    return STREAMED
  })
}

/** Reads tail, since (ms since the epoch or an ISO 8601 time) and stream from a logs request. */
function logOptions (query: URLSearchParams): LogOptions {
  const stream = query.get('stream') ?? 'both'
  if (stream !== 'stdout' && stream !== 'stderr' && stream !== 'both') throw badRequest('stream must be stdout, stderr or both')
  const sinceText = query.get('since')
  let since: number | undefined
  if (sinceText !== null) {
    since = /^\d+$/.test(sinceText) ? Number(sinceText) : Date.parse(sinceText)
    if (!Number.isSafeInteger(since) || since < 0) throw badRequest('since must be ms since the epoch or an ISO 8601 time, e.g. 2026-05-01T12:00:00Z')
  }
  const tailText = query.get('tail')
  const tail = tailText === null ? (since === undefined ? DEFAULT_TAIL : undefined) : Number(tailText)
  if (tail !== undefined && (!Number.isInteger(tail) || tail < 1 || tail > MAX_TAIL)) throw badRequest(`tail must be an integer in 1..${MAX_TAIL}`)
  return { tail, since, stream }
}

/** Binds the image routes to the image service. docs/api.md documents them. */
export function addImageRoutes (server: ApiServer, images: ImageService): void {
  server.streamRoute('PUT', '/v1/images', async req => {
    const type = req.body.headers['content-type'] ?? ''
    if (type !== 'application/x-tar') throw badRequest(`send the bundle as application/x-tar, not ${type === '' ? 'nothing' : type}`)
    return await images.importImage(req.body)
  })
  server.route('GET', '/v1/images', async () => await images.images())
  server.route('GET', '/v1/images/:ref', async req => await images.image(req.params.ref!))
  server.route('DELETE', '/v1/images/:ref', async req => await images.deleteImage(req.params.ref!))
  server.streamRoute('GET', '/v1/images/:ref/export', async (req, res) => {
    const { tar, name, version, digest, size } = await images.exportImage(req.params.ref!)
    res.writeHead(200, {
      'content-type': 'application/x-tar',
      'content-length': size,
      'content-disposition': `attachment; filename="${name}-${version}.tar"`,
      'x-trellis-digest': digest
    })
    tar.on('error', () => { res.destroy() })
    tar.pipe(res)
    await new Promise<void>(resolve => { res.on('close', resolve) })
    return STREAMED
  })
}

/** Binds the token routes. docs/api.md documents them. */
export function addTokenRoutes (server: ApiServer, tokens: TokenService): void {
  server.route('POST', '/v1/tokens', async req => {
    const body = json(req.body) as { name?: unknown, role?: unknown } | null
    if (typeof body?.name !== 'string') throw badRequest('send { "name": "…", "role": "admin" | "read-only" }')
    return await tokens.create(body.name, typeof body.role === 'string' ? body.role : 'admin')
  })
  server.route('GET', '/v1/tokens', async () => await tokens.list())
  server.route('DELETE', '/v1/tokens/:name', async req => await tokens.revoke(req.params.name!))
}

function json (body: Buffer): unknown {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'))
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object')
    return value
  } catch {
    throw badRequest('request body must be a JSON object')
  }
}

function text (body: Buffer): string {
  if (body.length === 0) throw badRequest('request body is empty: send the app as YAML or JSON')
  return body.toString('utf8')
}
