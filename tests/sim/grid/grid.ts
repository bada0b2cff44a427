/**
 * The simulated grid: nodes, the leader's failure detector fed by their
 * heartbeats, the state machine, and the leader's reconcile loop, all real
 * code except the machines (SimHost/SimDriver) and the network (a heartbeat
 * arrives unless its node is dead, restarting or cut off). Raft is left out:
 * commands are applied in order to one state, as the committed log would
 * apply them; the log's own safety is tests/sim/raft's to show.
 */
import { pino } from 'pino'
import type { Clock } from '../../../controller/clock/index.ts'
import { appOf, componentOf, parseInstanceId } from '../../../controller/graph/index.ts'
import { MembershipTable, detectorPreset } from '../../../daemon/membership/index.ts'
import type { DetectorSettings, MembershipEvent } from '../../../daemon/membership/index.ts'
import { ReconcileLoop, type Decision, type PowerDecision, type SensedNode } from '../../../controller/reconciler/index.ts'
import { schedule as realSchedule } from '../../../controller/scheduler/index.ts'
import type { ScheduleRequest, ScheduleResult } from '../../../controller/scheduler/types.ts'
import { adminOf, apply, emptyState, putApp, setNodeAdmin, setPower, type ApplyResult, type Command, type GridState, type LeadingLog, type PlacementRecord } from '../../../controller/state/index.ts'
import { SimNode } from './node.ts'
import { mulberry32, SeededRandom } from '../../../controller/random/index.ts'
import { SimVolumes } from './volumes.ts'
import type { Scenario, TimelineEntry } from './types.ts'
import { commandKey, worldOf, type World } from './world.ts'

/** How long an instance must run before it counts as serving (a health check's first pass). */
export const STARTUP_MS = 500 // ms
/** Heartbeat jitter either way, as a fraction of the interval: nodes drift apart as real ones do. */
const JITTER = 0.1
/** One-way heartbeat latency bound, ms: a LAN hop. */
const MAX_LATENCY_MS = 5

/** What a Grid needs. */
export interface GridComponents {
  clock: Clock
}

/** How a Grid is set up. */
export interface GridInit {
  scenario: Scenario
  seed: number
  schedule?: (request: ScheduleRequest) => ScheduleResult
}

/** The world of one run. */
export class Grid {
  readonly clock: Clock
  readonly world: World
  readonly settings: Readonly<DetectorSettings>
  readonly nodes: SimNode[]
  readonly byId: Map<string, SimNode>
  readonly table: MembershipTable
  readonly state: GridState = emptyState()
  readonly timeline: TimelineEntry[] = []
  readonly rng: SeededRandom
  readonly #net: SeededRandom
  readonly loop: ReconcileLoop
  /** The latest decision per app: what the planner last said of it. */
  readonly lastDecision = new Map<string, Decision>()
  /** Placements that changed node in the last round (new or moved), for the invariants. */
  landed: PlacementRecord[] = []
  moved = 0
  #index = 0
  /** instance → whether it has a volume (stateful: fenced when cut off, must never run twice). */
  readonly #stateful = new Map<string, boolean>()
  readonly #volumes = new SimVolumes()

