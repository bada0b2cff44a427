import t from 'tap'
import { stringify } from 'yaml'
import { IssueCode, validateApp } from '../../../controller/graph/index.ts'
import type { GraphIssue } from '../../../controller/graph/index.ts'
import { createCatalog, parseManifest } from '../../../controller/catalog/index.ts'
import { NODES, testCatalog } from './fixtures.ts'

const catalog = testCatalog()

// A sound app every bad case starts from: each case breaks one thing.
function base (): any {
  return {
    name: 'shop',
    components: {
      lb: { image: 'lb', connections: { backend: 'web.http' } },
      web: { image: 'web', count: 2, connections: { db: 'db.http' } },
      db: { image: 'db', volumes: { data: { size: '1Gi' } } },
      kv: { image: 'kv', properties: { secret: 's3cret' } }
    },
    entries: { http: { port: 8080, to: 'lb.http' } }
  }
}

type Expect = Array<[code: string, path: string]>
interface Case { name: string, mutate?: (app: any) => void, text?: string, nodes?: boolean, expect: Expect }

const C = IssueCode
const cases: Case[] = [
  // Reading the text
  { name: 'YAML syntax error', text: 'name: a\ncomponents: [\n', expect: [[C.YAML_SYNTAX, '']] },
  { name: 'two YAML documents', text: 'name: a\n---\nname: b\n', expect: [[C.YAML_SYNTAX, '']] },
  { name: 'too large', text: `name: a\n#${'x'.repeat(1024 * 1024)}\n`, expect: [[C.TOO_LARGE, '']] },
  {
    name: 'component defined twice',
    text: 'name: a\ncomponents:\n  web: { image: kv, properties: { secret: x } }\n  web: { image: kv, properties: { secret: y } }\n',
    expect: [[C.DUPLICATE_NAME, 'components.web']]
  },
  {
    name: 'output connected twice',
    text: 'name: a\ncomponents:\n  web:\n    image: web\n    connections:\n      db: db.http\n      db: db.http\n  db:\n    image: db\n    volumes: { data: { size: 1Gi } }\n',
    expect: [[C.OUTPUT_CONNECTED_TWICE, 'components.web.connections.db']]
  },
  {
    name: 'entry defined twice',
    text: 'name: a\ncomponents:\n  kv: { image: kv, properties: { secret: x } }\nentries:\n  sql: { port: 5432, to: kv.sql }\n  sql: { port: 5433, to: kv.sql }\n',
    expect: [[C.DUPLICATE_NAME, 'entries.sql']]
  },
  {
    name: 'other key repeated',
    text: 'name: a\nname: b\ncomponents:\n  kv: { image: kv, properties: { secret: x } }\n',
    expect: [[C.DUPLICATE_KEY, 'name']]
  },
  // Shape
  { name: 'missing app name', mutate: a => { delete a.name }, expect: [[C.MISSING_FIELD, 'name']] },
  { name: 'missing components', mutate: a => { delete a.components; delete a.entries }, expect: [[C.MISSING_FIELD, 'components']] },
  { name: 'no components', mutate: a => { a.components = {}; delete a.entries }, expect: [[C.EMPTY, 'components']] },
  { name: 'missing image', mutate: a => { delete a.components.kv.image }, expect: [[C.MISSING_FIELD, 'components.kv.image']] },
  { name: 'unknown field', mutate: a => { a.components.web.replicas = 3 }, expect: [[C.UNKNOWN_FIELD, 'components.web.replicas']] },
  { name: 'unknown top-level field', mutate: a => { a.version = 2 }, expect: [[C.UNKNOWN_FIELD, 'version']] },
  { name: 'count of the wrong type', mutate: a => { a.components.web.count = 'two' }, expect: [[C.WRONG_TYPE, 'components.web.count']] },
  { name: 'components not a map', mutate: a => { a.components = ['lb']; delete a.entries }, expect: [[C.WRONG_TYPE, 'components']] },
  { name: 'antiAffinity not a boolean', mutate: a => { a.components.web.antiAffinity = 'yes' }, expect: [[C.WRONG_TYPE, 'components.web.antiAffinity']] },
  { name: 'count 0', mutate: a => { a.components.web.count = 0 }, expect: [[C.OUT_OF_RANGE, 'components.web.count']] },
  { name: 'bad app name', mutate: a => { a.name = 'My_Shop' }, expect: [[C.BAD_NAME, 'name']] },
  { name: 'app name ending in -', mutate: a => { a.name = 'shop-' }, expect: [[C.BAD_NAME, 'name']] },
  { name: 'app name too long', mutate: a => { a.name = `a${'b'.repeat(63)}` }, expect: [[C.BAD_NAME, 'name']] },
  {
    name: 'bad component name',
    mutate: a => { a.components.Kv = a.components.kv; delete a.components.kv },
    expect: [[C.BAD_NAME, 'components.Kv']]
  },
  { name: 'bad entry name', mutate: a => { a.entries['9http'] = a.entries.http; delete a.entries.http }, expect: [[C.BAD_NAME, 'entries.9http']] },
  // Images and properties
  { name: 'unknown image', mutate: a => { a.components.kv.image = 'kvv' }, expect: [[C.UNKNOWN_IMAGE, 'components.kv.image']] },
  { name: 'unknown property', mutate: a => { a.components.web.properties = { titel: 'x' } }, expect: [[C.UNKNOWN_PROPERTY, 'components.web.properties.titel']] },
  { name: 'integer property given a string', mutate: a => { a.components.db.properties = { maxValueBytes: 'big' } }, expect: [[C.PROPERTY_TYPE, 'components.db.properties.maxValueBytes']] },
  { name: 'integer property given a fraction', mutate: a => { a.components.db.properties = { maxValueBytes: 1.5 } }, expect: [[C.PROPERTY_TYPE, 'components.db.properties.maxValueBytes']] },
  { name: 'string property given a number', mutate: a => { a.components.web.properties = { title: 2024 } }, expect: [[C.PROPERTY_TYPE, 'components.web.properties.title']] },
  { name: 'boolean property given a string', mutate: a => { a.components.kv.properties.verbose = 'yes' }, expect: [[C.PROPERTY_TYPE, 'components.kv.properties.verbose']] },
  { name: 'property value a map', mutate: a => { a.components.web.properties = { title: { a: 1 } } }, expect: [[C.WRONG_TYPE, 'components.web.properties.title']] },
  { name: 'property outside its enum', mutate: a => { a.components.kv.properties.mode = 'reckless' }, expect: [[C.PROPERTY_NOT_IN_ENUM, 'components.kv.properties.mode']] },
  { name: 'property without default not given', mutate: a => { delete a.components.kv.properties }, expect: [[C.PROPERTY_REQUIRED, 'components.kv.properties.secret']] },
  // Connections
  { name: 'unknown output terminal', mutate: a => { a.components.web.connections.dbx = 'db.http' }, expect: [[C.UNKNOWN_TERMINAL, 'components.web.connections.dbx']] },
  { name: 'unknown input terminal', mutate: a => { a.components.web.connections.db = 'db.https' }, expect: [[C.UNKNOWN_TERMINAL, 'components.web.connections.db']] },
  { name: 'connection from an input', mutate: a => { a.components.web.connections.http = 'db.http' }, expect: [[C.TERMINAL_DIRECTION, 'components.web.connections.http']] },
  { name: 'connection to an output', mutate: a => { a.components.kv.connections = { metrics: 'lb.backend' } }, expect: [[C.TERMINAL_DIRECTION, 'components.kv.connections.metrics']] },
  { name: 'connection to an unknown component', mutate: a => { a.components.web.connections.db = 'dbx.http' }, expect: [[C.UNKNOWN_COMPONENT, 'components.web.connections.db']] },
  { name: 'connection target not component.terminal', mutate: a => { a.components.web.connections.db = 'db' }, expect: [[C.BAD_REFERENCE, 'components.web.connections.db']] },
  { name: 'mismatched protocols', mutate: a => { a.components.web.connections.db = 'kv.sql' }, expect: [[C.PROTOCOL_MISMATCH, 'components.web.connections.db']] },
  { name: 'mandatory output unconnected', mutate: a => { delete a.components.lb.connections }, expect: [[C.MANDATORY_OUTPUT, 'components.lb.connections.backend']] },
  { name: 'connection target not a string', mutate: a => { a.components.web.connections.db = 5 }, expect: [[C.WRONG_TYPE, 'components.web.connections.db']] },
  // Entries
  { name: 'entry to an unknown component', mutate: a => { a.entries.http.to = 'lbb.http' }, expect: [[C.UNKNOWN_COMPONENT, 'entries.http.to']] },
  { name: 'entry to an unknown terminal', mutate: a => { a.entries.http.to = 'lb.https' }, expect: [[C.UNKNOWN_TERMINAL, 'entries.http.to']] },
  { name: 'entry to an output', mutate: a => { a.entries.http.to = 'lb.backend' }, expect: [[C.TERMINAL_DIRECTION, 'entries.http.to']] },
  { name: 'entry target not component.terminal', mutate: a => { a.entries.http.to = 'lb' }, expect: [[C.BAD_REFERENCE, 'entries.http.to']] },
  { name: 'two entries on one port', mutate: a => { a.entries.admin = { port: 8080, to: 'kv.sql' } }, expect: [[C.DUPLICATE_PORT, 'entries.admin.port']] },
  { name: 'port out of range', mutate: a => { a.entries.http.port = 65536 }, expect: [[C.OUT_OF_RANGE, 'entries.http.port']] },
  { name: 'port 0', mutate: a => { a.entries.http.port = 0 }, expect: [[C.OUT_OF_RANGE, 'entries.http.port']] },
  { name: 'entry without port', mutate: a => { delete a.entries.http.port }, expect: [[C.MISSING_FIELD, 'entries.http.port']] },
  // Volumes
  { name: 'count > 1 with a volume', mutate: a => { a.components.db.count = 3 }, expect: [[C.VOLUME_WITH_COUNT, 'components.db.count']] },
  { name: 'unknown volume', mutate: a => { a.components.db.volumes.dat = { size: '1Gi' } }, expect: [[C.UNKNOWN_VOLUME, 'components.db.volumes.dat']] },
  { name: 'required volume not given', mutate: a => { delete a.components.db.volumes }, expect: [[C.VOLUME_REQUIRED, 'components.db.volumes.data']] },
  { name: 'replicas 0', mutate: a => { a.components.db.volumes.data.replicas = 0 }, expect: [[C.REPLICAS_RANGE, 'components.db.volumes.data.replicas']] },
  { name: 'replicas 6', mutate: a => { a.components.db.volumes.data.replicas = 6 }, expect: [[C.REPLICAS_RANGE, 'components.db.volumes.data.replicas']] },
  { name: 'volume without size', mutate: a => { a.components.db.volumes.data = { replicas: 3 } }, expect: [[C.MISSING_FIELD, 'components.db.volumes.data.size']] },
  { name: 'volume size 0', mutate: a => { a.components.db.volumes.data.size = 0 }, expect: [[C.OUT_OF_RANGE, 'components.db.volumes.data.size']] },
  { name: 'volume size bad', mutate: a => { a.components.db.volumes.data.size = '1 gig' }, expect: [[C.BAD_QUANTITY, 'components.db.volumes.data.size']] },
  { name: 'relative mount', mutate: a => { a.components.db.volumes.data.mount = 'data' }, expect: [[C.BAD_MOUNT, 'components.db.volumes.data.mount']] },
  {
    name: 'two volumes on one mount',
    mutate: a => { a.components.kv.volumes = { data: { size: '1Gi' }, logs: { size: '1Gi', mount: '/data' } } },
    expect: [[C.DUPLICATE_MOUNT, 'components.kv.volumes.logs.mount']]
  },
  // Resources
  { name: 'bad memory quantity', mutate: a => { a.components.web.resources = { memory: '64MB' } }, expect: [[C.BAD_QUANTITY, 'components.web.resources.memory']] },
  { name: 'bad cpu quantity', mutate: a => { a.components.web.resources = { cpu: 'half' } }, expect: [[C.BAD_QUANTITY, 'components.web.resources.cpu']] },
  { name: 'bad disk quantity', mutate: a => { a.components.web.resources = { disk: '-1Gi' } }, expect: [[C.BAD_QUANTITY, 'components.web.resources.disk']] },
  { name: 'fractional bytes', mutate: a => { a.components.web.resources = { memory: 1.5 } }, expect: [[C.WRONG_TYPE, 'components.web.resources.memory']] },
  { name: 'unknown resource', mutate: a => { a.components.web.resources = { gpu: 1 } }, expect: [[C.UNKNOWN_FIELD, 'components.web.resources.gpu']] },
  { name: 'memory below the minimum', mutate: a => { a.components.web.resources = { memory: '16Mi' } }, expect: [[C.BELOW_MINIMUM, 'components.web.resources.memory']] },
  { name: 'cpu below the minimum', mutate: a => { a.components.web.resources = { cpu: '10m' } }, expect: [[C.BELOW_MINIMUM, 'components.web.resources.cpu']] },
  { name: 'cpu beyond every node', nodes: true, mutate: a => { a.components.web.resources = { cpu: 6 } }, expect: [[C.EXCEEDS_NODES, 'components.web.resources.cpu']] },
  { name: 'memory beyond every node', nodes: true, mutate: a => { a.components.db.resources = { memory: '5Gi' } }, expect: [[C.EXCEEDS_NODES, 'components.db.resources.memory']] },
  { name: 'disk beyond every node', nodes: true, mutate: a => { a.components.kv.resources = { disk: '21Gi' } }, expect: [[C.EXCEEDS_NODES, 'components.kv.resources.disk']] },
  {
    name: 'each figure fits some node, all of them none',
    nodes: true,
    mutate: a => { a.components.web.resources = { cpu: 3, memory: '3Gi' } },
    expect: [[C.EXCEEDS_NODES, 'components.web.resources']]
  },
  { name: 'no nodes: the fit check is skipped', mutate: a => { a.components.web.resources = { cpu: 64 } }, expect: [] },
  // Constraints
  { name: 'bad component constraint', mutate: a => { a.components.web.constraints = ['zone != a', 'zone = b'] }, expect: [[C.BAD_CONSTRAINT, 'components.web.constraints[1]']] },
  { name: 'bad app constraint', mutate: a => { a.constraints = ['zone in'] }, expect: [[C.BAD_CONSTRAINT, 'constraints[0]']] },
  { name: 'constraint not a string', mutate: a => { a.constraints = [['zone']] }, expect: [[C.WRONG_TYPE, 'constraints[0]']] }
]

