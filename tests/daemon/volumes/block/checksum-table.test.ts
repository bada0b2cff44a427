/** The checksum table's file never goes back to an entry the memory has left, whatever order the thread pool runs its writes in. */
import t from 'tap'
import type { Test } from 'tap'
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BlockState, ChecksumTable } from '../../../../daemon/volumes/block/checksum-table.ts'

type Write = (...args: Parameters<FileHandle['write']>) => Promise<unknown>

/** The real file, its writes through `write` (given the real one). */
function withWrite (fh: FileHandle, write: (real: Write, args: Parameters<FileHandle['write']>) => Promise<unknown>): FileHandle {
  const real = fh.write.bind(fh) as Write
  return new Proxy(fh, {
    get (target, prop) {
      if (prop === 'write') return async (...args: Parameters<FileHandle['write']>) => await write(real, args)
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    }
  })
}

/** The real file, whose first write waits for `release`: the thread pool running a later write first. */
function heldFirstWrite (fh: FileHandle): { file: FileHandle, release: () => void, held: Promise<void> } {
  let release!: () => void
  const gate = new Promise<void>(resolve => { release = resolve })
  let markHeld!: () => void
  const held = new Promise<void>(resolve => { markHeld = resolve })
  let first = true
  const file = withWrite(fh, async (real, args) => {
    if (first) {
      first = false
      markHeld()
      await gate
    }
    return await real(...args)
  })
  return { file, release, held }
}

/** A fresh table file, gone at the end of the test. */
async function tableFile (t: Test): Promise<FileHandle> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-table-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const fh = await open(join(dir, 'checksums'), 'w+')
  t.teardown(() => fh.close())
  return fh
}

t.test('a table sync\'s copy of a page cannot land after a state change written through meanwhile', async t => {
  const fh = await tableFile(t)
  const { file, release, held } = heldFirstWrite(fh)
  const table = new ChecksumTable(file, 1024)
  // An overwrite elsewhere in the first 512 entries: a CRC-only change, left for the next table sync.
  table.set(1, BlockState.data, 111)
  table.touch(1, 1)
  const syncing = table.writeDirty()
  await held
  // Meanwhile a write into a hole at block 5: its state change is written through before it is acknowledged.
  table.set(5, BlockState.data, 555)
  let through = false
  const writeThrough = table.persist(5, 5).then(() => { through = true })
  await new Promise(resolve => setTimeout(resolve, 20))
  t.notOk(through, 'the write-through waits for the table write ahead of it')
  release()
  await Promise.all([syncing, writeThrough])
  const reread = new ChecksumTable(fh, 1024)
  t.equal(await reread.load(), -1, 'every entry in the file has a known state')
  t.equal(reread.states[5], BlockState.data, 'block 5 is data in the file, as in memory')
  t.equal(reread.crcs[5], 555)
  t.equal(reread.crcs[1], 111, 'and the sync\'s own change is there too')
})

t.test('a table write that fails does not stop the ones after it', async t => {
  const fh = await tableFile(t)
  let fail = true
  const file = withWrite(fh, async (real, args) => {
    if (fail) { fail = false; throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }) }
    return await real(...args)
  })
  const table = new ChecksumTable(file, 16)
  table.set(2, BlockState.data, 22)
  await t.rejects(table.persist(2, 2), { code: 'ENOSPC' }, 'the failure reaches its caller')
  await table.persist(2, 2)
  const reread = new ChecksumTable(fh, 16)
  await reread.load()
  t.equal(reread.crcs[2], 22, 'the next write goes through')
})
