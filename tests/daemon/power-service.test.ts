/** The power policy for operators: park, unpark (with a wake for a node that is off), and the policy's checks. */
import t from 'tap'
import { pino } from 'pino'
import { apply, emptyState, type ApplyResult, type CommandLog } from '../../controller/state/index.ts'
import { GridNodes, type DirectoryEntry } from '../../daemon/membership/index.ts'
import { GridPower } from '../../daemon/power-service.ts'
import { sampleAdvert } from './resources/fixtures.ts'

function setup (): { power: GridPower, log: CommandLog, woken: string[], proposed: () => number } {
  const state = emptyState()
  let index = 0
  const log: CommandLog = { state, propose: async c => apply(state, ++index, c) as ApplyResult, onApplied: () => () => {}, close: async () => {} }
  const entry = (id: string, up: boolean, wakeMac?: string): DirectoryEntry => ({
    id, state: up ? 'up' : 'down', self: id === 'a', lastSeen: 1, advert: { ...sampleAdvert(), nodeId: id, name: `node-${id}`, ...(wakeMac !== undefined ? { wakeMac } : {}) }
  })
  const entries = [entry('a', true), entry('b', false, '52:54:00:00:00:0b'), entry('c', false)]
  const nodes = new GridNodes({ self: { id: 'a', name: 'node-a' }, directory: { nodes: () => entries }, state: () => state })
  const woken: string[] = []
  const power = new GridPower({
    log,
    nodes,
    logger: pino({ level: 'silent' }),
    wake: async id => { const mac = nodes.wakeMacOf(id); if (mac !== undefined) woken.push(`${id} ${mac}`); return mac !== undefined }
  })
  return { power, log, woken, proposed: () => index }
}

t.test('park, then unpark: a node that is off is woken when its MAC is known', async t => {
  const { power, woken } = setup()
  t.same(await power.park('node-b'), { node: 'node-b', admin: 'parking' })
  t.same(await power.park('b'), { node: 'node-b', admin: 'parking' }, 'parking again changes nothing')
  t.match((await power.power()).parked, [{ id: 'b', name: 'node-b', state: 'down', admin: 'parking', wakeMac: '52:54:00:00:00:0b' }])
  t.same(await power.unpark('node-b'), { node: 'node-b', admin: 'schedulable', woken: true })
  t.same(woken, ['b 52:54:00:00:00:0b'])
  await power.park('node-c')
  t.same(await power.unpark('node-c'), { node: 'node-c', admin: 'schedulable', woken: false }, 'no MAC: unparked, not woken')
  await t.rejects(power.unpark('node-a'), { code: 'ERR_BAD_REQUEST' }, 'a node that is not parked')
  await t.rejects(power.park('node-z'), { code: 'ERR_NOT_FOUND' })
})

t.test('the policy: what is not given stays; a crossed or out-of-range threshold is refused and changes nothing', async t => {
  const { power, proposed } = setup()
  t.match(await power.power(), { consolidate: false, lowPercent: 50, highPercent: 80, minActiveNodes: 2, parked: [] })
  t.match(await power.setPower({ consolidate: true, lowPercent: 40 }), { consolidate: true, lowPercent: 40, highPercent: 80 })
  t.match(await power.setPower({ highPercent: 70 }), { consolidate: true, lowPercent: 40, highPercent: 70 }, 'consolidation and low stay')
  const before = proposed()
  for (const bad of [{ lowPercent: 70 }, { highPercent: 30 }, { lowPercent: 0 }, { highPercent: 101 }, { minActiveNodes: 0 }]) {
    await t.rejects(power.setPower(bad), { code: 'ERR_BAD_REQUEST' }, JSON.stringify(bad))
  }
  t.equal(proposed(), before, 'nothing proposed')
  t.match(await power.setPower({ consolidate: false }), { consolidate: false, lowPercent: 40, highPercent: 70 })
})

t.test('a node outside any grid has nothing to park', async t => {
  const nodes = new GridNodes({ self: { id: 'a', name: 'node-a' }, state: () => emptyState() })
  const power = new GridPower({ nodes, logger: pino({ level: 'silent' }), wake: async () => false })
  await t.rejects(power.power(), { code: 'ERR_NOT_IN_GRID' })
  await t.rejects(power.park('node-a'), { code: 'ERR_NOT_IN_GRID' })
})
