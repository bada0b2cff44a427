/**
 * Instance accounts on real directories and a real LevelDB: uids allocated
 * once, kept across a restart, never shared, freed with the instance; homes
 * private and owned; a symlink an instance plants is never followed.
 */
import t, { type Test } from 'tap'
import { lstat, mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { uidStoreOver } from '../../../../daemon/runtime/index.ts'
import { InstanceAccounts } from '../../../../daemon/runtime/isolation/accounts.ts'
import { openStore } from '../../../../daemon/store/index.ts'
import { exists, quietLogger, removeDir, tempDir } from '../helpers.ts'

const root = process.getuid?.() === 0
const RANGE = { first: 1_900_000_000, last: 1_900_000_002 }

async function setup (t: Test): Promise<{ dir: string, open: () => Promise<InstanceAccounts> }> {
  const dir = await tempDir('trellis-accounts-')
  const stores: Array<{ close: () => Promise<void> }> = []
  t.teardown(async () => {
    for (const s of stores) await s.close()
    await removeDir(dir)
  })
  // each open() is a daemon start: the store is closed and opened again
  const open = async (): Promise<InstanceAccounts> => {
    for (const s of stores.splice(0)) await s.close()
    const store = await openStore(join(dir, 'state'))
    stores.push(store)
    const accounts = new InstanceAccounts({ store: uidStoreOver(store.sublevel<string, string>('accounts', { valueEncoding: 'utf8' })), logger: quietLogger() }, { dir: join(dir, 'instances'), range: RANGE, isolate: root })
    await accounts.start()
    return accounts
  }
  return { dir, open }
}

t.test('an account: its uid, and a private home and tmp it owns', async t => {
  const { dir, open } = await setup(t)
  const accounts = await open()
  const a = await accounts.acquire('app.web.0')
  t.same([a.home, a.tmp], [join(dir, 'instances', 'app.web.0', 'home'), join(dir, 'instances', 'app.web.0', 'tmp')])
  t.equal((await stat(join(dir, 'instances'))).mode & 0o777, 0o711, 'instances/ is passed through, not listed')
  for (const path of [join(dir, 'instances', 'app.web.0'), a.home, a.tmp]) {
    const st = await stat(path)
    t.same([st.uid, st.gid, st.mode & 0o777], [a.uid, a.gid, 0o700], `${path} is the instance's, 0700`)
  }
  if (root) {
    t.ok(a.uid >= RANGE.first && a.uid <= RANGE.last, 'from the range')
    t.equal(a.user, `trellis-${a.uid}`)
  } else {
    t.equal(a.uid, process.getuid?.(), 'not root: the daemon\'s own uid')
  }
  t.same(await accounts.acquire('app.web.0'), a, 'acquire is idempotent')
})

t.test('uids are kept across a restart, never shared, and freed with the instance', { skip: root ? false : 'uids are allocated only as root' }, async t => {
  const { dir, open } = await setup(t)
  let accounts = await open()
  const ids = ['a.x.0', 'a.x.1', 'a.x.2']
  const uids = []
  for (const id of ids) uids.push((await accounts.acquire(id)).uid)
  t.equal(new Set(uids).size, 3, 'three instances, three uids')
  await t.rejects(accounts.acquire('a.x.3'), { code: 'ERR_UID_RANGE_EXHAUSTED' }, 'a fourth does not fit the range')
  t.notOk(await exists(join(dir, 'instances', 'a.x.3')), 'and gets no directory')

  accounts = await open()
  t.same(ids.map(id => accounts.get(id)?.uid), uids, 'a restarted daemon knows every allocation')
  t.same((await accounts.acquire('a.x.1')).uid, uids[1], 'and hands out the same uid')

  await accounts.release('a.x.1')
  t.equal(accounts.get('a.x.1'), undefined)
  t.notOk(await exists(join(dir, 'instances', 'a.x.1')), 'its directory is gone')
  t.equal((await accounts.acquire('a.x.3')).uid, uids[1], 'its uid is free for another')
  accounts = await open()
  t.equal(accounts.get('a.x.1'), undefined, 'the release was persisted')

  await accounts.retain(new Set(['a.x.0']))
  t.same(await readdir(join(dir, 'instances')), ['a.x.0'], 'retain releases every other instance')
  t.same(['a.x.2', 'a.x.3'].map(id => accounts.get(id)), [undefined, undefined])
})

t.test('a symlink planted in place of home is removed, never followed', { skip: root ? false : 'needs root to chown' }, async t => {
  const { dir, open } = await setup(t)
  const accounts = await open()
  const a = await accounts.acquire('app.evil.0')
  const target = join(dir, 'precious')
  await mkdir(target, { mode: 0o700 })
  await writeFile(join(target, 'secret'), 'root only', { mode: 0o600 })
  // what the instance could do to its own directory while it runs
  await removeDir(a.home)
  await symlink(target, a.home)
  await writeFile(a.tmp + '.x', '')
  await removeDir(a.tmp)
  await writeFile(a.tmp, 'not a directory')
  await accounts.acquire('app.evil.0')
  const st = await stat(target)
  t.same([st.uid, st.mode & 0o777], [0, 0o700], 'the link\'s target kept its owner and mode')
  t.ok(await exists(join(target, 'secret')), 'and its contents')
  t.ok((await lstat(a.home)).isDirectory(), 'home is a real directory again')
  t.ok((await lstat(a.tmp)).isDirectory(), 'so is tmp')
  t.equal((await stat(a.home)).uid, a.uid)
  await symlink(target, join(a.home, 'link'))
  await accounts.release('app.evil.0')
  t.ok(await exists(join(target, 'secret')), 'release removes links, not what they point to')
})
