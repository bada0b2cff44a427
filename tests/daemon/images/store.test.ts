import t from 'tap'
import type { Test } from 'tap'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmod, lstat, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CHUNK_SIZE, formatDigest, openBlobStore, type BlobStore } from '../../../daemon/images/index.ts'
import { filesUnder, logger, manifestYaml, newStore, pseudoRandom, sampleTree, tempDir, writeTree } from './helpers.ts'

async function exported (store: BlobStore, digest: string): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const b of store.export(digest)) parts.push(b as Buffer)
  return Buffer.concat(parts)
}

/** A store holding one imported bundle of about `bytes` bytes. */
async function holder (t: Test, bytes = 10 * 1024 * 1024): Promise<{ store: BlobStore, digest: string }> {
  const dir = await tempDir(t)
  const store = await newStore(t, join(dir, 'store'))
  const record = await store.importDirectory(await writeTree(join(dir, 'src'), sampleTree(bytes)))
  return { store, digest: record.digest }
}

t.test('a partial blob resumes across a reopen: only the missing chunks are left to fetch', async t => {
  const { store: source, digest } = await holder(t)
  const d = source.descriptor(digest)
  if (d === undefined) throw new Error('no descriptor')
  t.equal(d.chunks.length, 3)
  const root = join(await tempDir(t), 'store')
  const first = await openBlobStore({ logger }, { root })
  await first.begin(d, { name: 'app', version: '1.0.0' })
  t.same(first.missing(digest), [0, 1, 2])
  t.equal(await first.writeChunk(digest, 0, await source.readChunk(digest, 0)), true)
  t.equal(await first.writeChunk(digest, 0, await source.readChunk(digest, 0)), false, 'a chunk held already is not written again')
  t.equal(await first.writeChunk(digest, 2, await source.readChunk(digest, 2)), true)

  const again = await openBlobStore({ logger }, { root })
  t.same(again.missing(digest), [1], 'the held chunks survived the restart')
  t.equal(again.has(digest), false)
  t.match(again.info(digest), { complete: false, chunks: 3, chunksHeld: 2, image: { name: 'app', version: '1.0.0' } })
  t.throws(() => again.export(digest), { code: 'ERR_BLOB_INCOMPLETE' })
  await t.rejects(again.complete(digest), { code: 'ERR_BLOB_INCOMPLETE' })
  await again.writeChunk(digest, 1, await source.readChunk(digest, 1))
  await again.complete(digest)
  t.equal(again.has(digest), true)
  t.same(await exported(again, digest), await exported(source, digest))
  t.equal((await openBlobStore({ logger }, { root })).has(digest), true, 'complete survives a restart too')
})

t.test('wrong bytes are refused and nothing of them is stored', async t => {
  const { store: source, digest } = await holder(t)
  const d = source.descriptor(digest)
  if (d === undefined) throw new Error('no descriptor')
  const store = await newStore(t)
  await t.rejects(store.writeChunk(digest, 0, Buffer.alloc(1)), { code: 'ERR_UNKNOWN_BLOB' })
  await store.begin(d)
  const good = await source.readChunk(digest, 0)
  const flipped = Buffer.from(good)
  flipped[100] = (flipped[100] ?? 0) ^ 1
  await t.rejects(store.writeChunk(digest, 0, flipped), { code: 'ERR_CHUNK_MISMATCH' })
  await t.rejects(store.writeChunk(digest, 0, good.subarray(1)), { code: 'ERR_CHUNK_MISMATCH' })
  await t.rejects(store.writeChunk(digest, 1, good), { code: 'ERR_CHUNK_MISMATCH' }, 'a good chunk in the wrong place')
  await t.rejects(store.writeChunk(digest, 7, good), { code: 'ERR_CHUNK_MISMATCH' })
  t.same(await filesUnder(join(store.root, 'chunks')), [])
  t.same(await filesUnder(join(store.root, 'tmp')), [], 'no temporary file either')
})

t.test('descriptors are checked', async t => {
  const { store: source, digest } = await holder(t, 0)
  const d = source.descriptor(digest)
  if (d === undefined) throw new Error('no descriptor')
  const store = await newStore(t)
  for (const bad of [
    { ...d, digest: 'md5:abc' },
    { ...d, digest: d.digest.toUpperCase() },
    { ...d, size: -1 },
    { ...d, chunkSize: 1024 },
    { ...d, chunks: [] },
    { ...d, chunks: ['nothex'] }
  ]) await t.rejects(store.begin(bad), { code: 'ERR_INVALID_DESCRIPTOR' })
  await store.begin(d)
  await t.rejects(store.begin({ ...d, size: d.size + 1, chunks: d.chunks }), { code: 'ERR_INVALID_DESCRIPTOR' }, 'a descriptor that disagrees with the one held')
  t.same(store.list().map(b => b.digest), [digest])
})

t.test('chunks that do not make up the digest are caught when the blob completes', async t => {
  const { store: source, digest } = await holder(t, 0)
  const d = source.descriptor(digest)
  if (d === undefined) throw new Error('no descriptor')
  const store = await newStore(t)
  const lie = { ...d, digest: formatDigest(createHash('sha256').update('something else').digest('hex')) }
  await store.begin(lie)
  await store.writeChunk(lie.digest, 0, await source.readChunk(digest, 0))
  await t.rejects(store.complete(lie.digest), { code: 'ERR_DIGEST_MISMATCH' })
  t.same(store.list(), [], 'the inconsistent blob is dropped')
  t.same(await filesUnder(join(store.root, 'chunks')), [])
})

