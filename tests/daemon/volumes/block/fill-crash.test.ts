import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BLOCK_STORE_FILES, openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import type { DataWrites, PutData } from '../../../../daemon/volumes/block/data-file.ts'
import { copyAsCrashed } from './crash-copy.ts'

// A write into a trimmed block: the data file still holds the bytes from
// before the trim (no hole punching), so the table must not state the block
// as data before the new bytes are in the file. Here that write's data is
// held back while the table is written (its own write-through, a checkpoint
// of a neighbour's change), and the files are taken as a kill at that moment would leave
// them (the kernel keeps what was written, so every file as it is).

const KiB = 1024 // bytes
const fill = (n: number, byte: number): Buffer => Buffer.alloc(n, byte)

/** Once armed, data writes into [from, to) wait for release(); reached resolves when the first one arrives. */
class HeldWrites {
  readonly #from: number
  readonly #to: number
  #armed = false
  /** Once armed, a held write lands its first half and fails instead of waiting. */
  failing = false
  readonly #reached = Promise.withResolvers<void>()
  readonly #released = Promise.withResolvers<void>()

  constructor (from: number, to: number) {
    this.#from = from
    this.#to = to
  }

  get reached (): Promise<void> { return this.#reached.promise }
  arm (): void { this.#armed = true }
  release (): void { this.#released.resolve() }

  readonly wrap = (writer: DataWrites): DataWrites => ({
    canWriteDurably: length => writer.canWriteDurably(length),
    pick: durable => this.#hold(writer.pick(durable)),
    close: async () => { await writer.close() }
  })

  #hold (put: PutData): PutData {
    return async (data, position) => {
      if (this.#armed && position < this.#to && position + data.length > this.#from) {
        if (this.failing) {
          await put(data.subarray(0, data.length / 2), position)
          throw new Error('EIO (injected): half the write landed')
        }
        this.#reached.resolve()
        await this.#released.promise
      }
      await put(data, position)
    }
  }
}

const cases = [
  { blockSize: 4 * KiB, at: 0, length: 4 * KiB, what: 'a whole 4 KiB block' },
  { blockSize: 64 * KiB, at: 8 * KiB, length: 4 * KiB, what: '4 KiB of a 64 KiB block (merged with zeroes, the whole block written)' }
]
for (const { blockSize, at, length, what } of cases) {
  t.test(`a kill while a write fills a trimmed block never reads back the bytes from before the trim: ${what}`, async t => {
    const root = await mkdtemp(join(tmpdir(), 'trellis-fill-crash-'))
    t.teardown(() => rm(root, { recursive: true, force: true }))
    const dir = join(root, 'vol')
    const block = 10
    const neighbour = 11 // its table entry is in the same table page as the block's
    const start = block * blockSize
    const g = { generation: 1 }
    const held = new HeldWrites(start, start + blockSize)
    const store = await openSparseFileStore({ dataWrites: held.wrap }, { dir, size: 4 * 1024 * KiB, blockSize })
    t.teardown(async () => { held.release(); await store.close() })
    /** Block `b` of a copy of the files as a kill now would leave them, recovered. */
    let copies = 0
    const afterKill = async (b: number): Promise<Buffer> => {
      const copy = await copyAsCrashed({ root, dir }, `kill-${copies++}`, join(dir, BLOCK_STORE_FILES.table))
      const recovered = await openSparseFileStore({}, { dir: copy })
      try { return await recovered.read(b * blockSize, blockSize) } finally { await recovered.close() }
    }

    await store.write(start, fill(blockSize, 0xaa), g)
    await store.write(neighbour * blockSize, fill(blockSize, 0x11), g)
    await store.flush()
    await store.trim(start, blockSize, { ...g, fua: true })
    t.same(await afterKill(block), fill(blockSize, 0), 'the trim is acknowledged: the block reads as zeroes')

    held.arm()
    const filling = store.write(start + at, fill(length, 0xbb), g)
    await held.reached
    t.same(await afterKill(block), fill(blockSize, 0), 'killed while its data is held back: the block reads as zeroes')
    // An overwrite changes no state: its entry waits in a dirty table page (the one holding the block's entry) for the next table sync.
    await store.write(neighbour * blockSize, fill(blockSize, 0xcc), g)
    await store.checkpoint()
    t.same(await afterKill(neighbour), fill(blockSize, 0xcc), 'a checkpoint meanwhile wrote and synced that table page')
    t.same(await afterKill(block), fill(blockSize, 0), 'killed after it: the block still reads as zeroes, not as the bytes from before the trim')

    held.release()
    await filling
    const expected = fill(blockSize, 0)
    expected.fill(0xbb, at, at + length)
    t.same(await afterKill(block), expected, 'once the write is acknowledged, a kill keeps it')
    t.same(await store.read(start, blockSize), expected, 'and the store reads it')
  })
}

t.test('a write into a zero block that fails half-way leaves it trimmed: it reads as zeroes, also after a flush and a kill', async t => {
  const root = await mkdtemp(join(tmpdir(), 'trellis-fill-crash-'))
  t.teardown(() => rm(root, { recursive: true, force: true }))
  const dir = join(root, 'vol')
  const blockSize = 4 * KiB
  const start = 10 * blockSize
  const held = new HeldWrites(start, start + blockSize)
  const store = await openSparseFileStore({ dataWrites: held.wrap }, { dir, size: 4 * 1024 * KiB, blockSize })
  t.teardown(async () => { held.release(); await store.close() })
  held.failing = true
  held.arm()
  await t.rejects(store.write(start, fill(blockSize, 0xdd), { generation: 1 }), /EIO \(injected\)/)
  t.same(await store.read(start, blockSize), fill(blockSize, 0), 'the block reads as zeroes, not as the half that landed')
  await store.flush()
  const copy = await copyAsCrashed({ root, dir }, 'kill', join(dir, BLOCK_STORE_FILES.table))
  const recovered = await openSparseFileStore({}, { dir: copy })
  t.teardown(() => recovered.close())
  t.same(await recovered.read(start, blockSize), fill(blockSize, 0), 'after the flush the table says trimmed: recovery does not take the half for a write')
})
