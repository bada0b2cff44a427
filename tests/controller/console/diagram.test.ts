/**
 * The console's app diagram as ELK sees it: the graph elkGraph() builds
 * from an app, laid out by the real elkjs (the same bundle the page loads),
 * keeps inputs on the left of each box and outputs on the right, layers the
 * app from its entry to its database, and routes one edge per connection.
 */
import t from 'tap'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { ElkNode } from 'elkjs/lib/elk-api.js'
import type { AppGraphView } from '../../../controller/client/index.ts'
import { ROOT } from '../../helpers/daemon.ts'

// The page's module is plain JavaScript: load it by path, typed here.
const diagram = await import(join(ROOT, 'controller', 'console', 'web', 'diagram.js')) as { elkGraph: (graph: AppGraphView) => ElkNode }
const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new () => { layout: (graph: ElkNode) => Promise<ElkNode> }

/** examples/three-tier.yaml as GET /v1/apps/three-tier describes its graph. */
const THREE_TIER: AppGraphView = {
  components: [
    { name: 'lb', image: 'lb', count: 1, terminals: [{ name: 'http', direction: 'in', protocol: 'http' }, { name: 'backend', direction: 'out', protocol: 'http' }], volumes: [] },
    { name: 'web', image: 'web', count: 2, terminals: [{ name: 'http', direction: 'in', protocol: 'http' }, { name: 'db', direction: 'out', protocol: 'http' }], volumes: [] },
    // An image gone from the catalog: its ports come from the connections.
    { name: 'db', image: 'db', count: 1, terminals: [], volumes: ['data'] }
  ],
  connections: [{ from: 'lb', output: 'backend', to: 'web', input: 'http' }, { from: 'web', output: 'db', to: 'db', input: 'http' }],
  entries: [{ name: 'http', port: 8080, to: 'lb', input: 'http' }]
}

t.test('three-tier: ports on their sides, layers in order, one routed edge per connection and entry', async t => {
  const graph = diagram.elkGraph(THREE_TIER)
  t.same(graph.children?.map(c => c.id), ['c/lb', 'c/web', 'c/db', 'e/http'])
  t.same(graph.children?.find(c => c.id === 'c/db')?.ports?.map(p => p.id), ['p/db/http'], 'db gets the port its connection names')
  const laid = await new ELK().layout(graph)
  const box = (id: string): ElkNode => laid.children!.find(c => c.id === id)!
  const xs = ['e/http', 'c/lb', 'c/web', 'c/db'].map(id => box(id).x!)
  t.same([...xs].sort((a, b) => a - b), xs, `left to right: entry, lb, web, db (${xs.join(', ')})`)
  for (const c of THREE_TIER.components) {
    const node = box(`c/${c.name}`)
    for (const p of node.ports!) {
      const input = p.id === `p/${c.name}/http`
      if (input) t.ok(p.x! < node.width! / 2, `${p.id} on the left`)
      else t.ok(p.x! >= node.width! / 2, `${p.id} on the right`)
    }
  }
  t.ok(box('c/web').height! > box('c/lb').height!, 'a box grows with its instances')
  const edges = laid.edges as Array<{ sources: string[], targets: string[], sections?: unknown[] }>
  t.same(edges.map(e => `${e.sources[0]!} -> ${e.targets[0]!}`), ['p/lb/backend -> p/web/http', 'p/web/db -> p/db/http', 'e/http/out -> p/lb/http'])
  t.ok(edges.every(e => (e.sections?.length ?? 0) > 0), 'every edge routed')
})
