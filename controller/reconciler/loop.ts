import type { Logger } from 'pino'
import { Periodic, type Clock } from '../clock/index.ts'
import { statefulInstanceId, subjectId } from '../graph/index.ts'
import type { ImageLookup, ScheduleRequest, ScheduleResult } from '../scheduler/types.ts'
import { placeApp, setNodeAdmin, updateVolume, type LeadingLog } from '../state/index.ts'
import { consolidate, type PowerDecision, type PowerOptions } from './consolidate.ts'
import { STATEFUL_GRACE_MS } from './fencing.ts'
import { plan, usedByNode, type Decision, type PlanNode } from './plan.ts'
import { planVolumes, type VolumeDecision } from './volumes.ts'

/** How often the leader looks for work without being told of a change, ms: down clocks and health move without commits. Default. */
const ROUND_MS = 1000
/** Least pause between a round and one a commit asked for, ms: the loop's own commits ask for one, and must not make it spin. */
const POKE_GAP_MS = 50
/** How long a woken node may take to come up before another may be woken in its place, ms: a machine's boot, generously. */
const WAKE_WAIT_MS = 300_000
/** How often a woken node that is not up yet gets its wake again, ms: one UDP packet is easily lost on a field network. */
const WAKE_RESEND_MS = 30_000

/** A node as the loop is handed it: the scheduler's view with admin state, and when it was last heard. */
export type SensedNode = Omit<PlanNode, 'downForMs'> & {
  /** The failure detector's last heartbeat from the node, ms on the loop's clock; dates a down node's silence. */
  lastHeard?: number
  /** When the node last answered the leader over Raft, ms on the loop's clock (the leader's heartbeat rounds). */
  lastAnswered?: number
}

/**
 * Since when a down node counts as silent, ms: from the detector's last
 * heartbeat (or its verdict, when earlier or the only date), but never
 * before the node's last answer over Raft. A node still answering Raft is
 * in contact with the quorum and does not fence itself, so its stateful
 * instances must not move either: one rule for "gone" on both sides, the
 * later of the two channels deciding. Pure.
 */
export function silentSince (n: { state: string, lastHeard?: number, lastAnswered?: number }, downSince: number | undefined): number | undefined {
  const since = n.state === 'down' && n.lastHeard !== undefined ? Math.min(n.lastHeard, downSince ?? Infinity) : downSince
  return since === undefined || n.lastAnswered === undefined ? since : Math.max(since, n.lastAnswered)
}

export interface ReconcileLoopComponents {
  log: LeadingLog
  clock: Clock
  logger: Logger
  images: ImageLookup
  schedule: (request: ScheduleRequest) => ScheduleResult
  /** The grid's nodes as this node sees them (adverts, failure detector, admin state). */
  nodes: () => SensedNode[]
  /** Whether an instance is up and healthy now (from instance reports). */
  ready: (instance: string) => boolean
  /** Whether an instance's node gave up restarting it (from instance reports). */
  failed?: (instance: string) => boolean
  /** A node's name for events. */
  nameOf: (id: string) => string
  /** Says something about an instance, for `describe app` (placed, moved, unschedulable). */
  record: (instance: string, kind: string, detail: string) => void
  /** How long a volume member's node may be down before its replica is replaced, ms; default the planner's. */
  replicaReplaceMs?: number
  /** How long a down node's stateful instances wait before they move, ms; the profile's fencing (default lan's STATEFUL_GRACE_MS). */
  statefulGraceMs?: number
  /** Rounds apart without a change, ms. Default 1000. */
  roundMs?: number
  /** The Raft voters now: never parked. Default none. */
  voters?: () => readonly string[]
  /** Wakes a parked node that is down (Wake-on-LAN); failures are its own to log. */
  wake?: (node: string) => Promise<void>
  /** The power policy's thresholds (docs/field.md, Power); defaults the planner's. */
  power?: PowerOptions
}

