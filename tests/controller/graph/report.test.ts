import t from 'tap'
import { GraphValidationError, IssueCode, assertApp, formatIssues, lineColOf, validateApp } from '../../../controller/graph/index.ts'
import { realCatalog } from './fixtures.ts'

const TEXT = `name: shop
components:
  web:
    image: web
    count: 0
    connections:
      db: nowhere.http
`

t.test('formatIssues writes one line per issue, path then message', async t => {
  const result = validateApp(TEXT, { catalog: realCatalog(), nodes: [] })
  t.notOk(result.ok)
  if (result.ok) return
  const lines = formatIssues(result.errors).split('\n')
  t.equal(lines.length, result.errors.length)
  t.match(lines[0], /^components\.web\.count: \S/)
  t.match(lines[1], /^components\.web\.connections\.db: \S/)
  const located = formatIssues(result.errors, { positions: true }).split('\n')
  t.match(located[0], /^5:5: components\.web\.count: /)
  t.equal(formatIssues([{ path: '', code: IssueCode.YAML_SYNTAX, message: 'a\nb' }]), '(root): a b')
  t.equal(formatIssues([{ path: 'x', code: 'ERR_X', message: 'm', file: '/f.yaml', line: 2, column: 3 }], { positions: true }), '/f.yaml:2:3: x: m')
  t.equal(formatIssues([]), '')
})

t.test('lineColOf finds a path, or its nearest ancestor in the text', async t => {
  t.equal(lineColOf(TEXT, 'components.web.count'), '5:5')
  t.equal(lineColOf(TEXT, 'components.web.connections.db'), '7:7')
  t.equal(lineColOf(TEXT, 'components.web.resources.cpu'), '3:3', 'not in the text: its component')
  t.equal(lineColOf('a: [x, y]\n', 'a[1]'), '1:8')
  t.equal(lineColOf('', 'a'), undefined, 'no document, no place')
})

t.test('assertApp throws GraphValidationError carrying every issue', async t => {
  const err = t.throws(() => assertApp(TEXT, { catalog: realCatalog(), nodes: [] })) as GraphValidationError
  t.ok(err instanceof GraphValidationError)
  t.equal(err.code, 'ERR_INVALID_APP')
  t.same(err.issues.map(i => i.code).sort(), [IssueCode.OUT_OF_RANGE, IssueCode.UNKNOWN_COMPONENT].sort())
  t.equal(new GraphValidationError([]).code, 'ERR_INVALID_APP')
  const ok = assertApp('name: a\ncomponents:\n  db: { image: db, volumes: { data: { size: 1Gi } } }\n', { catalog: realCatalog(), nodes: [] })
  t.equal(ok.name, 'a')
})
