/**
 * The real mount chain: NbdServer on a Unix socket → nbdfuse → loop → ext4.
 * Needs root, /dev/fuse, /dev/loop-control and libnbd-bin; skipped with the
 * reason probeMountSupport gives otherwise.
 */
import t from 'tap'
import { existsSync } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { STATE_FILE, cleanupStaleMounts, mountVolume, probeMountSupport, type MountState } from '../../../../daemon/volumes/mount/index.ts'
import { logger, loopsUnder, mountsUnder, processesMentioning, rig, SIZE } from './helpers.ts'

// The tests pin nbdfuse+loop (they kill nbdfuse and look for its fuse dir), even where kernel nbd would be preferred.
const support = await probeMountSupport()
const fuseSupport = await probeMountSupport({ only: 'nbdfuse-loop' })
const skip = fuseSupport.ok ? false : `cannot mount volumes with nbdfuse+loop here: ${fuseSupport.why}`

// Async I/O only: the NBD server answering these writes runs on this very event loop.
async function writeSynced (path: string, text: string): Promise<void> {
  const fh = await open(path, 'w')
  try {
    await fh.writeFile(text)
    await fh.sync()
  } finally {
    await fh.close()
  }
}

t.test('probeMountSupport finds a method on this machine', { skip }, async t => {
  t.match(support, { ok: true, method: /^(kernel-nbd|nbdfuse-loop)$/ })
  t.same(fuseSupport, { ok: true, method: 'nbdfuse-loop' })
  const kernel = await probeMountSupport({ only: 'kernel-nbd' })
  if (!kernel.ok) t.match(kernel.why, /\/dev\/nbd0|nbd-client/, 'names what kernel nbd lacks')
})

t.test('mount, fsync reaches the server as FLUSH, unmount, remount keeps the file and the filesystem', { skip }, async t => {
  const { dir, server, init } = await rig(t)
  const first = await mountVolume({ logger }, init)
  t.equal(first.formatted, true, 'a blank volume is formatted')
  t.match(first.device, /^\/dev\/loop\d+$/)
  t.equal(first.loopDirectIo, true, 'the loop device writes the FUSE file with direct I/O, not through a second page cache')
  t.same(await mountsUnder(dir), [join(dir, 'work', 'fuse'), init.target])

  const before = server.stats().requests.flush
  await writeSynced(join(first.path, 'hello.txt'), 'still here')
  t.ok(server.stats().requests.flush > before, `fsync sent FLUSH (${before} → ${server.stats().requests.flush})`)

  await first.unmount()
  await first.unmount() // idempotent
  t.same(await mountsUnder(dir), [], 'nothing mounted after unmount')
  t.same(await loopsUnder(dir), [], 'no loop device left')
  t.same(await processesMentioning(dir), [], 'nbdfuse exited')

  const second = await mountVolume({ logger }, init)
  t.teardown(second.unmount)
  t.equal(second.formatted, false, 'the existing filesystem is not recreated')
  t.equal(await readFile(join(second.path, 'hello.txt'), 'utf8'), 'still here')
  await second.unmount()
})

t.test('cleanupStaleMounts undoes a mount whose process never unmounted', { skip }, async t => {
  const { dir, init } = await rig(t)
  const vol = await mountVolume({ logger }, init)
  await writeSynced(join(vol.path, 'a.txt'), 'kept')
  // As after a daemon crash: no unmount(), nbdfuse still running.
  await cleanupStaleMounts(init.workDir, { logger })
  t.same(await mountsUnder(dir), [], 'no mount left')
  t.same(await loopsUnder(dir), [], 'no loop device left')
  t.same(await processesMentioning(dir), [], 'no nbdfuse left')
  await cleanupStaleMounts(init.workDir, { logger }) // idempotent

  const again = await mountVolume({ logger }, init)
  t.teardown(again.unmount)
  t.equal(again.formatted, false)
  t.equal(await readFile(join(again.path, 'a.txt'), 'utf8'), 'kept')
})

t.test('cleanupStaleMounts after nbdfuse was killed -9 under the mounted filesystem', { skip }, async t => {
  const { dir, init } = await rig(t)
  const vol = await mountVolume({ logger }, init)
  t.equal(vol.method, 'nbdfuse-loop')
  await writeSynced(join(vol.path, 'b.txt'), 'synced before the crash')
  const state = JSON.parse(await readFile(join(init.workDir, STATE_FILE), 'utf8')) as MountState
  t.type(state.pid, 'number')
  process.kill(state.pid ?? 0, 'SIGKILL')

  await cleanupStaleMounts(init.workDir, { logger })
  t.same(await mountsUnder(dir), [], 'no mount left')
  t.same(await loopsUnder(dir), [], 'no loop device left')
  t.same(await processesMentioning(dir), [], 'no nbdfuse left')

  // The journal replays on the next mount; what was fsynced survived.
  const again = await mountVolume({ logger }, init)
  t.teardown(again.unmount)
  t.equal(again.formatted, false)
  t.equal(await readFile(join(again.path, 'b.txt'), 'utf8'), 'synced before the crash')
})

