import type { Logger } from 'pino'
import type { Clock } from '../../controller/clock/index.ts'
import type { Role, Status } from '../../controller/raft/index.ts'
import type { Datagrams, LinkPacer, Transport } from '../network/index.ts'
import type { Store } from '../store/index.ts'

/** What a RaftCommandLog uses; the caller owns each and closes it after the log. */
export interface RaftCommandLogComponents {
  transport: Transport
  store: Store
  clock: Clock
  logger: Logger
  /** Told of commits and leader changes (metrics). */
  observer?: RaftObserver
  /** The pacer of the link to a peer: snapshots to it go at its pace (docs/field.md, Transfers). Absent: unpaced. */
  pacerFor?: (peer: string) => LinkPacer | undefined
  /** Where idle heartbeats and their answers may go as datagrams (heartbeat-datagrams.ts). Absent: all by stream. */
  datagrams?: Datagrams
}

/** What a RaftCommandLog tells metrics. */
export interface RaftObserver {
  /** A proposal from this node was committed and applied here, `ms` after it was made (forwarding and retries included). */
  committed?: (ms: number) => void
  /** This node learned of a new leader (or of none) in `term`. */
  leaderChanged?: (leader: string | null, term: number) => void
}

/** How a RaftCommandLog is set up. */
export interface RaftCommandLogInit {
  /**
   * Founding voters (node ids, this one included) to bootstrap a fresh group
   * with; ignored when storage holds a log. Leave it out on a node that joins
   * an existing group: it then waits, passive, until a leader adds it.
   */
  voters?: string[]
  /** One Raft tick. Default 100 ms. */
  tickMs?: number
  /** Election timeout in ticks (randomized up to twice this). Default 10. */
  electionTicks?: number
  /** Leader heartbeat interval in ticks. Default 1. */
  heartbeatTicks?: number
  /** Snapshot the state and compact the log every this many applied entries. Default 1000. */
  snapshotEvery?: number
  /** How long propose() and readBarrier() keep trying. Default 5000 ms. */
  timeoutMs?: number
  /** Sublevel of the store holding the log. Default 'raft'. */
  storageName?: string
  /** Randomness for election timeouts. Default Math.random. */
  rng?: () => number
  /** Entries a peer may lag the leader and still count as caught up (catchUp()). Default 50. */
  catchUpLag?: number
  /**
   * Run the core in its asynchronous-writes mode: a leader sends while it
   * persists, committed entries apply without waiting for the commit-index
   * write, consecutive Readys share one synced batch. Default true; false is
   * the serial contract (persist, send, apply, advance per Ready), kept for
   * comparison in the benchmark.
   */
  pipelined?: boolean
  /**
   * How snapshots are serialized. 'background' (default): in slices of about
   * a millisecond, replication and acknowledgements going on meanwhile, only
   * applying held back; a leader with clients waiting puts it off until the
   * log is four snapshots long. 'inline': at once, stalling the node (the old
   * way, kept for comparison in the benchmark).
   */
  snapshotMode?: 'background' | 'inline'
}

/** The node's view of the group, for the API and tests. */
export interface RaftCommandLogStatus {
  id: string
  role: Role
  leader: string | null
  term: number
  commit: number
  applied: number
  voters: string[]
  learners: string[]
  /** Last index in this node's log. */
  lastIndex: number
  /** A membership change is appended but not committed; the next must wait. */
  pendingConfChange: boolean
  /** Leader only: each peer's replication progress (empty elsewhere). */
  progress: Status['progress']
}
