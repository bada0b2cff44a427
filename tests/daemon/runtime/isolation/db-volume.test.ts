/**
 * The bundled db image, run as an unprivileged user through the process
 * driver, on a volume claimed for that user: a directory volume, and a
 * volume mounted through NBD, nbdfuse, a loop device and ext4. Its writes
 * land as that user's files and survive a restart of the db.
 */
import { chmod, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { DEFAULT_INSTANCE_UIDS, type ProcessDriver } from '../../../../daemon/runtime/index.ts'
import { claimVolume } from '../../../../daemon/runtime/isolation/ownership.ts'
import { DirectoryVolumeBackend, mountVolume, probeMountSupport } from '../../../../daemon/volumes/index.ts'
import { ROOT } from '../../../helpers/daemon.ts'
import { logger, rig } from '../../volumes/mount/helpers.ts'
import { freePort, newDriver, sandbox, until } from '../helpers.ts'

const USER = { uid: DEFAULT_INSTANCE_UIDS.first + 5151, gid: DEFAULT_INSTANCE_UIDS.first + 5151 }
const root = process.getuid?.() === 0
const mounts = await probeMountSupport({ only: 'nbdfuse-loop' })

/** Starts the db as USER on `volume`; resolves once it answers, with its URL and pid. */
async function startDb (driver: ProcessDriver, id: string, volume: string, logDir: string): Promise<{ url: string, pid: number }> {
  const port = await freePort()
  await driver.start({
    id,
    command: [process.execPath, 'main.ts'],
    cwd: join(ROOT, 'images', 'db'),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TRELLIS_IN_HTTP: `127.0.0.1:${port}`, TRELLIS_VOLUME_DATA: volume, TRELLIS_INSTANCE: id },
    resources: { cpu: 1, memory: 256 * 1024 * 1024 },
    logDir,
    user: USER
  })
  const url = `http://127.0.0.1:${port}`
  await until(async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.ok === true, 30_000, `db ${id} to answer`)
  return { url, pid: driver.inspect(id)!.pid! }
}

/** Writes a key, checks who owns the files and who runs the db, restarts it, reads the key back. */
async function exercise (t: Test, driver: ProcessDriver, volume: string, logDir: string): Promise<void> {
  t.ok((await claimVolume(volume, USER)).changed > 0, 'the fresh volume is given to the user')
  const first = await startDb(driver, 'db-1', volume, logDir)
  t.match(await readFile(`/proc/${first.pid}/status`, 'utf8'), new RegExp(`\\nUid:\\t${USER.uid}\\t`), 'the db runs as the user')
  t.equal((await fetch(`${first.url}/kv/greeting`, { method: 'PUT', body: 'hello' })).status, 204)
  const kv = await stat(join(volume, 'kv'))
  t.same([kv.uid, kv.gid], [USER.uid, USER.gid], 'its LevelDB is the user\'s')
  await driver.stop('db-1', 10_000)
  t.same(await driver.wait('db-1'), { code: 0, signal: null, oomKilled: false }, 'a clean stop')
  await driver.destroy('db-1')
  t.same(await claimVolume(volume, USER), { changed: 0 }, 'attached again: already the user\'s')
  const second = await startDb(driver, 'db-2', volume, logDir)
  t.teardown(async () => await driver.destroy('db-2'))
  t.equal(await (await fetch(`${second.url}/kv/greeting`)).text(), 'hello', 'the write survived the restart')
  await driver.stop('db-2', 10_000)
}

t.test('the db as a non-root user on a directory volume', { skip: root ? false : 'needs root' }, async t => {
  const { dir, parent } = await sandbox(t, 'db-dir')
  await chmod(dir, 0o711) // the data dir's mode: others pass through to the volume
  const driver = newDriver(t, parent)
  const volumes = new DirectoryVolumeBackend({ root: join(dir, 'volumes') })
  await volumes.create('app.db.data', 64 * 1024 * 1024)
  const { path } = await volumes.attach('app.db.data')
  await exercise(t, driver, path, dir)
})

t.test('the db as a non-root user on a mounted volume (nbdfuse, loop, ext4)', { skip: !root ? 'needs root' : mounts.ok ? false : `cannot mount here: ${mounts.why}` }, async t => {
  const { dir: logDir, parent } = await sandbox(t, 'db-mount')
  const { dir, init } = await rig(t)
  await chmod(dir, 0o711)
  const driver = newDriver(t, parent)
  const volume = await mountVolume({ logger }, init)
  t.teardown(async () => {
    await driver.destroy('db-1').catch(() => {})
    await driver.destroy('db-2').catch(() => {})
    await volume.unmount()
  })
  t.equal((await stat(join(volume.path, 'lost+found'))).uid, 0, 'a freshly made ext4 is root\'s')
  await exercise(t, driver, volume.path, logDir)
})
