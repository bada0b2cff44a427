/**
 * SparseFileStore's write made in one synchronous step (writeNow): which
 * writes take it (their bytes are in the data file when write() returns,
 * before its promise is awaited) and which wait on the change path instead,
 * so that the activity log, the block locks, the table's write-through and
 * a failed write keep every promise the change path keeps.
 */
import t from 'tap'
import type { Test } from 'tap'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BLOCK_STORE_FILES, openSparseFileStore, type SparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import type { DataWrites } from '../../../../daemon/volumes/block/data-file.ts'
import type { SparseFileStoreComponents } from '../../../../daemon/volumes/block/sparse-file.ts'

const KiB = 1024 // bytes
const MiB = 1024 * KiB // bytes
const BS = 4 * KiB // bytes: the daemon's checksum block
const EXTENT = 4 * MiB // bytes: one activity log extent
const STATE_DATA = 1
const STATE_TRIMMED = 2

async function scratch (t: Test, components: SparseFileStoreComponents = {}): Promise<{ dir: string, store: SparseFileStore }> {
  const root = await mkdtemp(join(tmpdir(), 'trellis-write-now-'))
  const dir = join(root, 'vol')
  const store = await openSparseFileStore(components, { dir, size: 64 * MiB, blockSize: BS })
  t.teardown(async () => { await store.close(); await rm(root, { recursive: true, force: true }) })
  return { dir, store }
}

const fill = (n: number, byte: number): Buffer => Buffer.alloc(n, byte)
/** Bytes of the data file as they are now, read synchronously: what write() put there before returning. */
const onDisk = (dir: string, offset: number, length: number): Buffer => {
  const data = readFileSync(join(dir, BLOCK_STORE_FILES.data))
  return Buffer.concat([data.subarray(offset, offset + length), Buffer.alloc(Math.max(0, offset + length - data.length))]).subarray(0, length)
}
/** A block's state in the checksum table file. */
const tableState = (dir: string, block: number): number => readFileSync(join(dir, BLOCK_STORE_FILES.table)).readUInt32LE(block * 8 + 4)
/** Whether the activity log file marks extent `e`. */
const markedOnDisk = (dir: string, e: number): boolean => ((readFileSync(join(dir, BLOCK_STORE_FILES.activity))[e >> 3] ?? 0) & (1 << (e & 7))) !== 0

t.test('a write into a marked extent is in the data file when write() returns; the first into an extent waits for its mark', async t => {
  const { dir, store } = await scratch(t)
  const first = store.write(0, fill(BS, 1), { generation: 1 })
  t.same(onDisk(dir, 0, BS), Buffer.alloc(BS), 'the first write of an extent is not in the file before its mark is durable')
  await first
  t.ok(markedOnDisk(dir, 0), 'its extent is marked in the activity log file')
  t.same(onDisk(dir, 0, BS), fill(BS, 1), 'then its bytes are there')

  const second = store.write(8 * BS, fill(2 * BS, 2), { generation: 1 })
  t.same(onDisk(dir, 8 * BS, 2 * BS), fill(2 * BS, 2), 'a later write into the marked extent is in the file before its promise is awaited')
  await second
  t.same(await store.read(8 * BS, 2 * BS), fill(2 * BS, 2), 'and reads back, its CRCs right')
  t.equal(store.stats().writes, 2, 'both are counted')

  const other = store.write(EXTENT, fill(BS, 3), { generation: 1 })
  t.same(onDisk(dir, EXTENT, BS), Buffer.alloc(BS), 'a write into another, unmarked extent waits for its mark')
  await other
  t.ok(markedOnDisk(dir, 1), 'which is then durable')
})

