import t from 'tap'
import type { Test } from 'tap'
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../../../daemon/store/index.ts'
import type { Store } from '../../../daemon/store/index.ts'
import type { Entry } from '../../../controller/raft/index.ts'
import { LevelStorage, encodeEntry, encodeEntryRun, encodeHardState, encodeSnapshot } from '../../../daemon/consensus/index.ts'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const normal = (index: number, term: number, s = `e${index}`): Entry => ({ type: 'normal', index, term, data: bytes(s) })

async function tempStore (t: Test): Promise<{ dir: string, open: () => Promise<Store> }> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-raft-storage-'))
  const stores: Store[] = []
  t.teardown(async () => {
    for (const s of stores) if (s.status === 'open') await s.close()
    await rm(dir, { recursive: true, force: true })
  })
  return { dir, open: async () => { const s = await openStore(dir); stores.push(s); return s } }
}

t.test('bootstrap, append, hard state survive close and reopen', async t => {
  const { open } = await tempStore(t)
  let store = await open()
  let s = await LevelStorage.open(store)
  t.ok(s.isEmpty)
  await s.bootstrap(['b', 'a', 'c'])
  t.equal(s.lastIndex(), 3)
  t.same(s.hardState, { term: 1, vote: null, commit: 3 })
  await s.persist({ entries: [normal(4, 2), normal(5, 2)], hardState: { term: 2, vote: 'a', commit: 4 }, mustSync: true })
  await store.close()

  store = await open()
  s = await LevelStorage.open(store)
  t.notOk(s.isEmpty)
  t.same(s.initialState().hardState, { term: 2, vote: 'a', commit: 4 })
  t.equal(s.firstIndex(), 1)
  t.equal(s.lastIndex(), 5)
  t.equal(s.term(5), 2)
  const ents = s.entries(1, 6, Infinity)
  t.same(ents.map(e => e.type), ['conf-change', 'conf-change', 'conf-change', 'normal', 'normal'])
  t.same(ents[0], { type: 'conf-change', term: 1, index: 1, change: { type: 'add-voter', node: 'a' } })
  t.same(Buffer.from((ents[4] as { data: Uint8Array }).data).toString(), 'e5')
  await t.rejects(s.bootstrap(['a']), { code: 'ERR_STORAGE_CORRUPT' }, 'no second bootstrap')
})

t.test('a conflicting suffix is truncated, on disk too', async t => {
  const { open } = await tempStore(t)
  let store = await open()
  let s = await LevelStorage.open(store)
  await s.persist({ entries: [1, 2, 3, 4, 5].map(i => normal(i, 1)), mustSync: true })
  await s.persist({ entries: [normal(3, 2, 'x'), normal(4, 2, 'y')], mustSync: true })
  t.equal(s.lastIndex(), 4)
  t.equal(s.term(3), 2)
  t.throws(() => s.entries(1, 6, Infinity), { code: 'ERR_UNAVAILABLE' })
  await t.rejects(s.persist({ entries: [normal(7, 2)], mustSync: true }), { code: 'ERR_STORAGE_CORRUPT' }, 'a gap is refused')
  await store.close()
  store = await open()
  s = await LevelStorage.open(store)
  t.equal(s.lastIndex(), 4, 'entry 5 is gone from disk')
  t.same(s.entries(3, 5, Infinity).map(e => e.term), [2, 2])
})

t.test('entries respects maxBytes but returns at least one', async t => {
  const { open } = await tempStore(t)
  const s = await LevelStorage.open(await open())
  await s.persist({ entries: [1, 2, 3].map(i => normal(i, 1, 'x'.repeat(100))), mustSync: true })
  t.equal(s.entries(1, 4, 1).length, 1)
  t.equal(s.entries(1, 4, 240).length, 2)
  t.equal(s.entries(1, 4, Infinity).length, 3)
})

