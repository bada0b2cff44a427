import { BadOptionsError, StorageCorruptError } from './errors.ts'
import { campaign, handleVoteRequest } from './election.ts'
import { stepCandidate, stepFollower } from './follower.ts'
import { appendAsLeader, stepLeader, tickLeader } from './leader.ts'
import { RaftLog } from './log.ts'
import { ConfHistory, isMember, isVoter } from './membership.ts'
import { Progress } from './progress.ts'
import { FollowerRounds, LeaderRounds } from './quorum-contact.ts'
import { ReadQueue } from './read-index.ts'
import { resolveOptions } from './options.ts'
import type { Counters, RaftOptions } from './options.ts'
import type { ConfState, Entry, Message, NodeId, ReadState, Rng, Role, Snapshot } from './types.ts'
import { checkMessage } from './validate.ts'

/** Messages only a leader sends: trusted from any sender, whose membership may be ahead of ours. */
const FROM_LEADER = new Set<Message['type']>(['append', 'heartbeat', 'snapshot', 'read-index-response'])
/** Messages that carry the leader's authority for their term: whoever sends one leads it. */
const LEADER_WRITES = new Set<Message['type']>(['append', 'heartbeat', 'snapshot'])
/**
 * What a leader may send before its own writes are durable (asynchronous
 * storage writes): nothing in them vouches for this node's disk. Entries it
 * has not persisted may travel (thesis §10.2.1) because the leader counts
 * itself only once they are durable; everything else (acknowledgements,
 * votes, any message of a term not yet on disk) waits for the write.
 */
const EARLY_FROM_LEADER = new Set<Message['type']>(['append', 'heartbeat', 'snapshot', 'timeout-now', 'read-index-response'])

/**
 * The Raft state machine of one node. Pure: no timers, no I/O, no clock; it
 * changes only through tick(), step() and the calls of RaftNode, and all it
 * produces is queued messages, log state and read states for the next Ready.
 * Role behaviour lives in leader.ts and follower.ts, campaigns and votes in
 * election.ts; this file holds the state, the term rules every message
 * passes through, and the role changes.
 */
export class Raft {
  readonly id: NodeId
  readonly rng: Rng
  readonly electionTicks: number
  readonly heartbeatTicks: number
  readonly maxEntries: number
  readonly maxBytes: number
  readonly maxInflight: number
  readonly maxApplyBytes: number
  readonly preVote: boolean
  readonly checkQuorum: boolean
  readonly maxTermGap: number
  /** Pipelined mode: see RaftOptions.asyncStorageWrites. */
  readonly asyncWrites: boolean

  term = 0
  vote: NodeId | null = null
  leader: NodeId | null = null
  role: Role = 'follower'
  readonly log: RaftLog
  readonly confs: ConfHistory
  /** The membership in force: the latest in the log, committed or not (thesis §4.1). */
  conf: ConfState
  /** Leader only: every other member's progress. */
  readonly progress = new Map<NodeId, Progress>()
  /** Candidate only: answers received, granted or not. */
  readonly votes = new Map<NodeId, boolean>()
  electionElapsed = 0
  heartbeatElapsed = 0
  randomizedElectionTimeout = 0
  leadTransferee: NodeId | null = null
  reads = new ReadQueue()
  /** Ticks since start: what quorum contact is dated by. */
  ticks = 0
  /** Leader only: this leadership's heartbeat rounds. */
  rounds = new LeaderRounds()
  /** The rounds heard from leaders, kept across roles. */
  readonly heardRounds = new FollowerRounds()
  #leaderContact: number | undefined
  /** Reads that arrived before this leader committed an entry of its term: its commit index may still be stale. */
  readsAwaitingCommit: Array<{ from: NodeId, context: Uint8Array }> = []
  readStates: ReadState[] = []
  /** Messages that may leave before the next Ready's writes. In synchronous mode, all of them. */
  msgs: Message[] = []
  /** Pipelined mode: messages that must wait until the Ready they come with is durable. */
  msgsAfterPersist: Message[] = []
  /** The term of the latest hard state known to be on disk (advanced). */
  durableTerm = 0
  pendingCompaction: Snapshot | undefined
  /** Messages refused as malformed or from outside the group. */
  readonly dropped: Counters = {}
  /** Messages sound but disregarded by the protocol (stale term, inside a lease). */
  readonly ignored: Counters = {}