t.test('FUA, partial blocks, trimmed blocks and a newer generation take the change path', async t => {
  const { dir, store } = await scratch(t)
  await store.write(0, fill(16 * BS, 1), { generation: 1 })

  const fua = store.write(0, fill(BS, 2), { generation: 1, fua: true })
  t.same(onDisk(dir, 0, BS), fill(BS, 1), 'a FUA write is not made in one step (it goes through the O_DSYNC handle)')
  await fua
  t.same(await store.read(0, BS), fill(BS, 2), 'and lands')

  const partial = store.write(BS, fill(512, 3), { generation: 1 })
  t.same(onDisk(dir, BS, 512), fill(512, 1), 'a write of part of a checksum block reads the block first')
  await partial
  t.same(await store.read(BS, BS), Buffer.concat([fill(512, 3), fill(BS - 512, 1)]), 'and merges with it')

  await store.trim(2 * BS, BS, { generation: 1 })
  await store.flush()
  t.equal(tableState(dir, 2), STATE_TRIMMED, 'the trimmed block is trimmed in the table file')
  const intoTrimmed = store.write(2 * BS, fill(BS, 4), { generation: 1 })
  t.same(onDisk(dir, 2 * BS, BS), fill(BS, 1), 'a write into a trimmed block is not made in one step')
  await intoTrimmed
  t.equal(tableState(dir, 2), STATE_DATA, 'its state change is written through to the table file before it resolves, as the change path does')
  t.same(await store.read(2 * BS, BS), fill(BS, 4))

  const newer = store.write(3 * BS, fill(BS, 5), { generation: 2 })
  t.same(onDisk(dir, 3 * BS, BS), fill(BS, 1), 'a write at a newer generation waits for that generation to be durable')
  await newer
  t.equal(store.generation, 2)
  await t.rejects(store.write(4 * BS, fill(BS, 6), { generation: 1 }), { code: 'ERR_VOLUME_FENCED' }, 'an older generation is refused, not written')
  t.same(onDisk(dir, 4 * BS, BS), fill(BS, 1), 'and nothing of it is in the file')
})

t.test('a write waits for a read that holds its block, so the read sees bytes and CRC that agree', async t => {
  const { dir, store } = await scratch(t)
  await store.write(0, fill(BS, 1), { generation: 1 })
  const reading = store.read(0, BS)
  const write = store.write(0, fill(BS, 2), { generation: 1 })
  t.same(onDisk(dir, 0, BS), fill(BS, 1), 'the write is not made while the read holds the block')
  t.same(await reading, fill(BS, 1), 'the read gets the old bytes, verified')
  await write
  t.same(await store.read(0, BS), fill(BS, 2), 'then the write lands')
})

t.test('bad writes are refused by the change path, whatever their size', async t => {
  const { store } = await scratch(t)
  await store.write(0, fill(BS, 1), { generation: 1 })
  await t.rejects(store.write(64 * MiB, fill(BS, 1), { generation: 1 }), { code: 'ERR_BLOCK_RANGE' })
  await t.rejects(store.write(100, fill(BS, 1), { generation: 1 }), { code: 'ERR_BLOCK_ALIGNMENT' })
  await t.rejects(store.write(-BS, fill(BS, 1), { generation: 1 }), { code: 'ERR_BLOCK_RANGE' })
})

t.test('a one-step write that fails leaves a zero block reading zeroes and trimmed in the table at the next sync', async t => {
  let failing = false
  const wrap = (w: DataWrites): DataWrites => ({
    canWriteDurably: n => w.canWriteDurably(n),
    pick: d => w.pick(d),
    close: async () => { await w.close() },
    putNow: (data, position) => {
      if (!failing) return w.putNow!(data, position)
      // As a pwrite that failed part-way: some bytes landed.
      w.putNow!(data.subarray(0, 512), position)
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })
    }
  })
  const { dir, store } = await scratch(t, { dataWrites: wrap })
  await store.write(0, fill(BS, 1), { generation: 1 })
  failing = true
  await t.rejects(store.write(BS, fill(BS, 2), { generation: 1 }), { code: 'EIO' }, 'the failure reaches the caller')
  t.same(onDisk(dir, BS, 512), fill(512, 2), 'part of it landed')
  t.equal(store.stats().writes, 2, 'the failed write is counted')
  failing = false
  t.same(await store.read(BS, BS), Buffer.alloc(BS), 'the zero block it failed into reads as zeroes, not as the bytes that landed')
  await store.flush()
  t.equal(tableState(dir, 1), STATE_TRIMMED, 'and is trimmed in the table file after the next sync, so recovery does not take the landed bytes for a write')
  await store.write(BS, fill(BS, 3), { generation: 1 })
  t.same(await store.read(BS, BS), fill(BS, 3), 'a later write there lands')
})
