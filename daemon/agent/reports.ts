import type { Logger } from 'pino'
import { Periodic, type Clock } from '../../controller/clock/index.ts'
import { DropCounters, type Gossip, type GossipMessage, type GossipVerdict } from '../network/index.ts'
import { acceptAdvert, type AdvertStamp } from '../resources/index.ts'
import type { InstanceStatus } from '../runtime/index.ts'
import { trellis } from '../../proto/gen/trellis.js'

/** Gossip topic of instance reports. */
export const INSTANCES_TOPIC = 'trellis/instances/1'
/** Largest report accepted, in bytes: about a thousand instances and their events. */
export const MAX_REPORT_BYTES = 256 * 1024
/** How often a node reports what it runs, in ms (the lan profile's; daemon/profile). */
export const REPORT_INTERVAL_MS = 2000
/** Events carried per report: the sender's latest, so one lost report loses none of them. */
export const REPORT_EVENTS = 50

export type InstanceState = trellis.mesh.InstanceState
export type InstanceEvent = trellis.mesh.InstanceEvent
export type VolumeSync = trellis.mesh.VolumeSync

/** What this node runs now, for its report. */
export interface LocalReport {
  instances: trellis.mesh.InstanceState.$Properties[]
  events: trellis.mesh.InstanceEvent.$Properties[]
  /** Catch-ups this node runs as a volume's primary. */
  volumeSyncs?: trellis.mesh.VolumeSync.$Properties[]
}

/** What InstanceReports needs. */
export interface InstanceReportsComponents {
  gossip: Gossip
  clock: Clock
  logger: Logger
  /** What this node runs now. */
  local: () => LocalReport
  /** Told the events of every report accepted from another node (each report repeats the sender's latest; the receiver takes each once by `seq`). */
  onEvents?: (node: string, incarnation: number, events: InstanceEvent[]) => void
}

/**
 * Instance status and events of every node, by gossip: each node looks at
 * what its supervisor knows every few seconds and publishes it with its
 * latest events when it changed, at the first look after another node
 * subscribed to reports (a newcomer, or a node whose gossip stream to this
 * one just opened: gossipsub drops what it has no stream for), or when
 * `refreshMs` passed since the last report (so a lost report is replaced);
 * it keeps the latest report of every other node, so `describe app` works on
 * any node. Soft state: an event lost with a report is in the next one,
 * unless REPORT_EVENTS newer ones came between. An idle node's unchanged
 * report goes every 10 s in `lan`, every 30 s in `field`.
 */
export class InstanceReports {
  readonly #c: InstanceReportsComponents
  readonly #init: { incarnation: number, intervalMs?: number, refreshMs?: number }
  readonly #reports = new Map<string, { stamp: AdvertStamp, instances: Map<string, InstanceState>, syncs: VolumeSync[] }>()
  readonly #decoded = new WeakMap<GossipMessage, trellis.mesh.InstanceReport>()
  readonly #publishing: Periodic
  readonly drops = new DropCounters()
  #unsubscribe: (() => void) | undefined
  #sequence = 0
  #stopped = false
  /** What the last report sent said, and when it went. */
  #lastContent: Uint8Array | undefined
  #lastSentAt = -Infinity
  /** Another node subscribed since the last report sent: the next look sends, changed or not. */
  #owed = false
  #offSubscribed: (() => void) | undefined

