/**
 * The instances set up on this node and what the agent opened for each:
 * setting one up (its ports, output forwarders, volumes, user, and the
 * runner's start or re-adoption of a task an earlier daemon left) and
 * tearing it down again. NodeAgent decides which; this does it.
 */
import type { Logger } from 'pino'
import type { AppSpec } from '../../controller/graph/types.ts'
import { instanceId, volumeId } from '../../controller/graph/index.ts'
import type { CommandLog } from '../../controller/state/index.ts'
import type { Forwarder } from '../network/forwarder.ts'
import type { TerminalNetwork } from '../network/terminals.ts'
import type { TaskHandle } from '../runtime/driver.ts'
import { taskUser } from '../runtime/index.ts'
import type { Store } from '../store/index.ts'
import { BlockVolumeUnsupportedError, type VolumeAttacher } from '../volumes/index.ts'
import { LOCAL_HOST, type Binding } from './env.ts'
import { runSpec, stopGraceOf } from './run-spec.ts'
import { endpointsOf, type InstancePlan, type Placement } from './plan.ts'
import type { InstanceIsolator, InstanceRunner } from './runner.ts'
import { HandleStore, orphanSpec } from './handles.ts'
import { BindingStore } from './bindings.ts'
import type { InstanceAccount, VmDiskSpec } from '../runtime/index.ts'

/** What LocalInstances uses: the agent's components, and where its events go. */
export interface LocalInstancesComponents {
  log: CommandLog
  runner: InstanceRunner
  network: TerminalNetwork
  volumes: VolumeAttacher
  isolation: InstanceIsolator
  store: Store
  logger: Logger
  /** Records an event about an instance (the agent's record). */
  record: (instance: string, kind: string, detail: string) => void
}

/** The agent's settings that setting an instance up or down reads. */
export interface LocalInstancesInit {
  /** For people: events name the node by it. */
  nodeName: string
  logDir: string
  /** Grace between the stop signal and SIGKILL, in ms, unless the instance's image says otherwise. */
  stopGraceMs: number
  /** Which node runs each instance. */
  place: Placement
  /** Failed restarts in a row after which the supervisor gives up on an instance; 0: never. */
  maxRestarts: number
}

/** A running local instance and what the agent opened for it. */
export interface Local {
  plan: InstancePlan
  binding: Binding
  forwarders: Forwarder[]
  volumes: string[]
}

/**
 * Sets up and tears down the instances this node runs, keeping their ports
 * and task handles in LevelDB so that a later daemon finds them again.
 */
export class LocalInstances {
  readonly #c: LocalInstancesComponents
  readonly #init: LocalInstancesInit
  readonly #bindings: BindingStore
  readonly #handles: HandleStore
  readonly #local = new Map<string, Local>()

  constructor (components: LocalInstancesComponents, init: LocalInstancesInit) {
    this.#c = components
    this.#init = init
    this.#bindings = new BindingStore(components.store, components.logger)
    this.#handles = new HandleStore(components.store, components.logger)
  }

  /** The runner's persistence: where the supervisor keeps task handles for re-adoption. */
  get handleStore (): Pick<HandleStore, 'save' | 'delete'> {
    return this.#handles
  }

  /** The instance with this id, when it is set up here. */
  get (id: string): Local | undefined {
    return this.#local.get(id)
  }

  has (id: string): boolean {
    return this.#local.has(id)
  }

  values (): MapIterator<Local> {
    return this.#local.values()
  }

