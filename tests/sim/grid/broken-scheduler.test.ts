/**
 * The invariants catch a scheduler that lies: stubs that break one rule each
 * must be reported, with the seed and the line that replays the run.
 */
import t from 'tap'
import { scenarioNamed, simulate } from './index.ts'
import { schedule } from '../../../controller/scheduler/index.ts'
import type { ScheduleRequest } from '../../../controller/scheduler/index.ts'

t.test('a scheduler that ignores anti-affinity is caught, with its seed', async t => {
  // Places the app as if no component were anti-affine: bin-packing then stacks siblings on one node.
  const broken = (request: ScheduleRequest): ReturnType<typeof schedule> =>
    schedule({ ...request, app: { ...request.app, components: request.app.components.map(c => ({ ...c, antiAffinity: false })) } })
  const r = await simulate({ scenario: scenarioNamed('zone-loss'), seed: 42, schedule: broken, failFast: true })
  t.ok(r.violations.length > 0, 'reported')
  t.match(r.violations[0], /anti-affinity broken/)
  t.equal(r.seed, 42)
  t.equal(r.rerun, 'node tests/sim/grid/main.ts --scenario zone-loss --seed 42')
  t.ok(r.timeline.some(e => e.kind === 'VIOLATION'), 'the violation is on the timeline')
})

t.test('a scheduler that places on dead nodes is caught', async t => {
  // Treats every node as up: instances of a killed zone go straight back to it.
  const broken = (request: ScheduleRequest): ReturnType<typeof schedule> =>
    schedule({ ...request, nodes: request.nodes.map(n => ({ ...n, state: 'up' as const })) })
  const r = await simulate({ scenario: scenarioNamed('zone-loss'), seed: 7, schedule: broken, failFast: true })
  t.ok(r.violations.length > 0)
  t.match(r.violations.join('\n'), /unheard for/)
})

t.test('a scheduler that overfills nodes is caught', async t => {
  // Doubles every node's capacity.
  const broken = (request: ScheduleRequest): ReturnType<typeof schedule> =>
    schedule({ ...request, nodes: request.nodes.map(n => ({ ...n, capacity: { ...n.capacity, cpu: n.capacity.cpu * 2, memory: n.capacity.memory * 2 } })) })
  const r = await simulate({ scenario: scenarioNamed('drain'), seed: 3, schedule: broken, failFast: true })
  t.match(r.violations.join('\n'), /over (cpu|memory)/)
})
