import type { Logger } from 'pino'
import type { Clock } from '../../controller/clock/index.ts'
import { RaftNode } from '../../controller/raft/index.ts'
import type { ConfChange, Message, Ready } from '../../controller/raft/index.ts'
import {
  emptyState, encodeCommand, type ApplyResult, type Command, type CommandLog, type GridState, type LeadingLog
} from '../../controller/state/index.ts'
import type { Transport } from '../network/index.ts'
import type { Store } from '../store/index.ts'
import { NotLeaderError, RaftClosedError, UnavailableError } from './errors.ts'
import { retryable } from './apply.ts'
import { ProposalForwarder } from './forward.ts'
import type { Applied } from './forward.ts'
import { MessageRoutes } from './message-routes.ts'
import type { HeartbeatDatagramStats } from './heartbeat-datagrams.ts'
import type { PeerLinkStats } from './peer-link.ts'
import type { SnapshotTransferStats } from './snapshot-transfer.ts'
import { TickRhythm } from './tick-rhythm.ts'
import { Waiters } from './waiters.ts'
import { ProposalQueue } from './proposals.ts'
import { restoreState } from './snapshot.ts'
import { Snapshotter } from './snapshotter.ts'
import { LevelStorage } from './storage.ts'
import { ReadyPipeline } from './pipeline.ts'
import { ReadyApplier } from './ready-applier.ts'
import type { RaftCommandLogComponents, RaftCommandLogInit, RaftCommandLogStatus, RaftObserver } from './raft-command-log-types.ts'
import { DEFAULT_CATCH_UP_LAG, catchUpOf, groupStatus } from './membership.ts'
import type { CatchUp } from './membership.ts'

export type { RaftCommandLogComponents, RaftCommandLogInit, RaftCommandLogStatus, RaftObserver } from './raft-command-log-types.ts'

const DEFAULT_TICK_MS = 100 // ms
const DEFAULT_TIMEOUT_MS = 5000 // ms
const DEFAULT_SNAPSHOT_EVERY = 1000 // entries

/**
 * CommandLog replicated by Raft: the driver around the pure core. Ticks come
 * from the Clock, messages from MessageRoutes, proposals from callers (on a
 * follower, forwarded to the leader). A ReadyPipeline runs the core's Readys:
 * pipelined by default (a leader sends while it persists, entries apply
 * without waiting for the commit index write, Readys share synced batches),
 * see docs/consensus.md for the order and why it is safe. Snapshots are
 * serialized in slices with applying held back, off the replication path.
 */
export class RaftCommandLog implements CommandLog, LeadingLog {
  readonly state: GridState = emptyState()
  readonly #transport: Transport
  readonly #store: Store
  readonly #clock: Clock
  readonly #logger: Logger
  readonly #init: RaftCommandLogInit
  readonly #tickMs: number
  readonly #timeoutMs: number
  readonly #snapshotEvery: number
  readonly #listeners = new Set<(result: ApplyResult, index: number) => void>()
  readonly #routes: MessageRoutes
  readonly #forwarder: ProposalForwarder
  readonly #waiters = new Waiters()
  readonly #proposals = new ProposalQueue()
  #storage: LevelStorage | undefined
  #node: RaftNode | undefined
  #starting: Promise<void> | undefined
  /** start() has finished: what #ready() awaits is done. */
  #started = false
  #closing: Promise<void> | undefined
  #pipeline: ReadyPipeline | undefined
  #snapshotter: Snapshotter | undefined
  #applier: ReadyApplier | undefined
  #readSeq = 0
  /** Index of the last membership change this node proposed; pending until committed. */
  #confProposedAt = 0
  readonly #observer: RaftObserver | undefined
  #knownLeader: string | null = null
  #rhythm: TickRhythm | undefined

