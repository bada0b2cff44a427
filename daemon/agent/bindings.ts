import type { AppSpec } from '../../controller/graph/types.ts'
import { freePorts } from '../network/ports.ts'
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

  constructor (store: Store) {
    this.#db = store.sublevel<string, string>('bindings', { valueEncoding: 'utf8' })
  }

  /** The instance's ports: the stored ones while its configuration is unchanged (or it is being adopted), fresh ones otherwise. */
  async of (plan: InstancePlan, app: AppSpec | undefined, adopting: boolean): Promise<Binding> {
    const stored = await this.#db.get(plan.id)
    if (stored !== undefined) {
      const binding = JSON.parse(stored) as Binding
      // A running instance was started with these addresses; keep them whatever changed.
      if (binding.hash === plan.hash || adopting) return binding
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
