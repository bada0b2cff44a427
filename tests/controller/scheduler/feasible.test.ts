import t from 'tap'
import { app, nodes, run, where } from './harness.ts'

// Each row: what the grid is, what the app asks, and the explanation the scheduler must give word for word.
const infeasible: Array<[string, string, string, string[], string]> = [
  ['membership: only up nodes', `
    n1 state=down
    n2 state=suspect
    n3 state=left
    n4 state=down`, 'web', [],
  'web: 0 of 4 nodes feasible: 2 are down, 1 is suspect, 1 has left the grid'],
  ['admin: cordoned and draining', `
    n1 cordoned
    n2 draining
    n3 cordoned draining`, 'web', [],
  'web: 0 of 3 nodes feasible: 2 are draining, 1 is cordoned'],
  ['power: battery below the threshold', `
    n1 power=battery:19
    n2 power=battery:5`, 'web', [],
  'web: 0 of 2 nodes feasible: 2 are on battery below 20%'],
  ['capabilities the image requires, first missing named', `
    n1
    n2 caps=volume-mount
    n3 caps=binary:postgres`, 'db image=postgres', [],
  'db: 0 of 3 nodes feasible: 2 lack capability volume-mount, 1 lacks capability binary:postgres'],
  ['constraint ==', `
    n1 zone=a
    n2 zone=b`, 'web [zone == c]', [],
  'web: 0 of 2 nodes feasible: 2 fail constraint zone == c'],
  ['constraint !=', 'n1 zone=a', 'web [zone != a]', [],
    'web: 0 of 1 node feasible: 1 fails constraint zone != a'],
  ['constraint in', 'n1 zone=a\nn2 zone=b', 'web [zone in c,d]', [],
    'web: 0 of 2 nodes feasible: 2 fail constraint zone in c,d'],
  ['constraint not-in', 'n1 zone=a\nn2 zone=b', 'web [zone not-in a,b]', [],
    'web: 0 of 2 nodes feasible: 2 fail constraint zone not-in a,b'],
  ['constraint exists on a label', 'n1 label.hdd=yes', 'web [label.ssd]', [],
    'web: 0 of 1 node feasible: 1 fails constraint label.ssd'],
  ['constraint on name', 'n1 name=alpha', 'web [name == beta]', [],
    'web: 0 of 1 node feasible: 1 fails constraint name == beta'],
  ['app-level constraint', 'n1 zone=a', 'web', ['zone == b'],
    'web: 0 of 1 node feasible: 1 fails constraint zone == b'],
  ['cpu, in cores', 'n1 cpu=2\nn2 cpu=4 used=3/0/0', 'web cpu=2.5', [],
    'web: 0 of 2 nodes feasible: 2 lack 2.5 cores of free cpu'],
  ['cpu, one core', 'n1 cpu=1 used=0.5/0/0', 'web cpu=1', [],
    'web: 0 of 1 node feasible: 1 lacks 1 core of free cpu'],
  ['memory in GiB', 'n1 mem=2Gi\nn2 mem=8Gi used=0/6Gi/0\nn3 mem=3Gi', 'db mem=4Gi', [],
    'db: 0 of 3 nodes feasible: 3 lack 4 GiB free memory'],
  ['memory in MiB', 'n1 mem=256Mi', 'web mem=512Mi', [],
    'web: 0 of 1 node feasible: 1 lacks 512 MiB free memory'],
  ['memory in fractional GiB', 'n1 mem=1Gi', 'web mem=1536Mi', [],
    'web: 0 of 1 node feasible: 1 lacks 1.5 GiB free memory'],
  ['disk', 'n1 disk=5Gi\nn2 disk=50Gi used=0/0/45Gi', 'db disk=10Gi', [],
    'db: 0 of 2 nodes feasible: 2 lack 10 GiB free disk'],
  ['anti-affinity: instances of one component on distinct nodes', 'n1\nn2', 'web count=3 cpu=0.1 anti', [],
    'web: 0 of 2 nodes feasible: 2 hold another web instance (anti-affinity)'],
  ['mixed reasons, most common first', `
    n1 mem=2Gi caps=volume-mount,binary:postgres
    n2 mem=2Gi caps=volume-mount,binary:postgres
    n3 mem=2Gi caps=volume-mount,binary:postgres
    n4
    n5`, 'db image=postgres mem=4Gi', [],
  'db: 0 of 5 nodes feasible: 3 lack 4 GiB free memory, 2 lack capability volume-mount'],
  ['the first failing checker is the one counted', 'n1 state=down cordoned mem=1Gi', 'db mem=4Gi', [],
    'db: 0 of 1 node feasible: 1 is down'],
  ['no nodes at all', '', 'web', [], 'web: 0 of 0 nodes feasible']
]

