import t from 'tap'
import { appOf, componentOf, instanceId, parseInstanceId, snapshotId, statefulInstanceId, subjectId, volumeId, type AppSpec } from '../../../controller/graph/index.ts'

t.test('an instance id is built and read back', async t => {
  t.equal(instanceId('shop', 'web', 12), 'shop.web.12')
  t.same(parseInstanceId('shop.web.12'), { app: 'shop', component: 'web', index: 12 })
  t.equal(statefulInstanceId('shop', 'db'), 'shop.db.0')
})

t.test('what is not an instance id is said to be none', async t => {
  for (const id of ['shop', 'shop.web', 'shop.web.x', 'shop.web.01', 'shop.web.-1', 'shop..0', '.web.0', 'shop.entry.http', 'a.b.c.0']) {
    t.equal(parseInstanceId(id), undefined, id)
  }
})

t.test('volumes, snapshots and event subjects name their app first', async t => {
  t.equal(volumeId('shop', 'db', 'data'), 'shop.db.data')
  t.equal(snapshotId('shop.db.data', 'v1.2'), 'shop.db.data@v1.2')
  t.equal(subjectId('shop', 'placement'), 'shop.placement')
  for (const id of ['shop.web.0', 'shop.db.data', 'shop.db.data@v1.2', 'shop.placement', 'shop']) t.equal(appOf(id), 'shop', id)
})

t.test('an instance finds its component only in its own app', async t => {
  const app = { name: 'shop', components: [{ name: 'web' }, { name: 'db' }] } as unknown as AppSpec
  t.equal(componentOf(app, 'shop.db.0')?.name, 'db')
  t.equal(componentOf(app, 'other.db.0'), undefined)
  t.equal(componentOf(app, 'shop.cache.0'), undefined)
  t.equal(componentOf(app, 'shop.db'), undefined)
})
