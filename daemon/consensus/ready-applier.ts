import type { Ready } from '../../controller/raft/index.ts'
import { applyEntry, type Applying } from './apply.ts'
import { UnavailableError } from './errors.ts'
import { restoreState } from './snapshot.ts'
import type { Snapshotter } from './snapshotter.ts'

/** What applying Readys touches: what applying an entry does, and the snapshotter told of what was applied. */
export interface ReadyApplierParts extends Applying {
  snapshotter: Snapshotter
}

/**
 * The driver's apply step: a Ready's snapshot, committed entries and read
 * states, in Ready order, at once: a snapshot being serialized works from
 * the records of its own index (captureState), so applying never waits for it.
 */
export class ReadyApplier {
  readonly #p: ReadyApplierParts

  constructor (parts: ReadyApplierParts) {
    this.#p = parts
  }

  /**
   * Applies a Ready's state-machine work (the snapshot first, then committed
   * entries, then answer reads), then lets the snapshotter see whether a
   * snapshot is due.
   */
  apply (rd: Ready): void {
    if (rd.snapshot === undefined && rd.committedEntries.length === 0 && rd.readStates.length === 0) return
    const p = this.#p
    if (rd.snapshot !== undefined) {
      restoreState(p.state, rd.snapshot.data, rd.snapshot.index)
      p.snapshotter.installed(rd.snapshot.index, rd.snapshot.data.byteLength)
      p.waiters.failUpTo(rd.snapshot.index, () => new UnavailableError('replaced by a snapshot; outcome unknown'))
    }
    for (const e of rd.committedEntries) {
      applyEntry(p, e)
      if (e.type === 'normal') p.snapshotter.applied(e.data.byteLength)
    }
    for (const rs of rd.readStates) p.waiters.readDone(rs.context, rs.index)
    p.waiters.appliedTo(p.state.appliedIndex)
    p.snapshotter.maybe()
  }
}
