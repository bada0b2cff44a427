import t from 'tap'
import { CatalogIssueCode, UnknownImageError, createCatalog, environmentName, parseManifest, requireImage } from '../../../controller/catalog/index.ts'
import type { ImageManifest } from '../../../controller/catalog/index.ts'
import { IssueCode } from '../../../controller/graph/index.ts'

const HEAD = 'version: 1.0.0\nresources: { min: { cpu: 0.1, memory: 16Mi }, default: { cpu: 0.2, memory: 32Mi } }\nstart: { command: [node, main.ts] }\n'

function issues (text: string): string[] {
  const result = parseManifest(text, '/img')
  return result.ok ? [] : result.errors.map(e => `${e.code} ${e.path}`).sort()
}

t.test('defaults of a minimal manifest', async t => {
  const result = parseManifest(`name: tiny\n${HEAD}`, '/img/tiny')
  t.ok(result.ok)
  if (!result.ok) return
  const m = result.manifest
  t.same(m.terminals, [])
  t.same(m.properties, [])
  t.same(m.volumes, [])
  t.same(m.requires, [])
  t.equal(m.health, undefined)
  t.equal(m.description, '')
  t.same(m.start, { driver: 'process', command: ['node', 'main.ts'] })
  t.same(m.resources.default, { cpu: 0.2, memory: 32 * 1024 ** 2, disk: 0 })
  t.equal(m.dir, '/img/tiny')
})

t.test('faults a manifest can have, each at its path', async t => {
  const cases: Array<[string, string, string[]]> = [
    ['missing name and version', HEAD.replace('version: 1.0.0\n', ''), [`${IssueCode.MISSING_FIELD} name`, `${IssueCode.MISSING_FIELD} version`]],
    ['bad name', `name: Big_Image\n${HEAD}`, [`${IssueCode.BAD_NAME} name`]],
    ['bad terminal name', `name: a\n${HEAD}terminals:\n  my.http: { direction: in, protocol: http }\n`, [`${IssueCode.BAD_NAME} terminals.my.http`]],
    ['repeated key', `name: a\n${HEAD}terminals:\n  x: { direction: in, protocol: http }\n  x: { direction: in, protocol: http }\n`, [`${IssueCode.DUPLICATE_KEY} terminals.x`]],
    ['health on an unknown terminal', `name: a\n${HEAD}health: { kind: tcp, terminal: nope }\n`, [`${IssueCode.UNKNOWN_TERMINAL} health.terminal`]],
    ['health on an output', `name: a\n${HEAD}terminals:\n  o: { direction: out, protocol: tcp }\nhealth: { kind: tcp, terminal: o }\n`, [`${IssueCode.TERMINAL_DIRECTION} health.terminal`]],
    ['http health without path', `name: a\n${HEAD}terminals:\n  i: { direction: in, protocol: http }\nhealth: { kind: http, terminal: i }\n`, [`${IssueCode.MISSING_FIELD} health.path`]],
    ['bad duration', `name: a\n${HEAD}terminals:\n  i: { direction: in, protocol: tcp }\nhealth: { kind: tcp, terminal: i, startPeriod: 10 s }\n`, [`${IssueCode.BAD_DURATION} health.startPeriod`]],
    ['property default of the wrong type', `name: a\n${HEAD}properties:\n  n: { type: integer, default: many }\n`, [`${IssueCode.PROPERTY_TYPE} properties.n.default`]],
    ['property default outside its enum', `name: a\n${HEAD}properties:\n  m: { type: string, enum: [x, y], default: z }\n`, [`${IssueCode.PROPERTY_NOT_IN_ENUM} properties.m.default`]],
    ['enum value of the wrong type', `name: a\n${HEAD}properties:\n  m: { type: integer, enum: [1, two] }\n`, [`${IssueCode.PROPERTY_TYPE} properties.m.enum[1]`]],
    ['unknown property type', `name: a\n${HEAD}properties:\n  m: { type: float }\n`, [`${IssueCode.OUT_OF_RANGE} properties.m.type`]],
    ['relative volume mount', `name: a\n${HEAD}volumes:\n  data: { mount: data }\n`, [`${IssueCode.BAD_MOUNT} volumes.data.mount`]],
    ['environment names collide', `name: a\n${HEAD}properties:\n  max-conn: { type: integer, default: 1 }\n  max_conn: { type: integer, default: 2 }\n`, [`${CatalogIssueCode.ENV_COLLISION} properties.max_conn`]],
    ['output list name collides', `name: a\n${HEAD}terminals:\n  b: { direction: out, protocol: tcp }\n  b_instances: { direction: out, protocol: tcp }\n`, [`${CatalogIssueCode.ENV_COLLISION} terminals.b_instances`]],
    ['empty command', `name: a\n${HEAD.replace('[node, main.ts]', '[]')}`, [`${IssueCode.EMPTY} start.command`]],
    ['version as a YAML number', `name: a\n${HEAD.replace('1.0.0', '1.10')}`, [`${IssueCode.WRONG_TYPE} version`]],
    ['not a map', '- a\n', [`${IssueCode.WRONG_TYPE} `]]
  ]
  for (const [name, text, want] of cases) t.same(issues(text), want.sort(), name)
  t.same(parseManifest(`name: a\n${HEAD}`, '/img', { expectName: 'b' }).ok, false, 'expectName')
})

t.test('environment names', async t => {
  t.equal(environmentName('healthPath'), 'HEALTHPATH')
  t.equal(environmentName('backend'), 'BACKEND')
  t.equal(environmentName('max-conn.x'), 'MAX_CONN_X')
})

t.test('in-memory catalog', async t => {
  const make = (name: string, version: string): ImageManifest => {
    const r = parseManifest(`name: ${name}\n${HEAD.replace('1.0.0', version)}`, `/img/${name}`)
    if (!r.ok) throw new Error('fixture')
    return r.manifest
  }
  const catalog = createCatalog([make('zeta', '1.0.1'), make('alpha', '1.0.1'), make('zeta', '2.0.0')])
  t.same(catalog.list().map(m => m.name), ['alpha', 'zeta'], 'sorted by name')
  t.equal(catalog.get('zeta')?.version, '2.0.0', 'a later manifest of one name wins')
  catalog.list().pop()
  t.equal(catalog.list().length, 2, 'list() hands out a copy')
  t.equal(requireImage(catalog, 'alpha').name, 'alpha')
  const err = t.throws(() => requireImage(catalog, 'beta')) as UnknownImageError
  t.equal(err.code, 'ERR_UNKNOWN_IMAGE')
  t.ok(err instanceof UnknownImageError)
})
