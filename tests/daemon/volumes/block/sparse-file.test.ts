import t from 'tap'
import type { Test } from 'tap'
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { BLOCK_STORE_FILES, DEFAULT_BLOCK_SIZE, openSparseFileStore, type SparseFileStore } from '../../../../daemon/volumes/block/index.ts'

const KiB = 1024 // bytes
const MiB = 1024 * KiB // bytes
const BS = 64 * KiB // bytes: the checksum block of these stores (volumes made before the 4 KiB default), so partial blocks are exercised

/** A store in a temporary directory, closed and removed when the test ends. */
async function scratch (t: Test, size = 16 * MiB, blockSize = BS): Promise<{ dir: string, store: SparseFileStore }> {
  const root = await mkdtemp(join(tmpdir(), 'trellis-block-'))
  const dir = join(root, 'vol')
  const store = await openSparseFileStore({}, { dir, size, blockSize })
  t.teardown(async () => { await store.close(); await rm(root, { recursive: true, force: true }) })
  return { dir, store }
}

const fill = (n: number, byte: number): Buffer => Buffer.alloc(n, byte)

t.test('writes read back, across and inside checksum blocks', async t => {
  const { store } = await scratch(t)
  t.equal(store.size, 16 * MiB)
  t.equal(store.preferredBlockSize, BS)
  t.same(await store.read(0, 4096), fill(4096, 0), 'a new volume reads as zeroes')
  await store.write(0, fill(MiB, 0xab), { generation: 1 })
  await store.write(BS - 512, fill(1024, 0xcd), { generation: 1 })
  await store.write(5 * MiB + 512, fill(512, 0xee), { generation: 1 })
  const head = await store.read(0, 2 * BS)
  t.same(head.subarray(0, BS - 512), fill(BS - 512, 0xab))
  t.same(head.subarray(BS - 512, BS + 512), fill(1024, 0xcd), 'a write straddling two blocks')
  t.same(head.subarray(BS + 512), fill(BS - 512, 0xab))
  const mid = await store.read(5 * MiB, BS)
  t.same(mid.subarray(0, 512), fill(512, 0), 'a partial write into a zero block keeps the rest zero')
  t.same(mid.subarray(512, 1024), fill(512, 0xee))
  t.same(mid.subarray(1024), fill(BS - 1024, 0))
  t.match(store.stats(), { writes: 3, bytesWritten: MiB + 1536 })
})

t.test('out-of-range and misaligned requests are refused and write nothing', async t => {
  const { dir, store } = await scratch(t, MiB)
  const before = await readFile(join(dir, BLOCK_STORE_FILES.data))
  const g = { generation: 1 }
  await t.rejects(store.write(MiB, fill(512, 1), g), { code: 'ERR_BLOCK_RANGE' }, 'at the end')
  await t.rejects(store.write(MiB - 512, fill(1024, 1), g), { code: 'ERR_BLOCK_RANGE' }, 'across the end')
  await t.rejects(store.write(Number.MAX_SAFE_INTEGER - 511, fill(512, 1), g), { code: 'ERR_BLOCK_RANGE' }, 'an offset that would wrap')
  await t.rejects(store.write(-512, fill(512, 1), g), { code: 'ERR_BLOCK_RANGE' })
  await t.rejects(store.write(100, fill(512, 1), g), { code: 'ERR_BLOCK_ALIGNMENT' })
  await t.rejects(store.write(0, fill(100, 1), g), { code: 'ERR_BLOCK_ALIGNMENT' })
  await t.rejects(store.read(MiB - 512, 1024), { code: 'ERR_BLOCK_RANGE' })
  await t.rejects(store.writeZeroes(0, 2 * MiB, g), { code: 'ERR_BLOCK_RANGE' })
  await t.rejects(store.trim(512, 2 * MiB, g), { code: 'ERR_BLOCK_RANGE' })
  t.same(await readFile(join(dir, BLOCK_STORE_FILES.data)), before, 'the data file is untouched')
  t.equal((await stat(join(dir, BLOCK_STORE_FILES.data))).size, MiB, 'and did not grow')
  await t.rejects(openSparseFileStore({}, { dir: join(dir, 'x'), size: 1000 }), { code: 'ERR_INVALID_BLOCK_GEOMETRY' })
  await t.rejects(openSparseFileStore({}, { dir: join(dir, 'y'), size: MiB, blockSize: 3000 }), { code: 'ERR_INVALID_BLOCK_GEOMETRY' })
  await t.rejects(openSparseFileStore({}, { dir: join(dir, 'z'), size: MiB, activityLogExtents: 1 }), { code: 'ERR_INVALID_BLOCK_GEOMETRY' })
  await t.rejects(stat(join(dir, 'z')), { code: 'ENOENT' }, 'and created nothing')
})

