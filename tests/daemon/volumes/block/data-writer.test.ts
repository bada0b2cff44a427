import t from 'tap'
import { mkdtemp, open, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { DataWriter, WRITE_PIECE_MAX } from '../../../../daemon/volumes/block/data-file.ts'

const KiB = 1024 // bytes

t.test('small writes are made inline; one that stalls sends writes to the thread pool for a while, then inline again', async t => {
  const root = await mkdtemp(join(tmpdir(), 'trellis-data-writer-'))
  t.teardown(() => rm(root, { recursive: true, force: true }))
  const path = join(root, 'data')
  const fh = await open(path, 'w+')
  t.teardown(() => fh.close())
  await fh.truncate(1024 * KiB)
  const warnings: unknown[] = []
  const log = pino({ level: 'warn' }, { write: (line: string) => { warnings.push(JSON.parse(line)) } })
  // A virtual clock: every reading `step` ms after the last, so an inline write "takes" `step` ms.
  let clock = 0
  let step = 0
  const w = new DataWriter(fh, { log, now: () => { clock += step; return clock } })
  const at = async (offset: number, length: number): Promise<Buffer> => (await readFile(path)).subarray(offset, offset + length)

  const first = w.put(Buffer.alloc(4 * KiB, 1), 0)
  t.same(await at(0, 4 * KiB), Buffer.alloc(4 * KiB, 1), 'in the file before its promise was awaited: written on this thread')
  await first
  t.equal(w.stalls, 0, 'a quick write is no stall')

  step = 5 // each inline write now "takes" 5 ms, past the 2 ms bound
  await w.put(Buffer.alloc(4 * KiB, 2), 4 * KiB)
  t.equal(w.stalls, 1, 'a slow inline write is counted')
  t.equal(warnings.length, 1, 'and logged once')
  t.same(await at(4 * KiB, 4 * KiB), Buffer.alloc(4 * KiB, 2), 'its data is there')
  await w.put(Buffer.alloc(4 * KiB, 3), 8 * KiB)
  t.equal(w.stalls, 1, 'the next write, within the pause, goes to the pool: no second stall measured')
  t.same(await at(8 * KiB, 4 * KiB), Buffer.alloc(4 * KiB, 3), 'and lands')

  t.equal((warnings[0] as { pauseMs: number }).pauseMs, 100, 'a first stall pauses inline writes for 100 ms')

  step = 0
  clock += 1001 // past the pause
  const later = w.put(Buffer.alloc(4 * KiB, 4), 12 * KiB)
  t.same(await at(12 * KiB, 4 * KiB), Buffer.alloc(4 * KiB, 4), 'after the pause, inline again')
  await later

  // A write of three pieces: all inline while nothing stalls; once its first piece stalls, the rest through the pool.
  const large = w.put(Buffer.alloc(3 * WRITE_PIECE_MAX, 5), 64 * KiB)
  t.same(await at(64 * KiB, 3 * WRITE_PIECE_MAX), Buffer.alloc(3 * WRITE_PIECE_MAX, 5), 'a write of several pieces is in the file before its promise was awaited: every piece inline')
  await large
  step = 5
  await w.put(Buffer.alloc(3 * WRITE_PIECE_MAX, 6), 64 * KiB)
  t.equal(w.stalls, 2, 'its first piece stalls, counted once: the pieces after it, within the pause, went to the pool')
  t.equal(warnings.length, 1, 'a second stall within a minute of the warning is not warned of again')
  step = 0
  clock += 60_000 // a minute on
  step = 5
  await w.put(Buffer.alloc(4 * KiB, 7), 0)
  t.equal(warnings.length, 2, 'a stall a minute after the last warning is warned of')
  t.equal((warnings[1] as { stallsSinceLastWarning: number }).stallsSinceLastWarning, 2, 'with how many stalls there were since the one before it')
  t.same(await at(64 * KiB, 3 * WRITE_PIECE_MAX), Buffer.alloc(3 * WRITE_PIECE_MAX, 6), 'every piece lands')
})

t.test('stalls that persist past each pause double it, up to a second; a stall long after the last pause starts again at 100 ms', async t => {
  const root = await mkdtemp(join(tmpdir(), 'trellis-data-writer-'))
  t.teardown(() => rm(root, { recursive: true, force: true }))
  const fh = await open(join(root, 'data'), 'w+')
  t.teardown(() => fh.close())
  const pauses: number[] = []
  const log = pino({ level: 'debug' }, { write: (line: string) => { const l = JSON.parse(line) as { pauseMs?: number }; if (l.pauseMs !== undefined) pauses.push(l.pauseMs) } })
  let clock = 0
  let step = 5 // every inline write "takes" 5 ms: a kernel throttling dirty pages
  const w = new DataWriter(fh, { log, now: () => { clock += step; return clock } })
  const page = Buffer.alloc(4 * KiB, 1)
  // Each write inline is one the pause let through: it stalls, and the next pause is set from it.
  const stallAfterPause = async (): Promise<void> => {
    const before = w.stalls
    for (let i = 0; i < 400 && w.stalls === before; i++) await w.put(page, 0)
    t.equal(w.stalls, before + 1, 'a write after the pause ran inline and stalled')
  }
  for (let i = 0; i < 6; i++) await stallAfterPause()
  t.same(pauses, [100, 200, 400, 800, 1000, 1000], 'each stall right after a pause doubles it, up to a second')
  t.ok(w.putNow(page, 0) === false, 'putNow writes nothing during a pause')

  step = 0
  clock += 5000 // long after the last pause
  t.ok(w.putNow(page, 4 * KiB), 'after the pause putNow writes inline')
  step = 5
  await w.put(page, 0)
  t.equal(pauses.at(-1), 100, 'a stall long after the last pause starts again at 100 ms')
  t.notOk(w.putNow(Buffer.alloc(WRITE_PIECE_MAX + 4 * KiB), 0), 'putNow refuses more than one piece')
})
