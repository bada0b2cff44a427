import type { Catalog } from '../controller/catalog/index.ts'
import type { AppGraphView } from '../controller/client/types.ts'
import type { AppSpec } from '../controller/graph/index.ts'

/**
 * An app's graph as the console draws it: each component with the terminals
 * its image declares (the app names only the connected ones), its
 * connections and the app's entries.
 */
export function graphView (spec: AppSpec, catalog: Catalog): AppGraphView {
  return {
    components: spec.components.map(c => ({
      name: c.name,
      image: c.image,
      count: c.count,
      // The digest the app runs; the name when the app predates digests.
      terminals: (catalog.get(c.digest ?? c.image) ?? catalog.get(c.image))?.terminals.map(t => ({ name: t.name, direction: t.direction, protocol: t.protocol })) ?? [],
      volumes: c.volumes.map(v => v.name)
    })),
    connections: spec.components.flatMap(c => c.connections.map(k => ({ from: c.name, output: k.output, to: k.component, input: k.input }))),
    entries: spec.entries.map(e => ({ name: e.name, port: e.port, to: e.component, input: e.input }))
  }
}