  /**
   * `init.intervalMs`: how often this node looks at what it runs, default REPORT_INTERVAL_MS;
   * `init.refreshMs`: how long an unchanged report waits to go again, default the interval (every look).
   */
  constructor (components: InstanceReportsComponents, init: { incarnation: number, intervalMs?: number, refreshMs?: number }) {
    this.#c = components
    this.#init = init
    this.#publishing = new Periodic(
      { clock: components.clock, onError: err => { components.logger.warn({ err }, 'instance report not published') } },
      { intervalMs: init.intervalMs ?? REPORT_INTERVAL_MS, immediate: true, aligned: true, run: async () => { await this.#publish() } }
    )
  }

  start (): void {
    this.#c.gossip.validate(INSTANCES_TOPIC, msg => this.#validate(msg))
    this.#unsubscribe = this.#c.gossip.subscribe(INSTANCES_TOPIC, msg => { this.#receive(msg) })
    this.#offSubscribed = this.#c.gossip.onSubscribed(INSTANCES_TOPIC, () => { this.#owed = true })
    this.#publishing.start()
  }

  async stop (): Promise<void> {
    this.#stopped = true
    this.#unsubscribe?.()
    this.#offSubscribed?.()
    await this.#publishing.stop()
  }

  /** An instance as its node last reported it. */
  instance (id: string, node: string): InstanceState | undefined {
    return this.#reports.get(node)?.instances.get(id)
  }

  /** Catch-ups of a volume's replicas as its primary (another node) last reported them. */
  volumeSyncs (volume: string, node: string): VolumeSync[] {
    return this.#reports.get(node)?.syncs.filter(s => s.volume === volume) ?? []
  }

  async #publish (): Promise<void> {
    const local = this.#c.local()
    const content = { instances: local.instances, events: local.events.slice(-REPORT_EVENTS), volumeSyncs: local.volumeSyncs ?? [] }
    const now = this.#c.clock.now()
    const encoded = trellis.mesh.InstanceReport.encode(content).finish()
    const intervalMs = this.#init.intervalMs ?? REPORT_INTERVAL_MS
    const refreshMs = this.#init.refreshMs ?? intervalMs
    const same = this.#lastContent !== undefined && Buffer.compare(encoded, this.#lastContent) === 0
    // Half a look's slack: a timer a millisecond early must not put a due refresh off by a whole interval.
    if (same && !this.#owed && now - this.#lastSentAt + intervalMs / 2 < refreshMs) return
    // The stamp's fields, then the content as already encoded: protobuf reads concatenated messages as one.
    const stamp = trellis.mesh.InstanceReport.encode({ nodeId: this.#c.gossip.selfId, incarnation: this.#init.incarnation, sequence: ++this.#sequence, sentAt: now }).finish()
    const report = Buffer.concat([stamp, encoded])
    if (report.byteLength > MAX_REPORT_BYTES) {
      this.#c.logger.warn({ bytes: report.byteLength }, 'instance report too large to gossip')
      return
    }
    this.#lastContent = encoded
    this.#lastSentAt = now
    this.#owed = false
    await this.#c.gossip.publish(INSTANCES_TOPIC, report)
  }

  #validate (msg: GossipMessage): GossipVerdict {
    const now = this.#c.clock.now()
    const drop = (reason: 'garbled' | 'impostor' | 'replayed' | 'too-large', verdict: GossipVerdict): GossipVerdict => {
      if (this.drops.drop(reason, msg.relayedBy, now)) this.#c.logger.warn({ peer: msg.relayedBy, reason }, 'instance report dropped')
      return verdict
    }
    if (msg.data.byteLength > MAX_REPORT_BYTES) return drop('too-large', 'reject')
    let report: trellis.mesh.InstanceReport
    try {
      report = trellis.mesh.InstanceReport.decode(msg.data)
    } catch {
      return drop('garbled', 'reject')
    }
    if (report.nodeId !== msg.from) return drop('impostor', 'reject')
    const stamp = { incarnation: Number(report.incarnation), sequence: Number(report.sequence) }
    if (!acceptAdvert(this.#reports.get(msg.from)?.stamp, stamp)) return drop('replayed', 'ignore')
    this.#decoded.set(msg, report)
    return 'accept'
  }

  #receive (msg: GossipMessage): void {
    const report = this.#decoded.get(msg)
    if (report === undefined || this.#stopped) return
    const stamp = { incarnation: Number(report.incarnation), sequence: Number(report.sequence) }
    const previous = this.#reports.get(report.nodeId)
    if (previous !== undefined && !acceptAdvert(previous.stamp, stamp)) return
    this.#reports.set(report.nodeId, {
      stamp,
      instances: new Map(report.instances.map(i => [i.id ?? '', i as InstanceState])),
      syncs: report.volumeSyncs as VolumeSync[]
    })
    if (report.events.length > 0) this.#c.onEvents?.(report.nodeId, stamp.incarnation, report.events as InstanceEvent[])
  }
}

/** What a node's supervisor knows of its instances, as its report carries it. */
export function reportedInstances (instances: InstanceStatus[], planOf: (id: string) => string | undefined = () => undefined): trellis.mesh.InstanceState.$Properties[] {
  return instances.map(i => ({
    plan: planOf(i.id) ?? '',
    id: i.id,
    state: i.state,
    pid: i.pid ?? 0,
    restarts: i.restarts,
    health: i.health.status,
    since: i.since,
    exited: i.lastExit !== undefined,
    exitCode: i.lastExit?.code ?? -1,
    exitSignal: i.lastExit?.signal ?? '',
    oomKilled: i.lastExit?.oomKilled ?? false
  }))
}