t.test('a chunk the disk changed is caught on read, removed, and the blob is incomplete again', async t => {
  const { store, digest } = await holder(t)
  const d = store.descriptor(digest)
  if (d === undefined) throw new Error('no descriptor')
  const file = join(store.root, 'chunks', (d.chunks[1] as string).slice(0, 2), d.chunks[1] as string)
  const bytes = await readFile(file)
  bytes[5] = (bytes[5] ?? 0) ^ 0xff
  await writeFile(file, bytes)
  await t.rejects(store.readChunk(digest, 1), { code: 'ERR_MISSING_CHUNK' })
  t.equal(store.has(digest), false)
  t.same(store.missing(digest), [1])
  t.equal((await openBlobStore({ logger }, { root: store.root })).has(digest), false, 'incomplete is recorded')
})

t.test('opening clears what a crash left: temporary files, unpack leftovers and chunks no record uses', async t => {
  const { store, digest } = await holder(t, 0)
  const orphan = 'ab'.repeat(32)
  await mkdir(join(store.root, 'chunks', 'ab'), { recursive: true })
  await writeFile(join(store.root, 'chunks', 'ab', orphan), 'half an import')
  await writeFile(join(store.root, 'tmp', '0123.tmp'), 'a write cut short')
  await mkdir(join(store.unpackRoot, '.x.1234.unpacking'), { recursive: true })
  await writeFile(join(store.root, 'blobs', `${'cd'.repeat(32)}.json`), '{ not json')
  const again = await openBlobStore({ logger }, { root: store.root })
  t.same(await filesUnder(join(store.root, 'tmp')), [])
  t.notOk((await filesUnder(join(store.root, 'chunks'))).some(f => f.endsWith(orphan)), 'the orphan chunk is gone')
  t.same(await readdir(store.unpackRoot), [])
  t.same(again.list().map(b => b.digest), [digest], 'an unreadable record is passed over, the good one kept')
  t.equal(again.has(digest), true)
})

t.test('unpack makes a read-only tree any user can read and run from', async t => {
  const dir = await tempDir(t)
  // A temp dir is 0700; what holds the unpack root must let others through, as the daemon's unpack root must.
  await chmod(dir, 0o755)
  const store = await openBlobStore({ logger }, { root: join(dir, 'store'), unpackRoot: join(dir, 'images') })
  const r = await store.importDirectory(await writeTree(join(dir, 'src'), sampleTree()))
  const [out, same] = await Promise.all([store.unpack(r.digest), store.unpack(r.digest)])
  t.equal(out, same)
  t.equal(out, join(dir, 'images', r.digest.slice('sha256:'.length)))
  const mode = async (p: string): Promise<number> => (await lstat(join(out, p))).mode & 0o7777
  t.equal(await mode('.'), 0o755)
  t.equal(await mode('bin'), 0o755)
  t.equal(await mode('bin/run'), 0o755)
  t.equal(await mode('manifest.yaml'), 0o644)
  t.equal(await mode('lib/data.txt'), 0o644)
  t.equal((await stat(join(out, 'bin/run'))).uid, 0, 'root-owned')
  const asNobody = (...argv: string[]): ReturnType<typeof spawnSync> => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...argv])
  t.equal(asNobody('cat', join(out, 'lib/data.txt')).stdout.toString(), 'some data\n', 'an unprivileged user reads it')
  t.equal(asNobody(join(out, 'run')).stdout.toString(), 'hello\n', 'and runs it, through the symlink')
  t.not(asNobody('touch', join(out, 'lib/new')).status, 0, 'but cannot write there')
  t.same(await filesUnder(out), ['bin/run', 'lib/data.txt', 'manifest.yaml', 'run'])
})

t.test('export and unpack refuse what the store cannot give whole', async t => {
  const store = await newStore(t)
  const unknown = formatDigest('00'.repeat(32))
  t.throws(() => store.export(unknown), { code: 'ERR_UNKNOWN_BLOB' })
  await t.rejects(store.unpack(unknown), { code: 'ERR_UNKNOWN_BLOB' })
  t.equal(await store.delete(unknown), false)
})

t.test('delete removes what only that blob used and keeps what another shares', async t => {
  const dir = await tempDir(t)
  const store = await newStore(t)
  // "a.img" sorts first, so both canonical tars begin with the same 4 MiB.
  const shared = pseudoRandom(6 * 1024 * 1024, 'shared')
  const one = await store.importDirectory(await writeTree(join(dir, 'one'), { 'a.img': shared, 'manifest.yaml': manifestYaml('one') }))
  const two = await store.importDirectory(await writeTree(join(dir, 'two'), { 'a.img': shared, 'manifest.yaml': manifestYaml('two') }))
  t.equal(one.chunks[0], two.chunks[0], 'the first chunk is shared')
  t.not(one.chunks[1], two.chunks[1])
  const before = (await filesUnder(join(store.root, 'chunks'))).length
  t.equal(before, 3, 'the shared chunk is stored once')
  await store.unpack(one.digest)
  t.equal(await store.delete(one.digest), true)
  const left = await filesUnder(join(store.root, 'chunks'))
  t.same(left.map(f => f.split('/').pop()).sort(), [...two.chunks].sort())
  t.equal(store.has(two.digest), true)
  t.equal((await exported(store, two.digest)).length, two.size)
  t.same(await readdir(store.unpackRoot), [], 'the unpacked copy went too')
  t.same(store.list().map(b => b.image?.name), ['two'])
  t.equal(CHUNK_SIZE, 4 * 1024 * 1024)
})
