/** A volume given to its instance's user: the root always, the contents when the root's owner differs. */
import { chown, lstat, mkdir, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { claimVolume } from '../../../../daemon/runtime/isolation/ownership.ts'
import { removeDir, tempDir } from '../helpers.ts'

const OWNER = { uid: 1_900_001_000, gid: 1_900_001_000 }

t.test('a volume is given to its instance: all of it when its root was someone else\'s, only the root after', { skip: process.getuid?.() === 0 ? false : 'chown needs root' }, async t => {
  const dir = await tempDir('trellis-claim-')
  t.teardown(async () => await removeDir(dir))
  const volume = join(dir, 'volume')
  const outside = join(dir, 'outside')
  await writeFile(outside, 'not the volume\'s')
  await mkdir(join(volume, 'sub', 'deeper'), { recursive: true })
  await writeFile(join(volume, 'sub', 'deeper', 'file'), 'data')
  await symlink(outside, join(volume, 'link'))

  t.same(await claimVolume(volume, OWNER), { changed: 5 }, 'the root, sub, deeper, file and link')
  for (const p of ['', 'sub', 'sub/deeper', 'sub/deeper/file']) t.equal((await stat(join(volume, p))).uid, OWNER.uid, `${p || 'root'} is the instance's`)
  t.equal((await lstat(join(volume, 'link'))).uid, OWNER.uid, 'the link itself too')
  t.equal((await stat(outside)).uid, 0, 'but not what it points to')
  t.equal((await stat(volume)).mode & 0o777, 0o700, 'the root is private')

  await chown(join(volume, 'sub', 'deeper', 'file'), 0, 0)
  t.same(await claimVolume(volume, OWNER), { changed: 0 }, 'a root already the instance\'s: nothing walked')
  t.equal((await stat(join(volume, 'sub', 'deeper', 'file'))).uid, 0, 'so a file the instance gave away stays as it is')

  await t.rejects(claimVolume(outside, OWNER), /not a directory/)
  await symlink(join(volume, 'sub'), join(dir, 'to-sub'))
  await t.rejects(claimVolume(join(dir, 'to-sub'), OWNER), /not a directory/, 'a volume path that is a symlink is refused')
})
