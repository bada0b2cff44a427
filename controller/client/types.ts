/**
 * The admin API's data, as the daemon sends it and the client reads it.
 * docs/api.md lists the routes that carry them.
 */

export interface NodeView {
  id: string
  name: string
  /** As the answering node sees it. */
  state: 'up' | 'suspect' | 'down' | 'left'
  /**
   * What operators (or the power policy) said: cordoned nodes take nothing new, draining nodes are being
   * emptied, parking ones are being emptied to be parked, parked ones are kept empty to be powered off.
   */
  admin?: 'cordoned' | 'draining' | 'parking' | 'parked'
  /** MAC address Wake-on-LAN wakes it at, from its advert; absent when unknown. */
  wakeMac?: string
  /** The node answering the request. */
  self: boolean
  version: string
  /** Mesh addresses, or `local` for a node without a grid. */
  address: string
  zone: string
  labels: Record<string, string>
  power: { source: 'mains' | 'battery' | 'unknown', chargePercent?: number, charging: boolean }
  /** Bumped on every start of the node's daemon. */
  incarnation: number
  cpu: { cores: number, model: string, load1: number, allocated: number }
  memory: { total: number, free: number, allocatable: number, allocated: number }
  disk: { total: number, free: number }
  /** e.g. driver:process, volume-mount, cgroup-limits */
  capabilities: string[]
  /** Why a capability is missing or limited, when it is. */
  notes: string[]
  lastSeen: number
  /** On the answering node: gossip messages it dropped, by reason (garbled, impostor, replayed, rate-limited, ...). */
  drops?: Record<string, number>
  /** Another node, as the answering node hears it: heartbeats by datagram lately, or by gossip only (UDP blocked or lossy one way). */
  heartbeats?: 'datagram' | 'gossip'
}

/** The grid's power policy and its parked nodes (GET/PUT /v1/power). */
export interface PowerView {
  /** Consolidation on: idle nodes are emptied and parked, one at a time. */
  consolidate: boolean
  /** The thresholds the leader applies, percent of the active nodes' cpu or memory. */
  lowPercent: number
  highPercent: number
  minActiveNodes: number
  /** Nodes parked or being parked, with their state (a parked node that is down is off). */
  parked: Array<{ id: string, name: string, state: NodeView['state'], admin: 'parking' | 'parked', wakeMac?: string }>
}

/** What a park or unpark did. */
export interface ParkView {
  node: string
  admin: 'parking' | 'parked' | 'schedulable'
  /** A Wake-on-LAN packet was sent (unpark of a node that is down, with a known MAC). */
  woken?: boolean
}

export interface GraphIssueView {
  path: string
  code: string
  message: string
  line?: number
  column?: number
}

export interface ValidateView {
  ok: boolean
  issues: GraphIssueView[]
}

export interface ApplyView {
  name: string
  version: number
  /** The app's revision now (1 when created, +1 for every change). */
  revision?: number
  change: 'created' | 'updated' | 'unchanged'
}

export interface InstanceStatusView {
  id: string
  component: string
  /** Id of the node running it. */
  node: string
  /** Name of that node, when known. */
  nodeName?: string
  state: string
  pid?: number
  restarts: number
  /** none: the image has no health check; unknown: no verdict yet. */
  health: 'none' | 'unknown' | 'healthy' | 'unhealthy'
  /** Serving: healthy by its check, or running when it has none. */
  ready: boolean
  since?: number
  lastExit?: { code: number | null, signal: string | null, oomKilled: boolean }
  addresses: Record<string, string>
  /** It runs the app's present configuration (after an apply, false until it has been restarted with it). */
  current: boolean
}

export interface AppSummaryView {
  name: string
  version: number
  /** 1, 2, 3…: counts this app's changes (the version is the log index, shared by the whole grid). */
  revision: number
  components: number
  instances: number
  running: number
  healthy: number
  /** healthy: every instance healthy and every entry published; degraded: some; down: none; starting: none yet but none failed */
  status: 'healthy' | 'degraded' | 'starting' | 'down'
  /** Instances running the present configuration: an apply has rolled out when this is `instances`. */
  updated: number
  entries: string[]
  /** Entries the answering node could not publish, with why (`http: port 8080: EADDRINUSE`). */
  entryErrors: string[]
}

export interface AppEventView {
  at: number
  /** What it is about: an instance id, or `<app>.placement`, `<app>.entry.<name>`, the app's name. */
  instance: string
  kind: string
  detail: string
  /** The node that recorded it, by name. */
  node?: string
}

/** One grid event (`GET /v1/events`): an instance's, an app's or a node's. */
export interface EventView {
  /** The serving node's number for it, increasing; the id of a server-sent event (Last-Event-ID resumes after it). */
  id: number
  /** ms since the epoch, by the recording node's clock. */
  at: number
  kind: string
  /** '' for grid events (nodes, images). */
  app: string
  subject: string
  detail: string
  /** The node that recorded it: name and id. */
  node: string
  nodeId: string
}

