import t from 'tap'
import { createHash } from 'node:crypto'
import type { AppSpec } from '../../../controller/graph/types.ts'
import {
  apply, appsUsing, compareVersions, decodeCommand, deleteApp, deleteImage, emptyState, encodeCommand, imageHeld, imagesByName, putApp, putImage, resolveImage,
  type ImageImport
} from '../../../controller/state/index.ts'
import { restoreState, serializeState } from '../../../daemon/consensus/index.ts'

function image (name: string, version: string, holder = 'n1', content = `${name}@${version}`): ImageImport {
  return {
    name,
    version,
    digest: `sha256:${createHash('sha256').update(content).digest('hex')}`,
    size: 10,
    chunkSize: 4 * 1024 * 1024,
    chunks: [createHash('sha256').update(content).digest('hex')],
    manifest: `name: ${name}\nversion: ${version}\n`,
    holder
  }
}

function app (name: string, digest?: string): AppSpec {
  return {
    name,
    components: [{ name: 'web', image: 'web', ...(digest !== undefined ? { digest } : {}), count: 1, properties: {}, resources: { cpu: 0.1, memory: 1, disk: 0 }, connections: [], volumes: [], constraints: [], antiAffinity: false }],
    entries: [],
    constraints: []
  }
}

t.test('versions order as people read them', async t => {
  const ordered = ['0.9', '1.2.0-rc1', '1.2.0-rc2', '1.2.0', '1.9.0', '1.10.0', '2', '10.0.0']
  for (let i = 0; i < ordered.length; i++) {
    for (let j = 0; j < ordered.length; j++) t.equal(compareVersions(ordered[i]!, ordered[j]!), Math.sign(i - j), `${ordered[i]} vs ${ordered[j]}`)
  }
  t.equal(compareVersions('1.0', '1.0.0'), 0, 'missing parts count as 0')
})

t.test('import, re-import, a clash of versions, and who holds what', async t => {
  const s = emptyState()
  const one = image('web', '1.9.0')
  t.same(apply(s, 1, putImage(one)), { kind: 'image-put', name: 'web', version: '1.9.0', digest: one.digest, change: 'created' })
  t.same(apply(s, 2, putImage({ ...one, holder: 'n2' })), { kind: 'image-put', name: 'web', version: '1.9.0', digest: one.digest, change: 'unchanged' }, 'the same content again changes nothing but adds its holder')
  t.same(s.images.get(one.digest)?.holders, ['n1', 'n2'])
  const clash = apply(s, 3, putImage(image('web', '1.9.0', 'n3', 'other bytes')))
  t.match(clash, { kind: 'image-put', change: 'refused' }, 'another blob under the same version is refused')
  t.equal(s.images.size, 1)
  const two = image('web', '1.10.0')
  apply(s, 4, putImage(two))
  t.equal(resolveImage(s, 'web')?.version, '1.10.0', 'the bare name is the newest version')
  t.equal(resolveImage(s, 'web@1.9.0')?.digest, one.digest)
  t.equal(resolveImage(s, one.digest)?.version, '1.9.0', 'a digest names its image')
  t.equal(resolveImage(s, 'web@3'), undefined)
  t.equal(resolveImage(s, 'lb'), undefined)
  t.same(apply(s, 5, imageHeld(two.digest, 'n2', true)), { kind: 'image-held', digest: two.digest, node: 'n2', applied: true })
  t.same(s.images.get(two.digest)?.holders, ['n1', 'n2'])
  apply(s, 6, imageHeld(two.digest, 'n1', false))
  t.same(s.images.get(two.digest)?.holders, ['n2'])
  t.same(apply(s, 7, imageHeld('sha256:' + '0'.repeat(64), 'n2', true)), { kind: 'image-held', digest: 'sha256:' + '0'.repeat(64), node: 'n2', applied: false }, 'an unknown image changes nothing')
  t.same(imagesByName(s).map(i => i.version), ['1.10.0', '1.9.0'])
})

t.test('an image an app pins cannot be deleted; an app cannot pin a missing image', async t => {
  const s = emptyState()
  const one = image('web', '1.0.0')
  apply(s, 1, putImage(one))
  t.match(apply(s, 2, putApp(app('shop', one.digest), 'src')), { change: 'created' })
  t.same(appsUsing(s, one.digest), ['shop'])
  t.same(apply(s, 3, deleteImage('web', '1.0.0')), { kind: 'image-deleted', name: 'web', version: '1.0.0', existed: true, usedBy: ['shop'] }, 'refused, naming the app')
  t.ok(s.images.has(one.digest))
  apply(s, 4, deleteApp('shop'))
  t.same(apply(s, 5, deleteImage('web', '1.0.0')), { kind: 'image-deleted', name: 'web', version: '1.0.0', existed: true, usedBy: [] })
  t.notOk(s.images.has(one.digest))
  const refused = apply(s, 6, putApp(app('shop', one.digest), 'src'))
  t.match(refused, { kind: 'app-put', change: 'refused', why: /not in the grid's catalog/ })
  t.notOk(s.apps.has('shop'), 'nothing was written')
  t.same(apply(s, 7, deleteImage('web', '1.0.0')), { kind: 'image-deleted', name: 'web', version: '1.0.0', existed: false, usedBy: [] })
})

t.test('re-applying an app whose image resolved to a new digest is an update, the same digest is not', async t => {
  const s = emptyState()
  const one = image('web', '1.0.0')
  const two = image('web', '2.0.0')
  apply(s, 1, putImage(one))
  apply(s, 2, putApp(app('shop', one.digest), 'src'))
  apply(s, 3, putImage(two))
  t.equal(s.apps.get('shop')?.spec.components[0]?.digest, one.digest, 'importing a new version changes nothing')
  t.match(apply(s, 4, putApp(app('shop', one.digest), 'src')), { change: 'unchanged' })
  t.match(apply(s, 5, putApp(app('shop', two.digest), 'src')), { change: 'updated' })
})

t.test('bad image commands are refused with a clear error', async t => {
  const s = emptyState()
  t.throws(() => apply(s, 1, putImage({ ...image('web', '1.0.0'), digest: 'md5:abc' })), { code: 'ERR_BAD_COMMAND' })
  t.throws(() => apply(emptyState(), 1, putImage({ ...image('web', '1.0.0'), version: '../1' })), { code: 'ERR_BAD_COMMAND' })
  t.throws(() => apply(emptyState(), 1, imageHeld('sha256:' + '1'.repeat(64), '', true)), { code: 'ERR_BAD_COMMAND' })
})

t.test('images survive encoding and a snapshot', async t => {
  const s = emptyState()
  const one = image('web', '1.0.0')
  apply(s, 1, decodeCommand(encodeCommand(putImage(one))))
  apply(s, 2, decodeCommand(encodeCommand(imageHeld(one.digest, 'n9', true))))
  const copy = emptyState()
  restoreState(copy, serializeState(s), 2)
  t.same(copy.images.get(one.digest), s.images.get(one.digest))
  t.same(copy.images.get(one.digest)?.holders, ['n1', 'n9'])
})
