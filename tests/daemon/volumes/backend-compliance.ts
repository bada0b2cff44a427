/**
 * The contract every VolumeBackend keeps (directory now, replicated NBD
 * volumes next), run against each implementation by its own test file.
 */
import t from 'tap'
import type { Test } from 'tap'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { VolumeBackend } from '../../../daemon/volumes/index.ts'

/** A fresh, empty backend for one test. */
export interface BackendUnderTest {
  backend: VolumeBackend
  /** A new backend over the same storage, as after a daemon restart. Restart tests are skipped without it. */
  reopen?: () => Promise<VolumeBackend>
  /** Frees everything setup made, whatever state the test left. */
  cleanup (): Promise<void>
}

const MiB = 1024 * 1024 // bytes

/** Ids that must be refused: traversal, separators, case, hidden, too long, empty, not ASCII. */
export const BAD_IDS = [
  '', '.', '..', '../escape', 'a/b', 'a\\b', '/abs', 'Upper', '.hidden', '-dash', '_under',
  'x'.repeat(201), 'nul\0byte', 'new\nline', 'space d', 'é'
]

/** Runs the VolumeBackend compliance suite against backends made by setup. */
export function backendCompliance (name: string, setup: () => Promise<BackendUnderTest>): void {
  t.test(`${name} keeps the VolumeBackend contract`, async t => {
    async function fresh (t: Test): Promise<BackendUnderTest> {
      const made = await setup()
      t.teardown(() => made.cleanup())
      return made
    }

    t.test('create is idempotent for the same size', async t => {
      const { backend } = await fresh(t)
      await backend.create('vol-1', MiB)
      await backend.create('vol-1', MiB)
      await Promise.all([backend.create('vol-2', MiB), backend.create('vol-2', MiB), backend.create('vol-2', MiB)])
      t.same(await backend.list(), [
        { id: 'vol-1', sizeBytes: MiB, attached: false },
        { id: 'vol-2', sizeBytes: MiB, attached: false }
      ])
    })

    t.test('create with another size is ERR_VOLUME_EXISTS and changes nothing', async t => {
      const { backend } = await fresh(t)
      await backend.create('vol', MiB)
      await t.rejects(backend.create('vol', 2 * MiB), { code: 'ERR_VOLUME_EXISTS' })
      t.same(await backend.list(), [{ id: 'vol', sizeBytes: MiB, attached: false }])
    })

    t.test('a size that is not a positive whole number is refused', async t => {
      const { backend } = await fresh(t)
      for (const size of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
        await t.rejects(backend.create('vol', size), { code: 'ERR_INVALID_VOLUME_SIZE' }, String(size))
      }
      t.same(await backend.list(), [])
    })

    t.test('attach and detach are idempotent', async t => {
      const { backend } = await fresh(t)
      await backend.create('vol', MiB)
      const first = await backend.attach('vol')
      const second = await backend.attach('vol')
      t.equal(second.path, first.path, 'attaching again returns the same path')
      t.same(await backend.list(), [{ id: 'vol', sizeBytes: MiB, attached: true, path: first.path }])
      await backend.detach('vol')
      await backend.detach('vol')
      t.same(await backend.list(), [{ id: 'vol', sizeBytes: MiB, attached: false }])
      await backend.detach('never-made')
      t.pass('detaching an absent volume is a no-op')
      await t.rejects(backend.attach('never-made'), { code: 'ERR_VOLUME_NOT_FOUND' })
    })

    t.test('data survives detach and attach', async t => {
      const { backend } = await fresh(t)
      await backend.create('vol', MiB)
      const { path } = await backend.attach('vol')
      await writeFile(join(path, 'note.txt'), 'kept')
      await backend.detach('vol')
      const again = await backend.attach('vol')
      t.equal(await readFile(join(again.path, 'note.txt'), 'utf8'), 'kept')
    })

    t.test('volumes, data and attachments survive a restart', async t => {
      const { backend, reopen } = await fresh(t)
      if (reopen === undefined) { t.plan(0, 'skipped: setup gives no way to reopen the backend'); return }
      await backend.create('kept', MiB)
      await backend.create('idle', 2 * MiB)
      const { path } = await backend.attach('kept')
      await writeFile(join(path, 'note.txt'), 'kept')

      const restarted = await reopen()
      t.same(await restarted.list(), [
        { id: 'idle', sizeBytes: 2 * MiB, attached: false },
        { id: 'kept', sizeBytes: MiB, attached: true, path }
      ])
      t.equal((await restarted.attach('kept')).path, path)
      t.equal(await readFile(join(path, 'note.txt'), 'utf8'), 'kept')
      await t.rejects(restarted.remove('kept'), { code: 'ERR_VOLUME_ATTACHED' }, 'still attached after the restart')
      await restarted.detach('kept')
      await restarted.remove('kept')
      t.same((await restarted.list()).map(v => v.id), ['idle'])
    })

    t.test('remove refuses while attached, then deletes the data', async t => {
      const { backend } = await fresh(t)
      await backend.create('vol', MiB)
      const { path } = await backend.attach('vol')
      await writeFile(join(path, 'note.txt'), 'old')
      await t.rejects(backend.remove('vol'), { code: 'ERR_VOLUME_ATTACHED' })
      t.equal(await readFile(join(path, 'note.txt'), 'utf8'), 'old', 'the data is untouched')

      await backend.detach('vol')
      await backend.remove('vol')
      t.same(await backend.list(), [])
      await t.rejects(backend.attach('vol'), { code: 'ERR_VOLUME_NOT_FOUND' })
      await backend.remove('vol')
      await backend.remove('never-made')
      t.pass('removing an absent volume is a no-op')

      await backend.create('vol', 2 * MiB)
      const recreated = await backend.attach('vol')
      await t.rejects(readFile(join(recreated.path, 'note.txt')), { code: 'ENOENT' }, 'a new volume of the same id starts empty')
    })

    t.test('an attach racing a remove never both succeed', async t => {
      const { backend } = await fresh(t)
      await backend.create('vol', MiB)
      const [attach, remove] = await Promise.allSettled([backend.attach('vol'), backend.remove('vol')])
      t.ok(attach.status === 'rejected' || remove.status === 'rejected', 'one of them lost')
      const listed = await backend.list()
      if (attach.status === 'fulfilled') t.same(listed, [{ id: 'vol', sizeBytes: MiB, attached: true, path: attach.value.path }])
      else t.same(listed, [])
    })

    t.test('bad ids are refused by every method and create nothing', async t => {
      const { backend } = await fresh(t)
      for (const id of BAD_IDS) {
        const label = JSON.stringify(id)
        await t.rejects(backend.create(id, MiB), { code: 'ERR_INVALID_VOLUME_ID' }, `create ${label}`)
        await t.rejects(backend.attach(id), { code: 'ERR_INVALID_VOLUME_ID' }, `attach ${label}`)
        await t.rejects(backend.detach(id), { code: 'ERR_INVALID_VOLUME_ID' }, `detach ${label}`)
        await t.rejects(backend.remove(id), { code: 'ERR_INVALID_VOLUME_ID' }, `remove ${label}`)
      }
      t.same(await backend.list(), [])
      await backend.create('a', MiB)
      await backend.create('0.9_x-y', MiB)
      await backend.create('z'.repeat(200), MiB)
      t.same((await backend.list()).map(v => v.id), ['0.9_x-y', 'a', 'z'.repeat(200)], 'edge-of-the-rule ids are fine')
    })

    t.test('list reports every volume in id order', async t => {
      const { backend } = await fresh(t)
      t.same(await backend.list(), [], 'empty at first')
      await backend.create('c', 3 * MiB)
      await backend.create('a', MiB)
      await backend.create('b', 2 * MiB)
      const { path } = await backend.attach('b')
      t.same(await backend.list(), [
        { id: 'a', sizeBytes: MiB, attached: false },
        { id: 'b', sizeBytes: 2 * MiB, attached: true, path },
        { id: 'c', sizeBytes: 3 * MiB, attached: false }
      ])
    })

    t.end()
  })
}