function pairs (issues: GraphIssue[]): string[] {
  return issues.map(i => `${i.code} ${i.path}`).sort()
}

t.test('bad graphs: each fault gives its code at its path, and nothing else', async t => {
  for (const c of cases) {
    let text = c.text
    if (text === undefined) {
      const app = base()
      c.mutate?.(app)
      text = stringify(app)
    }
    const result = validateApp(text, { catalog, nodes: c.nodes === true ? NODES : [] })
    const want = c.expect.map(([code, path]) => `${code} ${path}`).sort()
    if (want.length === 0) {
      t.ok(result.ok, c.name)
      continue
    }
    t.same(result.ok ? [] : pairs(result.errors), want, c.name)
  }
})

t.test('good graphs validate', async t => {
  const good: Array<[string, (a: any) => void]> = [
    ['the base app', () => {}],
    ['millicores and sizes', a => { a.components.web.resources = { cpu: '500m', memory: '256Mi', disk: 1_000_000 } }],
    ['constraints of every form', a => {
      a.constraints = ['zone != field-a']
      a.components.web.constraints = ['label.rack == r1', 'zone in a,b', 'zone not-in c, d', 'label.gpu']
    }],
    ['anti-affinity', a => { a.components.web.antiAffinity = true }],
    ['volume with every field', a => { a.components.db.volumes.data = { size: '10G', replicas: 5, mount: '/var/db' } }],
    ['optional volumes and outputs', a => { a.components.kv.volumes = { logs: { size: 4096, replicas: 1 } }; a.components.kv.connections = { metrics: 'web.http' } }],
    ['no entries', a => { delete a.entries }],
    ['fits the nodes', a => { a.components.web.resources = { cpu: 4, memory: '2Gi' } }]
  ]
  for (const [name, mutate] of good) {
    const app = base()
    mutate(app)
    const result = validateApp(stringify(app), { catalog, nodes: NODES })
    t.ok(result.ok, name)
    if (!result.ok) t.comment(JSON.stringify(result.errors))
  }
})

