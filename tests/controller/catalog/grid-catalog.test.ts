import t from 'tap'
import { createHash } from 'node:crypto'
import { GridCatalog } from '../../../controller/catalog/grid-catalog.ts'
import { apply, emptyState, imageHeld, putImage } from '../../../controller/state/index.ts'

const MANIFEST = `name: web
version: VERSION
resources:
  min: { cpu: 0.1, memory: 16Mi }
  default: { cpu: 0.1, memory: 16Mi }
terminals:
  http: { direction: in, protocol: http }
start:
  command: [node, main.js]
`

function put (s: ReturnType<typeof emptyState>, index: number, version: string, holder: string, size: number): string {
  const digest = `sha256:${createHash('sha256').update(version).digest('hex')}`
  apply(s, index, putImage({ name: 'web', version, digest, size, chunkSize: 4 << 20, chunks: [digest.slice(7)], manifest: MANIFEST.replace('VERSION', version), holder }))
  return digest
}

t.test('the grid catalog gives the scheduler where a blob is and its size, by name, version and digest', async t => {
  const s = emptyState()
  const old = put(s, 1, '1.0.0', 'n1', 100)
  const latest = put(s, 2, '1.1.0', 'n2', 5000)
  const catalog = new GridCatalog(() => s)
  t.match(catalog.get('web'), { name: 'web', version: '1.1.0', digest: latest, holders: ['n2'], size: 5000 }, 'the newest by name')
  t.match(catalog.get('web@1.0.0'), { version: '1.0.0', holders: ['n1'], size: 100 })
  t.match(catalog.get(old), { version: '1.0.0' }, 'by digest')
  apply(s, 3, imageHeld(latest, 'n3', true))
  t.same(catalog.get('web')?.holders, ['n2', 'n3'], 'holders follow the state, though the manifest is parsed once')
  t.equal(catalog.get('nope'), undefined)
  t.same(catalog.list().map(m => m.version), ['1.1.0'], 'one manifest per name')
})
