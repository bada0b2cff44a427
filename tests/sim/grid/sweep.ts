import { simulate } from './simulate.ts'
import type { Scenario, SimOptions, SimResult } from './types.ts'

/** One failed run: its seed, what broke, and the line that replays it. */
export interface SweepFailure {
  scenario: string
  seed: number
  violations: string[]
  rerun: string
}

/** Totals over a sweep. */
export interface SweepResult {
  runs: number
  failures: SweepFailure[]
  results: SimResult[]
}

/** Runs every seed in [from, from + count) of each scenario; a failure carries its seed and reruns exactly. */
export async function sweep (options: { scenarios: Scenario[], from?: number, count: number, schedule?: SimOptions['schedule'] }): Promise<SweepResult> {
  const out: SweepResult = { runs: 0, failures: [], results: [] }
  const from = options.from ?? 1
  for (const scenario of options.scenarios) {
    for (let seed = from; seed < from + options.count; seed++) {
      const r = await simulate({ scenario, seed, schedule: options.schedule, failFast: true })
      out.runs++
      out.results.push(r)
      if (r.violations.length > 0) out.failures.push({ scenario: scenario.name, seed, violations: r.violations, rerun: r.rerun })
    }
  }
  return out
}