t.test('every fault of a graph is reported at once', async t => {
  const text = `name: shop
components:
  lb:
    image: lb
  web:
    image: web
    count: 2
    properties: { titel: x }
    resources: { memory: 64MB }
    connections:
      db: db.http
      db: db.http
  db:
    image: db
    volumes:
      data: { size: 1Gi, replicas: 9 }
    constraints: [zone = a]
  cache:
    image: redis
entries:
  http: { port: 8080, to: lb.backend }
  admin: { port: 8080, to: web.http }
`
  const result = validateApp(text, { catalog, nodes: NODES })
  t.notOk(result.ok)
  if (result.ok) return
  t.same(pairs(result.errors), [
    `${C.BAD_CONSTRAINT} components.db.constraints[0]`,
    `${C.UNKNOWN_IMAGE} components.cache.image`,
    `${C.MANDATORY_OUTPUT} components.lb.connections.backend`,
    `${C.REPLICAS_RANGE} components.db.volumes.data.replicas`,
    `${C.OUTPUT_CONNECTED_TWICE} components.web.connections.db`,
    `${C.BAD_QUANTITY} components.web.resources.memory`,
    `${C.UNKNOWN_PROPERTY} components.web.properties.titel`,
    `${C.TERMINAL_DIRECTION} entries.http.to`,
    `${C.DUPLICATE_PORT} entries.admin.port`
  ].sort())
  // In the order of the text, each with its place in it.
  const lines = result.errors.map(e => e.line ?? 0)
  t.same(lines, [...lines].sort((a, b) => a - b), 'sorted by line')
  const twice = result.errors.find(e => e.code === C.OUTPUT_CONNECTED_TWICE)
  t.equal(twice?.line, 12, 'the repeated key is located at its second occurrence')
  t.equal(twice?.column, 7)
  t.equal(result.errors.find(e => e.code === C.UNKNOWN_IMAGE)?.line, 19)
})

