import { readFileSync } from 'node:fs'
import t from 'tap'
import { validateApp } from '../../../controller/graph/index.ts'
import type { AppSpec } from '../../../controller/graph/index.ts'
import { EXAMPLE, NODES, realCatalog } from './fixtures.ts'

const Mi = 1024 ** 2
const Gi = 1024 ** 3

t.test('the three-tier example validates against the real images', async t => {
  const catalog = realCatalog()
  t.same(catalog.list().map(i => i.name), ['db', 'lb', 'web'])
  const result = validateApp(readFileSync(EXAMPLE, 'utf8'), { catalog, nodes: NODES })
  t.ok(result.ok)
  if (!result.ok) { t.comment(JSON.stringify(result.errors)); return }
  const app: AppSpec = result.app
  const byName = new Map(app.components.map(c => [c.name, c]))
  t.equal(app.name, 'three-tier')
  t.same([...byName.keys()], ['lb', 'web', 'db'], 'components keep the order of the file')

  const web = byName.get('web')
  t.equal(web?.count, 2)
  t.same(web?.resources, { cpu: 0.25, memory: 128 * Mi, disk: 0 }, 'resources default from the web manifest')
  t.same(web?.properties, { title: 'Trellis three-tier demo' })
  t.same(web?.connections, [{ output: 'db', component: 'db', input: 'http' }])
  t.equal(web?.antiAffinity, true, 'the web tier spreads over nodes')
  t.same(web?.constraints, [])

  const lb = byName.get('lb')
  t.equal(lb?.count, 1, 'count defaults to 1')
  t.same(lb?.properties, { healthPath: '/healthz', healthInterval: 1000, healthFailures: 2 }, 'property defaults from the manifest')
  t.same(lb?.connections, [{ output: 'backend', component: 'web', input: 'http' }])

  const db = byName.get('db')
  t.same(db?.resources, { cpu: 0.5, memory: 192 * Mi, disk: 0 })
  t.same(db?.volumes, [{ name: 'data', size: 1 * Gi, replicas: 2, mount: '/data' }], 'mount from the image, replicas 2')
  t.same(db?.properties, { maxValueBytes: 1048576 })

  t.same(app.entries, [{ name: 'http', port: 8080, component: 'lb', input: 'http' }])
  t.same(app.constraints, [])
})

t.test('given values override the defaults', async t => {
  const text = `name: custom
components:
  db:
    image: db
    resources: { cpu: 250m, memory: 1Gi, disk: 512M }
    properties: { maxValueBytes: 4096 }
    volumes:
      data: { size: 2Gi, replicas: 3, mount: /srv/db }
    constraints: ["zone in a, b", label.ssd]
    antiAffinity: true
constraints: ["zone != field-a"]
`
  const result = validateApp(text, { catalog: realCatalog(), nodes: [] })
  t.ok(result.ok)
  if (!result.ok) return
  const db = result.app.components[0]
  t.same(db?.resources, { cpu: 0.25, memory: Gi, disk: 512_000_000 })
  t.same(db?.properties, { maxValueBytes: 4096 })
  t.same(db?.volumes, [{ name: 'data', size: 2 * Gi, replicas: 3, mount: '/srv/db' }])
  t.same(db?.constraints, [
    { attribute: 'zone', operator: 'in', values: ['a', 'b'] },
    { attribute: 'label.ssd', operator: 'exists', values: [] }
  ])
  t.equal(db?.antiAffinity, true)
  t.same(result.app.constraints, [{ attribute: 'zone', operator: '!=', values: ['field-a'] }])
  t.same(result.app.entries, [])
})
