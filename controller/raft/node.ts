import {
  BadConfChangeError, BadProposalError, BadTransferError, ConfChangePendingError, NotLeaderError,
  ReadyOrderError, SnapshotOutOfDateError, TransferInProgressError
} from './errors.ts'
import { appendAsLeader, leaderReadIndex, maybeCommit, startTransfer } from './leader.ts'
import { checkConfChange, isVoter } from './membership.ts'
import { Raft } from './raft.ts'
import type { Counters, RaftOptions } from './options.ts'
import type { ConfChange, Entry, HardState, NodeId, Ready, SoftState, Status } from './types.ts'

/** Where a proposal landed; it is committed iff the entry at `index` later applies with this `term`. */
export interface Proposed {
  index: number
  term: number
}

/**
 * The face of the Raft core (etcd's RawNode). Feed it ticks, received
 * messages and client calls; drain it with ready() → do the I/O → advance().
 * Only one Ready is out at a time: calls made between ready() and advance()
 * are fine and show up in the next one.
 */
export class RaftNode {
  readonly #r: Raft
  #prevHard: HardState
  #prevSoft: SoftState
  /** Readys given out and not yet advanced, oldest first (at most one in synchronous mode). */
  readonly #outstanding: Ready[] = []
  /** Last index the disk will hold once every Ready given out is written. */
  #diskLast: number

  constructor (options: RaftOptions) {
    this.#r = new Raft(options)
    this.#prevHard = { term: this.#r.term, vote: this.#r.vote, commit: this.#r.log.committed }
    this.#prevSoft = { leader: null, role: 'follower' }
    this.#diskLast = options.storage.lastIndex()
  }