t.test('data input is validated the same and left untouched', async t => {
  const app = base()
  app.components.web.count = 0
  const before = JSON.stringify(app)
  const result = validateApp(app, { catalog, nodes: [] })
  t.notOk(result.ok)
  if (!result.ok) {
    t.same(pairs(result.errors), [`${C.OUT_OF_RANGE} components.web.count`])
    t.equal(result.errors[0]?.line, undefined, 'no text, no line')
  }
  t.equal(JSON.stringify(app), before)
  const good = validateApp(base(), { catalog, nodes: [] })
  t.ok(good.ok)
})

t.test('garbage in gives issues, never an exception', async t => {
  const inputs: unknown[] = [
    null, undefined, 42, 'just a string', '', '- a\n- b', [], { components: 'x' }, { name: 5, components: { a: 5 } },
    '{', ': :', 'name: a\ncomponents:\n  web: { image: [1], connections: [1], volumes: 3, properties: 4, resources: x }\n',
    '&a [*a, *a]', '? [a, b]\n: c\n', 'name: !!binary aGk=\ncomponents: {}'
  ]
  for (const input of inputs) {
    const result = validateApp(input, { catalog, nodes: NODES })
    t.notOk(result.ok, JSON.stringify(input) ?? 'undefined')
    if (!result.ok) t.ok(result.errors.length > 0 && result.errors.every(e => typeof e.code === 'string' && e.code.startsWith('ERR_')))
  }
})