  constructor (options: RaftOptions) {
    const o = resolveOptions(options)
    this.id = o.id
    this.rng = o.rng
    this.electionTicks = o.electionTicks
    this.heartbeatTicks = o.heartbeatTicks
    this.maxEntries = o.maxEntriesPerAppend
    this.maxBytes = o.maxBytesPerAppend
    this.maxInflight = o.maxInflight
    this.maxApplyBytes = o.maxApplyBytes
    this.preVote = o.preVote
    this.checkQuorum = o.checkQuorum
    this.maxTermGap = o.maxTermGap
    this.asyncWrites = o.asyncStorageWrites

    const storage = o.storage
    const { hardState, conf } = storage.initialState()
    const first = storage.firstIndex()
    const last = storage.lastIndex()
    if (hardState.commit > last) throw new StorageCorruptError(`commit ${hardState.commit} is beyond the last stored index ${last}`)
    const committed = Math.max(hardState.commit, first - 1)
    const applied = o.applied ?? first - 1
    if (applied < first - 1 || applied > committed) throw new BadOptionsError(`applied ${applied} must lie in [${first - 1}, ${committed}]`)
    this.log = new RaftLog(storage, committed, applied)
    this.confs = new ConfHistory(first - 1, conf)
    // Memberships take effect when appended, so rebuild them from the whole stored log.
    if (last >= first) this.confs.appendEntries(storage.entries(first, last + 1, Infinity))
    this.conf = this.confs.current()
    this.term = hardState.term
    this.vote = hardState.vote
    this.durableTerm = hardState.term
    this.becomeFollower(this.term, null)
  }

  // ---- messages in ----

  /** Handles one received message. False if it was dropped as malformed, out of range or from a stranger. */
  step (raw: unknown): boolean {
    const reason = checkMessage(raw, this.id)
    if (reason !== null) return this.#drop(reason)
    const m = raw as Message
    if (m.term > this.term + this.maxTermGap) return this.#drop('term-out-of-range')
    if (!this.#senderAllowed(m)) return this.#drop('non-member')

    if (m.term > this.term) {
      if ((m.type === 'vote' || m.type === 'pre-vote') && !m.transfer && this.inLease()) {
        // Thesis §6.2/§9.6: we heard a leader within the minimum election
        // timeout, so this candidate is disruptive (removed, or partitioned);
        // neither adopt its term nor vote.
        this.ignore('vote-in-lease')
        return true
      }
      if (m.type === 'pre-vote' || (m.type === 'pre-vote-response' && !m.reject)) {
        // A pre-vote carries the term the candidate would use; it never changes ours.
      } else {
        this.becomeFollower(m.term, LEADER_WRITES.has(m.type) ? m.from : null)
      }
    } else if (m.term < this.term) {
      if ((this.checkQuorum || this.preVote) && (m.type === 'append' || m.type === 'heartbeat')) {
        // A leader stuck at an old term (we moved on while partitioned from
        // it) would never hear our term otherwise: with pre-vote and leases
        // votes do not carry it. Tell it, so it steps down.
        this.send({ type: 'append-response', from: this.id, to: m.from, term: this.term, index: 0, reject: false, rejectHint: 0, logTerm: 0 })
      } else if (m.type === 'pre-vote') {
        // Reject with our term, so a lagging pre-candidate learns it.
        this.send({ type: 'pre-vote-response', from: this.id, to: m.from, term: this.term, reject: true })
      }
      this.ignore('stale-term')
      return true
    }

    if (m.type === 'vote' || m.type === 'pre-vote') {
      handleVoteRequest(this, m)
    } else if (this.role === 'leader') {
      stepLeader(this, m)
    } else if (this.role === 'follower') {
      stepFollower(this, m)
    } else {
      stepCandidate(this, m)
    }
    return true
  }

  /**
   * Members may send anything. Leader messages are accepted from anyone: a
   * leader's membership can be ahead of ours (it added a node we have not
   * heard of). Vote requests from strangers are heard only by a node that is
   * no voter in its own view (new, a learner, or just added unawares): its
   * membership is plainly behind, and a vote never endangers safety.
   */
  #senderAllowed (m: Message): boolean {
    if (isMember(this.conf, m.from) || FROM_LEADER.has(m.type)) return true
    return (m.type === 'vote' || m.type === 'pre-vote') && !isVoter(this.conf, this.id)
  }

  // ---- time ----

  tick (): void {
    this.ticks++
    if (this.role === 'leader') {
      tickLeader(this)
      return
    }
    this.electionElapsed++
    if (this.promotable() && this.electionElapsed >= this.randomizedElectionTimeout) {
      this.electionElapsed = 0
      campaign(this, this.preVote ? 'pre-vote' : 'election')
    }
  }

  /**
   * How many ticks from now the first that can act comes (a campaign, a
   * heartbeat, a quorum check, a lost snapshot resent); the ticks before it
   * only count. Infinity when no tick can act until a message or call
   * changes this node (a learner, a follower installing a snapshot). A
   * driver may so run the ticks that only count at once, late, and wake
   * only for the one that acts.
   */
  ticksToAct (): number {
    if (this.role === 'leader') {
      let n = Math.min(this.heartbeatTicks - this.heartbeatElapsed, this.electionTicks - this.electionElapsed)
      for (const pr of this.progress.values()) if (pr.state === 'snapshot') n = Math.min(n, this.electionTicks - pr.snapshotTicks)
      return Math.max(1, n)
    }
    if (!this.promotable()) return Infinity
    return Math.max(1, this.randomizedElectionTimeout - this.electionElapsed)
  }

  /** Inside the lease of a leader we heard from within the minimum election timeout. */
  inLease (): boolean {
    return this.checkQuorum && this.leader !== null && this.electionElapsed < this.electionTicks
  }

