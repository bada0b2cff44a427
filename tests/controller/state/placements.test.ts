import t from 'tap'
import { apply, deleteApp, emptyState, placeApp, putApp, setNodeAdmin } from '../../../controller/state/index.ts'
import type { AppSpec } from '../../../controller/graph/types.ts'
import { restoreState, serializeState } from '../../../daemon/consensus/index.ts'

const spec = (name: string, count = 2): AppSpec => ({
  name,
  components: [{ name: 'web', image: 'web', count, properties: {}, resources: { cpu: 0.1, memory: 1, disk: 0 }, connections: [], volumes: [], constraints: [], antiAffinity: false }],
  entries: [],
  constraints: []
})

t.test('placements: all or nothing per app, generation bumps only on a move, stale plans ignored', async t => {
  const s = emptyState()
  let i = 0
  apply(s, ++i, putApp(spec('a'), '', 'n1'))
  const version = s.apps.get('a')!.version
  t.same(apply(s, ++i, placeApp('a', version, [{ instance: 'a.web.0', node: 'n1' }, { instance: 'a.web.1', node: 'n2' }], 'placed')),
    { kind: 'app-placed', name: 'a', applied: true, moved: [] })
  t.equal(s.placements.get('a.web.0')?.generation, 2)
  const moved = apply(s, ++i, placeApp('a', version, [{ instance: 'a.web.0', node: 'n1' }, { instance: 'a.web.1', node: 'n3' }], 'node down'))
  t.same(moved, { kind: 'app-placed', name: 'a', applied: true, moved: ['a.web.1'] })
  t.equal(s.placements.get('a.web.0')?.generation, 2, 'unmoved instance keeps its generation')
  t.equal(s.placements.get('a.web.1')?.generation, 3, 'moved instance gets a new generation')
  apply(s, ++i, putApp(spec('a', 1), '', 'n1'))
  t.same(apply(s, ++i, placeApp('a', version, [{ instance: 'a.web.0', node: 'n9' }], 'late')), { kind: 'app-placed', name: 'a', applied: false, moved: [] }, 'a plan for an old version changes nothing')
  t.equal(s.placements.get('a.web.0')?.node, 'n1')
  const v2 = s.apps.get('a')!.version
  apply(s, ++i, placeApp('a', v2, [{ instance: 'a.web.0', node: 'n1' }], 'scaled down'))
  t.same([...s.placements.keys()], ['a.web.0'], 'placements the plan leaves out are dropped')
  apply(s, ++i, deleteApp('a'))
  t.equal(s.placements.size, 0, 'deleting the app drops its placements')
})

t.test('node admin state', async t => {
  const s = emptyState()
  apply(s, 1, setNodeAdmin('n1', { cordoned: true, draining: false }))
  t.same(s.nodes.get('n1'), { cordoned: true, draining: false })
  apply(s, 2, setNodeAdmin('n1', { cordoned: false, draining: false }))
  t.notOk(s.nodes.has('n1'), 'uncordoned nodes are not listed')
})

t.test('snapshots carry apps, placements and node admin state', async t => {
  const s = emptyState()
  apply(s, 1, putApp(spec('a'), 'src', 'n1'))
  apply(s, 2, placeApp('a', 1, [{ instance: 'a.web.0', node: 'n1' }, { instance: 'a.web.1', node: 'n2' }], 'placed'))
  apply(s, 3, setNodeAdmin('n2', { cordoned: true, draining: true }))
  const restored = emptyState()
  restoreState(restored, serializeState(s), 3)
  t.same([...restored.apps.entries()], [...s.apps.entries()])
  t.same([...restored.placements.entries()], [...s.placements.entries()])
  t.same([...restored.nodes.entries()], [...s.nodes.entries()])
  t.same(serializeState(restored), serializeState(s), 'same bytes for the same state')
})
