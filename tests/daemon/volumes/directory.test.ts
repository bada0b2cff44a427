import t from 'tap'
import type { Test } from 'tap'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DirectoryVolumeBackend } from '../../../daemon/volumes/index.ts'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { BAD_IDS, backendCompliance } from './backend-compliance.ts'

backendCompliance('DirectoryVolumeBackend', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-volumes-'))
  const root = join(dir, 'volumes')
  const make = (): DirectoryVolumeBackend => new DirectoryVolumeBackend({ root })
  return {
    backend: make(),
    reopen: async () => make(),
    cleanup: () => rm(dir, { recursive: true, force: true })
  }
})

const MiB = 1024 * 1024 // bytes

/** A temporary directory removed when the test ends, and a backend rooted in it. */
async function scratch (t: Test, clock = new VirtualClock(1_700_000_000_000)): Promise<{ dir: string, root: string, backend: DirectoryVolumeBackend }> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-volumes-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const root = join(dir, 'volumes')
  return { dir, root, backend: new DirectoryVolumeBackend({ root, clock }) }
}

t.test('a volume is a data directory beside its volume.json', async t => {
  const { root, backend } = await scratch(t)
  t.equal(backend.kind, 'directory')
  await backend.create('db-data', 4 * MiB)
  t.same(await readdir(root), ['db-data'], 'nothing else is left under the root')
  t.same((await readdir(join(root, 'db-data'))).sort(), ['data', 'volume.json'])
  const record = (): Promise<unknown> => readFile(join(root, 'db-data', 'volume.json'), 'utf8').then(JSON.parse)
  t.same(await record(), { id: 'db-data', sizeBytes: 4 * MiB, createdAt: 1_700_000_000_000, attached: false }, 'createdAt comes from the clock')

  const { path } = await backend.attach('db-data')
  t.equal(path, join(root, 'db-data', 'data'))
  t.match(await record(), { attached: true }, 'the attachment is on disk')
  await backend.detach('db-data')
  t.match(await record(), { attached: false })

  await backend.remove('db-data')
  t.same(await readdir(root), [], 'remove leaves nothing behind')
})

t.test('bad ids touch nothing on disk, not even outside the root', async t => {
  const { dir, root, backend } = await scratch(t)
  for (const id of BAD_IDS) {
    await t.rejects(backend.create(id, MiB), { code: 'ERR_INVALID_VOLUME_ID' })
  }
  t.same(await readdir(dir), [], 'neither the root nor anything beside it was made')
  await backend.create('ok', MiB)
  t.same(await readdir(dir), ['volumes'])
  t.same(await readdir(root), ['ok'])
})

t.test('list of a root that does not exist yet is empty', async t => {
  const { backend } = await scratch(t)
  t.same(await backend.list(), [])
})

t.test('list skips what is not a volume', async t => {
  const { root, backend } = await scratch(t)
  await backend.create('vol', MiB)
  await writeFile(join(root, 'stray-file'), '')
  await mkdir(join(root, '.staging-left-over'))
  await mkdir(join(root, 'Not-An-Id'))
  t.same((await backend.list()).map(v => v.id), ['vol'])
})

t.test('a damaged volume is ERR_VOLUME_CORRUPT, never guessed at', async t => {
  const { root, backend } = await scratch(t)
  await backend.create('garbled', MiB)
  await writeFile(join(root, 'garbled', 'volume.json'), '{ not json')
  await t.rejects(backend.attach('garbled'), { code: 'ERR_VOLUME_CORRUPT' })
  await t.rejects(backend.remove('garbled'), { code: 'ERR_VOLUME_CORRUPT' })
  await t.rejects(backend.create('garbled', MiB), { code: 'ERR_VOLUME_CORRUPT' })

  await backend.create('no-record', MiB)
  await rm(join(root, 'no-record', 'volume.json'))
  await t.rejects(backend.attach('no-record'), { code: 'ERR_VOLUME_CORRUPT' })

  await backend.create('no-data', MiB)
  await rm(join(root, 'no-data', 'data'), { recursive: true })
  await t.rejects(backend.attach('no-data'), { code: 'ERR_VOLUME_CORRUPT' })

  await backend.create('renamed', MiB)
  const record = JSON.parse(await readFile(join(root, 'renamed', 'volume.json'), 'utf8'))
  await writeFile(join(root, 'renamed', 'volume.json'), JSON.stringify({ ...record, id: 'other' }))
  await t.rejects(backend.attach('renamed'), { code: 'ERR_VOLUME_CORRUPT' })
  await t.rejects(backend.list(), { code: 'ERR_VOLUME_CORRUPT' })
})
