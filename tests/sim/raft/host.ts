import type { RaftNode } from '../../../controller/raft/index.ts'
import { MemoryStorage } from '../../../controller/raft/index.ts'
import type { Entry, Message, NodeId, ReadState, Ready, Snapshot } from '../../../controller/raft/index.ts'
import { WriteLog } from './machine.ts'

/** What a host reports while it drains its node; the simulator checks invariants here. */
export interface HostEvents {
  send (m: Message): void
  /** The Ready's writes are on this host's disk (before anything is sent or applied). */
  persisted? (host: Host, rd: Ready): void
  restored? (host: Host, snap: Snapshot): void
  applied? (host: Host, e: Entry): void
  readState? (host: Host, rs: ReadState): void
  /** A Ready broke its own contract (a bug in the core). */
  violation? (host: Host, what: string): void
}

/** Where a crash strikes inside the next Ready, if one is armed. */
export type CrashPoint = 'before-persist' | 'after-persist'

/**
 * One simulated machine: a disk (MemoryStorage, which survives crashes), and
 * while up, a RaftNode and a state machine (which do not). drain() is the
 * driver loop the real daemon will run, in the order the Ready contract
 * demands: persist, send, apply, advance.
 */
export class Host {
  readonly id: NodeId
  /** Small integer for hashing traces. */
  readonly n: number
  readonly disk: MemoryStorage
  node: RaftNode | null = null
  machine: WriteLog | null = null
  armedCrash: CrashPoint | null = null
  readonly #make: (disk: MemoryStorage, applied: number) => RaftNode

  constructor (id: NodeId, n: number, disk: MemoryStorage, make: (disk: MemoryStorage, applied: number) => RaftNode) {
    this.id = id
    this.n = n
    this.disk = disk
    this.#make = make
  }

  get up (): boolean {
    return this.node !== null
  }

  /** Boots from the disk: the state machine from the snapshot, the node with applied = its index. */
  start (): void {
    const snap = this.disk.snapshot()
    this.machine = WriteLog.restore(snap)
    this.node = this.#make(this.disk, snap.index)
    this.armedCrash = null
  }

  /** Loses everything but the disk. */
  crash (): void {
    this.node = null
    this.machine = null
    this.armedCrash = null
  }

  /** Runs the driver loop until the node has nothing more to do (or the armed crash strikes). */
  drain (ev: HostEvents): void {
    while (this.node !== null && this.node.hasReady()) {
      const node = this.node
      const rd = node.ready()
      if (this.armedCrash === 'before-persist') { this.crash(); return }
      const first = rd.entries[0]
      if (first !== undefined && rd.snapshot === undefined) {
        const cuts = this.disk.lastIndex() >= first.index
        if (cuts !== (rd.truncateFrom === first.index)) ev.violation?.(this, `Ready.truncateFrom is ${rd.truncateFrom} for entries from ${first.index} over a log ending at ${this.disk.lastIndex()}`)
      }
      this.#persist(rd)
      ev.persisted?.(this, rd)
      if (this.armedCrash === 'after-persist') { this.crash(); return }
      for (const m of rd.messages) ev.send(m)
      if (rd.snapshot !== undefined) {
        this.machine = WriteLog.restore(rd.snapshot)
        ev.restored?.(this, rd.snapshot)
      }
      for (const e of rd.committedEntries) {
        this.machine!.apply(e)
        ev.applied?.(this, e)
      }
      for (const rs of rd.readStates) ev.readState?.(this, rs)
      node.advance(rd)
    }
  }

  /** Step 1 of the contract: snapshot, entries, hard state, compaction — all before anything leaves. */
  #persist (rd: Ready): void {
    if (rd.snapshot !== undefined) this.disk.applySnapshot(rd.snapshot)
    if (rd.entries.length > 0) this.disk.append(rd.entries)
    if (rd.hardState !== undefined) this.disk.setHardState(rd.hardState)
    if (rd.compaction !== undefined) this.disk.compact(rd.compaction)
  }
}
