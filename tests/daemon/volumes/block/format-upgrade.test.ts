import t, { type Test } from 'tap'
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BLOCK_STORE_FILES, openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import { ENTRY_BYTES } from '../../../../daemon/volumes/block/checksum-table.ts'
import { copyAsCrashed } from './crash-copy.ts'

// Format 1 had one state for every block that reads as zeroes; format 2 tells
// a zero block (its bytes in the data file are zeroes, so recovery may take
// bytes found there for a write) from a trimmed one (stale bytes under it).
// A format 1 store's zero blocks must therefore all be taken as trimmed.

const KiB = 1024 // bytes
const PAGE = 4 * KiB // bytes
const fill = (n: number, byte: number): Buffer => Buffer.alloc(n, byte)

/** A store whose block 3 was written, then trimmed, and killed with its extent still marked: as format 1 would have left it on disk, in `root/name`. */
async function trimmedThenKilled (root: string, name: string, format: 1 | 2): Promise<string> {
  const dir = join(root, 'vol')
  // Past 131 072 blocks, so the upgrade rewrites the table in more than one slice (files sparse: no disk to speak of).
  const store = await openSparseFileStore({}, { dir, size: 600 * 1024 * KiB, blockSize: PAGE })
  const g = { generation: 1 }
  await store.write(3 * PAGE, fill(PAGE, 0xaa), g)
  await store.write(5 * PAGE, fill(PAGE, 0xbb), g)
  await store.checkpoint()
  await store.trim(3 * PAGE, PAGE, { ...g, fua: true })
  const copy = await copyAsCrashed({ root, dir }, name, join(dir, BLOCK_STORE_FILES.table))
  await store.close()
  await rm(dir, { recursive: true })
  if (format === 1) {
    // Format 1 recorded the trim as state 0, the only zero state it had.
    const fh = await open(join(copy, BLOCK_STORE_FILES.table), 'r+')
    const state = Buffer.alloc(4)
    state.writeUInt32LE(0)
    await fh.write(state, 0, 4, 3 * ENTRY_BYTES + 4)
    await fh.close()
  }
  await setFormat(copy, format)
  return copy
}

/** Rewrites the format block.json in dir names. */
async function setFormat (dir: string, format: number): Promise<void> {
  const metaPath = join(dir, BLOCK_STORE_FILES.meta)
  const meta = JSON.parse(await readFile(metaPath, 'utf8')) as Record<string, unknown>
  await writeFile(metaPath, JSON.stringify({ ...meta, format }) + '\n')
}

/** A temp dir, gone at teardown. */
async function scratch (t: Test): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'trellis-block-format-'))
  t.teardown(() => rm(root, { recursive: true, force: true }))
  return root
}

t.test('a format 1 store: its zero blocks are taken as trimmed, so recovery never revives bytes from before a trim; it is upgraded to format 2', async t => {
  const root = await scratch(t)
  const dir = await trimmedThenKilled(root, 'old', 1)

  const readOnly = await openSparseFileStore({}, { dir, readOnly: true })
  t.same(await readOnly.read(3 * PAGE, PAGE), fill(PAGE, 0), 'opened read-only: the trimmed block reads as zeroes')
  await readOnly.close()
  t.equal(JSON.parse(await readFile(join(dir, BLOCK_STORE_FILES.meta), 'utf8')).format, 1, 'and the store is left as it was')

  const store = await openSparseFileStore({}, { dir })
  t.teardown(() => store.close())
  t.same(await store.read(3 * PAGE, PAGE), fill(PAGE, 0), 'recovered: the trimmed block reads as zeroes, not as the bytes under it')
  t.same(await store.read(5 * PAGE, PAGE), fill(PAGE, 0xbb), 'the written block reads as written')
  t.equal(JSON.parse(await readFile(join(dir, BLOCK_STORE_FILES.meta), 'utf8')).format, 2, 'block.json says format 2')
  const table = await readFile(join(dir, BLOCK_STORE_FILES.table))
  t.equal(table.readUInt32LE(3 * ENTRY_BYTES + 4), 2, 'the trimmed block is recorded as trimmed')
  t.equal(table.readUInt32LE(7 * ENTRY_BYTES + 4), 2, 'and so is a never-written one (format 1 could not tell them apart)')
  t.equal(table.readUInt32LE(150_000 * ENTRY_BYTES + 4), 2, 'in the last slice of the table too')

  const before = store.stats().fdatasyncs
  await store.write(7 * PAGE, fill(PAGE, 0xcc), { generation: 1, fua: true })
  t.equal(store.stats().fdatasyncs - before, 3, 'a FUA write into it: extent mark, data and table, as into any trimmed block')
})

t.test('the control: the same files said to be format 2 revive the bytes from before the trim', async t => {
  const root = await scratch(t)
  const forged = await trimmedThenKilled(root, 'forged', 1)
  await setFormat(forged, 2)
  const store = await openSparseFileStore({}, { dir: forged })
  t.teardown(() => store.close())
  t.same(await store.read(3 * PAGE, PAGE), fill(PAGE, 0xaa), 'a zero block over stale bytes in a marked extent is taken for a write')

  const genuine = await openSparseFileStore({}, { dir: await trimmedThenKilled(root, 'genuine', 2) })
  t.teardown(() => genuine.close())
  t.same(await genuine.read(3 * PAGE, PAGE), fill(PAGE, 0), 'format 2 records the trim as trimmed: zeroes')
})

t.test('a block.json of an unknown format is refused by name', async t => {
  const root = await scratch(t)
  const dir = await trimmedThenKilled(root, 'future', 2)
  await setFormat(dir, 3)
  await t.rejects(openSparseFileStore({}, { dir }), { code: 'ERR_BLOCK_STORE_CORRUPT', message: /is not a format 1 or 2 block store/ })
})
