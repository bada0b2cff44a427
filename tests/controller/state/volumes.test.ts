import t from 'tap'
import { apply, copyVolume, deleteApp, emptyState, placeApp, putApp, updateVolume, type GridState, type VolumeChange } from '../../../controller/state/index.ts'
import type { AppSpec } from '../../../controller/graph/types.ts'
import { restoreState, serializeState } from '../../../daemon/consensus/index.ts'

const GiB = 1024 ** 3
const spec = (volumes = [{ name: 'data', size: GiB, replicas: 3, mount: '/data' }]): AppSpec => ({
  name: 'a',
  components: [{ name: 'db', image: 'db', count: 1, properties: {}, resources: { cpu: 0.1, memory: 1, disk: 0 }, connections: [], volumes, constraints: [], antiAffinity: false }],
  entries: [],
  constraints: []
})

/** A state with app a placed on n1 and its volume on n1, n2, n3; returns the state and the next index. */
function placed (): { s: GridState, i: number, version: number } {
  const s = emptyState()
  apply(s, 1, putApp(spec(), '', 'n1'))
  const version = s.apps.get('a')!.version
  apply(s, 2, placeApp('a', version, [{ instance: 'a.db.0', node: 'n1' }], 'placed', [{ volume: 'a.db.data', members: ['n1', 'n2', 'n3'] }]))
  return { s, i: 3, version }
}

t.test('first placement creates the volume with every member in sync, attached where the instance runs', async t => {
  const { s } = placed()
  t.same(s.volumes.get('a.db.data'), {
    id: 'a.db.data', app: 'a', component: 'db', name: 'data', sizeBytes: GiB, replicas: 3,
    members: ['n1', 'n2', 'n3'], inSync: ['n1', 'n2', 'n3'], generation: 2, primary: 'n1', createdIndex: 2
  })
})

t.test('a new volume always includes the instance node, even when the plan forgot it', async t => {
  const s = emptyState()
  apply(s, 1, putApp(spec(), '', 'n1'))
  apply(s, 2, placeApp('a', 1, [{ instance: 'a.db.0', node: 'n5' }], 'placed', [{ volume: 'a.db.data', members: ['n2', 'n2'] }]))
  t.same(s.volumes.get('a.db.data')?.members, ['n5', 'n2'])
})

t.test('a move attaches on an in-sync member and bumps the generation; anywhere else the whole plan is refused', async t => {
  const { s, version } = placed()
  apply(s, 3, updateVolume('a.db.data', 2, { removeInSync: ['n3'] }, 'replica failed'))
  const refused = apply(s, 4, placeApp('a', version, [{ instance: 'a.db.0', node: 'n3' }], 'node down'))
  t.same(refused, { kind: 'app-placed', name: 'a', applied: false, moved: [], why: 'a.db.0 on n3: it holds no in-sync replica of volume a.db.data' })
  t.equal(s.placements.get('a.db.0')?.node, 'n1', 'the placement did not change')
  t.equal(s.volumes.get('a.db.data')?.generation, 2, 'nor the generation')
  const ok = apply(s, 5, placeApp('a', version, [{ instance: 'a.db.0', node: 'n2' }], 'node down'))
  t.same(ok, { kind: 'app-placed', name: 'a', applied: true, moved: ['a.db.0'] })
  t.match(s.volumes.get('a.db.data'), { primary: 'n2', generation: 5, inSync: ['n1', 'n2'] })
  apply(s, 6, placeApp('a', version, [{ instance: 'a.db.0', node: 'n2' }], 'again'))
  t.equal(s.volumes.get('a.db.data')?.generation, 5, 'staying put is no attach')
})