  constructor (components: GridComponents, init: GridInit) {
    this.clock = components.clock
    this.world = worldOf(init.scenario)
    this.settings = detectorPreset(init.scenario.detector ?? 'lan')
    const root = new SeededRandom(init.seed)
    this.rng = root.fork()
    this.#net = root.fork()
    this.table = new MembershipTable({ settings: this.settings, rng: mulberry32(Math.floor(root.next() * 4294967296)), self: 'leader' })
    this.nodes = this.world.nodes.map(facts => new SimNode({ clock: this.clock }, { facts }))
    this.byId = new Map(this.nodes.map(n => [n.facts.id, n]))
    for (const n of this.nodes) n.nextHeartbeatAt = Math.floor(this.#net.next() * this.settings.heartbeatMs)
    const schedule = init.schedule ?? realSchedule
    // The daemon's reconcile loop, run as is; its log is this single in-order state, always led here.
    const log: LeadingLog = {
      state: this.state,
      propose: async (command: Command): Promise<ApplyResult> => this.commit(command),
      leads: () => true,
      onApplied: () => () => {}
    }
    this.loop = new ReconcileLoop({
      log,
      clock: this.clock,
      logger: pino({ level: 'silent' }),
      images: this.world.images,
      schedule,
      nodes: () => this.leaderView(),
      ready: instance => this.ready(instance),
      nameOf: id => this.byId.get(id)?.facts.name ?? id,
      record: () => {},
      power: init.scenario.power,
      // Wake-on-LAN: the machine boots.
      wake: async id => {
        const node = this.byId.get(id)
        if (node === undefined || node.alive) return
        await node.powerOn(this.clock.now())
        this.say('wake', `${id} boots (incarnation ${node.incarnation})`)
      }
    })
    if (init.scenario.power !== undefined) this.commit(setPower({ consolidate: init.scenario.power.consolidate }))
    for (const app of this.world.apps) this.commit(putApp(app, JSON.stringify(app), ''))
  }

  /** Applies one command to the state, as a committed log entry would be. */
  commit (command: Command): ApplyResult {
    const result = apply(this.state, ++this.#index, command)
    if (result.kind === 'app-placed' && result.applied) this.moved += result.moved.length
    return result
  }

  /** Number of commands applied. */
  get commands (): number {
    return this.#index
  }

  /** Records a line of the timeline. */
  say (kind: string, detail: string): void {
    this.timeline.push({ at: this.clock.now(), kind, detail })
  }

  /** Nodes as the leader's reconciler sees them: heard-of nodes only, with the detector's verdict, the last advert's power and admin state. */
  leaderView (): SensedNode[] {
    const out: SensedNode[] = []
    for (const n of this.nodes) {
      const state = this.table.state(n.facts.id)
      if (state === undefined) continue
      const f = n.facts
      out.push({ id: f.id, name: f.name, zone: f.zone, labels: f.labels, state, ...adminOf(this.state, f.id), power: n.advertised, capabilities: f.capabilities, capacity: f.capacity })
    }
    return out
  }

  /** Whether an instance is serving on the node it is placed on. */
  ready (instance: string): boolean {
    const p = this.state.placements.get(instance)
    const node = p === undefined ? undefined : this.byId.get(p.node)
    return node !== undefined && node.serving(instance, this.clock.now(), STARTUP_MS)
  }

  /** Whether an instance has a volume. */
  stateful (instance: string): boolean {
    let v = this.#stateful.get(instance)
    if (v === undefined) {
      const app = this.state.apps.get(appOf(instance))
      v = app !== undefined && (componentOf(app.spec, instance)?.volumes.length ?? 0) > 0
      this.#stateful.set(instance, v)
    }
    return v
  }

  /** The sim command of an instance. */
  command (instance: string): string[] {
    const name = parseInstanceId(instance)
    return (name === undefined ? undefined : this.world.commands.get(commandKey(name.app, name.component))) ?? ['sim', 'run']
  }

  /** Delivers the heartbeats due by `now` to the leader's table, then ticks it; reports its transitions. */
  heartbeats (now: number): MembershipEvent[] {
    const due: Array<{ at: number, node: SimNode }> = []
    for (const n of this.nodes) {
      while (n.nextHeartbeatAt <= now) {
        const sent = n.nextHeartbeatAt
        n.nextHeartbeatAt = sent + Math.round(this.settings.heartbeatMs * (1 + JITTER * (2 * this.#net.next() - 1)))
        if (!n.heard) continue
        n.seq++
        n.advertised = n.charge === undefined ? { ...n.facts.power } : { source: 'battery', chargePercent: Math.max(0, Math.floor(n.charge)) }
        due.push({ at: Math.min(now, sent + this.#net.int(MAX_LATENCY_MS + 1)), node: n })
      }
    }
    due.sort((a, b) => a.at - b.at || (a.node.facts.id < b.node.facts.id ? -1 : 1))
    const events: MembershipEvent[] = []
    for (const { at, node } of due) {
      events.push(...this.table.step({ type: 'heartbeat', peer: node.facts.id, incarnation: node.incarnation, at, seq: node.seq }).events)
    }
    events.push(...this.table.step({ type: 'tick', now }).events)
    return events
  }

  /** One node-agent pass on every node. */
  agents (now: number): void {
    const byNode = new Map<string, PlacementRecord[]>()
    for (const p of this.state.placements.values()) {
      let list = byNode.get(p.node)
      if (list === undefined) { list = []; byNode.set(p.node, list) }
      list.push(p)
    }
    for (const n of this.nodes) {
      n.sync({
        now,
        placements: n.cutOff ? undefined : (byNode.get(n.facts.id) ?? []),
        command: id => this.command(id),
        stateful: id => this.stateful(id)
      })
    }
    this.#volumes.step(now, this.state, this.byId, c => this.commit(c))
  }

  /** Drains batteries; a node whose battery empties goes dark. Returns the nodes that died. */
  power (elapsedMs: number): SimNode[] {
    const died: SimNode[] = []
    for (const n of this.nodes) {
      if (n.charge === undefined || n.drainPerMs === 0 || !n.alive) continue
      n.charge = Math.max(0, n.charge - n.drainPerMs * elapsedMs)
      if (n.charge === 0) { n.powerOff(); died.push(n) }
    }
    return died
  }

  /** Puts a power decision on the timeline; a parked node powers itself off, as a node's powerOffCommand would. */
  powerChanged (d: PowerDecision): void {
    this.say(d.kind, `${d.node}: ${d.reason}`)
    const node = this.byId.get(d.node)
    if (d.kind === 'parked' && node !== undefined && node.alive) {
      node.powerOff()
      this.say('power-off', d.node)
    }
  }

  /** Records an operator's cordon, uncordon or drain, through the state machine. */
  admin (node: string, kind: 'cordon' | 'uncordon' | 'drain'): void {
    this.commit(setNodeAdmin(node, { cordoned: kind !== 'uncordon', draining: kind === 'drain' }))
  }
}
