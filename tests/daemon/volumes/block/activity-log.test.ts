import t from 'tap'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ActivityLog } from '../../../../daemon/volumes/block/activity-log.ts'

t.test('a change waits for its extent to be marked durably, once; later changes there wait for nothing', async t => {
  const dir = t.testdir()
  const file = await open(join(dir, 'activity'), 'w+')
  t.teardown(async () => { await file.close() })
  let syncs = 0
  const al = new ActivityLog(file, 64, () => { syncs++ })
  const marking = al.begin(3, 3)
  t.ok(marking instanceof Promise, 'a fresh extent is a write and a sync to wait for')
  const beside = al.begin(3, 3)
  t.ok(beside instanceof Promise, 'a change meeting that mark under way waits for it too')
  await marking
  await beside
  t.equal(syncs, 1, 'one sync for both')
  t.ok(((await readFile(join(dir, 'activity')))[0]! & (1 << 3)) !== 0, 'the mark is in the file')
  t.equal(al.begin(3, 3), undefined, 'a marked extent: nothing to await')
  for (let i = 0; i < 3; i++) al.end(3, 3)
  t.equal(syncs, 1, 'and no more syncs')
})
