import type { RaftNode } from '../../../controller/raft/index.ts'
import { MemoryStorage } from '../../../controller/raft/index.ts'
import type { Entry, Message, NodeId, ReadState, Ready, Snapshot } from '../../../controller/raft/index.ts'
import { WriteLog } from './machine.ts'

/** What a host reports while it drains its node; the simulator checks invariants here. */
export interface HostEvents {
  send (m: Message): void
  /**
   * The Ready's writes are on this host's disk. `term` is the node's term
   * when the Ready was given out (the node may have moved on since, with
   * asynchronous writes).
   */
  persisted? (host: Host, rd: Ready, term: number): void
  /** A Ready was given out (before any of it is done). */
  readied? (host: Host, rd: Ready): void
  restored? (host: Host, snap: Snapshot): void
  applied? (host: Host, e: Entry): void
  readState? (host: Host, rs: ReadState): void
  /** A Ready broke its own contract (a bug in the core). */
  violation? (host: Host, what: string): void
}

/**
 * Where a crash strikes inside the next Ready to be written, if one is armed:
 * before its writes (with asynchronous writes, after its early messages went
 * out and its committed entries were applied) or right after them.
 */
export type CrashPoint = 'before-persist' | 'after-persist'

/** A Ready given out and not yet written (asynchronous mode). */
interface PendingWrite {
  rd: Ready
  term: number
  /** Tick at which the disk finishes it. */
  due: number
}

/** How a host's disk behaves with asynchronous writes: when a write handed to it at `now` completes. */
export interface AsyncDisk {
  now: () => number
  /** Ticks a write takes; 0 completes it at the end of the drain that produced it. */
  delay: () => number
}

/**
 * One simulated machine: a disk (MemoryStorage, which survives crashes), and
 * while up, a RaftNode and a state machine (which do not). drain() is the
 * driver loop the real daemon runs. Synchronous mode, in the order the Ready
 * contract demands: persist, send, apply, advance. Asynchronous mode (the
 * node built with asyncStorageWrites): send the early messages and apply at
 * once, queue the write; writes complete in order when due, then their
 * after-persist messages go and the Ready is advanced. A crash loses the
 * queued writes.
 */
export class Host {
  readonly id: NodeId
  /** Small integer for hashing traces. */
  readonly n: number
  readonly disk: MemoryStorage
  node: RaftNode | null = null
  machine: WriteLog | null = null
  armedCrash: CrashPoint | null = null
  /** Writes handed to the disk that crashes lost before they were done, over the run. */
  lostWrites = 0
  readonly #make: (disk: MemoryStorage, applied: number) => RaftNode
  readonly #async: AsyncDisk | undefined
  #writes: PendingWrite[] = []

  constructor (id: NodeId, n: number, disk: MemoryStorage, make: (disk: MemoryStorage, applied: number) => RaftNode, async?: AsyncDisk) {
    this.id = id
    this.n = n
    this.disk = disk
    this.#make = make
    this.#async = async
  }

  get up (): boolean {
    return this.node !== null
  }

  /** Writes handed to the disk and not yet done. */
  get pendingWrites (): number {
    return this.#writes.length
  }

  /** Boots from the disk: the state machine from the snapshot, the node with applied = its index. */
  start (): void {
    const snap = this.disk.snapshot()
    this.machine = WriteLog.restore(snap)
    this.node = this.#make(this.disk, snap.index)
    this.armedCrash = null
    this.#writes = []
  }

  /** Loses everything but the disk, including writes not yet done. */
  crash (): void {
    this.lostWrites += this.#writes.length
    this.node = null
    this.machine = null
    this.armedCrash = null
    this.#writes = []
  }

  /** Runs the driver loop until the node has nothing more to do (or the armed crash strikes). */
  drain (ev: HostEvents): void {
    if (this.#async === undefined) {
      this.#drainSync(ev)
      return
    }
    do {
      while (this.node !== null && this.node.hasReady()) this.#handOut(this.node, ev)
    } while (this.#completeDue(ev))
  }

  #drainSync (ev: HostEvents): void {
    while (this.node !== null && this.node.hasReady()) {
      const node = this.node
      const rd = node.ready()
      ev.readied?.(this, rd)
      if (this.armedCrash === 'before-persist') { this.crash(); return }
      this.#persist(rd, ev)
      ev.persisted?.(this, rd, node.term)
      if (this.armedCrash === 'after-persist') { this.crash(); return }
      for (const m of rd.messages) ev.send(m)
      for (const m of rd.messagesAfterPersist) ev.send(m)
      this.#apply(rd, ev)
      node.advance(rd)
    }
  }

  /** Asynchronous mode: a new Ready's early messages go and its entries apply now; its write is queued. */
  #handOut (node: RaftNode, ev: HostEvents): void {
    const rd = node.ready()
    ev.readied?.(this, rd)
    for (const m of rd.messages) ev.send(m)
    this.#apply(rd, ev)
    const a = this.#async!
    this.#writes.push({ rd, term: node.term, due: a.now() + a.delay() })
  }

  /** Completes the queued writes that are due, oldest first; true if any was. */
  #completeDue (ev: HostEvents): boolean {
    const now = this.#async!.now()
    let done = false
    while (this.node !== null && this.#writes.length > 0 && this.#writes[0]!.due <= now) {
      const node = this.node
      const w = this.#writes[0]!
      if (this.armedCrash === 'before-persist') { this.crash(); return false }
      this.#writes.shift()
      this.#persist(w.rd, ev)
      ev.persisted?.(this, w.rd, w.term)
      if (this.armedCrash === 'after-persist') { this.crash(); return false }
      for (const m of w.rd.messagesAfterPersist) ev.send(m)
      node.advance(w.rd)
      done = true
    }
    return done
  }

  #apply (rd: Ready, ev: HostEvents): void {
    if (rd.snapshot !== undefined) {
      this.machine = WriteLog.restore(rd.snapshot)
      ev.restored?.(this, rd.snapshot)
    }
    for (const e of rd.committedEntries) {
      this.machine!.apply(e)
      ev.applied?.(this, e)
    }
    for (const rs of rd.readStates) ev.readState?.(this, rs)
  }

  /** Step 1 of the contract: snapshot, entries, hard state, compaction — in one go. */
  #persist (rd: Ready, ev: HostEvents): void {
    const first = rd.entries[0]
    if (first !== undefined && rd.snapshot === undefined) {
      const cuts = this.disk.lastIndex() >= first.index
      if (cuts !== (rd.truncateFrom === first.index)) ev.violation?.(this, `Ready.truncateFrom is ${rd.truncateFrom} for entries from ${first.index} over a log ending at ${this.disk.lastIndex()}`)
    }
    if (rd.snapshot !== undefined) this.disk.applySnapshot(rd.snapshot)
    if (rd.entries.length > 0) this.disk.append(rd.entries)
    if (rd.hardState !== undefined) this.disk.setHardState(rd.hardState)
    if (rd.compaction !== undefined) this.disk.compact(rd.compaction)
  }
}
