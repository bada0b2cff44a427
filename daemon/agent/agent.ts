import type { Logger } from 'pino'
import type { Catalog } from '../../controller/catalog/types.ts'
import type { AppSpec } from '../../controller/graph/types.ts'
import { appOf, instanceId, subjectId } from '../../controller/graph/index.ts'
import type { CommandLog } from '../../controller/state/index.ts'
import type { TerminalNetwork } from '../network/terminals.ts'
import type { Store } from '../store/index.ts'
import type { VolumeAttacher } from '../volumes/index.ts'
import { LOCAL_HOST } from './env.ts'
import { AppEntries, type EntryView } from './entries.ts'
import { planInstances, wantedPlan, type InstancePlan, type Placement } from './plan.ts'
import type { ImageSource, InstanceIsolator, InstanceRunner } from './runner.ts'
import type { HandleStore } from './handles.ts'
import { LocalInstances } from './local-instances.ts'
import type { InstanceStatus } from '../runtime/index.ts'

/** Pause before a failed instance set-up is tried again, ms. */
const SETUP_RETRY_MS = 2000 // ms
/** Pause between read barriers while a restarted node waits for its state to catch up with the log. */
const CATCH_UP_RETRY_MS = 1000 // ms

export interface AgentComponents {
  log: CommandLog
  catalog: Catalog
  runner: InstanceRunner
  network: TerminalNetwork
  volumes: VolumeAttacher
  /** Who each instance runs as, its private dirs, its volume's ownership, the code paths it is given. */
  isolation: InstanceIsolator
  /** Unpacks (and first fetches) the images of the grid's catalog; absent, images are folders on disk. */
  images?: ImageSource
  store: Store
  logger: Logger
  /** Where the agent's events go (daemon/events GridEvents): what its instances did, for describe and the event stream. */
  events: EventRecorder
}

/** Takes an event about an instance (or `<app>.<what>`), at a time in ms since the epoch. */
export interface EventRecorder {
  record (subject: string, kind: string, detail: string, at: number): unknown
}

export interface AgentInit {
  nodeId: string
  /** For people: events name the node by it. */
  nodeName: string
  logDir: string
  /** Host entries are published on. */
  entryHost: string
  /** Grace between the stop signal and SIGKILL when an instance is stopped, in ms, unless its image says otherwise. */
  stopGraceMs: number
  /** Which node runs each instance; default: this one. */
  place?: Placement
  /**
   * Failed restarts in a row after which the supervisor gives up on an
   * instance (state `failed`), so that the grid moves it elsewhere. Unset:
   * restart forever, as a lone node must.
   */
  maxRestarts?: number
}

/** Status of one instance as `describe app` shows it. */
export interface InstanceView {
  id: string
  component: string
  node: string
  addresses: Record<string, string>
  /** The supervisor's view, when the instance runs here. */
  status?: InstanceStatus
  /** The configuration it should run now (a fingerprint); undefined when its image is not in the catalog. */
  wanted?: string
  /** The configuration it runs here, when it runs here. */
  running?: string
}

/**
 * Makes this node run what the committed state places on it: allocates
 * addresses, attaches volumes, opens output and entry forwarders, and hands
 * instances to the runner. Reconciles after every applied command and on
 * start, when it re-adopts instances an earlier daemon left running.
 */
export class NodeAgent {
  readonly #c: AgentComponents
  readonly #init: Required<AgentInit>
  readonly #local: LocalInstances
  readonly #entries: AppEntries
  #queue: Promise<void> = Promise.resolve()
  #unsubscribe: (() => void) | undefined
  #stopped = false
  /**
   * The state has caught up with the log (a read barrier passed). Until then
   * a restarted node's state can lag what was committed before it stopped
   * (the commit index is persisted lazily), so an instance missing from it
   * may only be not-yet-known: nothing is stopped or released as unwanted.
   */
  #current = false
  #fenced = false

