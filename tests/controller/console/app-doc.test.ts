/**
 * The editor's model with the real `yaml` library: each drawing action is
 * one edit of the app's YAML that keeps the rest of the text (comments,
 * order), and the graph read back from the text is what the diagram draws.
 * Also the catalog's kinds, from image manifests and from the example apps.
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, parseDocument, type Document } from 'yaml'
import type { AppGraphView } from '../../../controller/client/index.ts'
import { exampleKinds } from '../../../controller/console/index.ts'
import { ROOT } from '../../helpers/daemon.ts'

interface Kind { image: string, inGrid: boolean, terminals: Array<{ name: string, direction: string, mandatory: boolean }>, properties: Array<{ name: string, type: string, default?: unknown }>, volumes: Array<{ name: string, required: boolean }> }
// The page's modules are plain JavaScript: load them by path, typed here.
const model = await import(join(ROOT, 'controller', 'console', 'web', 'app-doc.js')) as {
  addComponent: (doc: Document, kind: Kind, name?: string) => string
  removeComponent: (doc: Document, name: string) => void
  connect: (doc: Document, from: string, output: string, to: string, input: string) => void
  disconnect: (doc: Document, from: string, output: string) => void
  setField: (doc: Document, component: string, path: string[], value: unknown) => void
  addEntry: (doc: Document, name: string, port: number, component: string, input: string) => void
  propertyValue: (text: string, type: string) => unknown
  graphOf: (doc: Document, catalog: Kind[]) => AppGraphView
}
const catalog = await import(join(ROOT, 'controller', 'console', 'web', 'catalog.js')) as {
  kindFromManifest: (manifest: unknown, inGrid: boolean) => Kind
  kindFromExample: (image: string, app: unknown) => Kind
  catalogStamp: (images: Array<{ name: string, version: string, importedIndex: number }>) => string
}

const manifest = (image: string): unknown => parse(readFileSync(join(ROOT, 'images', image, 'manifest.yaml'), 'utf8'))
const web = catalog.kindFromManifest(manifest('web'), true)
const db = catalog.kindFromManifest(manifest('db'), true)

t.test('the catalog stamp: each image\'s newest version, in any order of the list; a new image or version changes it', async t => {
  const img = (name: string, version: string, importedIndex: number): { name: string, version: string, importedIndex: number } => ({ name, version, importedIndex })
  const base = [img('web', '1.0.0', 3), img('db', '1.0.0', 4)]
  t.equal(catalog.catalogStamp(base), 'db@1.0.0#4 web@1.0.0#3')
  t.equal(catalog.catalogStamp([...base].reverse()), catalog.catalogStamp(base), 'the list\'s order does not matter')
  t.equal(catalog.catalogStamp([...base, img('web', '0.9.0', 2)]), catalog.catalogStamp(base), 'an older version of an image does not change it')
  t.not(catalog.catalogStamp([...base, img('web', '1.1.0', 7)]), catalog.catalogStamp(base), 'a newer version does')
  t.not(catalog.catalogStamp([...base, img('idle', '1.0.0', 9)]), catalog.catalogStamp(base), 'a new image does')
  t.not(catalog.catalogStamp([img('web', '1.0.0', 8), img('db', '1.0.0', 4)]), catalog.catalogStamp(base), 'an image deleted and imported again does')
  t.equal(catalog.catalogStamp([]), '')
})

t.test('a kind from a manifest: terminals with their direction, properties with defaults, volumes', async t => {
  t.same(web.terminals.map(x => [x.name, x.direction, x.mandatory]), [['http', 'in', false], ['db', 'out', true]])
  t.same(web.properties.map(p => [p.name, p.type, p.default]), [['title', 'string', 'Trellis']])
  t.same(db.volumes, [{ name: 'data', required: true, mount: '/data' }])
})

t.test('a kind known only from its example: the terminals and volumes the example wires', async t => {
  const vmWeb = catalog.kindFromExample('vm-web', parse(readFileSync(join(ROOT, 'examples', 'vm-web.yaml'), 'utf8')))
  t.same(vmWeb.terminals.map(x => [x.name, x.direction]), [['http', 'in']])
  t.same(vmWeb.volumes.map(v => v.name), ['data'])
  t.equal(vmWeb.inGrid, false)
})

t.test('the example apps\' kinds: each image once, with the manifest an example ships', async t => {
  const kinds = await exampleKinds(join(ROOT, 'examples'))
  t.same(kinds.map(k => k.image).sort(), ['db', 'lb', 'postgres', 'vm-web', 'web'])
  t.match(kinds.find(k => k.image === 'postgres')?.manifest, /^name: postgres$/m)
  t.equal(kinds.find(k => k.image === 'vm-web')?.manifest, undefined)
  t.same(await exampleKinds(join(ROOT, 'no-such-folder')), [], 'no examples: no kinds')
})

t.test('drawing actions edit the YAML and keep the rest of it', async t => {
  const doc = parseDocument('# drawn by hand\nname: drawn # the name\ncomponents: {}\n')
  t.equal(model.addComponent(doc, web), 'web')
  t.equal(model.addComponent(doc, web), 'web-2', 'a free name')
  t.equal(model.addComponent(doc, db), 'db')
  model.connect(doc, 'web', 'db', 'db', 'http')
  model.setField(doc, 'web', ['properties', 'title'], model.propertyValue('Drawn', 'string'))
  model.setField(doc, 'db', ['volumes', 'data', 'replicas'], 1)
  model.addEntry(doc, 'http', 8080, 'web', 'http')
  t.equal(doc.toString(), [
    '# drawn by hand',
    'name: drawn # the name',
    'components:',
    '  web:',
    '    image: web',
    '    connections:',
    '      db: db.http',
    '    properties:',
    '      title: Drawn',
    '  web-2:',
    '    image: web',
    '  db:',
    '    image: db',
    '    volumes:',
    '      data:',
    '        size: 1Gi',
    '        replicas: 1',
    'entries:',
    '  http:',
    '    port: 8080',
    '    to: web.http',
    ''
  ].join('\n'))

  model.setField(doc, 'web', ['properties', 'title'], undefined)
  t.equal(parse(doc.toString()).components.web.properties, undefined, 'back to the default: no empty map left')
  model.removeComponent(doc, 'db')
  t.same(parse(doc.toString()).components.web, { image: 'web' }, 'the connection into a removed component goes with it')
  model.removeComponent(doc, 'web')
  t.equal(parse(doc.toString()).entries, undefined, 'so does an entry into it')
  t.match(doc.toString(), /^# drawn by hand\nname: drawn # the name\n/, 'comments kept')
})

t.test('typed property values: numbers and booleans bare, empty for the default', async t => {
  t.equal(model.propertyValue('1000', 'integer'), 1000)
  t.equal(model.propertyValue('x', 'integer'), 'x', 'left for the validator to refuse')
  t.equal(model.propertyValue('true', 'boolean'), true)
  t.equal(model.propertyValue('', 'string'), undefined)
})

t.test('the graph read back: a wrong terminal is drawn where the validator points, a missing component is not drawn', async t => {
  const doc = parseDocument([
    'name: x',
    'components:',
    '  web:',
    '    image: web',
    '    count: 2',
    '    connections: { db: db.nosuch }',
    '  db: { image: db, volumes: { data: { size: 1Gi } } }',
    '  lb: { image: lb, connections: { backend: gone.http } }',
    'entries: { http: { port: 80, to: web.http } }'
  ].join('\n'))
  const graph = model.graphOf(doc, [web, db])
  t.same(graph.components.map(c => [c.name, c.image, c.count, c.terminals.length, c.volumes]), [['web', 'web', 2, 2, []], ['db', 'db', 1, 1, ['data']], ['lb', 'lb', 1, 0, []]])
  t.same(graph.connections, [{ from: 'web', output: 'db', to: 'db', input: 'nosuch' }])
  t.same(graph.entries, [{ name: 'http', port: 80, to: 'web', input: 'http' }])
  t.same(model.graphOf(parseDocument('- not an app'), [web]).components, [], 'not a map: nothing to draw')
})