t.test('compaction drops the prefix; a received snapshot replaces the log', async t => {
  const { open } = await tempStore(t)
  let store = await open()
  let s = await LevelStorage.open(store)
  await s.bootstrap(['a'])
  await s.persist({ entries: [2, 3, 4, 5].map(i => normal(i, 1)), hardState: { term: 1, vote: null, commit: 5 }, mustSync: true })
  const conf = { voters: ['a'], learners: [] }
  await s.persist({ entries: [], compaction: { index: 3, term: 1, conf, data: bytes('state@3') }, mustSync: false })
  t.equal(s.firstIndex(), 4)
  t.equal(s.term(3), 1)
  t.throws(() => s.term(2), { code: 'ERR_COMPACTED' })
  t.throws(() => s.entries(2, 4, Infinity), { code: 'ERR_COMPACTED' })
  await store.close()

  store = await open()
  s = await LevelStorage.open(store)
  t.equal(s.firstIndex(), 4)
  t.equal(s.lastIndex(), 5)
  t.same(Buffer.from(s.snapshot().data).toString(), 'state@3')
  t.same(s.initialState().conf, conf)

  await s.persist({ entries: [], snapshot: { index: 9, term: 3, conf, data: bytes('state@9') }, mustSync: true })
  t.equal(s.firstIndex(), 10)
  t.equal(s.lastIndex(), 9)
  t.equal(s.hardState.commit, 9, 'commit follows the snapshot')
  await store.close()
  store = await open()
  s = await LevelStorage.open(store)
  t.equal(s.lastIndex(), 9)
  t.equal(s.term(9), 3)
  t.same(Buffer.from(s.snapshot().data).toString(), 'state@9')
})

t.test('a corrupt record is a clear error on open', async t => {
  const { open } = await tempStore(t)
  let store = await open()
  const s = await LevelStorage.open(store)
  await s.persist({ entries: [1, 2].map(i => normal(i, 1)), mustSync: true })
  const raw = store.sublevel<string, Uint8Array>('raft', { valueEncoding: 'view' })
  await raw.put('r!0000000000000001', Uint8Array.from([0x42, 0x04, 0xff, 0xff, 0xff, 0x0f]))
  await store.close()
  store = await open()
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT' })

  const again = store.sublevel<string, Uint8Array>('raft', { valueEncoding: 'view' })
  await again.put('r!0000000000000001', encodeEntryRun([normal(2, 1)]))
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT' }, 'a run under another index')
  await again.del('r!0000000000000001')
  await again.put('hard', Uint8Array.from([0x08]))
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT' }, 'a truncated hard state too')
})

t.test('a gap in the stored log is a clear error on open', async t => {
  const { open } = await tempStore(t)
  const store = await open()
  const s = await LevelStorage.open(store)
  for (const i of [1, 2, 3]) await s.persist({ entries: [normal(i, 1)], mustSync: true })
  await store.sublevel<string, Uint8Array>('raft', { valueEncoding: 'view' }).del('r!0000000000000002')
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT' })
})

/** The keys of the raft sublevel, in order. */
async function keys (store: Store): Promise<string[]> {
  return await store.sublevel<string, Uint8Array>('raft', { valueEncoding: 'view' }).keys().all()
}

t.test('one write is one run: one key for all its entries, whatever the Readys', async t => {
  const { open } = await tempStore(t)
  const store = await open()
  const s = await LevelStorage.open(store)
  await s.persistAll([
    { entries: [1, 2, 3].map(i => normal(i, 1)), mustSync: true },
    { entries: [4, 5].map(i => normal(i, 1)), hardState: { term: 1, vote: 'a', commit: 2 }, mustSync: true }
  ])
  t.same(await keys(store), ['hard', 'r!0000000000000001'])
  await s.persist({ entries: [normal(6, 1)], mustSync: true })
  t.same(await keys(store), ['hard', 'r!0000000000000001', 'r!0000000000000006'])
})

t.test('truncation across runs and inside one batch survives reopening', async t => {
  const { open } = await tempStore(t)
  let store = await open()
  let s = await LevelStorage.open(store)
  await s.persist({ entries: [1, 2, 3, 4].map(i => normal(i, 1)), mustSync: true })
  await s.persist({ entries: [5, 6, 7].map(i => normal(i, 1)), mustSync: true })
  // Cuts into the first run (it keeps a stale tail, superseded) and drops the second.
  await s.persist({ entries: [normal(3, 2, 'x3'), normal(4, 2, 'x4')], mustSync: true })
  t.same(await keys(store), ['r!0000000000000001', 'r!0000000000000003'])
  // In one batch: entries, then a Ready cutting into them, then one cutting into the disk run before.
  await s.persistAll([
    { entries: [5, 6, 7].map(i => normal(i, 2)), mustSync: true },
    { entries: [normal(6, 3, 'y6')], mustSync: true },
    { entries: [normal(4, 3, 'z4'), normal(5, 3, 'z5')], mustSync: true }
  ])
  const want = ['e1', 'e2', 'x3', 'z4', 'z5']
  const data = (st: LevelStorage): string[] => st.entries(1, st.lastIndex() + 1, Infinity).map(e => Buffer.from((e as { data: Uint8Array }).data).toString())
  t.same(data(s), want)
  t.same(await keys(store), ['r!0000000000000001', 'r!0000000000000003', 'r!0000000000000004'])
  await store.close()
  store = await open()
  s = await LevelStorage.open(store)
  t.equal(s.lastIndex(), 5)
  t.same(data(s), want, 'later runs supersede the stale tails of earlier ones')
  t.same(s.entries(1, 6, Infinity).map(e => e.term), [1, 1, 2, 3, 3])
  await s.persist({ entries: [normal(6, 3)], mustSync: true })
  t.same(data(s), [...want, 'e6'], 'appends after reopening')
})

