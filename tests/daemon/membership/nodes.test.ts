/** The grid's view of its nodes: one name, one state and one admin state everywhere, and what validation may count on. */
import t from 'tap'
import { loadCatalog } from '../../../controller/catalog/index.ts'
import { validateApp } from '../../../controller/graph/index.ts'
import { fileURLToPath } from 'node:url'
import { apply, emptyState, setNodeAdmin } from '../../../controller/state/index.ts'
import { GridNodes, type DirectoryEntry } from '../../../daemon/membership/index.ts'
import type { NodeAdvert } from '../../../daemon/resources/index.ts'
import { sampleAdvert } from '../resources/fixtures.ts'

const GIB = 1024 ** 3

function advert (id: string, memoryGiB: number): NodeAdvert {
  const a = sampleAdvert()
  return { ...a, nodeId: id, name: `node-${id}`, memory: { ...a.memory, allocatable: memoryGiB * GIB } }
}

function grid (): { nodes: GridNodes, entries: DirectoryEntry[], state: ReturnType<typeof emptyState> } {
  const state = emptyState()
  const entries: DirectoryEntry[] = [
    { id: 'a', state: 'up', self: true, lastSeen: 1, advert: advert('a', 2) },
    { id: 'b', state: 'up', self: false, lastSeen: 1, lastHeard: 900, advert: advert('b', 16) },
    { id: 'c', state: 'down', self: false, lastSeen: 1, lastHeard: 500, advert: advert('c', 64) },
    { id: 'd', state: 'up', self: false, lastSeen: 1 }
  ]
  const nodes = new GridNodes({ self: { id: 'a', name: 'node-a' }, directory: { nodes: () => entries }, state: () => state })
  return { nodes, entries, state }
}

t.test('names, states and admin state come from one place', async t => {
  const { nodes, state } = grid()
  t.equal(nodes.nameOf('a'), 'node-a')
  t.equal(nodes.nameOf('b'), 'node-b', 'from its advert')
  t.equal(nodes.nameOf('d'), 'd', 'no advert yet: its id')
  t.equal(nodes.nameOf('zz'), 'zz', 'never heard of: its id')
  t.equal(nodes.stateOf('a'), 'up')
  t.equal(nodes.stateOf('c'), 'down')
  t.equal(nodes.stateOf('zz'), undefined)
  t.ok(nodes.isUp('b'))
  t.notOk(nodes.isUp('c'))
  apply(state, 1, setNodeAdmin('b', { cordoned: true, draining: true }))
  apply(state, 2, setNodeAdmin('c', { cordoned: true, draining: false }))
  const views = await nodes.views()
  t.same(views.map(v => [v.id, v.name, v.state, v.admin]), [['a', 'node-a', 'up', undefined], ['b', 'node-b', 'up', 'draining'], ['c', 'node-c', 'down', 'cordoned'], ['d', 'd', 'up', undefined]])
  t.equal((await nodes.find('node-c'))?.id, 'c', 'found by name')
  t.equal((await nodes.find('b'))?.name, 'node-b', 'found by id')
  t.equal((await nodes.self()).id, 'a')
  const sensed = nodes.sensed()
  t.same(sensed.map(n => [n.id, n.state, n.cordoned, n.draining, n.lastHeard]), [['a', 'up', false, false, undefined], ['b', 'up', true, true, 900], ['c', 'down', true, false, 500]], 'the scheduler sees advertised nodes with admin state and when each was heard')
  t.equal(sensed[1]!.capacity.memory, 16 * GIB)
})

t.test('an app is validated against the grid\'s up nodes, not the node it was sent to', async t => {
  const { nodes, entries } = grid()
  const { catalog } = loadCatalog(fileURLToPath(new URL('../../fixtures/images', import.meta.url)))
  const source = (memory: string): string => `name: big\ncomponents:\n  work:\n    image: idle\n    resources: { memory: ${memory} }\n`
  const capacities = await nodes.capacities()
  t.same(capacities.map(c => c.name), ['node-a', 'node-b'], 'down and unadvertised nodes do not count')
  t.ok(validateApp(source('12Gi'), { catalog, nodes: capacities }).ok, '12 GiB fits on b though a has 2')
  const tooBig = validateApp(source('32Gi'), { catalog, nodes: capacities })
  t.notOk(tooBig.ok, '32 GiB fits only on c, which is down')
  t.match(tooBig.ok ? '' : tooBig.errors[0]!.message, /largest node \(node-b\)/)
  entries[1]!.state = 'suspect'
  t.same((await nodes.capacities()).map(c => c.name), ['node-a'], 'a suspect node does not count either')
})

t.test('a node outside any grid is the only node it knows', async t => {
  const state = emptyState()
  const nodes = new GridNodes({ self: { id: 'solo', name: 'solo' }, advert: async () => advert('solo', 4), state: () => state })
  t.same((await nodes.views()).map(v => [v.id, v.name, v.self]), [['solo', 'node-solo', true]])
  t.same((await nodes.capacities()).map(c => c.allocatable.memory), [4 * GIB])
  t.same(nodes.sensed(), [], 'nothing to schedule across')
  t.equal(nodes.stateOf('solo'), 'up')
})
