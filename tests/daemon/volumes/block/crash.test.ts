import t from 'tap'
import { spawn } from 'node:child_process'
import { copyFile, mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { BLOCK_STORE_FILES, openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import { copyAsCrashed } from './crash-copy.ts'

// Crash recovery with one fdatasync per FUA write: the checksum table is
// synced lazily, and the activity log tells recovery which extents to
// re-checksum from the data. See docs/volumes-nbd.md.

const KiB = 1024 // bytes
const MiB = 1024 * KiB // bytes
const PAGE = 4 * KiB // bytes
const ACKS_BEFORE_KILL = 400 // changes of the loop the kill follows
const fill = (n: number, byte: number): Buffer => Buffer.alloc(n, byte)

const cases = [
  { blockSize: 4 * KiB, mode: 'mixed' },
  { blockSize: 64 * KiB, mode: 'mixed' },
  // No table sync at all between the first write into a hole and the kill: only write-through of the state saves it.
  { blockSize: 4 * KiB, mode: 'holes' }
]
for (const { blockSize, mode } of cases) {
  t.test(`SIGKILL during writes loses no acknowledged one (${blockSize / KiB} KiB checksum blocks, ${mode})`, async t => {
    const root = await mkdtemp(join(tmpdir(), 'trellis-block-crash-'))
    t.teardown(() => rm(root, { recursive: true, force: true }))
    const dir = join(root, 'vol')
    const child = spawn(process.execPath, [join(import.meta.dirname, 'crash-writer.ts'), dir, String(blockSize), mode], { stdio: ['ignore', 'pipe', 'inherit'] })
    t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
    const exited = new Promise<void>(resolve => child.once('exit', () => { resolve() }))
    /** Per page, the byte of its last acknowledged change (0: trimmed). */
    const acked = new Map<number, number>()
    const started = new Map<string, { page: number, byte: number }>()
    /** Per loop (f: FUA, n: plain), the change it had begun and not seen acknowledged. */
    const inFlight = new Map<string, { page: number, byte: number }>()
    let acks = 0
    for await (const line of createInterface({ input: child.stdout! })) {
      const [kind, id, page, byte] = line.split(' ') as [string, string, string?, string?]
      if (kind === 'start') {
        const op = { page: Number(page), byte: Number(byte) }
        started.set(id, op)
        inFlight.set(id[0]!, op)
      } else if (kind === 'ack') {
        const op = started.get(id)!
        acked.set(op.page, op.byte)
        inFlight.delete(id[0]!)
        // In holes mode loop n must still be writing into holes when the kill comes (it has 2048 of them).
        if (id[0] === (mode === 'holes' ? 'n' : 'f') && ++acks === ACKS_BEFORE_KILL) child.kill('SIGKILL')
      }
    }
    await exited
    t.equal(child.signalCode, 'SIGKILL', 'the writer died by SIGKILL, not of its own accord')
    t.ok(acks >= ACKS_BEFORE_KILL, `${acks} changes acknowledged`)

    const store = await openSparseFileStore({}, { dir })
    t.teardown(() => store.close())
    // Every block verifies: nothing the crash left reads as a checksum mismatch.
    const all = await store.read(0, store.size)
    // The kernel outlives a killed process, so every acknowledged change must be there, FUA or not.
    let wrong = 0
    for (const [page, byte] of acked) {
      const got = all.subarray(page * PAGE, (page + 1) * PAGE)
      const ok = got.equals(fill(PAGE, byte)) || [...inFlight.values()].some(op => op.page === page && got.equals(fill(PAGE, op.byte)))
      if (!ok) wrong++
    }
    t.equal(wrong, 0, `all ${acked.size} acknowledged pages, with FUA and without, read back as acknowledged`)
  })
}

t.test('a FUA overwrite survives the loss of every checksum table write since the last table sync', async t => {
  const root = await mkdtemp(join(tmpdir(), 'trellis-block-crash-'))
  t.teardown(() => rm(root, { recursive: true, force: true }))
  const dir = join(root, 'vol')
  const store = await openSparseFileStore({}, { dir, size: 16 * MiB, blockSize: 4 * KiB })
  t.teardown(() => store.close())
  const g = { generation: 1 }
  await store.write(0, fill(8 * MiB, 0x11), g)
  // A checkpoint, not a flush: filling zero blocks changes no state a flush must sync, and the control below needs data states.
  await store.checkpoint()
  // What a power loss could leave of the table: its content at the last sync.
  const syncedTable = join(root, 'synced-table')
  await copyFile(join(dir, BLOCK_STORE_FILES.table), syncedTable)

  const before = store.stats().fdatasyncs
  await store.write(5 * MiB, fill(PAGE, 0x22), { ...g, fua: true })
  await store.write(6 * MiB + 2 * PAGE, fill(3 * PAGE, 0x33), { ...g, fua: true })
  t.equal(store.stats().fdatasyncs - before, 2, 'each write syncs the data file, never the table (their extents are still marked)')

  const crashCopy = async (name: string, table: string, activity?: string): Promise<string> => await copyAsCrashed({ root, dir }, name, table, activity)

  const recovered = await openSparseFileStore({}, { dir: await crashCopy('crash', syncedTable) })
  t.teardown(() => recovered.close())
  t.same(await recovered.read(5 * MiB, PAGE), fill(PAGE, 0x22), 'the first acknowledged write reads back and verifies')
  t.same(await recovered.read(6 * MiB, 8 * PAGE), Buffer.concat([fill(2 * PAGE, 0x11), fill(3 * PAGE, 0x33), fill(3 * PAGE, 0x11)]), 'so does the second')

  // The control: without the activity log's marks the stale table would be believed, and the blocks fail their checksums.
  const emptyLog = join(root, 'empty-log')
  await copyFile(join(dir, BLOCK_STORE_FILES.activity), emptyLog)
  const fh = await open(emptyLog, 'r+')
  await fh.write(fill((await fh.stat()).size, 0), 0)
  await fh.close()
  const blind = await openSparseFileStore({}, { dir: await crashCopy('blind', syncedTable, emptyLog) })
  t.teardown(() => blind.close())
  await t.rejects(blind.read(5 * MiB, PAGE), { code: 'ERR_CHECKSUM_MISMATCH' })

  // A FUA write that fills a zero block syncs no table: the block's bytes tell recovery it was written.
  const beforeFresh = store.stats().fdatasyncs
  await store.write(12 * MiB, fill(PAGE, 0x44), { ...g, fua: true })
  t.equal(store.stats().fdatasyncs - beforeFresh, 2, 'a zero → data FUA write: the extent mark, then the data through O_DSYNC')
  const filled = await openSparseFileStore({}, { dir: await crashCopy('filled', syncedTable) })
  t.teardown(() => filled.close())
  t.same(await filled.read(12 * MiB, 2 * PAGE), Buffer.concat([fill(PAGE, 0x44), fill(PAGE, 0)]), 'with the table of before it, recovery finds the block written and the next one still zero')

  // Into a trimmed block it must: the bytes under it may be from before the trim, so recovery cannot tell.
  await store.trim(12 * MiB, PAGE, { ...g, fua: true })
  const beforeTrimmed = store.stats().fdatasyncs
  await store.write(12 * MiB, fill(PAGE, 0x55), { ...g, fua: true })
  t.equal(store.stats().fdatasyncs - beforeTrimmed, 2, 'a trimmed → data FUA write: data and table')
})