  /** May campaign: a voter in its own view, not in the middle of installing a snapshot. */
  promotable (): boolean {
    return isVoter(this.conf, this.id) && !this.log.hasPendingSnapshot()
  }

  // ---- roles ----

  reset (term: number): void {
    if (term !== this.term) {
      this.term = term
      this.vote = null
    }
    this.leader = null
    this.electionElapsed = 0
    this.heartbeatElapsed = 0
    this.randomizedElectionTimeout = this.electionTicks + Math.floor(this.rng() * this.electionTicks)
    this.leadTransferee = null
    this.votes.clear()
    this.progress.clear()
    if (this.reads.size > 0) this.ignore('reads-dropped-on-step-down', this.reads.size)
    this.reads = new ReadQueue()
    this.readsAwaitingCommit = []
    this.rounds = new LeaderRounds()
  }

  /** Notes that a quorum confirmed this leader's round sent at `tick`. */
  confirmedAsLeader (tick: number | undefined): void {
    if (tick !== undefined) this.#leaderContact = Math.max(this.#leaderContact ?? tick, tick)
  }

  /** The tick this node last knew it reached a quorum-backed leader; a lone voter leading always does. */
  quorumContact (): number | undefined {
    if (this.role === 'leader' && this.conf.voters.length === 1 && this.conf.voters[0] === this.id) return this.ticks
    const a = this.#leaderContact
    const b = this.heardRounds.contact
    return a === undefined ? b : b === undefined ? a : Math.max(a, b)
  }

  becomeFollower (term: number, leader: NodeId | null): void {
    this.reset(term)
    this.leader = leader
    this.role = 'follower'
  }

  becomePreCandidate (): void {
    // Neither term nor vote changes: that is the point of asking first.
    this.votes.clear()
    this.leader = null
    this.role = 'pre-candidate'
    this.randomizedElectionTimeout = this.electionTicks + Math.floor(this.rng() * this.electionTicks)
  }

  becomeCandidate (): void {
    this.reset(this.term + 1)
    this.vote = this.id
    this.role = 'candidate'
  }

  becomeLeader (): void {
    this.reset(this.term)
    this.leader = this.id
    this.role = 'leader'
    this.syncProgress()
    // Raft §5.4.2/§8: a no-op of our own term lets us commit (and so learn) everything before it.
    appendAsLeader(this, [{ type: 'normal', term: this.term, index: this.log.lastIndex() + 1, data: EMPTY }])
  }

  // ---- log and membership ----

  /** Keeps the membership in step with entries just written (after a truncation, perhaps an older one). */
  onEntriesWritten (written: readonly Entry[]): void {
    if (written.length === 0) return
    this.confs.truncateFrom(written[0]!.index)
    this.confs.appendEntries(written)
    this.setConf(this.confs.current())
  }

  setConf (conf: ConfState): void {
    if (conf === this.conf) return
    this.conf = conf
    if (this.role === 'leader') {
      this.syncProgress()
      if (this.leadTransferee !== null && !isVoter(conf, this.leadTransferee)) this.leadTransferee = null
    }
  }

  /** Gives every member a progress and forgets removed ones. */
  syncProgress (): void {
    const next = this.log.lastIndex() + 1
    for (const id of this.conf.voters.concat(this.conf.learners)) {
      if (id === this.id || this.progress.has(id)) continue
      const pr = new Progress(next, this.maxInflight)
      // Counted live for the first check-quorum round: it has had no chance to answer yet.
      pr.recentActive = true
      this.progress.set(id, pr)
    }
    for (const id of this.progress.keys()) {
      if (!isMember(this.conf, id)) this.progress.delete(id)
    }
  }

  committedEntryInCurrentTerm (): boolean {
    return this.log.term(this.log.committed) === this.term
  }

  /** Answers a confirmed read: locally through Ready.readStates, remotely by message. */
  respondRead (from: NodeId, index: number, context: Uint8Array): void {
    if (from === this.id) this.readStates.push({ index, context })
    else this.send({ type: 'read-index-response', from: this.id, to: from, term: this.term, index, context })
  }

  // ---- out ----

  send (m: Message): void {
    if (!this.asyncWrites || this.#mayGoEarly(m)) this.msgs.push(m)
    else this.msgsAfterPersist.push(m)
  }

  /**
   * A leader's replication messages, once its term is durable: a node that
   * crashed before persisting its term could otherwise come back in the old
   * term, win the same term again and send different entries under it.
   */
  #mayGoEarly (m: Message): boolean {
    return this.role === 'leader' && m.term === this.term && this.durableTerm === this.term && EARLY_FROM_LEADER.has(m.type)
  }

  #drop (reason: string): false {
    this.dropped[reason] = (this.dropped[reason] ?? 0) + 1
    return false
  }

  ignore (reason: string, n = 1): void {
    this.ignored[reason] = (this.ignored[reason] ?? 0) + n
  }

  /** Counts a message that is well-formed yet impossible from a correct peer (a second leader in our term, a conflict with a committed entry). */
  anomaly (reason: string): void {
    this.#drop(reason)
  }
}

const EMPTY = new Uint8Array(0)
