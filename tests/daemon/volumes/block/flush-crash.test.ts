import t, { type Test } from 'tap'
import { copyFile, mkdir, mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BLOCK_STORE_FILES, openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import { copyAsCrashed } from './crash-copy.ts'
import { mulberry32 } from '../../../../controller/random/index.ts'

// A flush syncs only the data file while no block's state changed since the
// last table sync. A power loss right after such a flush may leave the table
// file as it was at its last sync; the activity log's marks let recovery
// rebuild the CRCs from the synced data. Here a crash is simulated after every
// acknowledged flush: data and activity log as they are, the table rolled back
// to its last synced content. See docs/volumes-nbd.md.

const KiB = 1024 // bytes
const MiB = 1024 * KiB // bytes
const PAGE = 4 * KiB // bytes
const SIZE = 16 * MiB // bytes
const WRITTEN = 8 * MiB // bytes written before the rounds: overwrites there change no state
const ROUNDS = 40
const fill = (n: number, byte: number): Buffer => Buffer.alloc(n, byte)

/** A 16 MiB store of 4 KiB blocks in a temp dir, both gone at teardown. */
async function freshStore (t: Test): Promise<{ root: string, dir: string, store: Awaited<ReturnType<typeof openSparseFileStore>>, g: { generation: number } }> {
  const root = await mkdtemp(join(tmpdir(), 'trellis-flush-crash-'))
  t.teardown(() => rm(root, { recursive: true, force: true }))
  const dir = join(root, 'vol')
  const store = await openSparseFileStore({}, { dir, size: SIZE, blockSize: 4 * KiB })
  t.teardown(() => store.close())
  return { root, dir, store, g: { generation: 1 } }
}

t.test('every flush is a crash point: all writes acknowledged before it read back with valid checksums', async t => {
  const { root, dir, store, g } = await freshStore(t)
  /** What the volume must hold after each acknowledged flush. */
  const model = Buffer.alloc(SIZE)
  await store.write(0, fill(WRITTEN, 0x11), g)
  model.fill(0x11, 0, WRITTEN)
  await store.flush()
  const syncedTable = join(root, 'synced-table')
  await copyFile(join(dir, BLOCK_STORE_FILES.table), syncedTable)

  const crashCopy = async (name: string, table: string, activity?: string): Promise<string> => await copyAsCrashed({ root, dir }, name, table, activity)

  const random = mulberry32(12)
  const pick = (n: number): number => Math.floor(random() * n)
  let dataOnly = 0
  let both = 0
  let controls = 0
  let holes = 0
  /** Trimmed pages: a write into them would be a state change, so overwrite rounds leave them alone. */
  const trimmed = new Set<number>()
  for (let round = 0; round < ROUNDS; round++) {
    // Most rounds only overwrite (a database's steady state); every fourth also writes into a hole, every eighth trims too.
    const intoHole = round % 4 === 3
    const stateChange = round % 8 === 7
    const changes: Array<Promise<void>> = []
    const touched: number[] = []
    for (let i = 0; i < 1 + pick(6); i++) {
      const page = pick(WRITTEN / PAGE - 4)
      const pages = 1 + pick(3)
      const byte = 1 + pick(250)
      if (touched.some(p => p >= page - 3 && p <= page + 3) || [0, 1, 2].some(k => trimmed.has(page + k))) continue // disjoint, so their order does not matter
      touched.push(page)
      // An unaligned piece of a page too: a partial block rewrites its CRC from merged bytes.
      const from = page * PAGE + (pages === 1 ? 512 * pick(4) : 0)
      const length = pages * PAGE - (from - page * PAGE)
      changes.push(store.write(from, fill(length, byte), g))
      model.fill(byte, from, from + length)
    }
    let hole = -1
    let trimmedPage = -1
    if (intoHole) {
      hole = WRITTEN / PAGE + pick((SIZE - WRITTEN) / PAGE)
      if (stateChange) {
        trimmedPage = touched[0] ?? 0
        await Promise.all(changes.splice(0))
        changes.push(store.trim(trimmedPage * PAGE, PAGE, g))
        trimmed.add(trimmedPage)
        model.fill(0, trimmedPage * PAGE, (trimmedPage + 1) * PAGE)
      }
      changes.push(store.write(hole * PAGE, fill(PAGE, 0x5a), g))
      model.fill(0x5a, hole * PAGE, (hole + 1) * PAGE)
    }
    await Promise.all(changes)
    const before = store.stats().fdatasyncs
    await store.flush()
    const syncs = store.stats().fdatasyncs - before
    if (stateChange) {
      t.equal(syncs, 2, `round ${round}: a trim changed a state, so the flush syncs data and table`)
      both++
      // The control: with the table of before this flush the trim is lost (the page reads its old bytes) — that sync was needed.
      const stale = await openSparseFileStore({}, { dir: await crashCopy(`stale-${round}`, syncedTable) })
      const lost = !(await stale.read(trimmedPage * PAGE, PAGE)).equals(fill(PAGE, 0))
      await stale.close()
      if (lost) controls++
    } else {
      t.equal(syncs, 1, `round ${round}: ${intoHole ? 'a write into a hole (recovery tells it by its bytes) and overwrites' : 'only overwrites'}, so the flush syncs the data file alone`)
      dataOnly++
      if (intoHole) holes++
    }
    // What a power loss keeps of the table: its content as of the last flush that synced it (data and table: 2 fdatasyncs).
    if (syncs >= 2) await copyFile(join(dir, BLOCK_STORE_FILES.table), syncedTable)
    const recovered = await openSparseFileStore({}, { dir: await crashCopy(`crash-${round}`, syncedTable) })
    const all = await recovered.read(0, SIZE) // throws ERR_CHECKSUM_MISMATCH if a CRC was not rebuilt
    await recovered.close()
    if (!all.equals(model)) {
      let page = 0
      while (all.subarray(page * PAGE, (page + 1) * PAGE).equals(model.subarray(page * PAGE, (page + 1) * PAGE))) page++
      t.fail(`round ${round}: page ${page} does not hold what was acknowledged before the flush`)
      return
    }
    await rm(join(root, `crash-${round}`), { recursive: true })
  }
  t.equal(dataOnly + both, ROUNDS)
  t.ok(dataOnly >= 20, `${dataOnly} flushes synced only the data file, ${both} also the table`)
  t.equal(holes, ROUNDS / 8, `${holes} of them after a write into a hole, each read back after the crash without a table sync`)
  t.equal(controls, both, 'the trim of every such round needed its table sync')

  // The second control: without the activity log's marks the rolled-back table is believed, and overwritten blocks fail their checksums.
  const emptyLog = join(root, 'empty-log')
  await copyFile(join(dir, BLOCK_STORE_FILES.activity), emptyLog)
  const fh = await open(emptyLog, 'r+')
  await fh.write(fill((await fh.stat()).size, 0), 0)
  await fh.close()
  await store.write(0, fill(PAGE, 0x77), g)
  await store.flush()
  const blind = await openSparseFileStore({}, { dir: await crashCopy('blind', syncedTable, emptyLog) })
  t.teardown(() => blind.close())
  await t.rejects(blind.read(0, PAGE), { code: 'ERR_CHECKSUM_MISMATCH' })
})

t.test('after checkpoint() the table file agrees with the data without the activity log; after flush() it may not', async t => {
  const { root, dir, store, g } = await freshStore(t)
  await store.write(0, fill(WRITTEN, 0x11), g)
  // A checkpoint: the blocks' data states in the table file, so the control below meets a stale CRC, not a zero block.
  await store.checkpoint()
  /** A copy of the files as they are on disk, with every activity log mark erased. */
  const copyWithoutMarks = async (name: string): Promise<string> => {
    const copy = join(root, name)
    await mkdir(copy)
    for (const f of Object.values(BLOCK_STORE_FILES)) await copyFile(join(dir, f), join(copy, f))
    const fh = await open(join(copy, BLOCK_STORE_FILES.activity), 'r+')
    await fh.write(fill((await fh.stat()).size, 0), 0)
    await fh.close()
    return copy
  }
  await store.write(3 * PAGE, fill(PAGE, 0x22), g)
  await store.flush()
  const flushed = await openSparseFileStore({}, { dir: await copyWithoutMarks('flushed') })
  t.teardown(() => flushed.close())
  await t.rejects(flushed.read(3 * PAGE, PAGE), { code: 'ERR_CHECKSUM_MISMATCH' }, 'the control: flush left the new CRC to the marks')

  await store.write(5 * PAGE, fill(PAGE, 0x33), g)
  await store.checkpoint()
  const copy = await openSparseFileStore({}, { dir: await copyWithoutMarks('checkpointed') })
  t.teardown(() => copy.close())
  const expected = fill(WRITTEN, 0x11)
  expected.fill(0x22, 3 * PAGE, 4 * PAGE)
  expected.fill(0x33, 5 * PAGE, 6 * PAGE)
  t.same(await copy.read(0, WRITTEN), expected, 'every block verifies against the table alone')
})