t.test('a read of whole blocks fills the buffer given, zero blocks included; any other read uses one of its own', async t => {
  const { store } = await scratch(t)
  await store.write(0, fill(BS, 0xab), { generation: 1 })
  const into = Buffer.alloc(2 * BS, 0x77) // stale bytes where the zero block goes
  const got = await store.read(0, 2 * BS, into)
  t.equal(got.buffer, into.buffer, 'read straight into it')
  t.same(got, Buffer.concat([fill(BS, 0xab), fill(BS, 0)]), 'data, then the zero block as zeroes')
  const small = Buffer.alloc(BS)
  const part = await store.read(512, BS, small)
  t.not(part.buffer, small.buffer, 'a read that is not whole blocks is not read into it')
  t.same(part, Buffer.concat([fill(BS - 512, 0xab), fill(512, 0)]))
  const wrong = Buffer.alloc(BS)
  t.not((await store.read(0, 2 * BS, wrong)).buffer, wrong.buffer, 'nor one of another length')
})

t.test('trim and write-zeroes read back zeroes, whole and partial blocks', async t => {
  const { store } = await scratch(t)
  await store.write(0, fill(4 * BS, 0x5a), { generation: 1 })
  await store.trim(BS, BS, { generation: 1 })
  await store.writeZeroes(2 * BS + 4096, 4096, { generation: 1 })
  await store.writeZeroes(3 * BS, BS, { generation: 1, noHole: true, fua: true })
  const all = await store.read(0, 4 * BS)
  t.same(all.subarray(0, BS), fill(BS, 0x5a))
  t.same(all.subarray(BS, 2 * BS), fill(BS, 0), 'trimmed block')
  t.same(all.subarray(2 * BS, 2 * BS + 4096), fill(4096, 0x5a))
  t.same(all.subarray(2 * BS + 4096, 2 * BS + 8192), fill(4096, 0), 'zeroed part of a block')
  t.same(all.subarray(2 * BS + 8192, 3 * BS), fill(BS - 8192, 0x5a))
  t.same(all.subarray(3 * BS), fill(BS, 0), 'zeroed with NO_HOLE')
  // A partial write into a trimmed block must not resurrect the stale bytes under it.
  await store.write(BS + 512, fill(512, 0x77), { generation: 1 })
  const b = await store.read(BS, BS)
  t.same(b.subarray(0, 512), fill(512, 0))
  t.same(b.subarray(1024), fill(BS - 1024, 0))
})

t.test('checksums compare equal for equal content, however it was zeroed', async t => {
  const a = await scratch(t)
  const b = await scratch(t)
  await a.store.write(0, fill(2 * BS, 1), { generation: 1 })
  await b.store.write(0, fill(2 * BS, 1), { generation: 1 })
  await a.store.trim(BS, BS, { generation: 1 })
  await b.store.write(BS, fill(BS, 0), { generation: 1 })
  const ca = await a.store.checksums(0, 4 * BS)
  const cb = await b.store.checksums(0, 4 * BS)
  t.equal(ca.firstBlock, 0)
  t.equal(ca.crcs.length, 4)
  t.same(ca.crcs, cb.crcs)
  t.equal(ca.crcs[0], crc32(fill(BS, 1)))
  await b.store.write(3 * BS, fill(512, 9), { generation: 1 })
  const diff = await b.store.checksums(2 * BS, 2 * BS)
  t.equal(diff.firstBlock, 2)
  t.not(diff.crcs[1], ca.crcs[3], 'a differing block shows')
})

