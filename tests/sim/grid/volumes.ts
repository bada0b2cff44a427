/**
 * What the node attached to a volume does about its replicas, reduced to
 * timing for the simulator: an in-sync member it cannot reach fails its next
 * write, so it is dropped from the set; a member it can reach that is not in
 * sync is rebuilt, then added. Both are proposed at the volume's generation,
 * as the daemon does, and only by a primary that can reach the quorum.
 */
import { updateVolume, type ApplyResult, type Command, type GridState } from '../../../controller/state/index.ts'
import type { SimNode } from './node.ts'

/** Simulated time a catch-up or rebuild takes, ms. */
export const SIM_REBUILD_MS = 5000 // ms

export class SimVolumes {
  /** `<volume>/<node>` → when its rebuild began. */
  readonly #rebuilding = new Map<string, number>()

  step (now: number, state: GridState, byId: ReadonlyMap<string, SimNode>, commit: (c: Command) => ApplyResult): void {
    for (const v of state.volumes.values()) {
      const primary = byId.get(v.primary)
      if (primary === undefined || !primary.heard) continue
      const unreachable = v.inSync.filter(m => m !== v.primary && byId.get(m)?.heard !== true)
      if (unreachable.length > 0) commit(updateVolume(v.id, v.generation, { removeInSync: unreachable }, 'replica failed'))
      for (const m of v.members) {
        const key = `${v.id}/${m}`
        if (v.inSync.includes(m) || byId.get(m)?.heard !== true) { this.#rebuilding.delete(key); continue }
        const since = this.#rebuilding.get(key)
        if (since === undefined) { this.#rebuilding.set(key, now); continue }
        if (now - since < SIM_REBUILD_MS) continue
        this.#rebuilding.delete(key)
        commit(updateVolume(v.id, v.generation, { addInSync: [m] }, 'caught up'))
      }
    }
  }
}
