/**
 * The power policy in the grid simulator: with consolidation on, a grid whose
 * load falls parks its idle nodes one at a time (battery first, never the
 * nodes holding the database's replicas) and powers them off; when the load
 * rises again it wakes them (mains first) until every instance is placed.
 */
import t from 'tap'
import { scenarioNamed, simulate } from './index.ts'

const BATTERY = new Set(['node-06', 'node-07', 'node-08', 'node-09', 'node-10', 'node-11'])
const VOLUME_NODES = new Set(['node-00', 'node-01'])

for (const seed of [1, 2, 3]) {
  t.test(`seed ${seed}: low load parks nodes, rising load wakes them, nothing left unplaced`, async t => {
    const r = await simulate({ scenario: scenarioNamed('power'), seed })
    t.same(r.violations, [], 'every invariant held')
    t.same(r.unschedulable, {}, 'every instance placed at the end')
    t.equal(r.instances, 27)
    const of = (kind: string): string[] => r.timeline.filter(e => e.kind === kind).map(e => e.detail.split(':')[0]!)
    const parks = of('park')
    const parked = of('parked')
    t.ok(parks.length >= 6, `parked ${parks.length} nodes`)
    t.same(parks.slice(0, 6).every(n => BATTERY.has(n)), true, 'battery nodes first')
    t.same(parks.slice(0, 3).sort(), ['node-06', 'node-07', 'node-08'], 'the lowest charge first')
    t.notOk(parks.some(n => VOLUME_NODES.has(n)), 'never a node holding a replica')
    t.same(parked, parks, 'every park finished, in order')
    // One at a time: a park starts only after the previous one is parked.
    const steps = r.timeline.filter(e => e.kind === 'park' || e.kind === 'parked').map(e => e.kind)
    t.same(steps, steps.map((_, i) => i % 2 === 0 ? 'park' : 'parked'), 'park and parked alternate')
    t.ok(r.timeline.some(e => e.kind === 're-placed' && /draining/.test(e.detail)), 'a parking node had its instances moved off')
    t.equal(of('power-off').length, parked.length, 'each parked node powered off')
    const scaleUp = r.timeline.find(e => e.kind === 'scale' && /to 24/.test(e.detail))!.at
    const unparks = r.timeline.filter(e => e.kind === 'unpark')
    t.ok(unparks.length >= 2, `woke ${unparks.length} nodes`)
    t.ok(unparks.every(e => e.at >= scaleUp), 'nothing woken before the load rose')
    t.notOk(BATTERY.has(unparks[0]!.detail.split(':')[0]!), 'mains first')
    t.ok(r.timeline.filter(e => e.kind === 'wake').length === unparks.length, 'each woken node was off and got a wake')
  })
}

t.test('the same seed replays the same power timeline', async t => {
  const a = await simulate({ scenario: scenarioNamed('power'), seed: 5 })
  const b = await simulate({ scenario: scenarioNamed('power'), seed: 5 })
  t.equal(a.hash, b.hash)
})
