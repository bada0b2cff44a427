/** Parked nodes and the power policy in the state machine: compatible with states and commands from before power. */
import t from 'tap'
import { trellis } from '../../../proto/gen/trellis.js'
import { adminOf, apply, decodeCommand, emptyState, encodeCommand, setNodeAdmin, setPower } from '../../../controller/state/index.ts'
import { restoreState, serializeState } from '../../../daemon/consensus/index.ts'

t.test('parked: implied cordon, a reason for events, cleared by an unpark', async t => {
  const s = emptyState()
  const r = apply(s, 1, decodeCommand(encodeCommand(setNodeAdmin('n1', { cordoned: false, draining: true, parked: true }, 'low load'))))
  t.same(r, { kind: 'node-admin', node: 'n1', cordoned: true, draining: true, parked: true, reason: 'low load' })
  t.same(adminOf(s, 'n1'), { cordoned: true, draining: true, parked: true }, 'a parked node takes nothing new')
  apply(s, 2, setNodeAdmin('n1', { cordoned: true, draining: false, parked: true }))
  t.same(adminOf(s, 'n1'), { cordoned: true, draining: false, parked: true })
  const back = apply(s, 3, setNodeAdmin('n1', { cordoned: false, draining: false, parked: false }))
  t.same(back, { kind: 'node-admin', node: 'n1', cordoned: false, draining: false, parked: false })
  t.equal(s.nodes.has('n1'), false, 'nothing kept for a node back to normal')
})

t.test('a SetNodeAdmin from before power (no parked field) reads as not parked', async t => {
  const s = emptyState()
  const old = trellis.state.Command.encode(trellis.state.Command.create({ version: 1, setNodeAdmin: { node: 'n1', cordoned: true, draining: false } })).finish()
  apply(s, 1, decodeCommand(old))
  t.same(adminOf(s, 'n1'), { cordoned: true, draining: false, parked: false })
  t.same(s.nodes.get('n1'), { cordoned: true, draining: false }, 'the record is as before: no parked field')
})

t.test('the power policy: off until set, kept in snapshots; old snapshots read as off', async t => {
  const s = emptyState()
  t.equal(s.power?.consolidate ?? false, false)
  t.same(apply(s, 1, decodeCommand(encodeCommand(setPower({ consolidate: true })))), { kind: 'power-set', consolidate: true, policy: { consolidate: true } })
  apply(s, 2, setNodeAdmin('n2', { cordoned: true, draining: false, parked: true }))
  const copy = emptyState()
  restoreState(copy, serializeState(s), 2)
  t.same(copy.power, { consolidate: true })
  t.same(adminOf(copy, 'n2'), { cordoned: true, draining: false, parked: true })
  t.same(serializeState(copy), serializeState(s), 'the same bytes again')
  // A snapshot written before power: no power part, node records without parked.
  const old = new TextEncoder().encode(JSON.stringify({ version: 5, appliedIndex: 7, apps: [], placements: [], nodes: [{ id: 'n3', cordoned: true, draining: true }], volumes: [], images: [], tokens: [] }))
  restoreState(copy, old, 7)
  t.equal(copy.power, undefined, 'consolidation off')
  t.same(adminOf(copy, 'n3'), { cordoned: true, draining: true, parked: false })
  apply(copy, 8, setPower({ consolidate: false }))
  t.same(copy.power, { consolidate: false })
  apply(copy, 9, decodeCommand(encodeCommand(setPower({ consolidate: true, lowPercent: 40, minActiveNodes: 3 }))))
  t.same(copy.power, { consolidate: true, lowPercent: 40, minActiveNodes: 3 }, 'thresholds set are kept; those not set stay the defaults')
  const again = emptyState()
  restoreState(again, serializeState(copy), 9)
  t.same(again.power, copy.power, 'and survive a snapshot')
})