t.test('writes from an older generation are fenced, also after reopening', async t => {
  const { dir, store } = await scratch(t)
  await store.write(0, fill(512, 1), { generation: 3 })
  t.equal(store.generation, 3)
  await t.rejects(store.write(0, fill(512, 2), { generation: 2 }), { code: 'ERR_VOLUME_FENCED', generation: 2, highest: 3 })
  await t.rejects(store.writeZeroes(0, 512, { generation: 2 }), { code: 'ERR_VOLUME_FENCED' })
  await t.rejects(store.trim(0, 512, { generation: 1 }), { code: 'ERR_VOLUME_FENCED' })
  await store.fence(5)
  await t.rejects(store.write(0, fill(512, 2), { generation: 4 }), { code: 'ERR_VOLUME_FENCED' }, 'fence() alone raises the bar')
  t.same(await store.read(0, 512), fill(512, 1), 'no fenced write landed')
  await store.close()
  const again = await openSparseFileStore({}, { dir })
  t.teardown(() => again.close())
  t.equal(again.generation, 5, 'the generation is persisted')
  await t.rejects(again.write(0, fill(512, 2), { generation: 4 }), { code: 'ERR_VOLUME_FENCED' })
  await again.write(0, fill(512, 6), { generation: 6 })
  t.same(await again.read(0, 512), fill(512, 6))
})

t.test('a corrupted block on disk is detected and named', async t => {
  const { dir, store } = await scratch(t)
  await store.write(0, fill(4 * BS, 0x42), { generation: 1 })
  await store.flush()
  const fh = await open(join(dir, BLOCK_STORE_FILES.data), 'r+')
  await fh.write(Buffer.from([0x43]), 0, 1, 2 * BS + 77)
  await fh.close()
  t.same(await store.read(0, 2 * BS), fill(2 * BS, 0x42), 'clean blocks still read')
  await t.rejects(store.read(0, 4 * BS), { code: 'ERR_CHECKSUM_MISMATCH', block: 2 })
  await t.rejects(store.write(2 * BS, fill(512, 1), { generation: 1 }), { code: 'ERR_CHECKSUM_MISMATCH', block: 2 }, 'a partial write does not bless the corruption')
  await store.write(2 * BS, fill(BS, 0x44), { generation: 1 })
  t.same(await store.read(2 * BS, BS), fill(BS, 0x44), 'overwriting the whole block heals it')
})

t.test('after a crash, recovery re-checksums only the active extents', async t => {
  const root = await mkdtemp(join(tmpdir(), 'trellis-block-'))
  t.teardown(() => rm(root, { recursive: true, force: true }))
  const dir = join(root, 'vol')
  const first = await openSparseFileStore({}, { dir, size: 16 * MiB, blockSize: BS })
  await first.write(0, fill(BS, 1), { generation: 1 })
  await first.close()
  const crashed = await openSparseFileStore({}, { dir })
  await crashed.write(8 * MiB, fill(BS, 2), { generation: 1, fua: true })
  // The crash: the process dies without close(); then a torn write lands data but not its checksum.
  const fh = await open(join(dir, BLOCK_STORE_FILES.data), 'r+')
  await fh.write(fill(4096, 3), 0, 4096, 8 * MiB)
  await fh.write(fill(1, 9), 0, 1, 100)
  await fh.close()
  const recovered = await openSparseFileStore({}, { dir })
  t.teardown(async () => { await recovered.close(); await crashed.close().catch(() => {}) })
  const r = await recovered.read(8 * MiB, BS)
  t.same(r.subarray(0, 4096), fill(4096, 3), 'the unacknowledged torn write reads back, no false alarm')
  t.same(r.subarray(4096), fill(BS - 4096, 2))
  await t.rejects(recovered.read(0, BS), { code: 'ERR_CHECKSUM_MISMATCH', block: 0 }, 'damage outside the active extents is still caught')
})

