/**
 * Runs the grid simulator from the command line:
 *
 *   node tests/sim/grid/main.ts --scenario zone-loss --seed 7        timeline and summary
 *   node tests/sim/grid/main.ts --scenario my-grid.json --seed 7     a scenario from a JSON file
 *   node tests/sim/grid/main.ts --sweep 20 [--scenario name]         seeds 1..20, failures with their replay line
 *   node tests/sim/grid/main.ts --list                               the built-in scenarios
 *
 * A failing seed prints the exact line that replays it.
 */
import { parseArgs } from 'node:util'
import { formatResult, formatSummary } from './format.ts'
import { loadScenario } from './load.ts'
import { SCENARIOS } from './scenarios.ts'
import { simulate } from './simulate.ts'
import { sweep } from './sweep.ts'

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    seed: { type: 'string', default: '1' },
    sweep: { type: 'string' },
    from: { type: 'string', default: '1' },
    summary: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false }
  }
})

if (values.list) {
  for (const s of Object.values(SCENARIOS)) process.stdout.write(`${s.name.padEnd(14)} ${s.description}\n`)
} else if (values.sweep !== undefined) {
  const scenarios = values.scenario === undefined ? Object.values(SCENARIOS) : [await loadScenario(values.scenario)]
  const started = performance.now()
  const r = await sweep({ scenarios, from: Number(values.from), count: Number(values.sweep) })
  process.stdout.write(`${r.runs} runs, ${r.failures.length} failed, ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  for (const f of r.failures) process.stdout.write(`${f.rerun}\n  ${f.violations.slice(0, 5).join('\n  ')}\n`)
  process.exitCode = r.failures.length > 0 ? 1 : 0
} else {
  const scenario = await loadScenario(values.scenario ?? 'zone-loss')
  const r = await simulate({ scenario, seed: Number(values.seed) })
  process.stdout.write((values.summary ? formatSummary(r) : formatResult(r)) + '\n')
  process.exitCode = r.violations.length > 0 ? 1 : 0
}