/**
 * The leader's reconciler: after every committed change and every second,
 * on the leader only, asks the pure planners what to place and which volume
 * members to change, and commits each decision. Every node runs the loop, so
 * a new leader takes over at once; a follower's rounds only keep its down
 * clocks.
 */
export class ReconcileLoop {
  readonly #c: ReconcileLoopComponents
  readonly #said = new Map<string, string>()
  readonly #downSince = new Map<string, number>()
  readonly #rounds: Periodic
  #round = 0
  /** When the grid last changed power (or a node failed), ms: parking waits for the grid to settle. A new leader counts from its start. */
  #powerChangedAt: number
  /** Nodes this leader woke, when, and when it last sent the wake, until they are up. */
  readonly #woken = new Map<string, { at: number, sent: number }>()
  #unsubscribe: (() => void) | undefined
  #stopping: Promise<void> | undefined

  constructor (components: ReconcileLoopComponents) {
    this.#c = components
    this.#powerChangedAt = components.clock.now()
    this.#rounds = new Periodic(
      { clock: components.clock, onError: err => { components.logger.warn({ err }, 'reconcile round failed') } },
      { intervalMs: components.roundMs ?? ROUND_MS, pokeGapMs: POKE_GAP_MS, aligned: true, run: async () => await this.round() }
    )
  }

  start (): void {
    this.#unsubscribe = this.#c.log.onApplied(() => { this.#rounds.poke() })
    this.#rounds.start()
  }

  /** One round; returns what it decided (committed or said). */
  async round (): Promise<Array<Decision | VolumeDecision | PowerDecision>> {
    const nodes = this.#sense()
    if (!this.#c.log.leads()) return []
    const decisions = plan({ state: this.#c.log.state, nodes, images: this.#c.images, schedule: this.#c.schedule, ready: this.#c.ready, failed: this.#c.failed, seed: ++this.#round, statefulGraceMs: this.#c.statefulGraceMs ?? STATEFUL_GRACE_MS })
    for (const d of decisions) {
      if (this.#stopping !== undefined) break
      if (d.kind === 'unschedulable') this.#unschedulable(d)
      else await this.#place(d)
    }
    const used = usedByNode(this.#c.log.state)
    const volumes = planVolumes({
      state: this.#c.log.state,
      nodes: nodes.map(n => ({ ...n, used: used.get(n.id) ?? { cpu: 0, memory: 0, disk: 0 } })),
      replaceAfterMs: this.#c.replicaReplaceMs,
      images: this.#c.images,
      seed: this.#round
    })
    for (const d of volumes) {
      if (this.#stopping !== undefined) break
      await this.#changeMembers(d)
    }
    const power = this.#stopping === undefined ? this.#power(nodes, decisions) : undefined
    if (power !== undefined) await this.#changePower(power)
    return [...decisions, ...volumes, ...(power !== undefined ? [power] : [])]
  }

  stop (): Promise<void> {
    this.#stopping ??= (async () => {
      this.#unsubscribe?.()
      await this.#rounds.stop()
    })()
    return this.#stopping
  }

  /** The nodes with how long each down one has been silent. Down clocks run on every node, so a leader elected after a failure knows how long the node has been gone. */
  #sense (): PlanNode[] {
    const now = this.#c.clock.now()
    return this.#c.nodes().map(({ lastHeard, lastAnswered, ...n }) => {
      if (n.state === 'down' || n.state === 'left') {
        if (!this.#downSince.has(n.id)) {
          this.#downSince.set(n.id, now)
          // A failure unsettles the grid; a parked node switched off is what parking is for.
          if (n.parked !== true) this.#powerChangedAt = now
        }
      } else this.#downSince.delete(n.id)
      if (n.state === 'up') this.#woken.delete(n.id)
      const since = silentSince({ state: n.state, lastHeard, lastAnswered }, this.#downSince.get(n.id))
      return since !== undefined ? { ...n, downForMs: Math.max(0, now - since) } : n
    })
  }

  /** The power policy's next change, from this round's nodes and what the round could not place. */
  #power (nodes: PlanNode[], decisions: Decision[]): PowerDecision | undefined {
    const now = this.#c.clock.now()
    for (const [id, w] of this.#woken) {
      if (now - w.at >= WAKE_WAIT_MS) this.#woken.delete(id)
      else if (now - w.sent >= WAKE_RESEND_MS && this.#c.wake !== undefined) {
        w.sent = now
        // Not awaited: a resend must not hold up the round, and the wake logs its own failures.
        void this.#c.wake(id).catch((err: unknown) => { this.#c.logger.warn({ err, node: this.#c.nameOf(id) }, 'wake resend failed') })
      }
    }
    return consolidate({
      state: this.#c.log.state,
      nodes,
      images: this.#c.images,
      schedule: this.#c.schedule,
      seed: this.#round,
      voters: this.#c.voters?.() ?? [],
      unschedulable: decisions.flatMap(d => d.kind === 'unschedulable' ? [d.app] : []),
      waking: [...this.#woken.keys()],
      sinceChangeMs: now - this.#powerChangedAt,
      options: this.#c.power
    })
  }

  async #changePower (d: PowerDecision): Promise<void> {
    const admin = d.kind === 'park'
      ? { cordoned: true, draining: true, parked: true }
      : d.kind === 'parked' ? { cordoned: true, draining: false, parked: true } : { cordoned: false, draining: false, parked: false }
    const wake = d.kind === 'unpark' && d.wake && this.#c.wake !== undefined
    const reason = wake ? `${d.reason}; waking it (Wake-on-LAN)` : d.reason
    await this.#c.log.propose(setNodeAdmin(d.node, admin, reason))
    this.#powerChangedAt = this.#c.clock.now()
    this.#c.logger.info({ node: this.#c.nameOf(d.node), change: d.kind, reason }, 'node power changed')
    // A down node unparked is on its way (woken, or for someone to switch on): no other is woken for the same shortage meanwhile.
    if (d.kind === 'unpark' && d.wake) this.#woken.set(d.node, { at: this.#c.clock.now(), sent: this.#c.clock.now() })
    if (wake) await this.#c.wake!(d.node)
  }

  #unschedulable (d: Extract<Decision, { kind: 'unschedulable' }>): void {
    const text = Object.values(d.explanations).join('; ')
    // Said once per app version and reason, not every round.
    if (this.#said.get(d.app) === `${d.appVersion}/${text}`) return
    this.#said.set(d.app, `${d.appVersion}/${text}`)
    this.#c.logger.warn({ app: d.app, explanations: d.explanations }, 'app cannot be placed')
    this.#c.record(subjectId(d.app, 'placement'), 'unschedulable', text)
  }

  async #place (d: Extract<Decision, { kind: 'place' }>): Promise<void> {
    this.#said.delete(d.app)
    const result = await this.#c.log.propose(placeApp(d.app, d.appVersion, d.placements, d.reason, d.volumes))
    if (result.kind !== 'app-placed') return
    if (!result.applied) {
      if (result.why !== undefined) this.#c.logger.warn({ app: d.app, why: result.why }, 'placement refused')
      return
    }
    this.#c.logger.info({ app: d.app, reason: d.reason, moved: d.moved }, 'app placed')
    for (const p of d.placements) {
      if (d.moved.includes(p.instance)) this.#c.record(p.instance, 'moved', `to ${this.#c.nameOf(p.node)}: ${d.reason}`)
    }
    this.#c.record(subjectId(d.app, 'placement'), 'placed', `${d.placements.length} instances: ${d.reason}`)
  }

  async #changeMembers (d: VolumeDecision): Promise<void> {
    const result = await this.#c.log.propose(updateVolume(d.volume, d.generation, d.change, d.reason))
    if (result.kind !== 'volume-updated' || !result.applied) return
    this.#c.logger.info({ volume: d.volume, change: d.change, reason: d.reason }, 'volume members changed')
    const v = this.#c.log.state.volumes.get(d.volume)
    if (v !== undefined) this.#c.record(statefulInstanceId(v.app, v.component), 'volume-members', `${d.volume}: ${d.reason}`)
  }
}