t.test('FUA and flush reach fdatasync; close is idempotent and final', async t => {
  const { store } = await scratch(t)
  await store.write(0, fill(4096, 1), { generation: 1 })
  const s0 = store.stats().fdatasyncs
  await store.write(0, fill(4096, 1), { generation: 1 })
  t.equal(store.stats().fdatasyncs, s0, 'a plain write into an active extent syncs nothing')
  await store.write(0, fill(4096, 2), { generation: 1, fua: true })
  t.equal(store.stats().fdatasyncs, s0 + 1, 'FUA after a zero block was filled (recovery tells it by its bytes) syncs the data file only')
  await store.write(0, fill(4096, 3), { generation: 1, fua: true })
  t.equal(store.stats().fdatasyncs, s0 + 2, 'FUA over a data block syncs the data file only')
  await store.flush()
  t.equal(store.stats().fdatasyncs, s0 + 3, 'flush with no unsynced state change syncs the data file only; the extent stays marked')
  await store.trim(0, BS, { generation: 1 })
  await store.flush()
  t.equal(store.stats().fdatasyncs, s0 + 5, 'flush after a state change (a trim) syncs data and checksums')
  await store.write(0, fill(4096, 4), { generation: 1, fua: true })
  t.equal(store.stats().fdatasyncs, s0 + 7, 'FUA into a trimmed block (its bytes are stale) syncs data and checksums')
  await store.trim(0, BS, { generation: 1, fua: true })
  t.equal(store.stats().fdatasyncs, s0 + 9, 'a FUA trim changes state: data and checksums')
  await store.write(0, fill(4096, 5), { generation: 1 })
  await store.flush()
  t.equal(store.stats().fdatasyncs, s0 + 11, 'flush after a write into a trimmed block: data and checksums')
  await store.write(0, fill(4096, 6), { generation: 1 })
  await store.checkpoint()
  t.equal(store.stats().fdatasyncs, s0 + 13, 'checkpoint syncs data and checksums even with no state change')
  t.equal(store.stats().flushes, 4)
  const c1 = store.close()
  t.equal(store.close(), c1, 'the same promise')
  await c1
  await t.rejects(store.read(0, 512), { code: 'ERR_STORE_CLOSED' })
})

t.test('a read-only store refuses changes', async t => {
  const { dir, store } = await scratch(t)
  await store.write(0, fill(512, 4), { generation: 1 })
  await store.close()
  const ro = await openSparseFileStore({}, { dir, readOnly: true })
  t.teardown(() => ro.close())
  t.equal(ro.readOnly, true)
  t.same(await ro.read(0, 512), fill(512, 4))
  await t.rejects(ro.write(0, fill(512, 1), { generation: 1 }), { code: 'ERR_STORE_READ_ONLY' })
})

t.test('concurrent overlapping writes apply in order and stay consistent', async t => {
  const { store } = await scratch(t)
  const writes = []
  for (let i = 0; i < 50; i++) writes.push(store.write((i % 5) * 4096, fill(BS, i), { generation: 1 }))
  await Promise.all(writes)
  const got = await store.read(0, 2 * BS)
  t.equal(got[4 * 4096], 49, 'the last write to a byte wins')
  t.equal(got[0], 45)
})

t.test('new stores get 4 KiB checksum blocks; an existing store keeps the geometry in its block.json', async t => {
  const root = await mkdtemp(join(tmpdir(), 'trellis-block-'))
  t.teardown(() => rm(root, { recursive: true, force: true }))
  const fresh = await openSparseFileStore({}, { dir: join(root, 'new'), size: MiB })
  t.equal(fresh.preferredBlockSize, DEFAULT_BLOCK_SIZE)
  t.equal(DEFAULT_BLOCK_SIZE, 4 * KiB)
  await fresh.write(4096, fill(4096, 1), { generation: 1 })
  t.same((await fresh.checksums(0, 3 * 4096)).crcs, Uint32Array.from([crc32(fill(4096, 0)), crc32(fill(4096, 1)), crc32(fill(4096, 0))]), 'one CRC per 4 KiB page')
  await fresh.close()
  t.equal((await stat(join(root, 'new', BLOCK_STORE_FILES.table))).size, MiB / 4096 * 8, 'an 8-byte table entry per page')
  const old = await openSparseFileStore({}, { dir: join(root, 'old'), size: MiB, blockSize: BS })
  await old.close()
  const reopened = await openSparseFileStore({}, { dir: join(root, 'old') })
  t.teardown(() => reopened.close())
  t.equal(reopened.preferredBlockSize, BS, 'reopened with the block size it was made with')
})

