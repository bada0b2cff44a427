import t from 'tap'
import { SCENARIOS, simulate } from '../../sim/raft/index.ts'
import type { ScenarioName } from '../../sim/raft/index.ts'

t.test('a seed replays exactly: same options, same trace hash and results', async t => {
  for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
    for (const seed of [3, 77]) {
      const a = simulate({ seed, faults: scenario, nodes: 5 })
      const b = simulate({ seed, faults: scenario, nodes: 5 })
      t.equal(a.traceHash, b.traceHash, `${scenario} seed ${seed}: same trace`)
      t.same(b, a, `${scenario} seed ${seed}: same results`)
      const logged = simulate({ seed, faults: scenario, nodes: 5, log: true })
      t.equal(logged.traceHash, a.traceHash, `${scenario} seed ${seed}: keeping a log does not change the run`)
      t.ok((logged.log?.length ?? 0) > 0)
    }
  }
  const hashes = new Set(Array.from({ length: 20 }, (_, i) => simulate({ seed: i + 1, faults: 'chaos' }).traceHash))
  t.equal(hashes.size, 20, 'different seeds, different runs')
})

t.test('the benchmark-friendly summary', async t => {
  const r = simulate({ seed: 42, nodes: 3, steps: 200, faults: { loss: 0.05, maxDelay: 3 } })
  t.equal(r.violations.length, 0)
  t.equal(r.scenario, 'custom')
  t.ok(r.commits > 50, `${r.commits} commits`)
  t.ok(r.elections >= 1)
  t.match(r.traceHash, /^[0-9a-f]{16}$/)
  t.ok(r.acknowledged > 0 && r.acknowledged <= r.proposals)
  t.ok(r.messages.lost > 0 && r.messages.delivered > 0)
})

t.test('longer runs: 2000 faulty ticks', async t => {
  for (const [seed, scenario] of [[1, 'chaos'], [2, 'membership'], [3, 'partitions'], [4, 'leader-crashes']] as Array<[number, ScenarioName]>) {
    const r = simulate({ seed, faults: scenario, steps: 2000, nodes: 5 })
    t.same(r.violations, [], `${scenario} seed ${seed}: ${r.commits} commits over ${r.ticks} ticks`)
  }
})
