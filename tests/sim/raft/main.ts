/**
 * Reruns one simulation, or a sweep, from the command line:
 *
 *   npx node tests/sim/raft/main.ts --seed 42 --scenario chaos --nodes 5 [--steps 300] [--async] [--log]
 *   npx node tests/sim/raft/main.ts --sweep 1000 [--from 1] [--scenario chaos] [--steps 300] [--async | --no-async]
 *
 * --async runs the core's asynchronous-writes mode; a sweep alternates the modes by seed unless told.
 *
 * A failing seed from the tests prints the exact line to paste here.
 */
import { parseArgs } from 'node:util'
import { SCENARIOS } from './scenarios.ts'
import type { ScenarioName } from './scenarios.ts'
import { simulate } from './simulate.ts'
import { sweep } from './sweep.ts'

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    scenario: { type: 'string' },
    nodes: { type: 'string' },
    steps: { type: 'string' },
    sweep: { type: 'string' },
    from: { type: 'string' },
    log: { type: 'boolean', default: false },
    'no-async': { type: 'boolean' },
    async: { type: 'boolean' }
  }
})

const num = (v: string | undefined): number | undefined => v === undefined ? undefined : Number(v)
const scenario = (values.scenario ?? 'chaos') as ScenarioName
if (!(scenario in SCENARIOS)) throw new Error(`unknown scenario ${scenario}; one of ${Object.keys(SCENARIOS).join(', ')}`)

if (values.sweep !== undefined) {
  const started = performance.now()
  const opts: Parameters<typeof sweep>[0] = { from: num(values.from) ?? 1, count: Number(values.sweep), scenarios: values.scenario === undefined ? Object.keys(SCENARIOS) as ScenarioName[] : [scenario] }
  const steps = num(values.steps)
  if (steps !== undefined) opts.steps = steps
  if (values.async === true) opts.asyncWrites = true
  if (values['no-async'] === true) opts.asyncWrites = false
  const r = sweep(opts)
  process.stdout.write(`${r.runs} runs, ${r.ticks} ticks, ${r.failures.length} failed, slowest recovery ${r.maxRecoveryTicks} ticks, ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  for (const f of r.failures) process.stdout.write(`${f.rerun}\n  ${f.violations.join('\n  ')}\n`)
  process.exitCode = r.failures.length > 0 ? 1 : 0
} else {
  const opts: Parameters<typeof simulate>[0] = { seed: num(values.seed) ?? 1, faults: scenario, log: values.log, asyncWrites: values.async ?? false }
  const nodes = num(values.nodes)
  const steps = num(values.steps)
  if (nodes !== undefined) opts.nodes = nodes
  if (steps !== undefined) opts.steps = steps
  const r = simulate(opts)
  if (r.log !== undefined) process.stdout.write(r.log.join('\n') + '\n')
  const { log: _log, ...summary } = r
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n')
  process.exitCode = r.violations.length > 0 ? 1 : 0
}
