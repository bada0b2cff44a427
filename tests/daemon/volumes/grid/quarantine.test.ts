/** The back-off for replicas that keep failing writes, by table. */
import t from 'tap'
import { QUARANTINE_FORGET_MS, QUARANTINE_MAX_MS, ReplicaQuarantine } from '../../../../daemon/volumes/grid/quarantine.ts'

t.test('a first failure is caught up at once; failing again soon keeps the replica out, twice as long each time', async t => {
  const q = new ReplicaQuarantine()
  // [time of failure, kept out for]
  // [time of failure: each soon after the replica was let back, kept out for]
  const table: Array<[number, number]> = [[0, 0], [2_000, 5_000], [8_000, 10_000], [19_000, 20_000], [40_000, 40_000], [81_000, 80_000], [162_000, 160_000], [323_000, QUARANTINE_MAX_MS], [624_000, QUARANTINE_MAX_MS]]
  for (const [at, out] of table) {
    t.equal(q.failed('b', at), out, `failure at ${at} ms: out ${out} ms`)
    t.equal(q.readyAt('b', at), at + out, 'ready after that, not before')
  }
  t.equal(q.failures('b', 624_000), table.length)
  t.equal(q.readyAt('c', 5), 0, 'other replicas are not touched')
})

t.test('a replica that went QUARANTINE_FORGET_MS without failing starts afresh', async t => {
  const q = new ReplicaQuarantine()
  q.failed('b', 0)
  t.equal(q.failed('b', 1_000), 5_000, 'out until 6 s')
  t.equal(q.failures('b', 6_000 + QUARANTINE_FORGET_MS - 1), 2, 'remembered until FORGET after its quarantine ended')
  t.equal(q.readyAt('b', 6_000 + QUARANTINE_FORGET_MS), 0, 'then forgotten')
  t.equal(q.failures('b', 6_000 + QUARANTINE_FORGET_MS), 0)
  t.equal(q.failed('b', 7_000 + QUARANTINE_FORGET_MS), 0, 'its next failure is a first again')
})