t.test('unmount and cleanupStaleMounts after nbdfuse was stopped by a signal and unmounted its own fuse dir', { skip }, async t => {
  // SIGINT or SIGTERM (a Ctrl-C or pkill reaching it): libfuse unmounts the fuse dir on its way out, and the loop
  // device's backing file then reads as "/nbd", no longer under the work dir: the mount must be found by its record.
  for (const how of ['unmount', 'cleanupStaleMounts'] as const) {
    const { dir, init } = await rig(t)
    const vol = await mountVolume({ logger }, init)
    await writeSynced(join(vol.path, 'c.txt'), 'synced before the signal')
    const state = JSON.parse(await readFile(join(init.workDir, STATE_FILE), 'utf8')) as MountState
    process.kill(state.pid ?? 0, 'SIGTERM')
    const loop = vol.device.replace('/dev/', '')
    const backing = async (): Promise<string | undefined> => await readFile(`/sys/block/${loop}/loop/backing_file`, 'utf8').then(b => b.trim(), () => undefined)
    const deadline = Date.now() + 10_000
    while ((await mountsUnder(dir)).includes(join(dir, 'work', 'fuse')) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50))
    t.same(await mountsUnder(dir), [init.target], `${how}: nbdfuse gone, its fuse dir unmounted, the filesystem still mounted`)
    t.equal(await backing(), '/nbd', `${how}: the loop device's backing file no longer names the work dir`)

    if (how === 'unmount') await vol.unmount()
    else await cleanupStaleMounts(init.workDir, { logger })
    t.same(await mountsUnder(dir), [], `${how}: no mount left`)
    t.equal(await backing(), undefined, `${how}: the loop device is detached`)
    t.same(await processesMentioning(dir), [], `${how}: no nbdfuse left`)

    const again = await mountVolume({ logger }, init)
    t.equal(again.formatted, false)
    t.equal(await readFile(join(again.path, 'c.txt'), 'utf8'), 'synced before the signal')
    await again.unmount()
  }
})

t.test('failures name the cause and leave nothing behind', { skip }, async t => {
  const { dir, store, init } = await rig(t)

  await t.rejects(mountVolume({ logger }, { ...init, sizeBytes: SIZE * 2 }), { code: 'ERR_MOUNT_TIMEOUT', message: /expected/ })
  await t.rejects(mountVolume({ logger }, { ...init, exportName: 'nope' }), { code: 'ERR_MOUNT_TIMEOUT', message: /no export named 'nope'/ })
  // A server that never finishes the handshake: the wait is bounded and the rollback stops nbdfuse.
  const mute = createServer(() => {})
  const muteSocket = join(dir, 'mute.sock')
  await new Promise<void>(resolve => mute.listen(muteSocket, resolve))
  t.teardown(() => { mute.close() })
  const started = Date.now()
  await t.rejects(mountVolume({ logger }, { ...init, nbd: { path: muteSocket }, readyTimeoutMs: 300 }), { code: 'ERR_MOUNT_TIMEOUT', message: /did not appear within 300 ms/ })
  t.ok(Date.now() - started < 5_000, `rolled back in ${Date.now() - started} ms`)
  // A swap signature: something that is not ext4 and must not be formatted over.
  const page = Buffer.alloc(4096)
  page.write('SWAPSPACE2', 4096 - 10)
  page.writeUInt32LE(1, 1024) // version
  page.writeUInt32LE(SIZE / 4096 - 1, 1028) // last page
  await store.write(0, page, { generation: 1 })
  await t.rejects(mountVolume({ logger }, init), { code: 'ERR_MOUNT_FOREIGN_FILESYSTEM', message: /swap/ })
  t.same(await mountsUnder(dir), [], 'no mount left')
  t.same(await loopsUnder(dir), [], 'no loop device left')
  t.same(await processesMentioning(dir), [], 'no nbdfuse left')
  t.notOk(existsSync(join(init.workDir, STATE_FILE)), 'no state left')

  await store.writeZeroes(0, 4096, { generation: 1 })
  const vol = await mountVolume({ logger }, init)
  t.teardown(vol.unmount)
  await t.rejects(mountVolume({ logger }, init), { code: 'ERR_MOUNT_BUSY' })
})

t.test('unmount of a busy filesystem fails naming umount and its stderr, and can be retried', { skip }, async t => {
  const { dir, init } = await rig(t)
  const vol = await mountVolume({ logger }, init)
  const fh = await open(join(vol.path, 'held.txt'), 'w')
  await t.rejects(vol.unmount(), { code: 'ERR_MOUNT_COMMAND', command: `umount ${vol.path}`, message: /unmounting the volume failed: .*busy/i })
  t.same(await mountsUnder(dir), [join(dir, 'work', 'fuse'), vol.path], 'still mounted')
  await fh.close()
  await vol.unmount()
  t.same(await mountsUnder(dir), [], 'unmounted on retry')
  t.same(await processesMentioning(dir), [], 'nbdfuse exited')
})
