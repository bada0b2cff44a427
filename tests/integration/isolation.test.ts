/**
 * Instances run isolated, on a real one-node grid (so the data dir holds a
 * grid key, a node key and an admin token, and volumes are mounted through
 * NBD, nbdfuse, a loop device and ext4): each instance runs as its own
 * unprivileged uid with no supplementary groups; from inside it the node's
 * secrets, the logs, the data dir's listing and another instance's home are
 * EACCES, while its HOME, TMPDIR and volume are writable; its uid survives a
 * daemon crash (re-adopted, or restarted when its volume's daemon died); the
 * image's environment and stop signal apply; a child that called setsid is
 * still stopped with it; removal frees its home. And a catalog that lies in
 * a 0700 home, as a repository cloned into /root does, still runs: its
 * images are imported into the grid's catalog and run from where the node
 * unpacks them.
 */
import t from 'tap'
import { existsSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_INSTANCE_UIDS } from '../../daemon/runtime/index.ts'
import { ROOT, startDaemon, startGrid, waitFor } from '../helpers/daemon.ts'

const skip = process.getuid?.() === 0 ? false : 'needs root: instances run as other users only when the daemon is root'
const APP = `name: iso
components:
  a:
    image: probe
    volumes:
      data: { size: 64Mi, replicas: 1 }
  b:
    image: probe
`

interface Whoami { uid: number, gid: number, groups: string, env: Record<string, string> }

t.test('instances run as their own users and reach only what is theirs', { skip }, async t => {
  const { nodes } = await startGrid(fn => t.teardown(fn), 1, ['--images', join(ROOT, 'tests', 'fixtures', 'images')])
  const node = nodes[0]!
  const dataDir = node.dataDir
  await node.client.apply(APP)
  const addressOf = async (component: string): Promise<string> => await waitFor(`${component} ready`, 90_000, async () => {
    const i = (await node.client.app('iso')).instanceList.find(x => x.component === component)
    return i?.ready === true ? i.addresses.http : undefined
  }, 250)
  const ask = async <T> (component: string, path: string): Promise<T> => {
    const r = await fetch(`http://${await addressOf(component)}${path}`, { signal: AbortSignal.timeout(5000) })
    return await r.json() as T
  }
  const a = await ask<Whoami>('a', '/whoami')
  const b = await ask<Whoami>('b', '/whoami')

  t.test('own uid and gid from the range, no supplementary groups', async t => {
    for (const w of [a, b]) {
      t.ok(w.uid >= DEFAULT_INSTANCE_UIDS.first && w.uid <= DEFAULT_INSTANCE_UIDS.last, `uid ${w.uid} in the default range`)
      t.equal(w.gid, w.uid, 'its own group')
      t.equal(w.groups, '', 'no supplementary groups')
    }
    t.not(a.uid, b.uid, 'two instances, two uids')
  })

  t.test('environment: HOME, USER, LANG, TMPDIR and the image\'s own', async t => {
    t.equal(a.env.HOME, join(dataDir, 'instances', 'iso.a.0', 'home'))
    t.equal(a.env.TMPDIR, join(dataDir, 'instances', 'iso.a.0', 'tmp'))
    t.equal(a.env.USER, `trellis-${a.uid}`)
    t.equal(a.env.LANG, 'C.UTF-8')
    t.equal(a.env.PROBE_GREETING, 'hello')
    t.equal(a.env.PROBE_NUMBER, '42')
    t.equal(a.env.TRELLIS_VOLUME_DATA, join(dataDir, 'mounts', 'iso.a.data'), 'the volume is the mounted filesystem')
    t.equal(statSync(a.env.HOME).mode & 0o777, 0o700)
    t.equal(statSync(a.env.HOME).uid, a.uid)
  })

  t.test('the node\'s secrets, the logs and other instances\' files are EACCES from inside', async t => {
    const forbidden = [
      'admin.token', 'grid.key', 'node.key', 'identity.json', 'api.json', 'state', 'logs',
      'logs/iso.b.0.stdout.log', 'replicas', 'run', 'run/nbd.sock',
      'instances/iso.b.0', 'instances/iso.b.0/home', 'instances/iso.b.0/tmp', 'instances', ''
    ]
    for (const entry of forbidden) {
      const path = join(dataDir, entry)
      t.ok(existsSync(path), `${entry || 'the data dir'} exists`)
      t.same(await ask('a', `/read?path=${encodeURIComponent(path)}`), { ok: false, code: 'EACCES' }, `reading ${entry || 'the data dir'}`)
    }
    t.same(await ask('a', `/write?path=${encodeURIComponent(join(b.env.HOME, 'x'))}`), { ok: false, code: 'EACCES' }, 'writing into b\'s home')
  })

  t.test('its HOME, TMPDIR and volume are writable, and what it writes is its own', async t => {
    for (const dir of [a.env.HOME!, a.env.TMPDIR!, a.env.TRELLIS_VOLUME_DATA!]) {
      t.same(await ask('a', `/write?path=${encodeURIComponent(join(dir, 'probe.txt'))}`), { ok: true }, `writing in ${dir}`)
      t.equal(statSync(join(dir, 'probe.txt')).uid, a.uid)
    }
    const root = statSync(a.env.TRELLIS_VOLUME_DATA!)
    t.same([root.uid, root.gid, root.mode & 0o777], [a.uid, a.uid, 0o700], 'the mounted volume\'s root is the instance\'s, 0700')
    t.same(await ask('b', `/read?path=${encodeURIComponent(a.env.TRELLIS_VOLUME_DATA!)}`), { ok: false, code: 'EACCES' }, 'b cannot read a\'s volume')
  })

  t.test('uids survive a daemon crash: b is re-adopted, a restarted on its volume', async t => {
    const before = (await node.client.app('iso')).instanceList
    const pidB = before.find(i => i.component === 'b')!.pid
    await node.crash()
    await node.restart()
    await waitFor('iso healthy again', 90_000, async () => (await node.client.app('iso')).status === 'healthy' ? true : undefined, 250)
    const after = (await node.client.app('iso')).instanceList
    t.equal(after.find(i => i.component === 'b')!.pid, pidB, 'b was re-adopted, not restarted')
    t.equal((await ask<Whoami>('b', '/whoami')).uid, b.uid, 'b keeps its uid')
    t.equal((await ask<Whoami>('a', '/whoami')).uid, a.uid, 'a, started afresh, gets the same uid')
    t.same(await ask('a', `/read?path=${encodeURIComponent(join(a.env.TRELLIS_VOLUME_DATA!, 'probe.txt'))}`), { ok: true }, 'and still reads its volume')
  })

  t.test('stop: the image\'s signal, the setsid child goes too, and the home is removed', async t => {
    const { pid } = await ask<{ pid: number }>('b', '/setsid')
    const sid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[3])
    t.equal(sid, pid, 'the child leads a session of its own, outside the instance\'s process group')
    await node.client.deleteApp('iso')
    await waitFor('the instances to be gone', 60_000, async () => (await node.client.app('iso').catch(() => undefined)) === undefined ? true : undefined, 250)
    await waitFor('the setsid child to be killed', 15_000, () => existsSync(`/proc/${pid}`) ? undefined : true, 50)
    t.pass('the setsid child was killed with its instance')
    for (const id of ['iso.a.0', 'iso.b.0']) {
      t.match(readFileSync(join(dataDir, 'logs', `${id}.stdout.log`), 'utf8'), /stopped by SIGINT\n$/, `${id} got SIGINT, the image's stop signal`)
      await waitFor(`${id}'s home to be removed`, 15_000, () => existsSync(join(dataDir, 'instances', id)) ? undefined : true, 100)
    }
    t.pass('homes removed with their instances')
  })
})