  get id (): NodeId { return this.#r.id }
  get role (): SoftState['role'] { return this.#r.role }
  get leader (): NodeId | null { return this.#r.leader }
  get term (): number { return this.#r.term }

  /** One logical tick of the election and heartbeat clocks. */
  tick (): void {
    this.#r.tick()
  }

  /**
   * Ticks until the first that can act (campaign, heartbeat, quorum
   * check, snapshot resend); those before it only count, so a driver may
   * run them late, at once, before the next step. Infinity when no tick can
   * act until a step or call changes the node.
   */
  ticksToAct (): number {
    return this.#r.ticksToAct()
  }

  /**
   * Hands the core a message received from a peer. Anything may come in: a
   * malformed or impossible message is dropped and counted (stats().dropped),
   * and false is returned. Never throws on message content.
   */
  step (message: unknown): boolean {
    return this.#r.step(message)
  }

  /** Appends one command; throws NotLeaderError (with the known leader) off the leader. */
  propose (data: Uint8Array): Proposed {
    return this.proposeBatch([data])[0]!
  }

  /** Appends several commands at once: one round of appends carries them all. */
  proposeBatch (datas: readonly Uint8Array[]): Proposed[] {
    const r = this.#leaderOrThrow()
    for (const d of datas) {
      if (!(d instanceof Uint8Array) || d.byteLength === 0) throw new BadProposalError()
    }
    if (datas.length === 0) return []
    const first = r.log.lastIndex() + 1
    const ents: Entry[] = datas.map((data, i) => ({ type: 'normal', term: r.term, index: first + i, data }))
    appendAsLeader(r, ents)
    return ents.map(e => ({ index: e.index, term: e.term }))
  }

  /**
   * Proposes a single-server membership change. It takes effect on each node
   * as soon as that node appends it; the next may be proposed once it commits.
   */
  proposeConfChange (change: ConfChange): Proposed {
    const r = this.#leaderOrThrow()
    if (typeof change !== 'object' || change === null || typeof change.node !== 'string' || change.node.length === 0) {
      throw new BadConfChangeError('a change needs a type and a node id')
    }
    if (!r.committedEntryInCurrentTerm()) throw new ConfChangePendingError('the leader has not yet committed an entry of its term')
    if (r.confs.lastChangeIndex() > r.log.committed) throw new ConfChangePendingError()
    const reason = checkConfChange(r.conf, change)
    if (reason !== null) throw new BadConfChangeError(reason)
    const entry: Entry = { type: 'conf-change', term: r.term, index: r.log.lastIndex() + 1, change: { type: change.type, node: change.node } }
    appendAsLeader(r, [entry])
    return { index: entry.index, term: entry.term }
  }

  /**
   * Asks for a linearizable read. The answer comes as a ReadState with the same
   * context in a later Ready; serve the read once applied ≥ its index. On a
   * follower the request goes to the leader. Reads in flight when leadership
   * changes are dropped: time out and retry.
   */
  readIndex (context: Uint8Array): void {
    const r = this.#r
    if (r.role === 'leader') {
      leaderReadIndex(r, r.id, context)
      return
    }
    if (r.leader === null) throw new NotLeaderError(null)
    r.send({ type: 'read-index', from: r.id, to: r.leader, term: r.term, context })
  }

  /** Hands leadership to another voter (thesis §3.10). Proposals are refused until it completes or times out. */
  transferLeadership (to: NodeId): void {
    const r = this.#r
    if (r.role !== 'leader') throw new NotLeaderError(r.leader)
    if (to === r.id || !isVoter(r.conf, to)) throw new BadTransferError()
    startTransfer(r, to)
  }

  /**
   * Snapshots the state machine as of `index` (which it has applied; `data` is
   * its serialized state) so the log up to there can be discarded. The next
   * Ready carries it as `compaction`.
   */
  compact (index: number, data: Uint8Array): void {
    const r = this.#r
    const snapIndex = r.log.firstIndex() - 1
    const floor = Math.max(snapIndex, r.pendingCompaction?.index ?? 0)
    if (r.log.hasPendingSnapshot()) throw new SnapshotOutOfDateError('a snapshot from the leader is being installed')
    if (!Number.isSafeInteger(index) || index <= floor) throw new SnapshotOutOfDateError(`index ${index} is already compacted`)
    // Handed out for applying is enough: the compaction travels in a later Ready, written after that one.
    if (index > r.log.applying) throw new SnapshotOutOfDateError(`index ${index} is not applied yet (applied ${r.log.applying})`)
    const term = r.log.term(index)
    if (term === undefined) throw new SnapshotOutOfDateError(`no entry at ${index}`)
    r.pendingCompaction = { index, term, conf: r.confs.at(index), data }
  }

  /** Tells the leader whether a snapshot message reached `to`; a failure makes it probe again. */
  reportSnapshot (to: NodeId, ok: boolean): void {
    const pr = this.#r.role === 'leader' ? this.#r.progress.get(to) : undefined
    if (pr === undefined || pr.state !== 'snapshot') return
    if (!ok) pr.pendingSnapshot = 0
    pr.becomeProbe()
    // Wait for the follower's answer (or the next heartbeat) before sending more.
    pr.paused = true
  }

  /**
   * Tells the leader a snapshot to `to` is still arriving (a piece of it was
   * acknowledged): its wait for an answer starts over, so a transfer that
   * takes minutes over a slow link is not given up and sent again while it
   * makes progress. Only a transfer that stalls for an election timeout is.
   */
  reportSnapshotProgress (to: NodeId): void {
    const pr = this.#r.role === 'leader' ? this.#r.progress.get(to) : undefined
    if (pr !== undefined && pr.state === 'snapshot') pr.snapshotTicks = 0
  }

  /** Tells the leader `to` could not be reached; optimistic sending to it stops until it answers. */
  reportUnreachable (to: NodeId): void {
    const pr = this.#r.role === 'leader' ? this.#r.progress.get(to) : undefined
    if (pr !== undefined && pr.state === 'replicate') pr.becomeProbe()
  }

  /**
   * True if ready() has work. In synchronous mode false while a Ready is out
   * (advance it first); in asynchronous mode Readys may pile up.
   */
  hasReady (): boolean {
    const r = this.#r
    if (!r.asyncWrites && this.#outstanding.length > 0) return false
    return r.msgs.length > 0 || r.msgsAfterPersist.length > 0 || r.log.unstable.hasNextEntries() ||
      r.log.unstable.hasNextSnapshot() || r.log.hasNextCommitted() || r.readStates.length > 0 ||
      r.pendingCompaction !== undefined || this.#hardChanged() || this.#softChanged()
  }

  /**
   * The next batch of I/O; see Ready for the order to do it in. In
   * synchronous mode throws if the previous one was not advanced; in
   * asynchronous mode each Ready carries only what is new since the last.
   */
  ready (): Ready {
    const r = this.#r
    if (!r.asyncWrites && this.#outstanding.length > 0) throw new ReadyOrderError('ready() called before advance()')
    const u = r.log.unstable
    const rd: Ready = {
      entries: u.nextEntries(),
      messages: r.msgs,
      messagesAfterPersist: r.msgsAfterPersist,
      committedEntries: r.log.nextCommitted(r.maxApplyBytes),
      readStates: r.readStates,
      mustSync: false
    }
    r.msgs = []
    r.msgsAfterPersist = []
    r.readStates = []
    if (u.hasNextSnapshot()) {
      rd.snapshot = u.snapshot
      this.#diskLast = u.snapshot!.index
    }
    const first = rd.entries[0]
    if (first !== undefined) {
      // The disk, once every earlier Ready is written, holds entries at or after this one: they go.
      if (rd.snapshot === undefined && this.#diskLast >= first.index) rd.truncateFrom = first.index
      this.#diskLast = rd.entries[rd.entries.length - 1]!.index
    }
    u.acceptInProgress()
    const lastApplying = rd.committedEntries[rd.committedEntries.length - 1]
    if (lastApplying !== undefined) r.log.applying = lastApplying.index
    if (r.pendingCompaction !== undefined) {
      rd.compaction = r.pendingCompaction
      r.pendingCompaction = undefined
    }
    if (this.#hardChanged()) rd.hardState = { term: r.term, vote: r.vote, commit: r.log.committed }
    if (this.#softChanged()) rd.softState = { leader: r.leader, role: r.role }
    rd.mustSync = rd.entries.length > 0 || rd.snapshot !== undefined ||
      (rd.hardState !== undefined && (rd.hardState.term !== this.#prevHard.term || rd.hardState.vote !== this.#prevHard.vote))
    if (rd.hardState !== undefined) this.#prevHard = rd.hardState
    if (rd.softState !== undefined) this.#prevSoft = rd.softState
    this.#outstanding.push(rd)
    return rd
  }

  /**
   * Says a Ready's I/O is done: its writes are durable, its committed entries
   * applied. Readys are advanced in the order ready() gave them out. In
   * asynchronous mode a leader's newly durable entries now count toward
   * commit, which may make more work.
   */
  advance (rd: Ready): void {
    if (rd !== this.#outstanding[0]) throw new ReadyOrderError('advance() given a Ready that is not the oldest one out')
    this.#outstanding.shift()
    const r = this.#r
    const log = r.log
    if (rd.hardState !== undefined) r.durableTerm = rd.hardState.term
    if (rd.snapshot !== undefined) {
      log.unstable.stableSnapTo(rd.snapshot.index)
      log.applied = Math.max(log.applied, rd.snapshot.index)
      log.applying = Math.max(log.applying, rd.snapshot.index)
    }
    const last = rd.entries[rd.entries.length - 1]
    if (last !== undefined) log.unstable.stableTo(last.index, last.term)
    const applied = rd.committedEntries[rd.committedEntries.length - 1]
    if (applied !== undefined) log.applied = Math.max(log.applied, applied.index)
    if (rd.compaction !== undefined) r.confs.compactTo(rd.compaction.index)
    if (r.asyncWrites && r.role === 'leader' && last !== undefined) maybeCommit(r)
  }

  status (): Status {
    const r = this.#r
    const progress: Status['progress'] = {}
    for (const [id, pr] of r.progress) {
      const answered = r.rounds.answeredAt.get(id)
      progress[id] = { match: pr.match, next: pr.next, state: pr.state, ...(answered !== undefined ? { lastAnswer: answered } : {}) }
    }
    return {
      id: r.id,
      role: r.role,
      leader: r.leader,
      term: r.term,
      vote: r.vote,
      commit: r.log.committed,
      applied: r.log.applied,
      firstIndex: r.log.firstIndex(),
      lastIndex: r.log.lastIndex(),
      conf: r.conf,
      progress,
      leadTransferee: r.leadTransferee,
      ticks: r.ticks,
      quorumContact: r.quorumContact()
    }
  }

  /** The tick this node last knew it reached a leader backed by a quorum (as status() says, without building the rest of it). */
  quorumContact (): number | undefined {
    return this.#r.quorumContact()
  }

  /** Leader only: the tick `peer` last answered a heartbeat round. */
  lastAnswer (peer: NodeId): number | undefined {
    return this.#r.rounds.answeredAt.get(peer)
  }

  /** Counters of messages dropped as malformed or impossible, and of ones the protocol disregarded. */
  stats (): { dropped: Counters, ignored: Counters } {
    return { dropped: { ...this.#r.dropped }, ignored: { ...this.#r.ignored } }
  }

  #leaderOrThrow (): Raft {
    const r = this.#r
    if (r.role !== 'leader') throw new NotLeaderError(r.leader)
    if (r.leadTransferee !== null) throw new TransferInProgressError()
    return r
  }

  #hardChanged (): boolean {
    const r = this.#r
    const p = this.#prevHard
    return r.term !== p.term || r.vote !== p.vote || r.log.committed !== p.commit
  }

  #softChanged (): boolean {
    const r = this.#r
    return r.leader !== this.#prevSoft.leader || r.role !== this.#prevSoft.role
  }
}
