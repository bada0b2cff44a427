/** A node's event log: bounded per app, each remote event taken once, live subscribers, the translations of membership and commits. */
import t from 'tap'
import { appliedEvent, EVENTS_PER_APP, GridEvents, membershipEvent, type GridEvent } from '../../../daemon/events/index.ts'

t.test('an app keeps its last EVENTS_PER_APP events; other apps and grid events are kept apart', async t => {
  const log = new GridEvents({ selfId: 'self' })
  for (let i = 0; i < EVENTS_PER_APP + 250; i++) log.record(`shop.web.${i % 3}`, 'started', `n${i}`, 1000 + i)
  log.record('blog.db.0', 'exited', 'code 1', 5000)
  log.observe({ at: 6000, kind: 'node-down', app: '', subject: 'node-2', detail: 'gone' })
  const shop = log.list({ app: 'shop' }, 10_000)
  t.equal(shop.length, EVENTS_PER_APP, 'bounded')
  t.equal(shop[0]!.detail, 'n250', 'the oldest went first')
  t.equal(shop.at(-1)!.detail, `n${EVENTS_PER_APP + 249}`)
  t.same(log.list({ app: 'blog' }, 10).map(e => e.detail), ['code 1'], 'another app keeps its own')
  t.same(log.list({}, 2).map(e => e.kind), ['exited', 'node-down'], 'all events in the order this node learned them')
  t.same(log.list({ since: 5500 }, 10).map(e => e.kind), ['node-down'])
  const last = log.list({}, 1)[0]!.id
  t.same(log.list({ after: last - 1 }, 10).map(e => e.id), [last], 'after an id: what a resumed stream missed')
})

t.test('remote events are taken once per number; a new incarnation starts again; an older one is ignored', async t => {
  const log = new GridEvents({ selfId: 'self' })
  const seen: GridEvent[] = []
  const off = log.subscribe(e => { seen.push(e) })
  const ev = (seq: number): { seq: number, at: number, subject: string, kind: string, detail: string } => ({ seq, at: seq, subject: 'shop.web.0', kind: 'started', detail: `#${seq}` })
  t.equal(log.ingest('a', 1, [ev(1), ev(2)]), 2)
  t.equal(log.ingest('a', 1, [ev(1), ev(2), ev(3)]), 1, 'a report repeats the latest: only #3 is new')
  t.equal(log.ingest('a', 2, [ev(1)]), 1, 'a restarted node numbers from 1 again')
  t.equal(log.ingest('a', 1, [ev(9)]), 0, 'a late report of the old incarnation is ignored')
  t.equal(log.ingest('self', 1, [ev(50)]), 0, 'its own events come back by gossip and are not taken twice')
  t.same(seen.map(e => [e.origin, e.detail, e.app]), [['a', '#1', 'shop'], ['a', '#2', 'shop'], ['a', '#3', 'shop'], ['a', '#1', 'shop']])
  off()
  log.ingest('b', 1, [ev(1)])
  t.equal(seen.length, 4, 'no more after unsubscribing')
})

t.test('only what happened here goes out in reports; what every node sees for itself does not', async t => {
  const log = new GridEvents({ selfId: 'self' })
  log.record('shop.web.0', 'started', 'pid 1', 1)
  log.observe({ at: 2, kind: 'app-created', app: 'shop', subject: 'shop', detail: 'version 1' })
  log.ingest('a', 1, [{ seq: 1, at: 3, subject: 'shop.web.1', kind: 'started', detail: 'pid 2' }])
  t.same(log.own(50).map(e => e.kind), ['started'])
  t.same(log.list({ app: 'shop' }, 10).map(e => e.kind), ['started', 'app-created', 'started'])
})

t.test('membership transitions and commits become events naming the node', async t => {
  const nameOf = (id: string): string => id === 'id2' ? 'node-2' : id
  t.match(membershipEvent({ type: 'node-down', peer: 'id2', at: 7, phi: 9.25, suspectForMs: 1500 }, nameOf), { kind: 'node-down', app: '', subject: 'node-2', at: 7, detail: /node-2 is down/ })
  t.match(appliedEvent({ kind: 'app-put', name: 'shop', version: 2, change: 'updated' }, 9, nameOf), { kind: 'app-updated', app: 'shop', detail: 'version 2 committed' })
  t.equal(appliedEvent({ kind: 'app-put', name: 'shop', version: 2, change: 'unchanged' }, 9, nameOf), undefined)
  t.match(appliedEvent({ kind: 'node-admin', node: 'id2', cordoned: true, draining: true }, 9, nameOf), { kind: 'node-draining', subject: 'node-2' })
  t.equal(appliedEvent({ kind: 'app-placed', name: 'shop', applied: true, moved: [] }, 9, nameOf), undefined, 'placements are told by the leader\'s own events')
})

t.test('power: parking, parked and unparked say why; a parked node going off is no failure', async t => {
  const name = (id: string): string => id.toUpperCase()
  t.match(appliedEvent({ kind: 'node-admin', node: 'n1', cordoned: true, draining: true, parked: true, reason: 'low load' }, 1, name), { kind: 'node-parking', subject: 'N1', detail: /low load/ })
  t.match(appliedEvent({ kind: 'node-admin', node: 'n1', cordoned: true, draining: false, parked: true, reason: 'emptied' }, 1, name), { kind: 'node-parked', detail: /may be powered off \(emptied\)/ })
  t.match(appliedEvent({ kind: 'node-admin', node: 'n1', cordoned: false, draining: false, parked: false, reason: 'capacity short' }, 1, name), { kind: 'node-unparked', detail: /capacity short/ })
  t.match(appliedEvent({ kind: 'node-admin', node: 'n1', cordoned: false, draining: false }, 1, name), { kind: 'node-uncordoned' }, 'an operator\'s uncordon as before')
  t.match(appliedEvent({ kind: 'power-set', consolidate: true, policy: { consolidate: true } }, 1, name), { kind: 'power-policy', detail: /consolidation on/ })
  const parked = (id: string): boolean => id === 'n1'
  t.equal(membershipEvent({ type: 'node-suspect', peer: 'n1', at: 5, phi: 9 }, name, parked), undefined, 'a parked node\'s silence is not suspicious')
  t.match(membershipEvent({ type: 'node-down', peer: 'n1', at: 6, phi: 12, suspectForMs: 3000 }, name, parked), { kind: 'node-off', detail: /parked and off/ })
  t.match(membershipEvent({ type: 'node-down', peer: 'n2', at: 6, phi: 12, suspectForMs: 3000 }, name, parked), { kind: 'node-down' }, 'another node\'s failure is still one')
})
