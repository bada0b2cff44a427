/** What one simulated Raft run takes and reports. */
import type { NetworkStats } from './network.ts'
import type { Faults, ScenarioName } from './scenarios.ts'

/** One simulated run. Only `seed` is required; the same options always give the same run. */
export interface SimOptions {
  seed: number
  /** Founding voters. Default 3. */
  nodes?: number
  /** Machines that start outside the group, for membership changes. Default 2 when the faults change membership, else 0. */
  spares?: number
  /** Ticks of the faulty phase; then the network heals and every node restarts. Default 300. */
  steps?: number
  /** A scenario name or fault rates. Default: calm. */
  faults?: ScenarioName | Partial<Faults>
  electionTicks?: number
  heartbeatTicks?: number
  /** Ticks allowed after healing for a leader to settle, commit the liveness writes and reach every member. Default 80 election timeouts. */
  healTicks?: number
  /** Writes proposed to the settled leader after healing; all must commit everywhere. Default 5. */
  livenessWrites?: number
  /** Keep a readable event log (slow; for chasing a failing seed). */
  log?: boolean
  /**
   * Run the nodes in the core's asynchronous-writes mode: Readys pile up,
   * early messages leave before the disk write, writes finish 0–2 ticks later,
   * and crashes lose the writes not yet finished. Default false.
   */
  asyncWrites?: boolean
}

/** What a run did and whether every invariant held. */
export interface SimResult {
  seed: number
  scenario: string
  nodes: number
  asyncWrites: boolean
  /** Fingerprint of every event in the run: the same seed and options must give the same hash. */
  traceHash: string
  ticks: number
  /** Highest commit index reached. */
  commits: number
  /** Terms that had a leader. */
  elections: number
  proposals: number
  acknowledged: number
  readsIssued: number
  readsConfirmed: number
  crashes: number
  /** With asynchronous writes: writes a crash struck before they reached the disk (their messages may have gone). */
  lostWrites: number
  snapshotsInstalled: number
  confChanges: number
  transfers: number
  /** Ticks from healing until the liveness writes were applied on every member (null if never). */
  recoveryTicks: number | null
  /** Malformed messages the nodes refused (each garbled one must be). */
  refused: number
  messages: NetworkStats
  errors: Record<string, number>
  /** Empty when every check passed. */
  violations: string[]
  log?: string[]
}