  constructor (components: RaftCommandLogComponents, init: RaftCommandLogInit = {}) {
    this.#transport = components.transport
    this.#store = components.store
    this.#clock = components.clock
    this.#logger = components.logger.child({ component: 'raft', node: components.transport.nodeId })
    this.#observer = components.observer
    this.#init = init
    this.#tickMs = init.tickMs ?? DEFAULT_TICK_MS
    this.#timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.#snapshotEvery = init.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY
    const parts = { transport: this.#transport, clock: this.#clock, logger: this.#logger }
    this.#routes = new MessageRoutes({ ...parts, pacerFor: components.pacerFor, datagrams: components.datagrams }, {
      onMessage: m => { this.#step(m) },
      onSnapshotProgress: to => {
        if (this.#closing !== undefined || this.#node === undefined) return
        // Ticks put off count before the progress resets the wait, or they would count against it.
        this.#rhythm?.catchUp()
        this.#node.reportSnapshotProgress(to)
        this.#kick()
      },
      onSnapshotDone: (to, ok) => {
        if (this.#closing !== undefined || this.#node === undefined) return
        this.#rhythm?.catchUp()
        this.#node.reportSnapshot(to, ok)
        this.#kick()
      }
    })
    this.#forwarder = new ProposalForwarder(parts, {
      target: { proposeLocal: async data => await this.#proposeLocal(data, this.#clock.now() + this.#timeoutMs), leader: () => this.#node?.leader ?? null }
    })
  }

  /** Opens storage (bootstrapping a fresh group, or restarting from disk) and starts ticking. Same promise every call. */
  start (): Promise<void> {
    this.#starting ??= this.#start()
    return this.#starting
  }

  async #start (): Promise<void> {
    const storage = await LevelStorage.open(this.#store, { name: this.#init.storageName })
    if (storage.isEmpty && this.#init.voters !== undefined && this.#init.voters.length > 0) {
      await storage.bootstrap(this.#init.voters)
      this.#logger.info({ voters: this.#init.voters }, 'raft group bootstrapped')
    } else if (storage.isEmpty) {
      // No membership at all: the core never campaigns, and takes the log from whichever leader adds it.
      this.#logger.info('no raft log and no founding voters: waiting for a leader to add this node')
    }
    const snap = storage.snapshot()
    if (snap.index > 0) restoreState(this.state, snap.data, snap.index)
    this.#storage = storage
    this.#node = new RaftNode({
      id: this.#transport.nodeId,
      storage,
      rng: this.#init.rng ?? Math.random,
      electionTicks: this.#init.electionTicks,
      heartbeatTicks: this.#init.heartbeatTicks,
      applied: snap.index,
      asyncStorageWrites: this.#init.pipelined ?? true
    })
    this.#snapshotter = new Snapshotter({
      state: this.state,
      node: this.#node,
      logger: this.#logger,
      done: () => { this.#kick() }
    }, { every: this.#snapshotEvery, mode: this.#init.snapshotMode ?? 'background', from: { index: snap.index, bytes: snap.data.byteLength } })
    this.#applier = new ReadyApplier({ state: this.state, waiters: this.#waiters, listeners: this.#listeners, logger: this.#logger, snapshotter: this.#snapshotter })
    this.#pipeline = new ReadyPipeline({
      node: this.#node,
      persist: async rds => { await storage.persistAll(rds) },
      send: m => { this.#send(m) },
      flush: () => { this.#routes.flush() },
      apply: rd => { this.#apply(rd) },
      advanced: () => { this.#snapshotter!.maybe() },
      propose: () => {
        // The core reads its tick count as it appends: the ticks put off run first.
        this.#rhythm?.catchUp()
        this.#proposals.flush(this.#node!, this.#waiters, this.#clock)
      },
      failed: err => {
        // A failed disk write or an unrestorable snapshot: carrying on could break Raft's promises.
        this.#logger.fatal({ err }, 'raft driver failed; closing the log')
        void this.close()
      }
    }, { async: this.#init.pipelined ?? true })
    if (this.#closing !== undefined) return
    this.#routes.start()
    this.#forwarder.start()
    this.#rhythm = new TickRhythm({ clock: this.#clock, node: this.#node }, {
      tickMs: this.#tickMs,
      acted: () => { this.#kick() }
    })
    this.#kick()
    this.#started = true
    this.#logger.info({ term: storage.hardState.term, snapshot: snap.index, last: storage.lastIndex() }, 'raft started')
  }

  /** Same as close(). */
  stop (): Promise<void> {
    return this.close()
  }

  /** Stops ticking and networking, finishes the Ready in hand, fails what waits. Same promise every call. */
  close (): Promise<void> {
    // No tick from now on, not even the ones a caller would catch up.
    this.#rhythm?.stop()
    this.#closing ??= this.#close()
    return this.#closing
  }

  async #close (): Promise<void> {
    await this.#starting?.catch(() => {})
    this.#routes.stop()
    this.#forwarder.stop()
    // Never leave a batch half-handled: the store may be closed right after.
    this.#snapshotter?.stop()
    await this.#pipeline?.stop()
    this.#proposals.failAll(new RaftClosedError())
    this.#waiters.failAll(new RaftClosedError())
  }

  /**
   * Proposes a command and resolves with its result once it is committed and
   * applied here. On a follower it is forwarded to the leader. Retries while
   * no leader is known; rejects with ERR_NOT_LEADER if none took it before
   * the deadline, ERR_UNAVAILABLE if its outcome is unknown.
   */
  async propose (command: Command): Promise<ApplyResult> {
    const started = performance.now()
    const result = await this.#propose(command)
    this.#observer?.committed?.(performance.now() - started)
    return result
  }

  async #propose (command: Command): Promise<ApplyResult> {
    // Once started, no await before the proposal is queued: each would be a turn of the microtask queue.
    if (this.#started) this.#checkOpen()
    else await this.#ready()
    const data = encodeCommand(command)
    const deadline = this.#clock.now() + this.#timeoutMs
    let lastLeader: string | null = null
    for (;;) {
      this.#checkOpen()
      const node = this.#node!
      try {
        if (node.role === 'leader') return (await this.#proposeLocal(data, deadline)).result
        if (node.leader !== null) {
          lastLeader = node.leader
          const { result, index } = await this.#forwarder.forward(node.leader, data, deadline)
          // Read your writes: the caller may look at this node's state next.
          await this.#waitApplied(index, deadline)
          return result
        }
      } catch (err) {
        if (!retryable(err)) throw err
      }
      if (this.#clock.now() + this.#tickMs >= deadline) throw new NotLeaderError(lastLeader)
      await this.#clock.sleep(this.#tickMs)
    }
  }

  /**
   * Linearizable read barrier (read index, Raft thesis §6.4): resolves with an
   * index once this node has applied everything committed when it was called,
   * so reading `state` then sees every write acknowledged before.
   */
  async readBarrier (options: { timeoutMs?: number } = {}): Promise<number> {
    await this.#ready()
    const deadline = this.#clock.now() + Math.min(this.#timeoutMs, options.timeoutMs ?? Infinity)
    // A read lost with a leader change is never answered: retry it after an election timeout.
    const roundMs = 2 * (this.#init.electionTicks ?? 10) * this.#tickMs
    for (;;) {
      this.#checkOpen()
      const context = new TextEncoder().encode(`${this.#transport.nodeId}/${++this.#readSeq}`)
      try {
        const read = this.#waiters.read(context, this.#clock, Math.min(roundMs, deadline - this.#clock.now()))
        // readIndex may throw (no leader yet); the round's timeout must not then go unhandled.
        read.catch(() => {})
        this.#rhythm?.catchUp()
        this.#node!.readIndex(context)
        this.#kick()
        const index = await read
        await this.#waiters.applied(index, this.state.appliedIndex, this.#clock, deadline - this.#clock.now(), `read index ${index} confirmed, not yet applied here`)
        return index
      } catch (err) {
        if (!retryable(err) && (err as { code?: string }).code !== 'ERR_READ_TIMEOUT') throw err
      }
      if (this.#clock.now() + this.#tickMs >= deadline) throw new UnavailableError('no read index confirmed in time')
      await this.#clock.sleep(this.#tickMs)
    }
  }

  onApplied (listener: (result: ApplyResult, index: number) => void): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  /**
   * When this node last knew it reached a leader a quorum stood behind, by
   * its clock, learnt from Raft's own heartbeats (controller/raft/quorum-contact.ts);
   * undefined before it ever did. What self-fencing watches.
   */
  quorumContactAt (): number | undefined {
    this.#rhythm?.catchUp()
    const tick = this.#node?.quorumContact()
    return tick === undefined ? undefined : this.#rhythm?.timeOf(tick)
  }

  /** On the leader: when `peer` last answered a Raft heartbeat round, by this node's clock; undefined elsewhere or before it did. */
  lastAnsweredAt (peer: string): number | undefined {
    this.#rhythm?.catchUp()
    const tick = this.#node?.lastAnswer(peer)
    return tick === undefined ? undefined : this.#rhythm?.timeOf(tick)
  }

  /** True while this node leads the group. */
  leads (): boolean {
    return this.#node?.status().role === 'leader'
  }

  /** The node's view of the group. Before start() resolves, an empty follower. */
  status (): RaftCommandLogStatus {
    return groupStatus(this.#transport.nodeId, this.#node?.status(), this.state.appliedIndex, this.#storage, this.#confProposedAt)
  }

  /**
   * Proposes one membership change (add-learner, promote, remove, add-voter)
   * and resolves once it is applied here. Leader only: ERR_NOT_LEADER
   * elsewhere (not forwarded: the membership loop runs on the leader).
   * ERR_CONF_CHANGE_PENDING while an earlier change is uncommitted or the
   * leader has not yet committed an entry of its term; ERR_BAD_CONF_CHANGE
   * when it does not fit the membership; ERR_UNAVAILABLE at the deadline.
   */
  async proposeConfChange (change: ConfChange): Promise<void> {
    await this.#ready()
    const node = this.#node!
    if (node.role !== 'leader') throw new NotLeaderError(node.leader, 'membership changes are proposed on the leader')
    this.#rhythm?.catchUp()
    const p = node.proposeConfChange({ type: change.type, node: change.node })
    this.#confProposedAt = p.index
    const wait = this.#waiters.confChange(p.index, p.term, this.#clock, this.#timeoutMs)
    this.#kick()
    await wait
  }

  /**
   * How far peer `id` lags this leader, from the core's replication progress;
   * undefined off the leader or for a non-member. Feeds the voter policy's
   * `caughtUp`.
   */
  catchUp (id: string): CatchUp | undefined {
    const node = this.#node
    if (node === undefined) return undefined
    return catchUpOf(node.status(), id, this.#init.catchUpLag ?? DEFAULT_CATCH_UP_LAG)
  }

  /** Counters: what the core dropped or ignored, what the links dropped, heartbeats by datagram, garbled forward requests, snapshots this node made and transferred. */
  stats (): { core: ReturnType<RaftNode['stats']>, links: PeerLinkStats, heartbeatDatagrams?: HeartbeatDatagramStats, forwardGarbled: number, snapshots: number, transfers: SnapshotTransferStats } {
    const routes = this.#routes.stats()
    return {
      core: this.#node?.stats() ?? { dropped: {}, ignored: {} },
      links: routes.links,
      ...(routes.heartbeatDatagrams !== undefined ? { heartbeatDatagrams: routes.heartbeatDatagrams } : {}),
      forwardGarbled: this.#forwarder.garbled,
      snapshots: this.#snapshotter?.made ?? 0,
      transfers: routes.transfers
    }
  }

  async #ready (): Promise<void> {
    this.#checkOpen()
    if (this.#starting === undefined) throw new RaftClosedError('raft log is not started')
    await this.#starting
    this.#checkOpen()
  }

  #checkOpen (): void {
    if (this.#closing !== undefined) throw new RaftClosedError()
  }

  /** Queues a command for the next Ready (ProposalQueue); refused at once off the leader, as the core would. */
  #proposeLocal (data: Uint8Array, deadline: number): Promise<Applied> {
    this.#checkOpen()
    const node = this.#node
    if (node === undefined || node.role !== 'leader') throw new NotLeaderError(node?.leader ?? null)
    const applied = this.#proposals.add(data, deadline)
    this.#kick()
    return applied
  }

  /** Waits until this node has applied index; ERR_UNAVAILABLE at the deadline (the command did apply on the leader). */
  async #waitApplied (index: number, deadline: number): Promise<void> {
    await this.#waiters.applied(index, this.state.appliedIndex, this.#clock, deadline - this.#clock.now(), `applied on the leader, not yet here (index ${index})`)
  }

  #step (m: Message): void {
    if (this.#closing !== undefined || this.#node === undefined) return
    this.#rhythm?.catchUp()
    this.#node.step(m)
    this.#kick()
  }

  /** Runs the driver loop at the end of this event-loop turn, and arms the tick that acts next. */
  #kick (): void {
    this.#pipeline?.kick()
    this.#rhythm?.arm()
  }

  /**
   * Sends a message by its route (message-routes.ts). A dropped one is Raft's
   * ordinary loss; the core is told so it probes instead of streaming.
   */
  #send (m: Message): void {
    if (!this.#routes.send(m)) this.#node!.reportUnreachable(m.to)
  }

  /** A Ready's state-machine work, in Ready order (ready-applier.ts). */
  #apply (rd: Ready): void {
    if (rd.softState !== undefined) {
      this.#logger.info({ role: rd.softState.role, leader: rd.softState.leader, term: this.#node!.term }, 'raft role changed')
      if (rd.softState.leader !== this.#knownLeader) this.#observer?.leaderChanged?.(rd.softState.leader, this.#node!.term)
      this.#knownLeader = rd.softState.leader
    }
    this.#applier!.apply(rd)
  }
}
