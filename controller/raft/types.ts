/**
 * The plain data the Raft core takes in and gives out. Everything here is a
 * plain object of numbers, strings, booleans and byte arrays so that the
 * driver can encode it to protobuf field by field; nothing holds behaviour.
 */

/** A node's id in the Raft group: the daemon's libp2p peer id. Never reused by a wiped machine. */
export type NodeId = string

/** A source of uniform numbers in [0, 1); seeded in tests and the simulator. */
export type { Rng } from '../random/index.ts'

/** What a node is doing in the election protocol. */
export type Role = 'follower' | 'pre-candidate' | 'candidate' | 'leader'

/** A client command; empty `data` is reserved for the no-op a new leader appends. */
export interface NormalEntry {
  type: 'normal'
  term: number
  index: number
  data: Uint8Array
}

/** A single-server membership change; it takes effect on every node as soon as it is appended. */
export interface ConfChangeEntry {
  type: 'conf-change'
  term: number
  index: number
  change: ConfChange
}

/** One slot of the replicated log. */
export type Entry = NormalEntry | ConfChangeEntry

/**
 * The four single-server changes (Raft thesis §4.1). A learner (non-voter)
 * receives the log but neither votes in elections nor counts for commit.
 */
export type ConfChangeType = 'add-voter' | 'add-learner' | 'promote' | 'remove'

/** One membership change, carried in a conf-change entry. */
export interface ConfChange {
  type: ConfChangeType
  node: NodeId
}

/** A membership, as persisted in snapshots. Both lists sorted, disjoint. */
export interface ConfState {
  voters: NodeId[]
  learners: NodeId[]
}

/** What must be on stable storage before any message of the same Ready is sent. */
export interface HardState {
  term: number
  /** Whom this node voted for in `term`, or null. */
  vote: NodeId | null
  commit: number
}

/** Volatile state the caller may want to show or act on; never persisted. */
export interface SoftState {
  leader: NodeId | null
  role: Role
}

/** The state machine as of `index` (inclusive), with the membership in force there. */
export interface Snapshot {
  index: number
  term: number
  conf: ConfState
  data: Uint8Array
}

/** A confirmed linearizable read: serve it once the state machine has applied `index`. */
export interface ReadState {
  index: number
  context: Uint8Array
}

interface MessageBase {
  from: NodeId
  to: NodeId
  term: number
}

/** Leader → follower: entries after (index, logTerm), and the leader's commit index. */
export interface AppendMessage extends MessageBase {
  type: 'append'
  /** Index of the entry just before `entries`. */
  index: number
  /** Term of the entry at `index`. */
  logTerm: number
  entries: Entry[]
  commit: number
}

/**
 * Follower → leader. Accepted: `index` is the last index known to match.
 * Rejected: `index` is the rejected append's index, and (rejectHint, logTerm)
 * is the follower's guess at the last matching entry, so the leader can skip a
 * whole divergent term per round trip instead of one entry.
 */
export interface AppendResponse extends MessageBase {
  type: 'append-response'
  index: number
  reject: boolean
  rejectHint: number
  logTerm: number
}

/**
 * Leader → follower: keeps the follower from campaigning; `context` tags
 * read-index rounds. `round` numbers the broadcast and `confirmed` is the
 * newest round a quorum and this follower have answered (quorum-contact.ts);
 * both absent (0) from a peer that does not count rounds.
 */
export interface HeartbeatMessage extends MessageBase {
  type: 'heartbeat'
  commit: number
  context: Uint8Array
  round?: number
  confirmed?: number
}

/** Follower → leader: echoes the heartbeat's context and round. */
export interface HeartbeatResponse extends MessageBase {
  type: 'heartbeat-response'
  context: Uint8Array
  round?: number
}

/**
 * Candidate → voter. For a pre-vote `term` is the term the candidate would
 * campaign at, not its current one. `transfer` marks an election started by a
 * leadership transfer, which voters honour even inside a leader lease.
 */
export interface VoteRequest extends MessageBase {
  type: 'vote' | 'pre-vote'
  /** Candidate's last log index. */
  index: number
  /** Candidate's last log term. */
  logTerm: number
  transfer: boolean
}

/** Voter → candidate. */
export interface VoteResponse extends MessageBase {
  type: 'vote-response' | 'pre-vote-response'
  reject: boolean
}