t.test('a catalog folder inside a 0700 home runs: its images are imported and run from the node\'s image dirs', { skip }, async t => {
  const home = await mkdtemp(join(tmpdir(), 'trellis-home-')) // 0700, like /root
  t.teardown(async () => await rm(home, { recursive: true, force: true }))
  const repo = join(home, 'trellis')
  await mkdir(join(repo, 'images'), { recursive: true, mode: 0o755 })
  await writeFile(join(repo, 'package.json'), '{ "type": "module" }\n', { mode: 0o644 })
  await cp(join(ROOT, 'tests', 'fixtures', 'images', 'probe'), join(repo, 'images', 'probe'), { recursive: true })
  const node = await startDaemon(fn => t.teardown(fn), { extraArgs: ['--images', join(repo, 'images')] })
  await node.client.apply('name: far\ncomponents:\n  p:\n    image: probe\n')
  const instance = await waitFor('the probe ready', 60_000, async () => {
    const i = (await node.client.app('far')).instanceList[0]
    return i?.ready === true ? i : undefined
  }, 250)
  const cwd = readlinkSync(`/proc/${instance.pid!}/cwd`)
  t.ok(cwd.startsWith(join(node.dataDir, 'image-dirs') + '/'), `it runs in the image unpacked from the grid's catalog: ${cwd}`)
  t.notOk(cwd.startsWith(home), 'not from the folder it was imported from')
  t.not(statSync(`/proc/${instance.pid!}`).uid, 0, 'as its own user')
  await node.client.deleteApp('far')
  await waitFor('the probe to stop', 30_000, async () => (await node.client.app('far').catch(() => undefined)) === undefined ? true : undefined, 250)
  await node.stop()
  t.notOk(readFileSync('/proc/self/mounts', 'utf8').includes(join(node.dataDir, 'code')), 'a clean stop unbinds it')
})