/** An app's graph as the console draws it: components with their images' terminals, connections, entries. */
export interface AppGraphView {
  components: Array<{
    name: string
    image: string
    count: number
    /** From the image's manifest; empty when the catalog no longer has the image. */
    terminals: Array<{ name: string, direction: 'in' | 'out', protocol: string }>
    volumes: string[]
  }>
  /** Output terminal `output` of `from` → input terminal `input` of `to`. */
  connections: Array<{ from: string, output: string, to: string, input: string }>
  entries: Array<{ name: string, port: number, to: string, input: string }>
}

export interface AppDetailView extends AppSummaryView {
  source: string
  createdIndex: number
  instanceList: InstanceStatusView[]
  entryList: Array<{ name: string, address: string, to: string, published: boolean, error?: string }>
  events: AppEventView[]
  graph: AppGraphView
}

/** One line an instance wrote, with the time its node first saw it (ms since the epoch, that node's clock). */
export interface LogLineView {
  at: number
  stream: 'stdout' | 'stderr'
  text: string
}

/** One instance's lines (`GET /v1/apps/:name/logs`). */
export interface LogsView {
  instance: string
  /** The node the lines were read on: where the committed state places the instance. */
  node?: string
  nodeName?: string
  /** The lines' text, oldest first. */
  lines: string[]
  /** The same lines with their times and streams. */
  entries: LogLineView[]
  /** What to know beside the lines: none yet, crash-looping, node unreachable. */
  notices: string[]
}

/** One record of a followed log (`…/logs?follow=true`, one JSON object a line): a line, or a notice. */
export type LogFollowView =
  | { instance: string, node: string, nodeName: string, at: number, stream: 'stdout' | 'stderr', text: string }
  | { instance: string, notice: string }

export interface ErrorBody {
  error: { code: string, message: string, details?: unknown }
}

/** One member of the grid's replicated log. */
export interface RaftPeerView {
  id: string
  name: string
  /** voter: votes and counts for commit; learner: follows the log only. */
  suffrage: 'voter' | 'learner'
  leader: boolean
  /** As the answering node's failure detector sees it. */
  state: string
}

/** The replicated log as the answering node sees it. */
export interface RaftView {
  id: string
  role: string
  leader: string | null
  term: number
  commit: number
  applied: number
  peers: RaftPeerView[]
}

/** One replica of a volume, as `trellis volume describe` shows it. */
export interface VolumeMemberView {
  id: string
  name: string
  /** The member's node, as the answering node sees it. */
  node: string
  inSync: boolean
  primary: boolean
  /** Catch-up or rebuild under way, as the primary reports it. */
  sync?: { comparedBytes: number, totalBytes: number, copiedBytes: number, startedAt: number, percent: number }
}

/** A replicated volume. */
export interface VolumeView {
  id: string
  app: string
  component: string
  sizeBytes: number
  /** Replicas wanted. */
  replicas: number
  generation: number
  /** Where it is attached; absent when nowhere. */
  primary?: { id: string, name: string }
  /**
   * healthy: every wanted replica in sync; rebuilding: a replica is being
   * caught up; degraded: fewer in sync than wanted; unavailable: no in-sync
   * replica's node is up.
   */
  state: 'healthy' | 'rebuilding' | 'degraded' | 'unavailable'
  members: VolumeMemberView[]
}

/** An image of the grid's catalog as the API shows it. */
export interface ImageView {
  name: string
  version: string
  digest: string
  /** Bytes of the bundle. */
  size: number
  chunks: number
  description: string
  driver: string
  /** Log index of the import. */
  importedIndex: number
  /** Nodes holding the whole blob. */
  holders: Array<{ id: string, name: string, state: string }>
  /** Copies the grid keeps. */
  replicas: number
  /** Apps whose present version runs it. */
  usedBy: string[]
  /** A fetch of it running on the answering node. */
  fetching?: { bytesDone: number, bytesTotal: number, rate: number, sources: Array<{ node: string, state: string, bytes: number }> }
  /** Only in `describe`: the manifest as imported. */
  manifest?: string
}

/** An API token of the grid (its secret is shown once, at creation). */
export interface TokenView {
  name: string
  role: 'admin' | 'read-only'
  /** Log index of its creation. */
  createdIndex: number
}

/** One difference between two versions of an app (controller/graph diffApps). */
export interface SpecChangeView {
  path: string
  kind: 'added' | 'removed' | 'changed'
  from?: unknown
  to?: unknown
}

/** What applying a version would do, or did: the graph's differences and what they start, restart and stop. */
export interface AppChangesView {
  changes: SpecChangeView[]
  /** Components whose running instances restart (their configuration changes). */
  restarts: string[]
  starts: string[]
  stops: string[]
}

/** One kept revision of an app. */
export interface AppRevisionView extends AppChangesView {
  revision: number
  /** The log index of its apply (the app's version number then). */
  version: number
  current: boolean
  /** The revision a rollback restored. */
  rollbackOf?: number
}

/** `trellis diff`: what applying a file would change. */
export interface DiffView extends AppChangesView {
  name: string
  /** False: the app does not exist, so applying creates it. */
  exists: boolean
  /** The present revision, when it exists. */
  revision?: number
}

/** What an import did. */
export interface ImportView {
  image: ImageView
  change: 'created' | 'unchanged'
}
