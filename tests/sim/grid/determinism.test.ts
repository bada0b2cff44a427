/** The grid simulator replays exactly: the same scenario and seed give the same timeline, hash and figures. */
import t from 'tap'
import { scenarioNamed, simulate } from './index.ts'

t.test('same seed, same timeline hash; another seed, another run', async t => {
  const scenario = scenarioNamed('rolling-kill')
  const a = await simulate({ scenario, seed: 11 })
  const b = await simulate({ scenario, seed: 11 })
  t.equal(a.hash, b.hash)
  t.same(a.timeline, b.timeline)
  t.same(a.recovery, b.recovery)
  t.same(a.detection, b.detection)
  const c = await simulate({ scenario, seed: 12 })
  t.not(c.hash, a.hash, 'the seed changes which nodes die and when heartbeats land')
  t.equal(a.rerun, 'node tests/sim/grid/main.ts --scenario rolling-kill --seed 11')
})

t.test('a run reports its figures', async t => {
  const r = await simulate({ scenario: scenarioNamed('zone-loss'), seed: 1 })
  t.same(r.violations, [])
  t.equal(r.nodes, 120)
  t.equal(r.instances, 200)
  t.equal(r.detection.n, 30, 'every node of the zone was declared down')
  t.ok(r.recovery.n > 0 && r.recovery.p99 < 6_000, `instances serve again within 6 s (p99 ${r.recovery.p99} ms)`)
  t.ok(r.moved > 0)
  t.ok(r.nodesUsed > 0 && r.nodesUsed <= r.peakNodesUsed)
  t.ok(r.timeline.some(e => e.kind === 'node-down'))
  t.ok(r.timeline.some(e => e.kind === 're-placed'))
})
