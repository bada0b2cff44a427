/**
 * One simulated node: its machine (a SimHost, whose tasks die with a power
 * cut), its daemon's sim driver (remade on every daemon restart, re-adopting
 * through recover), its heartbeat rhythm and battery, and the node agent's
 * loop that follows committed placements, as daemon/agent does: start what is
 * placed here, stop what is not, and fence stateful instances once cut off
 * from the leader.
 */
import type { Clock } from '../../../controller/clock/index.ts'
import type { PlacementRecord } from '../../../controller/state/index.ts'
import { SimDriver, SimHost } from '../../../daemon/runtime/sim/index.ts'
import type { TaskHandle } from '../../../daemon/runtime/index.ts'
import { FENCED_WITHIN_MS } from '../../../controller/reconciler/index.ts'
import type { NodeFacts } from './world.ts'

/** A node cut off from the quorum stops its stateful instances after this long: the latest the daemon's SelfFence acts. */
export const FENCE_MS = FENCED_WITHIN_MS
/** Grace between SIGTERM and SIGKILL when the agent stops an instance. */
export const STOP_GRACE_MS = 5_000 // ms

/** What the agent needs from the grid for one pass. */
export interface SyncInput {
  now: number
  /** Committed placements on this node, or undefined when the node cannot hear the leader (keeps its last view). */
  placements: PlacementRecord[] | undefined
  command: (instance: string) => string[]
  stateful: (instance: string) => boolean
}

/** A simulated machine with its daemon. */
export class SimNode {
  readonly facts: NodeFacts
  readonly host: SimHost
  readonly #clock: Clock
  /** The machine has power. */
  alive = true
  /** The daemon process runs (false while it restarts). */
  daemonUp = true
  /** Cut off from the leader (partition); heartbeats do not arrive and commits are not seen. */
  cutOff = false
  cutOffAt = 0
  incarnation = 1
  seq = 0
  nextHeartbeatAt = 0
  /** Battery charge now, percent; undefined on mains. */
  charge: number | undefined
  drainPerMs = 0
  /** Power as the leader last heard it in an advert. */
  advertised: { source: 'mains' | 'battery', chargePercent?: number }
  driver: SimDriver
  /** Task handles the daemon persisted; they survive a daemon restart (on disk) and a power cut. */
  readonly handles = new Map<string, TaskHandle>()
  /** The placements on this node as the agent last saw them committed. */
  view = new Map<string, PlacementRecord>()
  readonly #busy = new Set<string>()
  /** Starts made by the agent, for the summary. */
  starts = 0

  constructor (components: { clock: Clock }, init: { facts: NodeFacts }) {
    this.#clock = components.clock
    this.facts = init.facts
    this.host = new SimHost({ clock: this.#clock }, { name: init.facts.id })
    this.driver = new SimDriver({ clock: this.#clock, host: this.host })
    this.charge = init.facts.power.chargePercent
    this.advertised = { ...init.facts.power }
  }

  /** Whether heartbeats from this node reach the leader. */
  get heard (): boolean {
    return this.alive && this.daemonUp && !this.cutOff
  }

  /** The machine loses power: tasks die, the daemon with them. */
  powerOff (): void {
    this.alive = false
    this.daemonUp = false
    this.host.powerOff()
  }

  /** Power returns: the daemon boots with a higher incarnation and re-adopts what it can (nothing, after a power cut). */
  async powerOn (now: number): Promise<void> {
    this.alive = true
    if (this.charge !== undefined && this.charge <= 0) this.charge = 100
    await this.restartDaemon(now)
  }

  /** The daemon process dies; the machine and its tasks stay. */
  crashDaemon (): void {
    this.daemonUp = false
  }

  /** The daemon comes back: a new driver over the same machine, recovering every persisted handle. */
  async restartDaemon (now: number): Promise<void> {
    this.daemonUp = true
    this.incarnation++
    this.seq = 0
    this.nextHeartbeatAt = now
    this.#busy.clear()
    this.driver = new SimDriver({ clock: this.#clock, host: this.host })
    for (const [id, handle] of [...this.handles]) {
      if (!await this.driver.recover(handle)) this.handles.delete(id)
    }
  }

  /** Whether an instance runs here and has been up at least startupMs. */
  serving (instance: string, now: number, startupMs: number): boolean {
    if (!this.alive || !this.daemonUp) return false
    const status = this.driver.inspect(instance)
    return status?.state === 'running' && now - status.startedAt >= startupMs
  }

  /** One pass of the node agent. */
  sync (input: SyncInput): void {
    if (!this.alive || !this.daemonUp) return
    if (input.placements !== undefined) this.view = new Map(input.placements.map(p => [p.instance, p]))
    const fenced = this.cutOff && input.now - this.cutOffAt >= FENCE_MS
    for (const id of this.driver.running()) {
      if (this.#busy.has(id)) continue
      if (!this.view.has(id) || (fenced && input.stateful(id))) this.#stop(id)
    }
    for (const id of this.view.keys()) {
      if (this.#busy.has(id) || (fenced && input.stateful(id))) continue
      const status = this.driver.inspect(id)
      if (status?.state === 'running') continue
      this.#start(id, input.command(id), status !== undefined)
    }
  }

  #start (id: string, command: string[], wasThere: boolean): void {
    this.#busy.add(id)
    const driver = this.driver
    this.starts++
    void (async () => {
      if (wasThere) await driver.destroy(id)
      const handle = await driver.start({ id, command, cwd: '/', env: {}, resources: { cpu: 0, memory: 0 }, logDir: '/' })
      if (driver === this.driver) this.handles.set(id, handle)
    })().catch(() => {}).finally(() => { if (driver === this.driver) this.#busy.delete(id) })
  }

  #stop (id: string): void {
    this.#busy.add(id)
    const driver = this.driver
    this.handles.delete(id)
    void driver.stop(id, STOP_GRACE_MS).then(async () => { await driver.destroy(id) }).catch(() => {})
      .finally(() => { if (driver === this.driver) this.#busy.delete(id) })
  }
}