t.test('compaction drops the runs it covers wholly, also runs of the same batch', async t => {
  const { open } = await tempStore(t)
  let store = await open()
  let s = await LevelStorage.open(store)
  const conf = { voters: ['a'], learners: [] }
  await s.persist({ entries: [1, 2, 3].map(i => normal(i, 1)), mustSync: true })
  await s.persist({ entries: [4, 5, 6].map(i => normal(i, 1)), mustSync: true })
  await s.persistAll([
    { entries: [7, 8].map(i => normal(i, 1)), mustSync: true },
    { entries: [9].map(i => normal(i, 1)), mustSync: true },
    { entries: [], compaction: { index: 5, term: 1, conf, data: bytes('state@5') }, mustSync: false }
  ])
  t.same(await keys(store), ['r!0000000000000004', 'r!0000000000000007', 'snap', 'snapfile'], 'the run holding 6 stays')
  await s.persistAll([
    { entries: [10, 11].map(i => normal(i, 1)), mustSync: true },
    { entries: [], compaction: { index: 11, term: 1, conf, data: bytes('state@11') }, mustSync: false }
  ])
  t.same(await keys(store), ['snap', 'snapfile'], 'all of the log in the snapshot: no run left, the new one never written')
  await s.persist({ entries: [normal(12, 1)], mustSync: true })
  await store.close()
  store = await open()
  s = await LevelStorage.open(store)
  t.equal(s.firstIndex(), 12)
  t.equal(s.lastIndex(), 12)
  t.same(Buffer.from(s.snapshot().data).toString(), 'state@11')
})

t.test('a log in the layout of one key per entry is read and moved into a run', async t => {
  const { open } = await tempStore(t)
  let store = await open()
  const raw = store.sublevel<string, Uint8Array>('raft', { valueEncoding: 'view' })
  const conf = { voters: ['a'], learners: [] }
  await raw.put('snap', encodeSnapshot({ index: 2, term: 1, conf, data: bytes('state@2') }))
  await raw.put('hard', encodeHardState({ term: 2, vote: 'a', commit: 4 }))
  for (const i of [3, 4, 5]) await raw.put(`e!${String(i).padStart(16, '0')}`, encodeEntry(normal(i, 2)))
  let s = await LevelStorage.open(store)
  t.equal(s.firstIndex(), 3)
  t.equal(s.lastIndex(), 5)
  t.same(await keys(store), ['hard', 'r!0000000000000003', 'snap'])
  await s.persist({ entries: [normal(5, 3, 'x5'), normal(6, 3)], mustSync: true })
  await store.close()
  store = await open()
  s = await LevelStorage.open(store)
  t.same(s.entries(3, 7, Infinity).map(e => e.term), [2, 2, 3, 3])
  t.same(s.hardState, { term: 2, vote: 'a', commit: 4 })

  await store.sublevel<string, Uint8Array>('raft', { valueEncoding: 'view' }).put('e!0000000000000003', encodeEntry(normal(3, 2)))
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT' }, 'both layouts at once')
})

/** The files in the storage's snapshot folder (the store's own, `raft-snapshots/raft`). */
async function snapshotFiles (dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'raft-snapshots', 'raft')).catch(() => [])).sort()
}

