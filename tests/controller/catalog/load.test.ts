import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { CatalogIssueCode, loadCatalog } from '../../../controller/catalog/index.ts'
import { IssueCode } from '../../../controller/graph/index.ts'

const IMAGES = fileURLToPath(new URL('../../../images', import.meta.url))
const Mi = 1024 ** 2

t.test('images/ loads with no errors', async t => {
  const { catalog, errors } = loadCatalog(IMAGES)
  t.same(errors, [])
  t.same(catalog.list().map(i => i.name), ['db', 'lb', 'web'], 'folders without a manifest (shared) are not images')

  const db = catalog.get('db')
  t.equal(db?.dir, join(IMAGES, 'db'))
  t.same(db?.resources, { min: { cpu: 0.05, memory: 64 * Mi, disk: 0 }, default: { cpu: 0.5, memory: 192 * Mi, disk: 0 } })
  t.same(db?.volumes, [{ name: 'data', mount: '/data', required: true }])
  t.same(db?.health, { kind: 'http', terminal: 'http', path: '/healthz', intervalMs: 1000, timeoutMs: 1000, failures: 3, startPeriodMs: 15_000 })
  t.same(db?.requires, ['volume-mount'])
  t.same(db?.start, { driver: 'process', command: ['node', 'main.ts'] })

  const lb = catalog.get('lb')
  t.same(lb?.terminals, [
    { name: 'http', direction: 'in', protocol: 'http', mandatory: false },
    { name: 'backend', direction: 'out', protocol: 'http', mandatory: true }
  ])
  t.same(lb?.properties.map(p => [p.name, p.type, p.default]), [
    ['healthPath', 'string', '/healthz'], ['healthInterval', 'integer', 1000], ['healthFailures', 'integer', 2]
  ])
  t.equal(lb?.health?.startPeriodMs, 10_000)

  const web = catalog.get('web')
  t.same(web?.terminals.find(x => x.name === 'db'), { name: 'db', direction: 'out', protocol: 'http', mandatory: true })
  t.equal(catalog.get('nope'), undefined)
})

t.test('a bad catalog folder: path-named errors, the good images still load', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-catalog-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const image = (folder: string, text: string): void => {
    mkdirSync(join(dir, folder))
    writeFileSync(join(dir, folder, 'manifest.yaml'), text)
  }
  image('good', `name: good
version: 1.0.0
resources:
  min: { cpu: 100m, memory: 16Mi }
  default: { cpu: 0.5, memory: 32Mi, disk: 1Gi }
terminals:
  api: { direction: in, protocol: tcp }
health: { kind: tcp, terminal: api }
start: { command: [./run.sh] }
`)
  image('bad', `name: bad
version: 1.0.0
resources:
  min: { cpu: 1, memory: 64MB }
  default: { cpu: 0.5, memory: 1Gi }
terminals:
  http: { direction: sideways, protocol: http }
health:
  kind: http
  terminal: http
  path: /healthz
  interval: 1000
  timeout: soon
start: { driver: process }
colour: blue
`)
  image('misnamed', 'name: other\nversion: 1.0.0\nresources: { min: { cpu: 0, memory: 0 }, default: { cpu: 0, memory: 0 } }\nstart: { command: [x] }\n')
  image('broken', 'name: [\n')
  mkdirSync(join(dir, 'shared'))
  writeFileSync(join(dir, 'README.md'), 'not an image')

  const { catalog, errors } = loadCatalog(dir)
  t.same(catalog.list().map(i => i.name), ['good'])
  const good = catalog.get('good')
  t.same(good?.health, { kind: 'tcp', terminal: 'api', path: '', intervalMs: 1000, timeoutMs: 1000, failures: 3, startPeriodMs: 10_000 }, 'health defaults')
  t.same(good?.start, { driver: 'process', command: ['./run.sh'] }, 'driver defaults to process')
  t.same(good?.resources.min, { cpu: 0.1, memory: 16 * Mi, disk: 0 })

  const got = errors.map(e => `${e.code} ${e.path}`).sort()
  t.same(got, [
    `${IssueCode.BAD_QUANTITY} bad.resources.min.memory`,
    `${IssueCode.BELOW_MINIMUM} bad.resources.default.cpu`,
    `${IssueCode.OUT_OF_RANGE} bad.terminals.http.direction`,
    `${IssueCode.WRONG_TYPE} bad.health.interval`,
    `${IssueCode.BAD_DURATION} bad.health.timeout`,
    `${IssueCode.MISSING_FIELD} bad.start.command`,
    `${IssueCode.UNKNOWN_FIELD} bad.colour`,
    `${CatalogIssueCode.NAME_MISMATCH} misnamed.name`,
    `${IssueCode.YAML_SYNTAX} broken`
  ].sort())
  for (const e of errors) {
    const folder = e.path.split('.')[0] as string
    t.equal(e.file, join(dir, folder, 'manifest.yaml'), `${e.path} names its file`)
  }
  t.equal(errors.find(e => e.path === 'bad.health.timeout')?.line, 13, 'issues carry their line')
})

t.test('a missing catalog folder is one error, not an exception', async t => {
  const { catalog, errors } = loadCatalog(join(tmpdir(), 'trellis-no-such-catalog-folder'))
  t.same(catalog.list(), [])
  t.same(errors.map(e => e.code), [CatalogIssueCode.MANIFEST_READ])
})
