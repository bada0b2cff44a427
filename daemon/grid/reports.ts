import { TopicValidatorResult, type Message } from '@libp2p/gossipsub'
import type { Logger } from 'pino'
import type { Clock, Timer } from '../../controller/clock/index.ts'
import type { MeshHost } from '../mesh/index.ts'
import { acceptAdvert, type AdvertStamp } from '../resources/index.ts'
import { trellis } from '../../proto/gen/trellis.js'
import { DropCounters } from './counters.ts'
import { appOf } from '../../controller/graph/index.ts'

/** Gossip topic of instance reports. */
export const INSTANCES_TOPIC = 'trellis/instances/1'
/** Largest report accepted, in bytes: about a thousand instances and their events. */
export const MAX_REPORT_BYTES = 256 * 1024
/** How often a node reports what it runs, in ms. */
const REPORT_INTERVAL_MS = 2000
/** Events kept per report. */
const REPORT_EVENTS = 50

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

/**
 * Instance status and events of every node, by gossip: each node publishes
 * what its supervisor knows every few seconds, and keeps the latest report
 * of every other node, so `describe app` works on any node. Soft state: a
 * lost report is replaced by the next.
 */
export class InstanceReports {
  readonly #c: { host: MeshHost, clock: Clock, logger: Logger, local: () => LocalReport }
  readonly #init: { selfId: string, incarnation: number }
  readonly #reports = new Map<string, { stamp: AdvertStamp, instances: Map<string, InstanceState>, events: InstanceEvent[], syncs: VolumeSync[] }>()
  readonly #decoded = new WeakMap<Message, trellis.mesh.InstanceReport>()
  readonly drops = new DropCounters()
  #timer: Timer | undefined
  #sequence = 0
  #stopped = false

  constructor (components: { host: MeshHost, clock: Clock, logger: Logger, local: () => LocalReport }, init: { selfId: string, incarnation: number }) {
    this.#c = components
    this.#init = init
  }

  start (): void {
    const pubsub = this.#c.host.libp2p.services.pubsub
    pubsub.topicValidators.set(INSTANCES_TOPIC, (peer, msg) => this.#validate(peer.toString(), msg))
    pubsub.addEventListener('message', evt => { this.#receive(evt.detail) })
    pubsub.subscribe(INSTANCES_TOPIC)
    const loop = (): void => {
      if (this.#stopped) return
      this.#publish()
      this.#timer = this.#c.clock.setTimeout(loop, REPORT_INTERVAL_MS)
    }
    loop()
  }

  stop (): void {
    this.#stopped = true
    this.#timer?.cancel()
  }

  /** An instance as its node last reported it. */
  instance (id: string, node: string): InstanceState | undefined {
    return this.#reports.get(node)?.instances.get(id)
  }

  /** Catch-ups of a volume's replicas as its primary (another node) last reported them. */
  volumeSyncs (volume: string, node: string): VolumeSync[] {
    return this.#reports.get(node)?.syncs.filter(s => s.volume === volume) ?? []
  }

  /** Recent events about an app reported by other nodes. */
  events (app: string): InstanceEvent[] {
    const all: InstanceEvent[] = []
    for (const r of this.#reports.values()) for (const e of r.events) if (appOf(e.instance) === app) all.push(e)
    return all
  }

  #publish (): void {
    const local = this.#c.local()
    const report = trellis.mesh.InstanceReport.encode({
      nodeId: this.#init.selfId,
      incarnation: this.#init.incarnation,
      sequence: ++this.#sequence,
      sentAt: Date.now(),
      instances: local.instances,
      events: local.events.slice(-REPORT_EVENTS),
      volumeSyncs: local.volumeSyncs ?? []
    }).finish()
    if (report.byteLength > MAX_REPORT_BYTES) {
      this.#c.logger.warn({ bytes: report.byteLength }, 'instance report too large to gossip')
      return
    }
    this.#c.host.libp2p.services.pubsub.publish(INSTANCES_TOPIC, report).catch(() => {})
  }

  #validate (peer: string, msg: Message): TopicValidatorResult {
    const now = Date.now()
    const drop = (reason: 'garbled' | 'impostor' | 'replayed' | 'too-large' | 'invalid', result: TopicValidatorResult): TopicValidatorResult => {
      if (this.drops.drop(reason, peer, now)) this.#c.logger.warn({ peer, reason }, 'instance report dropped')
      return result
    }
    if (msg.type !== 'signed') return drop('invalid', TopicValidatorResult.Reject)
    if (msg.data.byteLength > MAX_REPORT_BYTES) return drop('too-large', TopicValidatorResult.Reject)
    let report: trellis.mesh.InstanceReport
    try {
      report = trellis.mesh.InstanceReport.decode(msg.data)
    } catch {
      return drop('garbled', TopicValidatorResult.Reject)
    }
    const from = msg.from.toString()
    if (report.nodeId !== from) return drop('impostor', TopicValidatorResult.Reject)
    const stamp = { incarnation: Number(report.incarnation), sequence: Number(report.sequence) }
    if (!acceptAdvert(this.#reports.get(from)?.stamp, stamp)) return drop('replayed', TopicValidatorResult.Ignore)
    this.#decoded.set(msg, report)
    return TopicValidatorResult.Accept
  }

  #receive (msg: Message): void {
    const report = this.#decoded.get(msg)
    if (report === undefined || this.#stopped) return
    const stamp = { incarnation: Number(report.incarnation), sequence: Number(report.sequence) }
    const previous = this.#reports.get(report.nodeId)
    if (previous !== undefined && !acceptAdvert(previous.stamp, stamp)) return
    this.#reports.set(report.nodeId, {
      stamp,
      instances: new Map(report.instances.map(i => [i.id ?? '', i as InstanceState])),
      events: report.events as InstanceEvent[],
      syncs: report.volumeSyncs as VolumeSync[]
    })
  }
}