t.test('a sequential writer has the extents ahead of it marked with its own; a scattered one does not', async t => {
  const EXTENT = 4 * MiB // bytes
  const root = await mkdtemp(join(tmpdir(), 'trellis-block-'))
  const open = async (name: string): Promise<SparseFileStore> => await openSparseFileStore({}, { dir: join(root, name), size: 256 * MiB, blockSize: 4 * KiB })
  const seq = await open('seq')
  const scattered = await open('scattered')
  t.teardown(async () => { await seq.close(); await scattered.close(); await rm(root, { recursive: true, force: true }) })
  const g = { generation: 1 }
  // The generation made durable first; then writes into holes change no state a sync must cover: every fdatasync below is a mark of the activity log.
  await seq.fence(1)
  await scattered.fence(1)
  let s0 = seq.stats().fdatasyncs
  for (let e = 0; e < 16; e++) await seq.write(e * EXTENT, fill(64 * KiB, e), g)
  t.equal(seq.stats().fdatasyncs - s0, 3, 'extent 0 alone, then 1 with 2..8 ahead, then 9 with 10..16 ahead: three marks for sixteen extents')
  t.equal(seq.markedExtents, 17, 'marked: the sixteen written and the one ahead of the last')
  s0 = scattered.stats().fdatasyncs
  for (const e of [0, 10, 20, 5, 15, 25]) await scattered.write(e * EXTENT, fill(64 * KiB, e), g)
  t.equal(scattered.stats().fdatasyncs - s0, 6, 'no extent lands after a marked one: a mark each')
  t.equal(scattered.markedExtents, 6, 'nothing marked ahead')
  // After an extent changed long ago (more than 64 changes since), the next one is no sequential writer's.
  for (let i = 0; i < 70; i++) await scattered.write(25 * EXTENT + i * 4 * KiB, fill(4 * KiB, i), g)
  s0 = scattered.stats().fdatasyncs
  await scattered.write(11 * EXTENT, fill(4 * KiB, 1), g)
  t.equal(scattered.stats().fdatasyncs - s0, 1, 'extent 11 after 10, changed 70 writes ago: one mark')
  t.equal(scattered.markedExtents, 7, 'and none ahead')
  await scattered.write(26 * EXTENT, fill(4 * KiB, 1), g)
  t.equal(scattered.markedExtents, 7 + 1 + 7, 'extent 26 just after 25, changed lately: 27..33 marked ahead')
  t.same(await seq.read(9 * EXTENT, 64 * KiB), fill(64 * KiB, 9), 'what was written reads back')
})

t.test('the activity log keeps the recently written extents marked and stays bounded', async t => {
  const EXTENT = 4 * MiB // bytes
  const root = await mkdtemp(join(tmpdir(), 'trellis-block-'))
  const store = await openSparseFileStore({}, { dir: join(root, 'vol'), size: 128 * MiB, blockSize: 4 * KiB, activityLogExtents: 8 })
  t.teardown(async () => { await store.close(); await rm(root, { recursive: true, force: true }) })
  const g = { generation: 1 }
  for (let e = 0; e < 20; e++) await store.write(e * EXTENT, fill(4096, e), g)
  // A checkpoint waits for the table syncs those writes started in the background; a flush that finds the log
  // back under its bound (writes into holes change no state it must sync) syncs the data alone and may return
  // while one still runs, whose fdatasyncs would then land in the counts below.
  await store.checkpoint()
  t.ok(store.markedExtents <= 8, `after a checkpoint, ${store.markedExtents} of 20 written extents stay marked: what recovery would re-read`)
  const s0 = store.stats().fdatasyncs
  await store.write(19 * EXTENT + 4096, fill(4096, 1), g)
  t.equal(store.stats().fdatasyncs, s0, 'a write into a recently written extent needs no new mark')
  await store.write(0 * EXTENT + 4096, fill(4096, 1), g)
  t.equal(store.stats().fdatasyncs, s0 + 1, 'one into the least recently written extent marks it again')
  const all = await store.read(0, 4096)
  t.same(all, fill(4096, 0))
})