  async setup (plan: InstancePlan, handle: TaskHandle | undefined): Promise<void> {
    const log = this.#c.logger.child({ instance: plan.id })
    const binding = await this.#bindings.of(plan, this.#app(plan.app), handle !== undefined)
    const app = this.#c.log.state.apps.get(plan.app)!.spec
    const local: Local = { plan, binding, forwarders: [], volumes: [] }
    this.#local.set(plan.id, local)
    for (const [terminal, port] of Object.entries(binding.inputs)) {
      this.#c.network.registerInput(plan.id, terminal, { host: LOCAL_HOST, port })
    }
    for (const connection of plan.spec.connections) {
      const targets = (): ReturnType<typeof endpointsOf> => endpointsOf(this.#app(plan.app) ?? app, connection.component, connection.input, this.#init.place)
      const port = binding.outputs[connection.output]!
      local.forwarders.push(await this.#c.network.listen(`${plan.id}.${connection.output}`, { host: LOCAL_HOST, port }, targets))
      const slots = binding.slots[connection.output] ?? []
      for (const [i, slotPort] of slots.entries()) {
        const one = (): ReturnType<typeof endpointsOf> => targets().filter(e => e.instance === instanceId(plan.app, connection.component, i))
        local.forwarders.push(await this.#c.network.listen(`${plan.id}.${connection.output}[${i}]`, { host: LOCAL_HOST, port: slotPort }, one))
      }
    }
    const account = await this.#c.isolation.acquire(plan.id)
    const vm = plan.image.vm !== undefined
    // A VM's volumes are NBD exports QEMU reconnects to (at the same socket) when the next daemon serves them again.
    if (handle !== undefined && plan.spec.volumes.length > 0 && !vm && !this.#c.volumes.outlivesDaemon) {
      // Its filesystem was served by the daemon that died: the old mount is dead, so the instance starts afresh.
      await this.#discard(plan.id, handle, 'its volume was served by the previous daemon')
      handle = undefined
    }
    if (handle !== undefined && this.#c.isolation.isolating && taskUser(handle)?.uid !== account.uid) {
      // Started by a daemon that ran instances as root (or as another uid): never keep that running.
      await this.#discard(plan.id, handle, `it did not run as its own user (uid ${account.uid})`)
      handle = undefined
    }
    const volumes: Record<string, string> = {}
    const disks: VmDiskSpec[] = []
    for (const v of plan.spec.volumes) {
      const id = volumeId(plan.app, plan.component, v.name)
      if (vm) {
        disks.push({ name: v.name, ...await this.#ensureBlock(id, v.size, account) })
        local.volumes.push(id)
        continue
      }
      const { path } = await this.#c.volumes.ensure(id, v.size)
      local.volumes.push(id)
      await this.#c.isolation.claimVolume(path, account)
      volumes[v.name] = path
    }
    const spec = runSpec(plan, binding, volumes, account, {
      isolating: this.#c.isolation.isolating,
      codePath: path => this.#c.isolation.codePath(path),
      stopGraceMs: this.#init.stopGraceMs,
      maxRestarts: this.#init.maxRestarts,
      logDir: this.#init.logDir
    }, disks)
    if (handle !== undefined) {
      log.info('re-adopting instance left by an earlier daemon')
      this.#c.record(plan.id, 'adopting', `pid from an earlier daemon`)
      await this.#c.runner.adopt(handle, spec)
    } else {
      this.#c.record(plan.id, 'starting', `on ${this.#init.nodeName}`)
      await this.#c.runner.run(spec)
    }
  }

  /** A VM's volume: its NBD export, on a socket only the instance's user opens. */
  async #ensureBlock (id: string, size: number, account: InstanceAccount): Promise<Omit<VmDiskSpec, 'name'>> {
    if (this.#c.volumes.ensureBlock === undefined) throw new BlockVolumeUnsupportedError(`volume ${id}: a VM's volumes are block devices, which ${this.#c.volumes.kind} volumes cannot be; run it on a grid node`)
    const owner = this.#c.isolation.isolating ? { uid: account.uid, gid: account.gid } : undefined
    return await this.#c.volumes.ensureBlock(id, size, owner)
  }

  /** Stops a task an earlier daemon left and nobody wants, and forgets it. */
  async stopLeftover (id: string, handle: TaskHandle): Promise<void> {
    await this.#c.runner.adopt(handle, orphanSpec(id, this.#init.logDir)).catch(() => {})
    await this.#c.runner.remove(id, this.#init.stopGraceMs).catch(() => {})
    await this.#handles.delete(id)
  }

  /** Stops an instance an earlier daemon left, so that it starts afresh. */
  async #discard (id: string, handle: TaskHandle, why: string): Promise<void> {
    this.#c.record(id, 'restarting', why)
    await this.stopLeftover(id, handle)
  }

  async teardown (local: Local, options: { forget: boolean }): Promise<void> {
    const id = local.plan.id
    // An instance whose set-up failed before it was started is not in the runner: nothing to stop.
    await this.#c.runner.remove(id, stopGraceOf(local.plan, this.#init.stopGraceMs)).catch((err: unknown) => {
      if ((err as { code?: string }).code !== 'ERR_INSTANCE_NOT_FOUND') throw err
    })
    for (const f of local.forwarders) await f.close()
    for (const t of Object.keys(local.binding.inputs)) this.#c.network.unregisterInput(id, t)
    for (const v of local.volumes) await this.#c.volumes.detach(v)
    this.#local.delete(id)
    await this.#handles.delete(id)
    if (options.forget) await this.#bindings.forget(id)
  }

  async removeVolumes (local: Local): Promise<void> {
    for (const v of local.volumes) {
      await this.#c.volumes.forget(v)
      this.#c.record(local.plan.id, 'volume-removed', v)
    }
  }

  #app (name: string): AppSpec | undefined {
    return this.#c.log.state.apps.get(name)?.spec
  }

  /** The stored task handles of instances not set up here (left by an earlier daemon), by instance id. */
  async storedHandles (): Promise<Map<string, TaskHandle>> {
    return await this.#handles.all(id => this.#local.has(id))
  }
}
