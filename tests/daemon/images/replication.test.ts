import t from 'tap'
import { planReplication, type ReplicationBlob, type ReplicationNode, type ReplicationOptions, type ReplicationPlan } from '../../../daemon/images/index.ts'

const GiB = 1024 ** 3 // bytes
const web: ReplicationBlob = { digest: 'sha256:web', size: 1 * GiB }
const db: ReplicationBlob = { digest: 'sha256:db', size: 2 * GiB }

function n (id: string, freeGiB: number, holds: string[] = [], extra: Partial<ReplicationNode> = {}): ReplicationNode {
  return { id, freeDisk: freeGiB * GiB, holds, ...extra }
}

interface Row {
  name: string
  blobs: ReplicationBlob[]
  nodes: ReplicationNode[]
  options?: ReplicationOptions
  /** node ← digest, in plan order */
  fetches: string[]
  shortfalls?: Array<Partial<ReplicationPlan['shortfalls'][number]>>
}

const rows: Row[] = [
  {
    name: 'one holder: the node with most free disk takes the second copy',
    blobs: [web],
    nodes: [n('a', 50, ['sha256:web']), n('b', 10), n('c', 40)],
    fetches: ['c ← sha256:web from a']
  },
  {
    name: 'enough copies: nothing to do',
    blobs: [web],
    nodes: [n('a', 50, ['sha256:web']), n('b', 10, ['sha256:web']), n('c', 40)],
    fetches: []
  },
  {
    name: 'a fetch under way counts as a copy, and fetchers are offered as peers',
    blobs: [web],
    nodes: [n('a', 50, ['sha256:web']), n('b', 10, [], { fetching: ['sha256:web'] }), n('c', 40)],
    options: { replicas: 3 },
    fetches: ['c ← sha256:web from a peers b']
  },
  {
    name: 'three copies wanted',
    blobs: [web],
    nodes: [n('a', 50, ['sha256:web']), n('b', 10), n('c', 40), n('d', 20)],
    options: { replicas: 3 },
    fetches: ['c ← sha256:web from a', 'd ← sha256:web from a']
  },
  {
    name: 'a zone without a copy wins over more free disk',
    blobs: [web],
    nodes: [n('a', 50, ['sha256:web'], { zone: 'r1' }), n('b', 90, [], { zone: 'r1' }), n('c', 20, [], { zone: 'r2' })],
    fetches: ['c ← sha256:web from a']
  },
  {
    name: 'copies spread: a node given one blob in this plan is passed over for the next while others can take it',
    blobs: [web, db],
    nodes: [n('a', 50, ['sha256:web', 'sha256:db']), n('b', 90), n('c', 80)],
    options: { maxFetchesPerNode: 2 },
    fetches: ['b ← sha256:db from a', 'c ← sha256:web from a']
  },
  {
    name: 'fewest copies first: the blob with one copy takes the free fetch slots before the one with two',
    blobs: [web, db],
    nodes: [n('a', 50, ['sha256:web', 'sha256:db']), n('b', 90, ['sha256:web']), n('c', 80)],
    options: { replicas: 3 },
    fetches: ['b ← sha256:db from a', 'c ← sha256:db from a'],
    shortfalls: [{ digest: 'sha256:web', copies: 2, wanted: 3, reason: 'no other node can take it: 1 already fetching' }]
  },
  {
    name: 'the reserve is kept: a node that would drop below it is not chosen',
    blobs: [db],
    nodes: [n('a', 50, ['sha256:db']), n('b', 2.5), n('c', 3.5)],
    fetches: ['c ← sha256:db from a']
  },
  {
    name: 'down, draining and busy nodes take nothing; a down holder is not a source',
    blobs: [web],
    nodes: [
      n('a', 50, ['sha256:web']), n('x', 50, ['sha256:web'], { up: false }), n('b', 90, [], { accepting: false }),
      n('c', 90, [], { fetching: ['sha256:other'] }), n('d', 10)
    ],
    fetches: ['d ← sha256:web from a']
  },
  {
    name: 'nobody can take it: the shortfall says why, counted',
    blobs: [db],
    nodes: [n('a', 50, ['sha256:db']), n('b', 1), n('c', 2), n('d', 90, [], { up: false }), n('e', 90, [], { accepting: false })],
    fetches: [],
    shortfalls: [{ digest: 'sha256:db', copies: 1, wanted: 2, reason: 'no other node can take it: 2 short of disk, 1 down, 1 not accepting blobs' }]
  },
  {
    name: 'no holder up: nothing to fetch from',
    blobs: [web],
    nodes: [n('a', 50, ['sha256:web'], { up: false }), n('b', 90)],
    fetches: [],
    shortfalls: [{ digest: 'sha256:web', copies: 0, reason: 'no node that is up holds it' }]
  },
  {
    name: 'a one-node grid cannot hold two copies',
    blobs: [web],
    nodes: [n('a', 50, ['sha256:web'])],
    fetches: [],
    shortfalls: [{ copies: 1, wanted: 2, reason: 'every node already has a copy' }]
  },
  {
    name: 'ties break by node id, so every leader plans the same',
    blobs: [web],
    nodes: [n('a', 50, ['sha256:web']), n('c', 20), n('b', 20)],
    fetches: ['b ← sha256:web from a']
  }
]

for (const row of rows) {
  t.test(row.name, async t => {
    const plan = planReplication(row.blobs, row.nodes, row.options)
    t.same(plan.fetches.map(f => `${f.node} ← ${f.digest} from ${f.sources.join(',')}${f.peers.length > 0 ? ` peers ${f.peers.join(',')}` : ''}`), row.fetches)
    t.match(plan.shortfalls, row.shortfalls ?? [])
    if (row.shortfalls === undefined) t.same(plan.shortfalls, [])
    t.same(planReplication(row.blobs, [...row.nodes].reverse(), row.options), plan, 'the same plan whatever order the nodes come in')
  })
}

t.test('the copy count is checked', async t => {
  t.throws(() => planReplication([web], [], { replicas: 0 }), RangeError)
  t.throws(() => planReplication([web], [], { replicas: 1.5 }), RangeError)
})