/** Leader → follower whose next entry has been compacted away. */
export interface SnapshotMessage extends MessageBase {
  type: 'snapshot'
  snapshot: Snapshot
}

/** Follower → leader: a read-index request forwarded on behalf of a local client. */
export interface ReadIndexRequest extends MessageBase {
  type: 'read-index'
  context: Uint8Array
}

/** Leader → follower: the confirmed read index for a forwarded request. */
export interface ReadIndexResponse extends MessageBase {
  type: 'read-index-response'
  index: number
  context: Uint8Array
}

/** Leader → transfer target: campaign now, without pre-vote. */
export interface TimeoutNowMessage extends MessageBase {
  type: 'timeout-now'
}

/** Every message a node sends or receives. */
export type Message =
  | AppendMessage | AppendResponse
  | HeartbeatMessage | HeartbeatResponse
  | VoteRequest | VoteResponse
  | SnapshotMessage
  | ReadIndexRequest | ReadIndexResponse
  | TimeoutNowMessage

/** Every message type, for validation and encoders. */
export const MESSAGE_TYPES: ReadonlyArray<Message['type']> = [
  'append', 'append-response', 'heartbeat', 'heartbeat-response', 'vote', 'pre-vote',
  'vote-response', 'pre-vote-response', 'snapshot', 'read-index', 'read-index-response', 'timeout-now'
]

/**
 * One batch of work for the driver. Synchronous mode (the default): process
 * it in this order, then call `advance(ready)` (docs/raft.md has the reasons):
 *
 * 1. persist `snapshot` (replacing the log), then `entries` (first discarding
 *    every persisted entry with index ≥ entries[0].index), then `hardState`,
 *    then `compaction` — durably (fsync when `mustSync`), ideally as one batch;
 * 2. send `messages` (and `messagesAfterPersist`, always empty in this mode);
 * 3. restore the state machine from `snapshot` if present, then apply
 *    `committedEntries` in order; answer `readStates` once applied ≥ their index;
 * 4. call `advance(ready)`.
 *
 * Asynchronous mode (`asyncStorageWrites`): several Readys may be out. For
 * each, in the order given: send `messages` at once; apply as above; write it
 * after every earlier Ready's writes (consecutive Readys may share one
 * batch); once it is durable send `messagesAfterPersist`, then `advance` it.
 */
export interface Ready {
  softState?: SoftState
  hardState?: HardState
  /** Entries to append; persisted entries at or after entries[0].index are discarded first. */
  entries: Entry[]
  /**
   * Present when `entries` overwrite part of the stored log: delete every
   * stored entry from this index on (it equals entries[0].index). A store keyed
   * by index must do this itself, or stale entries would outlive the truncation.
   */
  truncateFrom?: number
  /** A snapshot received from the leader: persist it, dropping the whole log, and restore from it. */
  snapshot?: Snapshot
  /** A snapshot made by compact(): persist it and discard the log up to its index. Nothing to apply. */
  compaction?: Snapshot
  /** Messages to send: after this Ready's writes in synchronous mode, at once in asynchronous mode. */
  messages: Message[]
  /** Asynchronous mode: messages to send once this Ready's writes (and every earlier Ready's) are durable. */
  messagesAfterPersist: Message[]
  /**
   * Committed entries to apply, in order. In asynchronous mode they may not
   * yet be on this node's disk (they are on a quorum's): apply them at once.
   */
  committedEntries: Entry[]
  readStates: ReadState[]
  /** True when the write must be fsynced: new entries, or a changed term or vote. */
  mustSync: boolean
}

/** A point-in-time view of one node, for tests, logs and the API. */
export interface Status {
  id: NodeId
  role: Role
  leader: NodeId | null
  term: number
  vote: NodeId | null
  commit: number
  applied: number
  firstIndex: number
  lastIndex: number
  conf: ConfState
  /** Leader only: each peer's replication progress. */
  /** `lastAnswer`: the tick the peer last answered a heartbeat round (quorum-contact.ts). */
  progress: Record<NodeId, { match: number, next: number, state: 'probe' | 'replicate' | 'snapshot', lastAnswer?: number }>
  leadTransferee: NodeId | null
  /** Ticks since this node started. */
  ticks: number
  /** The tick at which this node last knew it reached a leader backed by a quorum (quorum-contact.ts); undefined before it ever did. */
  quorumContact: number | undefined
}
