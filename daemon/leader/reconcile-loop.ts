import type { Logger } from 'pino'
import type { Clock, Timer } from '../../controller/clock/index.ts'
import { plan, planVolumes, usedByNode, type Decision, type PlanNode, type VolumeDecision } from '../../controller/reconciler/index.ts'
import type { ImageLookup, ScheduleRequest, ScheduleResult } from '../../controller/scheduler/types.ts'
import { placeApp, updateVolume, type GridState } from '../../controller/state/index.ts'
import { statefulInstanceId, subjectId } from '../../controller/graph/index.ts'
import type { RaftCommandLog } from '../consensus/index.ts'

/** How often the leader looks for work, in ms. */
const ROUND_MS = 1000
/**
 * How long a down node's stateful instances wait before they move, in ms,
 * counted from the last heartbeat heard from the node: longer than a cut-off
 * node takes to fence itself and kill them (FENCE_AFTER_MS plus one check,
 * about 4.5 s), with a second of margin. Writes are safe whatever the timing
 * (the volume's generation fences the old primary); this keeps the old copy
 * from answering reads while the new one starts.
 */
export const STATEFUL_GRACE_MS = 5500

export interface ReconcileLoopComponents {
  raft: RaftCommandLog
  clock: Clock
  logger: Logger
  images: ImageLookup
  schedule: (request: ScheduleRequest) => ScheduleResult
  /**
   * The grid's nodes as this node sees them (adverts, failure detector), without
   * admin state; lastHeard (by this node's clock) dates a down node's silence.
   */
  nodes: () => Array<Omit<PlanNode, 'cordoned' | 'draining'> & { lastHeard?: number }>
  /** Whether an instance is up and healthy now (from instance reports). */
  ready: (instance: string) => boolean
  /** Whether an instance's node gave up restarting it (from instance reports). */
  failed?: (instance: string) => boolean
  /** A node's name for events, when known. */
  nameOf: (id: string) => string | undefined
  /** Says something about an instance, for `describe app` (placed, moved, unschedulable). */
  record: (instance: string, kind: string, detail: string) => void
  /** How long a volume member's node may be down before its replica is replaced, ms; default the planner's. */
  replicaReplaceMs?: number
}

/**
 * The leader's reconciler: every round, on the leader only, asks the pure
 * planner what to place and commits each plan as one PlaceApp. Every node
 * runs the loop, so a new leader takes over at once; a follower's rounds do
 * nothing.
 */
export class ReconcileLoop {
  readonly #c: ReconcileLoopComponents
  readonly #said = new Map<string, string>()
  readonly #downSince = new Map<string, number>()
  #timer: Timer | undefined
  #round = 0
  #stopping: Promise<void> | undefined
  #busy: Promise<void> = Promise.resolve()

  constructor (components: ReconcileLoopComponents) {
    this.#c = components
  }

  start (): void {
    const loop = (): void => {
      if (this.#stopping !== undefined) return
      this.#busy = this.round().then(() => {}, err => { this.#c.logger.warn({ err }, 'reconcile round failed') })
      void this.#busy.finally(() => { if (this.#stopping === undefined) this.#timer = this.#c.clock.setTimeout(loop, ROUND_MS) })
    }
    this.#timer = this.#c.clock.setTimeout(loop, ROUND_MS)
  }

  /** One round; returns what it decided (committed or said). */
  async round (): Promise<Array<Decision | VolumeDecision>> {
    const state: GridState = this.#c.raft.state
    // Down clocks run on every node, so a leader elected after a failure knows how long the node has been gone.
    const now = this.#c.clock.now()
    const nodes: PlanNode[] = this.#c.nodes().map(n => {
      if (n.state === 'down' || n.state === 'left') { if (!this.#downSince.has(n.id)) this.#downSince.set(n.id, now) } else this.#downSince.delete(n.id)
      // Silence counts from the last heartbeat when the detector knows it, else from the down verdict.
      const since = n.state === 'down' && n.lastHeard !== undefined ? Math.min(n.lastHeard, this.#downSince.get(n.id) ?? Infinity) : this.#downSince.get(n.id)
      const { lastHeard: _heard, ...view } = n
      return {
        ...view,
        cordoned: state.nodes.get(n.id)?.cordoned ?? false,
        draining: state.nodes.get(n.id)?.draining ?? false,
        ...(since !== undefined ? { downForMs: now - since } : {})
      }
    })
    if (this.#c.raft.status().role !== 'leader') return []
    const decisions = plan({ state, nodes, images: this.#c.images, schedule: this.#c.schedule, ready: this.#c.ready, failed: this.#c.failed, seed: ++this.#round, statefulGraceMs: STATEFUL_GRACE_MS })
    for (const d of decisions) {
      if (this.#stopping !== undefined) break
      if (d.kind === 'unschedulable') {
        const text = Object.entries(d.explanations).map(([, e]) => e).join('; ')
        // Say it once per app version and reason, not every second.
        if (this.#said.get(d.app) !== `${d.appVersion}/${text}`) {
          this.#said.set(d.app, `${d.appVersion}/${text}`)
          this.#c.logger.warn({ app: d.app, explanations: d.explanations }, 'app cannot be placed')
          this.#c.record(subjectId(d.app, 'placement'), 'unschedulable', text)
        }
        continue
      }
      this.#said.delete(d.app)
      const result = await this.#c.raft.propose(placeApp(d.app, d.appVersion, d.placements, d.reason, d.volumes))
      if (result.kind === 'app-placed' && !result.applied && result.why !== undefined) this.#c.logger.warn({ app: d.app, why: result.why }, 'placement refused')
      if (result.kind === 'app-placed' && result.applied) {
        this.#c.logger.info({ app: d.app, reason: d.reason, moved: d.moved }, 'app placed')
        for (const p of d.placements) {
          if (d.moved.includes(p.instance)) this.#c.record(p.instance, 'moved', `to ${this.#c.nameOf(p.node) ?? p.node}: ${d.reason}`)
        }
        this.#c.record(subjectId(d.app, 'placement'), 'placed', `${d.placements.length} instances: ${d.reason}`)
      }
    }
    const used = usedByNode(this.#c.raft.state)
    const volumes = planVolumes({
      state: this.#c.raft.state,
      nodes: nodes.map(n => ({ ...n, used: used.get(n.id) ?? { cpu: 0, memory: 0, disk: 0 } })),
      replaceAfterMs: this.#c.replicaReplaceMs,
      images: this.#c.images,
      seed: this.#round
    })
    for (const d of volumes) {
      if (this.#stopping !== undefined) break
      const result = await this.#c.raft.propose(updateVolume(d.volume, d.generation, d.change, d.reason))
      if (result.kind !== 'volume-updated' || !result.applied) continue
      this.#c.logger.info({ volume: d.volume, change: d.change, reason: d.reason }, 'volume members changed')
      const v = this.#c.raft.state.volumes.get(d.volume)
      if (v !== undefined) this.#c.record(statefulInstanceId(v.app, v.component), 'volume-members', `${d.volume}: ${d.reason}`)
    }
    return [...decisions, ...volumes]
  }

  stop (): Promise<void> {
    this.#stopping ??= (async () => {
      this.#timer?.cancel()
      await this.#busy
    })()
    return this.#stopping
  }
}
