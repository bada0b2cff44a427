import t from 'tap'
import { diffApps, type AppSpec, type ComponentSpec } from '../../../controller/graph/index.ts'

function component (name: string, extra: Partial<ComponentSpec> = {}): ComponentSpec {
  return { name, image: name, count: 1, properties: {}, resources: { cpu: 0.25, memory: 1 << 27, disk: 0 }, connections: [], volumes: [], constraints: [], antiAffinity: false, ...extra }
}

function app (components: ComponentSpec[], entries: AppSpec['entries'] = []): AppSpec {
  return { name: 'shop', components, entries, constraints: [] }
}

t.test('named lists compare by name, so order is no change', async t => {
  const a = app([component('web'), component('db')])
  const b = app([component('db'), component('web')])
  t.same(diffApps(a, b), [])
})

t.test('each kind of difference, at its path', async t => {
  const before = app([component('web', { properties: { title: 'a' }, connections: [{ output: 'db', component: 'db', input: 'http' }] }), component('old')],
    [{ name: 'http', port: 8080, component: 'web', input: 'http' }])
  const after = app([component('web', { count: 3, properties: { title: 'b', theme: 'dark' }, connections: [{ output: 'db', component: 'db2', input: 'http' }] }), component('new')],
    [{ name: 'http', port: 8081, component: 'web', input: 'http' }])
  const table: Array<[string, string, unknown, unknown]> = [
    ['components.web.count', 'changed', 1, 3],
    ['components.web.properties.title', 'changed', 'a', 'b'],
    ['components.web.properties.theme', 'added', undefined, 'dark'],
    ['components.web.connections.db.component', 'changed', 'db', 'db2'],
    ['components.old', 'removed', component('old'), undefined],
    ['components.new', 'added', undefined, component('new')],
    ['entries.http.port', 'changed', 8080, 8081]
  ]
  const changes = diffApps(before, after)
  for (const [path, kind, from, to] of table) {
    const c = changes.find(x => x.path === path)
    t.ok(c !== undefined, `${path} is found`)
    t.equal(c?.kind, kind, path)
    t.same(c?.from, from, `${path} from`)
    t.same(c?.to, to, `${path} to`)
  }
  t.equal(changes.length, table.length, 'and nothing else')
})

t.test('a new app is all additions', async t => {
  t.same(diffApps(undefined, app([component('web')])).map(c => `${c.kind} ${c.path}`).sort(), ['added components', 'added constraints', 'added entries', 'added name'])
})
