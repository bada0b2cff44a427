import t from 'tap'
import { sweep } from '../../sim/raft/index.ts'
import type { ScenarioName } from '../../sim/raft/index.ts'

// The core's asynchronous-writes mode under the simulator's faults: leaders
// send before their own writes, disks of different speeds finish writes ticks
// later, and crashes lose the writes not yet done. (The other sweeps run this
// mode on every other pair of seeds as well.)
for (const scenario of ['leader-crashes', 'crashes', 'chaos'] as ScenarioName[]) {
  t.test(`${scenario}, asynchronous writes`, async t => {
    let lost = 0
    const r = sweep({ from: 5000, count: 120, scenarios: [scenario], nodes: [3, 5], asyncWrites: true, onResult: res => { lost += res.lostWrites } })
    for (const f of r.failures) t.fail(`seed ${f.seed} (${f.scenario}, ${f.nodes} voters) broke an invariant; replay with:\n  ${f.rerun}\n  ${f.violations.join('\n  ')}`)
    t.equal(r.failures.length, 0, `${r.runs} seeds, every invariant held, every acknowledged write kept`)
    t.ok(lost > 0, `crashes struck between sending and persisting: ${lost} writes lost in flight`)
    t.ok(r.acknowledged > 0 && r.commits > 0, `${r.acknowledged} acknowledged writes, ${r.commits} commits`)
  })
}
