/**
 * Every built-in scenario over several seeds: every invariant holds at every
 * step and the grid settles after the last failure. A failure names its seed
 * and the command that replays it.
 */
import t from 'tap'
import { SCENARIOS, sweep } from './index.ts'

const SEEDS = Number(process.env.TRELLIS_SIM_SEEDS ?? 3)

/**
 * Scenarios with a known, unfixed violation, named with why. Empty: the two
 * bugs this simulator found (a stateful instance moved off a merely suspect
 * node before it fenced; instances moved off a cordoned node when their app
 * was re-placed) are fixed in controller/reconciler/plan.ts.
 */
const KNOWN: Record<string, string> = {}

for (const scenario of Object.values(SCENARIOS)) {
  const todo = KNOWN[scenario.name]
  t.test(`${scenario.name}: invariants hold over ${SEEDS} seeds`, todo === undefined ? {} : { todo }, async t => {
    const r = await sweep({ scenarios: [scenario], count: SEEDS })
    t.equal(r.runs, SEEDS)
    for (const f of r.failures) t.fail(`seed ${f.seed} broke an invariant; replay: ${f.rerun}\n  ${f.violations.slice(0, 5).join('\n  ')}`)
    if (r.failures.length === 0) t.pass('all held')
  })
}
