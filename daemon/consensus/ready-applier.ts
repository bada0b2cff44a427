import type { Ready } from '../../controller/raft/index.ts'
import { applyEntry, type Applying } from './apply.ts'
import { UnavailableError } from './errors.ts'
import { restoreState } from './snapshot.ts'
import type { Snapshotter } from './snapshotter.ts'

/** What applying Readys touches: what applying an entry does, and the snapshotter that holds it back. */
export interface ReadyApplierParts extends Applying {
  snapshotter: Snapshotter
}

/**
 * The driver's apply step: a Ready's snapshot, committed entries and read
 * states, in Ready order. Held back while the Snapshotter serializes the
 * state (it must not change under the serializer); what was held back is
 * applied, in order, once it is done.
 */
export class ReadyApplier {
  readonly #p: ReadyApplierParts
  /** Readys handed out while a snapshot is serialized, applied once it is done. */
  #deferred: Ready[] = []

  constructor (parts: ReadyApplierParts) {
    this.#p = parts
  }

  /** Applies a Ready's state-machine work now, or holds it back while a snapshot is being serialized. */
  apply (rd: Ready): void {
    if (rd.snapshot === undefined && rd.committedEntries.length === 0 && rd.readStates.length === 0) return
    if (this.#p.snapshotter.serializing) {
      this.#deferred.push(rd)
      return
    }
    this.#applyNow(rd)
    this.#p.snapshotter.maybe()
  }

  /** The snapshot is done: applies, in order, what was held back. */
  release (): void {
    const deferred = this.#deferred
    this.#deferred = []
    for (const rd of deferred) this.#applyNow(rd)
  }

  /** Forgets what was held back (the log is closing). */
  clear (): void {
    this.#deferred = []
  }

  /** The snapshot first, then committed entries, then answer reads. */
  #applyNow (rd: Ready): void {
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
  }
}
