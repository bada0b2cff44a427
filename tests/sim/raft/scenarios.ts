import type { LinkFaults } from './network.ts'

/** Everything that goes wrong during the faulty phase of a run; rates are per tick unless said. */
export interface Faults extends LinkFaults {
  /** Chance per tick of a new partition starting while none is in force. */
  partitionRate: number
  /** How long a partition lasts, in ticks [min, max]. */
  partitionTicks: [number, number]
  /** Chance per tick that a random node crashes. */
  crashRate: number
  /** Chance per tick that the current leader crashes. */
  leaderCrashRate: number
  /** Share of crashes that strike inside a Ready (before or after its writes) rather than between them. */
  midReadyCrash: number
  /** How long a crashed node stays down, in ticks [min, max]. */
  downTicks: [number, number]
  /**
   * Chance per tick that a node stalls (a GC or VM pause): it neither ticks
   * nor handles messages, which queue for it, until the pause ends.
   */
  pauseRate: number
  /** How long a pause lasts, in ticks [min, max]. */
  pauseTicks: [number, number]
  /** Chance per tick that the leader is asked for a membership change. */
  membershipRate: number
  /** Chance per tick that the leader is asked to hand over leadership. */
  transferRate: number
  /** Chance per tick that a node compacts its log into a snapshot. */
  compactRate: number
  /** Client proposals per tick (expected value). */
  proposeRate: number
  /** Client linearizable reads per tick (expected value). */
  readRate: number
}

const QUIET: Faults = {
  loss: 0,
  duplicate: 0,
  minDelay: 0,
  maxDelay: 1,
  garble: 0,
  partitionRate: 0,
  partitionTicks: [20, 80],
  crashRate: 0,
  leaderCrashRate: 0,
  midReadyCrash: 0.3,
  downTicks: [10, 60],
  pauseRate: 0,
  pauseTicks: [15, 60],
  membershipRate: 0,
  transferRate: 0,
  compactRate: 0.02,
  proposeRate: 0.5,
  readRate: 0.1
}

/** Named fault mixes for sweeps; `simulate` also takes any Partial<Faults>. */
export const SCENARIOS = {
  /** No faults beyond small delays: the baseline. */
  calm: { ...QUIET },
  /** Loss, duplication, reordering and garbling on every link. */
  lossy: { ...QUIET, loss: 0.1, duplicate: 0.05, maxDelay: 4, garble: 0.01 },
  /** Long partitions, some of them isolating the leader, over a slightly lossy network. */
  partitions: { ...QUIET, loss: 0.03, maxDelay: 3, partitionRate: 0.02, partitionTicks: [60, 200] as [number, number] },
  /** The leader keeps crashing, sometimes mid-write, and coming back. */
  'leader-crashes': { ...QUIET, loss: 0.02, maxDelay: 2, leaderCrashRate: 0.02, downTicks: [5, 60] as [number, number], midReadyCrash: 0.5 },
  /** Any node may crash at any point. */
  crashes: { ...QUIET, loss: 0.02, maxDelay: 2, crashRate: 0.01, midReadyCrash: 0.5 },
  /** Nodes stall and resume, the leader among them: a stalled leader must not serve stale reads. */
  pauses: { ...QUIET, loss: 0.02, maxDelay: 2, pauseRate: 0.03, readRate: 0.5 },
  /** Membership changes and leadership transfers while links drop and nodes crash. */
  membership: { ...QUIET, loss: 0.03, maxDelay: 2, membershipRate: 0.03, transferRate: 0.005, crashRate: 0.004, partitionRate: 0.004 },
  /** Everything at once. */
  chaos: {
    ...QUIET,
    loss: 0.08,
    duplicate: 0.05,
    maxDelay: 4,
    garble: 0.01,
    partitionRate: 0.01,
    crashRate: 0.006,
    leaderCrashRate: 0.006,
    pauseRate: 0.01,
    membershipRate: 0.02,
    transferRate: 0.005,
    compactRate: 0.05
  }
} satisfies Record<string, Faults>

/** The names of the built-in scenarios. */
export type ScenarioName = keyof typeof SCENARIOS

/** The faults of a scenario name, or QUIET overlaid with the given ones. */
export function resolveFaults (faults: ScenarioName | Partial<Faults> | undefined): Faults {
  if (faults === undefined) return { ...QUIET }
  if (typeof faults === 'string') {
    const f = (SCENARIOS as Record<string, Faults>)[faults]
    if (f === undefined) throw new RangeError(`unknown scenario ${faults}`)
    return { ...f }
  }
  return { ...QUIET, ...faults }
}
