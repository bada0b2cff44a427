import type { AppSpec } from '../../controller/graph/types.ts'
import type { Logger } from 'pino'
import { freePorts, portsFree } from '../network/ports.ts'
import type { Store } from '../store/index.ts'
import { LOCAL_HOST, type Binding } from './env.ts'
import type { InstancePlan } from './plan.ts'

/**
 * Each local instance's ports — its inputs', and the daemon's listeners for
 * its outputs — kept in LevelDB, so an instance re-adopted after a daemon
 * restart is found at the addresses it was started with.
 */
export class BindingStore {
  readonly #db
  readonly #log: Logger | undefined

  constructor (store: Store, log?: Logger) {
    this.#db = store.sublevel<string, string>('bindings', { valueEncoding: 'utf8' })
    this.#log = log
  }

  /**
   * The instance's ports: the stored ones while it is being adopted, or
   * while its configuration is unchanged and nothing else took any of them
   * meanwhile; fresh ones otherwise.
   */
  async of (plan: InstancePlan, app: AppSpec | undefined, adopting: boolean): Promise<Binding> {
    const stored = await this.#db.get(plan.id)
    if (stored !== undefined) {
      const binding = JSON.parse(stored) as Binding
      // A running instance was started with these addresses; keep them whatever changed.
      if (adopting) return binding
      // Not listened on while the instance was down (a daemon restart, a set-up that failed): after a restart another instance
      // set up first may have been given one, or any process may hold one now; kept, the set-up would fail on it every retry.
      if (binding.hash === plan.hash) {
        const ports = portsOf(binding)
        if (await portsFree(ports, LOCAL_HOST)) return binding
        this.#log?.warn({ instance: plan.id, ports }, 'a port the instance had is taken now: it gets fresh ones')
      }
    }
    const binding: Binding = { hash: plan.hash, inputs: {}, outputs: {}, slots: {} }
    const inputs = plan.image.terminals.filter(t => t.direction === 'in')
    const slotCounts = plan.spec.connections.map(c => app?.components.find(x => x.name === c.component)?.count ?? 0)
    // All of one instance's ports at once, so that no two of them are the same.
    const ports = await freePorts(inputs.length + plan.spec.connections.length + slotCounts.reduce((a, b) => a + b, 0), LOCAL_HOST)
    for (const t of inputs) binding.inputs[t.name] = ports.pop()!
    for (const [i, c] of plan.spec.connections.entries()) {
      binding.outputs[c.output] = ports.pop()!
      binding.slots[c.output] = ports.splice(-slotCounts[i]!, slotCounts[i]!)
    }
    await this.#db.put(plan.id, JSON.stringify(binding), { sync: true } as object)
    return binding
  }

  async forget (id: string): Promise<void> {
    await this.#db.del(id)
  }
}

/** Every port of a binding: its inputs', its outputs' listeners and their slots'. */
function portsOf (binding: Binding): number[] {
  return [...Object.values(binding.inputs), ...Object.values(binding.outputs), ...Object.values(binding.slots).flat()]
}
