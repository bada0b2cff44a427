/** The options and members of a ReplicatedBlockStore (replicated-store.ts). */
import type { Logger } from 'pino'
import type { Transport } from '../../network/index.ts'
import type { BlockStore } from '../block/index.ts'
import type { ReplicaClient } from './client.ts'
import type { SyncJob } from './resync.ts'
import type { ThrottleClock } from './throttle.ts'

/** What a ReplicatedBlockStore uses. */
export interface ReplicatedBlockStoreComponents {
  /** The primary's own copy; reads are served from it. Closed with the replicated store unless init.ownsLocal is false. */
  local: BlockStore
  transport: Transport
  logger: Logger
  /**
   * Asked to take a member that failed a change out of the in-sync set. The
   * owner proposes the smaller set to Raft and resolves once a committed
   * in-sync set without `node` exists (at once when none holds it, as for a
   * syncing member); it rejects when that cannot happen (no quorum, timeout).
   * Only then is a change the node failed acknowledged without it; absent,
   * every such change fails. Concurrent failures of one node share one call.
   */
  dropReplica?: (node: string, err: Error) => Promise<void>
  /** The resync throttle's clock; the real one by default, tests inject their own sleep. */
  clock?: ThrottleClock
  /** Told how long each acknowledged write took (every in-sync replica persisted it), ms, and its bytes (metrics). */
  observeWrite?: (ms: number, bytes: number) => void
}

/** Which volume, and the in-sync set and generation committed for it. */
export interface ReplicatedBlockStoreInit {
  volume: string
  /** Nodes holding in-sync replicas, besides this one (it is skipped if listed). */
  inSync: string[]
  /** The volume generation of this attachment. */
  generation: number
  timeoutMs?: number
  /** Whether close() closes the local store; default true. The daemon passes false and keeps it open for its ReplicaServer. */
  ownsLocal?: boolean
}

/** A replica changes are mirrored to: each must persist a change before it is acknowledged. */
export interface Member {
  node: string
  client: ReplicaClient
  /** Being (or done being) resynced, and not yet listed by setInSync. */
  syncing: boolean
  /** No longer needed: a committed in-sync set lacks it (or it never was in one), so its failures fail nothing. */
  released: boolean
  job?: SyncJob
}