t.test('updates apply only at the present generation, whole or not at all', async t => {
  const table: Array<{ name: string, generation?: number, change: VolumeChange, applied: boolean, why?: RegExp, inSync?: string[], members?: string[] }> = [
    { name: 'shrink', change: { removeInSync: ['n2'] }, applied: true, inSync: ['n1', 'n3'], members: ['n1', 'n2', 'n3'] },
    { name: 'stale generation', generation: 1, change: { removeInSync: ['n2'] }, applied: false, why: /generation 1 is not the volume's 2/ },
    { name: 'newer generation', generation: 9, change: { removeInSync: ['n2'] }, applied: false, why: /generation 9/ },
    { name: 'primary cannot leave the in-sync set', change: { removeInSync: ['n1'] }, applied: false, why: /primary n1 cannot leave/ },
    { name: 'primary cannot leave the members', change: { removeMembers: ['n1'] }, applied: false, why: /primary n1 cannot leave/ },
    { name: 'replace a member', change: { removeMembers: ['n3'], addMembers: ['n4'] }, applied: true, inSync: ['n1', 'n2'], members: ['n1', 'n2', 'n4'] },
    { name: 'add in sync must be a member', change: { addInSync: ['n9'] }, applied: false, why: /n9 is not a member/ },
    { name: 'add and sync in one', change: { addMembers: ['n4'], addInSync: ['n4'] }, applied: true, inSync: ['n1', 'n2', 'n3', 'n4'] },
    { name: 'empty node id', change: { addMembers: [''] }, applied: false, why: /empty node id/ },
    { name: 'removing what is absent is a no-op that applies', change: { removeInSync: ['n7'] }, applied: true, inSync: ['n1', 'n2', 'n3'] }
  ]
  for (const row of table) {
    const { s } = placed()
    const before = JSON.stringify(s.volumes.get('a.db.data'))
    const r = apply(s, 3, updateVolume('a.db.data', row.generation ?? 2, row.change, row.name))
    t.equal(r.kind === 'volume-updated' && r.applied, row.applied, row.name)
    if (!row.applied) {
      t.match((r as { why?: string }).why, row.why!, `${row.name}: names why`)
      t.equal(JSON.stringify(s.volumes.get('a.db.data')), before, `${row.name}: changes nothing`)
      continue
    }
    if (row.inSync !== undefined) t.same(s.volumes.get('a.db.data')?.inSync, row.inSync, `${row.name}: in-sync set`)
    if (row.members !== undefined) t.same(s.volumes.get('a.db.data')?.members, row.members, `${row.name}: members`)
  }
})

t.test('the in-sync set never empties, even without a primary', async t => {
  const { s } = placed()
  s.volumes.get('a.db.data')!.primary = ''
  const r = apply(s, 3, updateVolume('a.db.data', 2, { removeInSync: ['n1', 'n2', 'n3'] }, 'all failed'))
  t.match(r, { applied: false, why: /no in-sync replica/ })
  const gone = apply(s, 4, updateVolume('nope', 2, { removeInSync: ['n1'] }, 'x'))
  t.match(gone, { applied: false, why: /no volume nope/ })
})

t.test('volumes go with their app, and with their declaration', async t => {
  const { s, i } = placed()
  apply(s, i, putApp(spec([]), '', 'n1'))
  apply(s, i + 1, placeApp('a', s.apps.get('a')!.version, [{ instance: 'a.db.0', node: 'n1' }], 'new version'))
  t.equal(s.volumes.size, 0, 'a volume the app no longer declares is dropped at its next placement')
  const again = placed()
  apply(again.s, again.i, deleteApp('a'))
  t.equal(again.s.volumes.size, 0)
})

t.test('volumes survive a snapshot round trip', async t => {
  const { s } = placed()
  const copy = emptyState()
  restoreState(copy, serializeState(s), s.appliedIndex)
  t.same(copy.volumes, s.volumes)
})

t.test('a snapshot or a clone volume starts on the source\'s freshest holder with nothing in sync, then becomes whole', async t => {
  const { s, i } = placed()
  const r = apply(s, i, copyVolume('a.db.data', 'a.db.data@s1', { app: '', component: '', name: '' }))
  t.same(r, { kind: 'volume-copied', volume: 'a.db.data@s1', applied: true })
  t.match(s.volumes.get('a.db.data@s1'), { app: '', component: 'db', name: 'data', members: ['n1'], inSync: [], primary: '', snapshot: true, copiedFrom: 'a.db.data', sizeBytes: GiB, replicas: 3 })
  t.match(apply(s, i + 1, copyVolume('a.db.data', 'a.db.data@s1', { app: '', component: '', name: '' })), { applied: false, why: /exists/ }, 'a name is taken once')
  t.match(apply(s, i + 2, copyVolume('nope', 'x@s', { app: '', component: '', name: '' })), { applied: false, why: /no volume nope/ })
  const gen = s.volumes.get('a.db.data@s1')!.generation
  t.match(apply(s, i + 3, updateVolume('a.db.data@s1', gen, { addMembers: ['n2'] }, 'more')), { applied: true }, 'members may change before the copy is made')
  t.match(apply(s, i + 4, updateVolume('a.db.data@s1', gen, { addInSync: ['n1'] }, 'copied')), { applied: true })
  t.match(apply(s, i + 5, updateVolume('a.db.data@s1', gen, { removeInSync: ['n1'] }, 'x')), { applied: false, why: /no in-sync replica/ }, 'once whole, never empty again')
  apply(s, i + 6, deleteApp('a'))
  t.ok(s.volumes.has('a.db.data@s1'), 'a snapshot outlives its app')
  t.notOk(s.volumes.has('a.db.data'))
})

t.test('a clone\'s db attaches only once its copied volume is in sync', async t => {
  const { s, i } = placed()
  apply(s, i, copyVolume('a.db.data', 'b.db.data', { app: 'b', component: 'db', name: 'data' }))
  apply(s, i + 1, putApp({ ...spec(), name: 'b' }, '', 'n1'))
  const version = s.apps.get('b')!.version
  t.match(apply(s, i + 2, placeApp('b', version, [{ instance: 'b.db.0', node: 'n1' }], 'placed')), { applied: false, why: /no in-sync replica of volume b\.db\.data/ })
  apply(s, i + 3, updateVolume('b.db.data', s.volumes.get('b.db.data')!.generation, { addInSync: ['n1'] }, 'copied'))
  t.match(apply(s, i + 4, placeApp('b', version, [{ instance: 'b.db.0', node: 'n1' }], 'placed')), { applied: true })
  t.match(s.volumes.get('b.db.data'), { app: 'b', primary: 'n1', inSync: ['n1'], generation: i + 4 })
})