t.test('the same code is not reported twice for one place', async t => {
  const app = base()
  app.components.web.connections = 'db.http'
  const result = validateApp(stringify(app), { catalog, nodes: [] })
  t.notOk(result.ok)
  if (!result.ok) t.same(pairs(result.errors), [`${C.WRONG_TYPE} components.web.connections`], 'no "unconnected" echo of a bad shape')
})

t.test('names that are also Object.prototype keys are nothing special', async t => {
  const m = parseManifest(`name: odd
version: 1.0.0
resources: { min: { cpu: 0, memory: 0 }, default: { cpu: 0, memory: 0 } }
terminals:
  constructor: { direction: out, protocol: tcp, mandatory: true }
properties:
  toString: { type: string }
volumes:
  hasOwnProperty: { mount: /x, required: true }
start: { command: [x] }
`, '/img/odd')
  t.ok(m.ok)
  if (!m.ok) return
  const result = validateApp('name: a\ncomponents:\n  odd: { image: odd }\n', { catalog: createCatalog([m.manifest]), nodes: [] })
  t.same(result.ok ? [] : pairs(result.errors), [
    `${C.MANDATORY_OUTPUT} components.odd.connections.constructor`,
    `${C.PROPERTY_REQUIRED} components.odd.properties.toString`,
    `${C.VOLUME_REQUIRED} components.odd.volumes.hasOwnProperty`
  ])
})