t.test('every feasibility rule says no with its own words', async t => {
  for (const [title, grid, components, constraints, want] of infeasible) {
    const spec = app('shop', components, constraints)
    const result = run(spec, nodes(grid))
    const name = spec.components[0]?.name as string
    t.same(result, { ok: false, explanations: { [name]: want } }, title)
  }
})

// Each row: a grid where exactly one node passes the rule under test; the instance must land there.
const feasible: Array<[string, string, string, string[], string]> = [
  ['membership', 'n1 state=suspect\nn2', 'web', [], 'n2'],
  ['admin', 'n1 cordoned\nn2 draining\nn3', 'web', [], 'n3'],
  ['battery at the threshold is allowed', 'n1 power=battery:19\nn2 power=battery:20', 'web', [], 'n2'],
  ['battery of unknown charge is allowed', 'n1 power=battery:10\nn2 power=battery', 'web', [], 'n2'],
  ['capabilities', 'n1 caps=volume-mount\nn2 caps=volume-mount,binary:postgres', 'db image=postgres', [], 'n2'],
  ['==', 'n1 zone=a\nn2 zone=b', 'web [zone == b]', [], 'n2'],
  ['!=', 'n1 zone=a\nn2 zone=b', 'web [zone != a]', [], 'n2'],
  ['in', 'n1 zone=a\nn2 zone=b\nn3 zone=c', 'web [zone in b,x]', [], 'n2'],
  ['not-in', 'n1 zone=a\nn2 zone=b\nn3 zone=c', 'web [zone not-in a,c]', [], 'n2'],
  ['exists', 'n1\nn2 label.ssd=true', 'web [label.ssd]', [], 'n2'],
  ['label ==', 'n1 label.rack=r1\nn2 label.rack=r2', 'web [label.rack == r2]', [], 'n2'],
  ['!= holds on a missing label', 'n1 label.rack=r1\nn2', 'web [label.rack != r1]', [], 'n2'],
  ['not-in holds on a missing label', 'n1 label.rack=r1\nn2', 'web [label.rack not-in r1,r3]', [], 'n2'],
  ['id', 'n1\nn2', 'web [id == n2]', [], 'n2'],
  ['app-level and component-level both hold', 'n1 zone=a label.ssd=1\nn2 zone=b label.ssd=1\nn3 zone=a', 'web [label.ssd]', ['zone == a'], 'n1'],
  ['cpu exactly fits', 'n1 cpu=2 used=1.5/0/0\nn2 cpu=2 used=1/0/0', 'web cpu=1', [], 'n2'],
  ['memory exactly fits', 'n1 mem=4Gi used=0/3Gi/0\nn2 mem=4Gi used=0/2Gi/0', 'web mem=2Gi', [], 'n2'],
  ['disk exactly fits', 'n1 disk=10Gi used=0/0/9Gi\nn2 disk=10Gi used=0/0/5Gi', 'web disk=5Gi', [], 'n2']
]

t.test('every feasibility rule lets the right node through', async t => {
  for (const [title, grid, components, constraints, want] of feasible) {
    const placed = where(run(app('shop', components, constraints), nodes(grid)))
    t.same(Object.values(placed), [want], title)
  }
})

t.test('a custom battery threshold', async t => {
  const grid = nodes('n1 power=battery:30')
  t.notOk(run(app('shop', 'web'), grid, { minBatteryPercent: 50 }).ok)
  t.ok(run(app('shop', 'web'), grid, { minBatteryPercent: 25 }).ok)
  const result = run(app('shop', 'web'), grid, { minBatteryPercent: 50 })
  t.same(result, { ok: false, explanations: { web: 'web: 0 of 1 node feasible: 1 is on battery below 50%' } })
})

t.test('anti-affinity places each instance on its own node', async t => {
  const placed = where(run(app('shop', 'web count=3 anti cpu=0.1'), nodes('n1\nn2\nn3\nn4')))
  t.equal(new Set(Object.values(placed)).size, 3)
})

t.test('an image the catalog lacks is explained', async t => {
  t.same(run(app('shop', 'web image=nginx'), nodes('n1')),
    { ok: false, explanations: { web: 'web: image nginx is not in the catalog' } })
})
