import { BadOptionsError } from './errors.ts'
import type { Storage } from './storage.ts'
import type { NodeId, Rng } from './types.ts'

/** How a node is set up; every limit has a default suited to a LAN grid. */
export interface RaftOptions {
  id: NodeId
  storage: Storage
  /** Draws the randomized election timeout; inject a seeded one for reproducible runs. */
  rng: Rng
  /** Election timeout is drawn from [electionTicks, 2·electionTicks). Default 10. */
  electionTicks?: number
  /** A leader sends heartbeats every heartbeatTicks. Default 1. Must be < electionTicks. */
  heartbeatTicks?: number
  /** Most entries in one append message. Default 256. */
  maxEntriesPerAppend?: number
  /** Most entry bytes in one append message (at least one entry is always sent). Default 1 MiB. */
  maxBytesPerAppend?: number
  /** Most unacknowledged appends to one follower in replicate state. Default 256. */
  maxInflight?: number
  /** Most committed-entry bytes in one Ready. Default 16 MiB. */
  maxApplyBytes?: number
  /** Ask before campaigning (thesis §9.6), so a node back from a partition cannot inflate the term. Default true. */
  preVote?: boolean
  /** A leader steps down without a live quorum; followers that heard a leader ignore votes (thesis §6.2, §9.6). Default true. */
  checkQuorum?: boolean
  /**
   * A message whose term exceeds ours by more than this is dropped as
   * garbled: accepting it would push every node's term toward overflow.
   * Default 2^32 (beyond any real run of elections).
   */
  maxTermGap?: number
  /** Last index the state machine has applied (at least the snapshot's). Default: the snapshot index. */
  applied?: number
  /**
   * Pipelined mode (etcd's asynchronous storage writes; docs/raft.md, "The
   * pipelined contract"): several Readys may be out at once, a Ready's
   * `messages` go out before its writes, and the replies that need those
   * writes durable come in `messagesAfterPersist`. A leader counts its own
   * entries toward commit only once advance() says they are durable.
   * Default false: one Ready at a time, everything sent after its writes.
   */
  asyncStorageWrites?: boolean
}

/** Why a received message was dropped or ignored, counted per reason. */
export type Counters = Record<string, number>

const DEFAULTS = {
  electionTicks: 10,
  heartbeatTicks: 1,
  maxEntriesPerAppend: 256,
  maxBytesPerAppend: 1024 * 1024, // bytes
  maxInflight: 256,
  maxApplyBytes: 16 * 1024 * 1024, // bytes
  preVote: true,
  checkQuorum: true,
  maxTermGap: 2 ** 32,
  asyncStorageWrites: false
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<RaftOptions, 'applied'>> & { applied?: number }

/** Fills in defaults and checks the options; throws BadOptionsError when they cannot work. */
export function resolveOptions (options: RaftOptions): ResolvedOptions {
  const o: ResolvedOptions = { ...DEFAULTS, ...stripUndefined(options) }
  checkOptions(o)
  return o
}

function stripUndefined<T extends object> (o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

function checkOptions (o: ResolvedOptions): void {
  if (typeof o.id !== 'string' || o.id.length === 0) throw new BadOptionsError('id must be a non-empty string')
  if (typeof o.rng !== 'function') throw new BadOptionsError('rng must be a function returning [0, 1)')
  const ints: Array<[string, number, number]> = [
    ['electionTicks', o.electionTicks, 1], ['heartbeatTicks', o.heartbeatTicks, 1],
    ['maxEntriesPerAppend', o.maxEntriesPerAppend, 1], ['maxInflight', o.maxInflight, 1],
    ['maxTermGap', o.maxTermGap, 1]
  ]
  for (const [name, v, min] of ints) {
    if (!Number.isSafeInteger(v) || v < min) throw new BadOptionsError(`${name} must be an integer ≥ ${min}`)
  }
  if (o.heartbeatTicks >= o.electionTicks) throw new BadOptionsError('heartbeatTicks must be less than electionTicks')
  if (!(o.maxBytesPerAppend > 0) || !(o.maxApplyBytes > 0)) throw new BadOptionsError('byte limits must be positive')
}
