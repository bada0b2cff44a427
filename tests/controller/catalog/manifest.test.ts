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

t.test('stop and environment are read, with their defaults', async t => {
  const result = parseManifest(`name: pg\n${HEAD}stop: { signal: SIGINT, timeout: 1m30s }\nenvironment:\n  PGDATA: /data/pg\n  PGPORT: 5432\n  _DEBUG: true\n  lower_case: ok\n`, '/img/pg')
  t.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors))
  if (!result.ok) return
  t.same(result.manifest.stop, { signal: 'SIGINT', timeoutMs: 90_000 })
  t.same(result.manifest.environment, { PGDATA: '/data/pg', PGPORT: '5432', _DEBUG: 'true', lower_case: 'ok' }, 'numbers and booleans are spelt out')
  const defaults = parseManifest(`name: pg\n${HEAD}stop: {}\n`, '/img/pg')
  t.same(defaults.ok && defaults.manifest.stop, { signal: 'SIGTERM' }, 'no timeout: the node decides')
  const none = parseManifest(`name: pg\n${HEAD}`, '/img/pg')
  t.same(none.ok && [none.manifest.stop, none.manifest.environment], [undefined, undefined], 'absent when not given')
})

t.test('console: its command is read; absent when not given', async t => {
  const result = parseManifest(`name: pg\n${HEAD}console: { command: [psql, -U, app] }\n`, '/img/pg')
  t.same(result.ok && result.manifest.console, { command: ['psql', '-U', 'app'] })
  const none = parseManifest(`name: pg\n${HEAD}`, '/img/pg')
  t.same(none.ok && none.manifest.console, undefined)
  t.same(issues(`name: a\n${HEAD}console: { command: [] }\n`), [`${IssueCode.EMPTY} console.command`], 'an empty command')
  t.same(issues(`name: a\n${HEAD}console: { shell: bash }\n`), [`${IssueCode.UNKNOWN_FIELD} console.shell`], 'an unknown field')
  t.same(issues(`name: a\n${HEAD}console: [bash]\n`), [`${IssueCode.WRONG_TYPE} console`], 'not a map')
})

t.test('a bad stop or environment is refused at its path', async t => {
  const cases: Array<[string, string, string[]]> = [
    ['a signal that cannot be handled', 'stop: { signal: SIGKILL }', [`${IssueCode.OUT_OF_RANGE} stop.signal`]],
    ['a signal without SIG', 'stop: { signal: INT }', [`${IssueCode.OUT_OF_RANGE} stop.signal`]],
    ['a timeout that does not parse', 'stop: { timeout: soon }', [`${IssueCode.BAD_DURATION} stop.timeout`]],
    ['a bare number timeout', 'stop: { timeout: 30 }', [`${IssueCode.WRONG_TYPE} stop.timeout`]],
    ['a zero timeout', 'stop: { timeout: 0s }', [`${IssueCode.OUT_OF_RANGE} stop.timeout`]],
    ['a timeout over the ceiling', 'stop: { timeout: 11m }', [`${IssueCode.OUT_OF_RANGE} stop.timeout`]],
    ['an unknown stop field', 'stop: { grace: 1s }', [`${IssueCode.UNKNOWN_FIELD} stop.grace`]],
    ['stop not a map', 'stop: SIGINT', [`${IssueCode.WRONG_TYPE} stop`]],
    ['a name starting with a digit', 'environment: { 1X: a }', [`${IssueCode.BAD_NAME} environment.1X`]],
    ['a name with a dash', 'environment: { A-B: a }', [`${IssueCode.BAD_NAME} environment.A-B`]],
    ['a contract variable', 'environment: { TRELLIS_NODE: x }', [`${CatalogIssueCode.RESERVED_ENV} environment.TRELLIS_NODE`]],
    ['a variable the daemon sets', 'environment: { HOME: /root, PATH: /bin, LANG: C, TMPDIR: /tmp, USER: root }', ['HOME', 'LANG', 'PATH', 'TMPDIR', 'USER'].map(n => `${CatalogIssueCode.RESERVED_ENV} environment.${n}`)],
    ['a list value', 'environment: { A: [1, 2] }', [`${IssueCode.WRONG_TYPE} environment.A`]],
    ['a null value', 'environment: { A: null }', [`${IssueCode.WRONG_TYPE} environment.A`]],
    ['a NUL in a value', 'environment: { A: "x\\0y" }', [`${CatalogIssueCode.BAD_ENV_VALUE} environment.A`]],
    ['environment not a map', 'environment: [A=1]', [`${IssueCode.WRONG_TYPE} environment`]]
  ]
  for (const [name, yaml, want] of cases) t.same(issues(`name: a\n${HEAD}${yaml}\n`), want.sort(), name)
  const bad = parseManifest(`name: a\n${HEAD}stop: { signal: SIGKILL }\n`, '/img')
  t.equal(!bad.ok && bad.errors[0]?.line, 5, 'the issue carries its line')
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
