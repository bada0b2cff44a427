/**
 * The data dir's modes, the check that instances can reach it, and code
 * that lies beyond a directory others cannot pass (a repository under root's
 * 0700 home), made reachable through a read-only bind mount.
 */
import { spawnSync } from 'node:child_process'
import { chmod, copyFile, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { DEFAULT_INSTANCE_UIDS, InstanceIsolation, uidStoreOver } from '../../../../daemon/runtime/index.ts'
import { exposeCode, planBind, unexposeCode } from '../../../../daemon/runtime/isolation/code.ts'
import { blockedBy, secureDataDir } from '../../../../daemon/runtime/isolation/data-dir.ts'
import { isMounted } from '../../../../daemon/volumes/mount/index.ts'
import { openStore } from '../../../../daemon/store/index.ts'
import { quietLogger, removeDir, tempDir } from '../helpers.ts'

const root = process.getuid?.() === 0
const OTHER = DEFAULT_INSTANCE_UIDS.first + 777

/** Runs a command as another user; its exit status and output. */
function asOther (command: string, args: string[]): { status: number | null, out: string } {
  const r = spawnSync(command, args, { uid: OTHER, gid: OTHER, cwd: '/', encoding: 'utf8' })
  return { status: r.status, out: r.stdout + r.stderr }
}

t.test('blockedBy finds the deepest directory others cannot pass', async t => {
  t.equal(blockedBy([{ path: '/', mode: 0o755 }, { path: '/srv', mode: 0o711 }]), undefined)
  t.same(blockedBy([{ path: '/', mode: 0o755 }, { path: '/root', mode: 0o700 }, { path: '/root/a', mode: 0o750 }, { path: '/root/a/b', mode: 0o755 }]), { path: '/root/a', mode: 0o750 })
  t.same(planBind('/root/trellis/node_modules/node/bin/node', [{ path: '/', mode: 0o755 }, { path: '/root', mode: 0o700 }, { path: '/root/trellis', mode: 0o755 }], '/d/code'),
    { source: '/root/trellis', target: planBind('/root/trellis/images', [{ path: '/root', mode: 0o700 }], '/d/code')!.target }, 'one bind for everything under the same blocked directory')
  t.equal(planBind('/work/trellis/images', [{ path: '/', mode: 0o755 }, { path: '/work', mode: 0o755 }], '/d/code'), undefined)
})

t.test('secureDataDir: the data dir passes others through to instances/, volumes/, mounts/, code/ and nothing else', async t => {
  const dir = await tempDir('trellis-datadir-')
  t.teardown(async () => await removeDir(dir))
  await writeFile(join(dir, 'admin.token'), 'secret', { mode: 0o644 })
  await mkdir(join(dir, 'state'), { mode: 0o755 })
  await mkdir(join(dir, 'volumes'), { mode: 0o755 })
  await symlink('/etc', join(dir, 'link'))
  const shared = ['instances', 'volumes', 'mounts', 'code'].map(n => join(dir, n))
  await secureDataDir({ dataDir: dir, shared, private: [join(dir, 'logs'), join(dir, 'run')] })
  const mode = async (p: string): Promise<number> => (await stat(p)).mode & 0o777
  t.equal(await mode(dir), 0o711)
  for (const p of shared) t.equal(await mode(p), 0o711, p)
  for (const n of ['state', 'logs', 'run']) t.equal(await mode(join(dir, n)), 0o700, n)
  t.equal(await mode(join(dir, 'admin.token')), 0o600)
  t.equal(await mode('/etc'), 0o755, 'a symlink in the data dir is left alone, and not followed')
  if (!root) return
  t.equal(asOther('/bin/ls', [dir]).status, 2, 'others cannot list the data dir')
  t.equal(asOther('/bin/cat', [join(dir, 'admin.token')]).status, 1, 'nor read its files')
  t.equal(asOther('/bin/ls', [join(dir, 'volumes')]).status, 2, 'nor list a shared directory')
  t.equal(asOther('/usr/bin/test', ['-x', join(dir, 'volumes')]).status, 0, 'but may pass through it')
})

t.test('as root, a data dir under a directory others cannot pass is refused, naming it', { skip: root ? false : 'only root isolates' }, async t => {
  const home = await tempDir('trellis-home-') // mkdtemp makes it 0700, like /root
  t.teardown(async () => await removeDir(home))
  const dataDir = join(home, '.trellis')
  const store = await openStore(join(dataDir, 'state'))
  t.teardown(async () => await store.close())
  const init = {
    dataDir, shared: [join(dataDir, 'instances'), join(dataDir, 'code')], private: [],
    instancesDir: join(dataDir, 'instances'), codeDir: join(dataDir, 'code'), range: DEFAULT_INSTANCE_UIDS, code: []
  }
  const components = { store: uidStoreOver(store.sublevel<string, string>('accounts', { valueEncoding: 'utf8' })), logger: quietLogger() }
  const err = await InstanceIsolation.prepare(components, init).then(() => undefined, (e: unknown) => e as Error & { code: string })
  t.equal(err?.code, 'ERR_DATA_DIR_UNREACHABLE')
  t.match(err?.message, `${home} (mode 700) lets no other user pass`)
  await chmod(home, 0o711)
  const isolation = await InstanceIsolation.prepare(components, init)
  t.equal(isolation.isolating, true, 'once others may pass, the node isolates its instances')
})

t.test('code under a 0700 directory is bound read-only where instances reach it', { skip: root ? false : 'bind mounts need root' }, async t => {
  const home = await tempDir('trellis-home-')
  const dataDir = await tempDir('trellis-datadir-')
  await chmod(dataDir, 0o711)
  const codeDir = join(dataDir, 'code')
  await mkdir(codeDir, { mode: 0o711 })
  // a repository in a 0700 home: a program and a catalog with an image folder
  const repo = join(home, 'trellis')
  await mkdir(join(repo, 'bin'), { recursive: true, mode: 0o755 })
  await mkdir(join(repo, 'images', 'web'), { recursive: true, mode: 0o755 })
  await copyFile('/bin/cat', join(repo, 'bin', 'cat'))
  await chmod(join(repo, 'bin', 'cat'), 0o755)
  await writeFile(join(repo, 'images', 'web', 'main.txt'), 'the image\'s code\n', { mode: 0o644 })
  const view = await exposeCode({ logger: quietLogger() }, [join(repo, 'bin', 'cat'), join(repo, 'images')], codeDir)
  t.teardown(async () => {
    await unexposeCode(view)
    await removeDir(home)
    await removeDir(dataDir)
  })
  t.equal(view.binds.length, 1, 'one bind covers both')
  const program = view.path(join(repo, 'bin', 'cat'))
  const file = view.path(join(repo, 'images', 'web', 'main.txt'))
  t.ok(program.startsWith(codeDir + '/'), `the program is reached at ${program}`)
  t.equal(view.path('/usr/bin/env'), '/usr/bin/env', 'paths others reach anyway are kept')
  t.equal(asOther('/bin/cat', [join(repo, 'images', 'web', 'main.txt')]).status, 1, 'by its own path the code is unreachable')
  t.same(asOther(program, [file]), { status: 0, out: 'the image\'s code\n' }, 'through the bind another user runs the program on the image\'s file')
  t.equal(asOther('/bin/sh', ['-c', `echo x > ${join(view.binds[0]!.target, 'images', 'new')}`]).status, 2, 'and cannot write there')
  await t.rejects(writeFile(join(view.binds[0]!.target, 'images', 'new'), 'x'), { code: 'EROFS' }, 'the bind is read-only, even for root')
  const again = await exposeCode({ logger: quietLogger() }, [join(repo, 'images')], codeDir)
  t.same(again.binds, view.binds, 'a later daemon finds the bind in place and keeps it')
  await unexposeCode(view)
  t.notOk(await isMounted(view.binds[0]!.target), 'unexposed')
  t.equal(await readFile(join(repo, 'images', 'web', 'main.txt'), 'utf8'), 'the image\'s code\n')
})
