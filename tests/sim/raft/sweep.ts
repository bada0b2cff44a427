import { simulate } from './simulate.ts'
import type { SimOptions, SimResult } from './simulate.ts'
import type { ScenarioName } from './scenarios.ts'

/** One failed run, with everything needed to rerun it: `simulate({ seed, nodes, faults: scenario, steps })`. */
export interface SweepFailure {
  seed: number
  scenario: ScenarioName
  nodes: number
  steps: number
  asyncWrites: boolean
  violations: string[]
  /** The line to paste into a terminal to replay it. */
  rerun: string
}

/** Totals over a sweep. */
export interface SweepResult {
  runs: number
  ticks: number
  commits: number
  acknowledged: number
  elections: number
  crashes: number
  snapshotsInstalled: number
  confChanges: number
  refused: number
  /** The longest any run took, from healing to the liveness writes applied everywhere. */
  maxRecoveryTicks: number
  failures: SweepFailure[]
}

/** Which runs a sweep makes: every seed in [from, from + count) for every scenario and group size. */
export interface SweepOptions {
  from?: number
  count: number
  scenarios: ScenarioName[]
  nodes?: number[]
  steps?: number
  /** Called after each run, e.g. to print progress in a soak. */
  onResult?: (r: SimResult) => void
  /** Stop at the first failure. */
  failFast?: boolean
  /** Force the core's storage mode; default: alternate by seed. */
  asyncWrites?: boolean
}

/** Runs many seeds; a failure carries its seed and scenario, and reruns exactly. */
export function sweep (options: SweepOptions): SweepResult {
  const out: SweepResult = { runs: 0, ticks: 0, commits: 0, acknowledged: 0, elections: 0, crashes: 0, snapshotsInstalled: 0, confChanges: 0, refused: 0, maxRecoveryTicks: 0, failures: [] }
  const from = options.from ?? 1
  const sizes = options.nodes ?? [3, 5]
  for (let seed = from; seed < from + options.count; seed++) {
    for (const scenario of options.scenarios) {
      // Alternate the group size by seed, so each scenario sees every size.
      const nodes = sizes[seed % sizes.length]!
      // Every other pair of seeds runs the core's asynchronous-writes mode, so both modes meet every size.
      const asyncWrites = options.asyncWrites ?? Math.floor(seed / sizes.length) % 2 === 1
      const opts: SimOptions = { seed, nodes, faults: scenario, asyncWrites }
      if (options.steps !== undefined) opts.steps = options.steps
      const r = simulate(opts)
      out.runs++
      out.ticks += r.ticks
      out.commits += r.commits
      out.acknowledged += r.acknowledged
      out.elections += r.elections
      out.crashes += r.crashes
      out.snapshotsInstalled += r.snapshotsInstalled
      out.confChanges += r.confChanges
      out.refused += r.refused
      out.maxRecoveryTicks = Math.max(out.maxRecoveryTicks, r.recoveryTicks ?? 0)
      options.onResult?.(r)
      if (r.violations.length > 0) {
        const steps = options.steps ?? 300
        out.failures.push({
          seed,
          scenario,
          nodes,
          steps,
          asyncWrites,
          violations: r.violations,
          rerun: `npx node tests/sim/raft/main.ts --seed ${seed} --scenario ${scenario} --nodes ${nodes} --steps ${steps}${asyncWrites ? ' --async' : ''} --log`
        })
        if (options.failFast === true) return out
      }
    }
  }
  return out
}

/** The long sweep for soak scripts: every scenario, 3 and 5 voters, longer runs. */
export function soak (options: { from?: number, count?: number, steps?: number, onResult?: (r: SimResult) => void } = {}): SweepResult {
  const o: SweepOptions = {
    from: options.from ?? 1_000_000,
    count: options.count ?? 10_000,
    scenarios: ['calm', 'lossy', 'partitions', 'leader-crashes', 'crashes', 'membership', 'chaos'],
    steps: options.steps ?? 1000
  }
  if (options.onResult !== undefined) o.onResult = options.onResult
  return sweep(o)
}
