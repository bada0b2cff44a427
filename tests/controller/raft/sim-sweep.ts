/**
 * Shared by the sweep test files: runs a block of seeds for some scenarios
 * and reports every failing seed with the command that replays it.
 */
import type { Test } from 'tap'
import { sweep } from '../../sim/raft/index.ts'
import type { ScenarioName } from '../../sim/raft/index.ts'

export function sweepTest (t: Test, scenario: ScenarioName, from: number, count: number, steps?: number): void {
  const started = performance.now()
  const r = sweep({ from, count, scenarios: [scenario], nodes: [3, 5], ...(steps === undefined ? {} : { steps }) })
  for (const f of r.failures) {
    t.fail(`seed ${f.seed} (${f.scenario}, ${f.nodes} voters) broke an invariant; replay with:\n  ${f.rerun}\n  ${f.violations.join('\n  ')}`)
  }
  t.equal(r.failures.length, 0, `${scenario}: ${r.runs} seeds from ${from}, every invariant held`)
  t.ok(r.commits > 0 && r.elections >= r.runs, `${scenario}: ${r.commits} commits, ${r.elections} elections, ${r.acknowledged} acknowledged writes`)
  t.comment(`${scenario}: ${r.runs} runs, ${r.ticks} ticks, ${r.crashes} crashes, ${r.snapshotsInstalled} snapshots, ${r.confChanges} membership changes, ${r.refused} garbled refused, recovery after healing at most ${r.maxRecoveryTicks} ticks, in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