  constructor (components: AgentComponents, init: AgentInit) {
    this.#c = components
    this.#init = { ...init, place: init.place ?? (() => init.nodeId), maxRestarts: init.maxRestarts ?? 0 }
    this.#local = new LocalInstances({
      log: components.log,
      runner: components.runner,
      network: components.network,
      volumes: components.volumes,
      isolation: components.isolation,
      store: components.store,
      logger: components.logger,
      record: (instance, kind, detail) => { this.record(instance, kind, detail) }
    }, this.#init)
    this.#entries = new AppEntries({
      network: components.network,
      logger: components.logger,
      spec: app => this.#app(app),
      place: this.#init.place,
      record: (subject, kind, detail) => { this.record(subject, kind, detail) }
    }, { host: init.entryHost })
  }

  /** The runner's persistence: where the supervisor keeps task handles for re-adoption. */
  get handleStore (): Pick<HandleStore, 'save' | 'delete'> {
    return this.#local.handleStore
  }

  async start (): Promise<void> {
    const offApplied = this.#c.log.onApplied(() => { void this.reconcile() })
    const offImages = this.#c.images?.onReady(() => { void this.reconcile() })
    this.#unsubscribe = () => { offApplied(); offImages?.() }
    if (this.#c.log.readBarrier === undefined) this.#current = true
    else void this.#catchUp(this.#c.log.readBarrier.bind(this.#c.log))
    await this.reconcile()
  }

  /** Waits for a read barrier (retrying while the grid has no quorum), then lets reconcile stop what is unwanted. */
  async #catchUp (barrier: () => Promise<number>): Promise<void> {
    while (!this.#stopped) {
      try {
        await barrier()
        this.#current = true
        void this.reconcile()
        return
      } catch {
        await new Promise(resolve => setTimeout(resolve, CATCH_UP_RETRY_MS).unref())
      }
    }
  }

  /** Brings local instances and entries in line with the state. Calls are queued, never concurrent. */
  reconcile (): Promise<void> {
    const run = this.#queue.then(async () => { if (!this.#stopped) await this.#reconcile() })
    this.#queue = run.catch(err => { this.#c.logger.error({ err }, 'reconcile failed') })
    return this.#queue
  }

  /**
   * Fences or unfences this node. A node cut off from the grid's quorum
   * stops its stateful instances (those with volumes) itself, before the
   * leader would start them elsewhere, so a volume never has two writers.
   */
  setFenced (fenced: boolean, why: string): void {
    if (fenced === this.#fenced) return
    this.#fenced = fenced
    this.#c.logger.warn({ fenced, why }, fenced ? 'fenced: stopping stateful instances' : 'unfenced')
    for (const app of this.#c.log.state.apps.keys()) this.record(subjectId(app, 'node'), fenced ? 'fenced' : 'unfenced', `${this.#init.nodeName}: ${why}`)
    if (fenced) {
      // At once and without a grace, outside the reconcile queue (which may be waiting on the
      // quorum this node just lost): the leader starts the instance elsewhere a second later.
      // Acknowledged writes are on disk, so a kill loses nothing.
      for (const l of this.#local.values()) {
        if (l.plan.spec.volumes.length > 0) void this.#c.runner.remove(l.plan.id, 0).catch(() => {})
      }
    }
    void this.reconcile()
  }

  get fenced (): boolean {
    return this.#fenced
  }

  /** Records an event about an instance (the supervisor reports through here). */
  record (instance: string, kind: string, detail: string): void {
    this.#c.events.record(instance, kind, detail, Date.now())
  }

  /** Every instance of an app with its state, addresses and node. */
  instances (app: string): InstanceView[] {
    const record = this.#c.log.state.apps.get(app)
    if (record === undefined) return []
    const views: InstanceView[] = []
    for (const component of record.spec.components) {
      const wanted = wantedPlan(this.#c.log.state, this.#c.catalog, app, component.name)
      for (let index = 0; index < component.count; index++) {
        const id = instanceId(app, component.name, index)
        const local = this.#local.get(id)
        const addresses: Record<string, string> = {}
        for (const [t, port] of Object.entries(local?.binding.inputs ?? {})) addresses[t] = `${LOCAL_HOST}:${port}`
        views.push({ id, component: component.name, node: this.#init.place(id) ?? '', addresses, status: this.#c.runner.status(id), wanted, running: local?.plan.hash })
      }
    }
    return views
  }

  /** What the instances on this node asked for, in all. */
  allocated (): { cpu: number, memory: number, disk: number } {
    const sum = { cpu: 0, memory: 0, disk: 0 }
    for (const l of this.#local.values()) {
      sum.cpu += l.plan.spec.resources.cpu
      sum.memory += l.plan.spec.resources.memory
      sum.disk += l.plan.spec.resources.disk
    }
    return sum
  }

  /** Entries of an app with the address each is published on here, and whether it could be. */
  entries (app: string): EntryView[] {
    const spec = this.#app(app)
    return spec === undefined ? [] : this.#entries.of(spec)
  }

  /** The configuration an instance runs here (its plan's fingerprint), for this node's reports. */
  runningPlan (id: string): string | undefined {
    return this.#local.get(id)?.plan.hash
  }

  /**
   * Stops reconciling. With stopInstances, also stops every instance; without,
   * they keep running for the next daemon to re-adopt.
   */
  async stop (options: { stopInstances: boolean }): Promise<void> {
    this.#stopped = true
    this.#unsubscribe?.()
    await this.#queue
    const locals = [...this.#local.values()]
    if (options.stopInstances) {
      await Promise.all(locals.map(async l => { await this.#local.teardown(l, { forget: false }) }))
      // Tasks an earlier daemon left that this one had not judged yet (its state was still
      // catching up with the log): the node stops what it runs, so these too.
      const mine = new Set(locals.map(l => l.plan.id))
      const leftovers = [...await this.#local.storedHandles()].filter(([id]) => !mine.has(id))
      await Promise.all(leftovers.map(async ([id, handle]) => { await this.#local.stopLeftover(id, handle) }))
    }
    await Promise.all([...locals.flatMap(l => l.forwarders).map(async f => { await f.close() }), this.#entries.close()])
  }

  async #reconcile (): Promise<void> {
    const state = this.#c.log.state
    const { plans: placed, missing } = planInstances(state, this.#c.catalog, this.#init.nodeId, this.#init.place)
    for (const m of missing) this.#c.logger.error({ missing: m }, 'image not in this node\'s catalog')
    // A fenced node runs no stateful instance: the majority may already run it elsewhere.
    const plans = this.#fenced ? placed.filter(p => p.spec.volumes.length === 0) : placed
    const wanted = new Map(plans.map(p => [p.id, p]))
    for (const local of [...this.#local.values()]) {
      const plan = wanted.get(local.plan.id)
      if (plan !== undefined && plan.hash === local.plan.hash) continue
      const appGone = !state.apps.has(local.plan.app)
      this.record(local.plan.id, 'stopping', plan === undefined ? 'no longer wanted here' : 'its configuration changed')
      await this.#local.teardown(local, { forget: plan === undefined })
      if (appGone) await this.#local.removeVolumes(local)
    }
    const handles = await this.#local.storedHandles()
    let failed = false
    for (const wantedPlan of plans) {
      if (this.#local.has(wantedPlan.id)) continue
      // An image still on its way is not a failure: the instance starts when it lands.
      const plan = await this.#withImage(wantedPlan)
      if (plan === undefined) continue
      try {
        await this.#local.setup(plan, handles.get(plan.id))
      } catch (err) {
        failed = true
        this.#c.logger.error({ err, instance: plan.id }, 'instance could not be set up')
        this.record(plan.id, 'failed', `set-up failed: ${(err as Error).message}`)
        // Undo the half-made set-up so the next pass tries again from scratch.
        const local = this.#local.get(plan.id)
        if (local !== undefined) await this.#local.teardown(local, { forget: false }).catch(() => {})
      }
    }
    // A set-up can fail for a while (a volume's replica set changing, no quorum yet): try again soon.
    if (failed && !this.#stopped) setTimeout(() => { void this.reconcile() }, SETUP_RETRY_MS).unref()
    // Handles of instances nobody wants any more (left by an earlier daemon): stop them, once the state is known to be current.
    if (this.#current) {
      for (const [id, handle] of handles) {
        if (!wanted.has(id)) await this.#local.stopLeftover(id, handle)
      }
      // Uids and homes of instances no longer placed here go, now that their processes have.
      await this.#c.isolation.retain(new Set(placed.map(p => p.id)))
    }
    await this.#entries.reconcile([...state.apps.values()].map(a => a.spec))
  }

  /** The plan with its image's folder on this node, or undefined while the image is fetched. */
  async #withImage (plan: InstancePlan): Promise<InstancePlan | undefined> {
    const digest = plan.image.digest
    if (digest === undefined || this.#c.images === undefined) return plan
    try {
      const dir = await this.#c.images.local(digest, plan.id)
      return dir === undefined ? undefined : { ...plan, image: { ...plan.image, dir } }
    } catch (err) {
      this.#c.logger.error({ err, instance: plan.id }, 'image not available')
      this.record(plan.id, 'failed', `image ${plan.image.name}@${plan.image.version}: ${(err as Error).message}`)
      return undefined
    }
  }

  #app (name: string): AppSpec | undefined {
    return this.#c.log.state.apps.get(name)?.spec
  }
}