t.test('a snapshot\'s data is a file of its own, the record beside it small; one file is kept', async t => {
  const { dir, open } = await tempStore(t)
  let store = await open()
  let s = await LevelStorage.open(store)
  const conf = { voters: ['a'], learners: [] }
  const big = new Uint8Array(3 * 1024 * 1024).fill(0x61)
  await s.persist({ entries: [1, 2, 3].map(i => normal(i, 1)), hardState: { term: 1, vote: null, commit: 3 }, mustSync: true })
  await s.persist({ entries: [], compaction: { index: 2, term: 1, conf, data: big }, mustSync: false })
  const raw = store.sublevel<string, Uint8Array>('raft', { valueEncoding: 'view' })
  t.ok((await raw.get('snap'))!.byteLength < 100, 'the LevelDB record holds no data')
  let files = await snapshotFiles(dir)
  t.equal(files.length, 1)
  t.match(files[0], /^0000000000000002-1-[0-9a-f]{8}\.snap$/)
  t.same(await readFile(join(dir, 'raft-snapshots', 'raft', files[0]!)), Buffer.from(big), 'the file holds the data')
  t.same(Buffer.from(s.snapshot().data), Buffer.from(big), 'and memory still does, to send')

  await s.persist({ entries: [], snapshot: { index: 9, term: 3, conf, data: bytes('state@9') }, mustSync: true })
  files = await snapshotFiles(dir)
  t.equal(files.length, 1, 'the older file went once the newer was recorded')
  t.match(files[0], /^0000000000000009-3-/, 'a received snapshot is a file too')
  await store.close()
  store = await open()
  s = await LevelStorage.open(store)
  t.same(Buffer.from(s.snapshot().data).toString(), 'state@9')
  t.equal(s.firstIndex(), 10)
})

t.test('a snapshot file that is missing, short or changed is a clear error on open; a crash\'s leftovers are removed', async t => {
  const { dir, open } = await tempStore(t)
  let store = await open()
  const s = await LevelStorage.open(store)
  const conf = { voters: ['a'], learners: [] }
  await s.persist({ entries: [1, 2, 3].map(i => normal(i, 1)), hardState: { term: 1, vote: null, commit: 3 }, mustSync: true })
  await s.persist({ entries: [], compaction: { index: 3, term: 1, conf, data: bytes('state@3, whole') }, mustSync: false })
  await store.close()
  const folder = join(dir, 'raft-snapshots', 'raft')
  const [kept] = await snapshotFiles(dir)
  // What a crash between a file and its record leaves: a newer file nobody names, and a temporary one.
  await writeFile(join(folder, '0000000000000007-2-0badcafe.snap'), 'unrecorded')
  await writeFile(join(folder, '.0000000000000008-2-0badcafe.snap.tmp'), 'half')
  store = await open()
  const back = await LevelStorage.open(store)
  t.same(Buffer.from(back.snapshot().data).toString(), 'state@3, whole', 'the recorded file is read')
  t.same(await snapshotFiles(dir), [kept], 'and the others removed')
  await store.close()

  const path = join(folder, kept!)
  await writeFile(path, 'state@3, WHOLE')
  store = await open()
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT', message: new RegExp(`snapshot file .*${kept!}.* do not match`) }, 'changed bytes')
  await store.close()
  await truncate(path, 3)
  store = await open()
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT', message: /do not match/ }, 'a short file')
  await store.close()
  await rm(path)
  store = await open()
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT', message: /cannot be read/ }, 'a missing file')
  const raw = store.sublevel<string, Uint8Array>('raft', { valueEncoding: 'view' })
  await raw.put('snapfile', bytes('{"index":3}'))
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT', message: /malformed/ }, 'a malformed record')
  await raw.del('snap')
  await t.rejects(LevelStorage.open(store), { code: 'ERR_STORAGE_CORRUPT', message: /without a snapshot/ }, 'a file record alone')
})

t.test('a snapshot stored with its data in LevelDB, as before 2026-12-05, is read; the next is a file', async t => {
  const { dir, open } = await tempStore(t)
  let store = await open()
  const conf = { voters: ['a'], learners: [] }
  const raw = store.sublevel<string, Uint8Array>('raft', { valueEncoding: 'view' })
  await raw.put('snap', encodeSnapshot({ index: 4, term: 2, conf, data: bytes('state@4, old layout') }))
  await raw.put('hard', encodeHardState({ term: 2, vote: null, commit: 4 }))
  await store.close()
  store = await open()
  const s = await LevelStorage.open(store)
  t.same(Buffer.from(s.snapshot().data).toString(), 'state@4, old layout')
  t.equal(s.firstIndex(), 5)
  await s.persist({ entries: [5, 6].map(i => normal(i, 2)), hardState: { term: 2, vote: null, commit: 6 }, mustSync: true })
  await s.persist({ entries: [], compaction: { index: 6, term: 2, conf, data: bytes('state@6') }, mustSync: false })
  t.equal((await snapshotFiles(dir)).length, 1)
  await store.close()
  store = await open()
  t.same(Buffer.from((await LevelStorage.open(store)).snapshot().data).toString(), 'state@6')
})
