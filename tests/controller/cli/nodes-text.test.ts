/** `trellis nodes` as text: the table and the notes under it, from the views the API gives. */
import t from 'tap'
import { nodesText } from '../../../controller/cli/commands.ts'
import type { TrellisClient } from '../../../controller/client/index.ts'
import type { NodeView } from '../../../controller/client/types.ts'

function view (name: string, over: Partial<NodeView> = {}): NodeView {
  return {
    id: `id-${name}`, name, state: 'up', self: false, version: '0.1.0', address: '', zone: '', labels: {},
    power: { source: 'mains', charging: false }, incarnation: 1,
    cpu: { cores: 4, model: '', load1: 0.5, allocated: 1 },
    memory: { total: 2 ** 33, free: 2 ** 32, allocatable: 2 ** 33, allocated: 2 ** 30 },
    disk: { total: 2 ** 35, free: 2 ** 34 },
    capabilities: ['driver:process'], notes: [], lastSeen: Date.now(),
    ...over
  }
}

const clientOf = (list: NodeView[]): TrellisClient => ({ nodes: async () => list }) as unknown as TrellisClient

t.test('a peer heard by gossip only gets a note; by datagram, down, or self, none', async t => {
  const text = await nodesText(clientOf([
    view('a', { self: true }),
    view('b', { heartbeats: 'datagram' }),
    view('c', { heartbeats: 'gossip' }),
    view('d', { heartbeats: 'gossip', state: 'down' }),
    view('e', { heartbeats: 'gossip', notes: ['mDNS cannot work here'] })
  ]), 'table')
  const notes = text.split('\n').slice(text.split('\n').indexOf('Notes:') + 1)
  t.same(notes.map(n => n.trim().split(':')[0]), ['c', 'e', 'e'], 'c for gossip, e for its own note and gossip')
  t.match(notes[0], /by gossip only, no datagram lately/)
  t.notMatch(text, /^\s*[abd]: /m, 'no note for a, b or d')
})

t.test('with nothing to say, no Notes section', async t => {
  const text = await nodesText(clientOf([view('a', { self: true }), view('b', { heartbeats: 'datagram' })]), 'table')
  t.notMatch(text, /Notes:/)
  t.match(text, /^NAME\s+STATE/)
})
