import t from 'tap'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { CHUNK_SIZE } from '../../../daemon/images/index.ts'
import type { BundleLimits } from '../../../daemon/images/index.ts'
import {
  filesUnder, manifestYaml, newStore, sampleTree, streamOf, tarOf, tempDir, writeTree, type TarEntry
} from './helpers.ts'

const manifest: TarEntry = { header: { name: 'manifest.yaml', mode: 0o644 }, body: manifestYaml() }
const run: TarEntry = { header: { name: 'bin/run', mode: 0o755 }, body: '#!/bin/sh\necho hello\n' }

async function exported (store: Awaited<ReturnType<typeof newStore>>, digest: string): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const b of store.export(digest)) parts.push(b as Buffer)
  return Buffer.concat(parts)
}

t.test('the same content always has the same digest', async t => {
  const store = await newStore(t)
  const a = await store.importTar(streamOf(await tarOf([manifest, run, { header: { name: 'lib/x', mode: 0o600 }, body: 'x' }])))
  // Other order, owners, times and modes; "./" prefixes; parents listed explicitly; a 0700 executable.
  const b = await store.importTar(streamOf(await tarOf([
    { header: { name: './lib/', type: 'directory', mode: 0o700, uid: 1000, gid: 1000, uname: 'alice', gname: 'staff' } },
    { header: { name: './lib/x', mode: 0o640, uid: 1000, mtime: new Date(1_700_000_000_000) }, body: 'x' },
    { header: { name: './bin/', type: 'directory', mode: 0o750 } },
    { header: { name: './bin/run', mode: 0o700, uname: 'root' }, body: '#!/bin/sh\necho hello\n' },
    { header: { name: './manifest.yaml', mode: 0o664, mtime: new Date() }, body: manifestYaml() }
  ])))
  t.equal(b.digest, a.digest, 'order, owner, time and permission bits beyond +x do not count')
  const changed = await store.importTar(streamOf(await tarOf([manifest, run, { header: { name: 'lib/x' }, body: 'y' }])))
  t.not(changed.digest, a.digest, 'content counts')
  const notExec = await store.importTar(streamOf(await tarOf([manifest, { ...run, header: { name: 'bin/run', mode: 0o644 } }, { header: { name: 'lib/x' }, body: 'x' }])))
  t.not(notExec.digest, a.digest, 'the execute bit counts')
})

t.test('a directory and a tar of it made by GNU tar import to one digest, and export is the canonical tar', async t => {
  const dir = await tempDir(t)
  const src = await writeTree(join(dir, 'src'), sampleTree(9 * 1024 * 1024 + 123))
  execFileSync('tar', ['-cf', join(dir, 'b.tar'), '--owner=nobody', '--mtime=2001-01-01', '-C', src, '.'])
  const store = await newStore(t)
  const fromDir = await store.importDirectory(src)
  const fromTar = await store.importTar(Readable.from([await readFile(join(dir, 'b.tar'))], { objectMode: false }))
  t.equal(fromTar.digest, fromDir.digest)
  t.equal(fromDir.name, 'app')
  t.equal(fromDir.version, '1.0.0')
  t.equal(fromDir.manifest.start.command[0], './bin/run', 'the manifest is parsed')
  t.equal(fromDir.manifest.dir, '', 'no node-local dir in the record')
  t.equal(fromDir.manifestText, manifestYaml())

  const bytes = await exported(store, fromDir.digest)
  t.equal(bytes.length, fromDir.size)
  t.equal(`sha256:${createHash('sha256').update(bytes).digest('hex')}`, fromDir.digest, 'the digest is the sha256 of the exported tar')
  t.equal(fromDir.chunkSize, CHUNK_SIZE)
  t.equal(fromDir.chunks.length, Math.ceil(bytes.length / CHUNK_SIZE))
  fromDir.chunks.forEach((hash, i) => {
    const chunk = bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)
    t.equal(createHash('sha256').update(chunk).digest('hex'), hash, `chunk ${i} is the sha256 of its slice`)
  })
  const again = await store.importTar(streamOf(bytes, 65536))
  t.equal(again.digest, fromDir.digest, 're-importing an export changes nothing')
  const listing = execFileSync('tar', ['-tvf', '-'], { input: bytes }).toString()
  t.match(listing, /-rwxr-xr-x 0\/0 +\d+ 1970-01-01 00:00 bin\/run/)
  t.match(listing, /lrwxrwxrwx 0\/0 +0 1970-01-01 00:00 run -> bin\/run/)
})

t.test('the canonical bytes are pinned: a tar library upgrade that changes them fails here', async t => {
  const store = await newStore(t)
  const r = await store.importTar(streamOf(await tarOf([manifest, run, { header: { name: 'run', type: 'symlink', linkname: 'bin/run' } }])))
  t.equal(r.digest, 'sha256:517b69343233c5760258d2fd1dda92b2ff463fe018684abd84a1816e18b1b675')
  t.equal(r.size, 4096)
})

t.test('long and non-ASCII names, hard links and empty directories survive import and unpack', async t => {
  const long = `${'deep/'.repeat(30)}file-with-a-long-name.txt`
  const store = await newStore(t)
  const r = await store.importTar(streamOf(await tarOf([
    manifest,
    { header: { name: long }, body: 'far down' },
    { header: { name: 'données/ünïcode ✓.txt' }, body: 'utf-8' },
    { header: { name: 'empty', type: 'directory' } },
    { header: { name: 'hard', type: 'link', linkname: 'données/ünïcode ✓.txt' } }
  ])))
  const dir = await store.unpack(r.digest)
  t.equal(await readFile(join(dir, long), 'utf8'), 'far down')
  t.equal(await readFile(join(dir, 'données/ünïcode ✓.txt'), 'utf8'), 'utf-8')
  t.equal(await readFile(join(dir, 'hard'), 'utf8'), 'utf-8', 'a hard link becomes a file with the same bytes')
  t.same(await filesUnder(join(dir, 'empty')), [])
})

interface BadCase {
  name: string
  entries?: TarEntry[]
  bytes?: () => Promise<Buffer>
  limits?: BundleLimits
  code: string
  entry?: string
}

const bad: BadCase[] = [
  { name: 'an absolute path', entries: [manifest, { header: { name: '/etc/cron.d/x' }, body: 'x' }], code: 'ERR_BUNDLE_UNSAFE_PATH', entry: '/etc/cron.d/x' },
  { name: 'a path climbing out', entries: [manifest, { header: { name: 'a/../../x' }, body: 'x' }], code: 'ERR_BUNDLE_UNSAFE_PATH', entry: 'a/../../x' },
  { name: 'a leading ..', entries: [manifest, { header: { name: '../x' }, body: 'x' }], code: 'ERR_BUNDLE_UNSAFE_PATH', entry: '../x' },
  { name: 'an absolute symlink', entries: [manifest, { header: { name: 'etc', type: 'symlink', linkname: '/etc' } }], code: 'ERR_BUNDLE_SYMLINK_ESCAPE', entry: 'etc' },
  { name: 'a symlink climbing out', entries: [manifest, { header: { name: 'a/up', type: 'symlink', linkname: '../../x' } }], code: 'ERR_BUNDLE_SYMLINK_ESCAPE', entry: 'a/up' },
  {
    name: 'a symlink escaping through another symlink',
    entries: [manifest, { header: { name: 'r', type: 'symlink', linkname: '.' } }, { header: { name: 'esc', type: 'symlink', linkname: 'r/..' } }],
    code: 'ERR_BUNDLE_SYMLINK_ESCAPE',
    entry: 'esc'
  },
  {
    name: 'a file written through a symlink',
    entries: [manifest, { header: { name: 'l', type: 'symlink', linkname: 'lib' } }, { header: { name: 'l/x' }, body: 'x' }],
    code: 'ERR_BUNDLE_PATH_CONFLICT',
    entry: 'l/x'
  },
  { name: 'a character device', entries: [manifest, { header: { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3 } }], code: 'ERR_BUNDLE_ENTRY_TYPE', entry: 'dev/null' },
  { name: 'a block device', entries: [manifest, { header: { name: 'sda', type: 'block-device', devmajor: 8 } }], code: 'ERR_BUNDLE_ENTRY_TYPE', entry: 'sda' },
  { name: 'a fifo', entries: [manifest, { header: { name: 'pipe', type: 'fifo' } }], code: 'ERR_BUNDLE_ENTRY_TYPE', entry: 'pipe' },
  { name: 'a path twice', entries: [manifest, { header: { name: 'a' }, body: '1' }, { header: { name: './a' }, body: '2' }], code: 'ERR_BUNDLE_PATH_CONFLICT', entry: 'a' },
  { name: 'a file below a file', entries: [manifest, { header: { name: 'a' }, body: '1' }, { header: { name: 'a/b' }, body: '2' }], code: 'ERR_BUNDLE_PATH_CONFLICT', entry: 'a/b' },
  { name: 'a hard link to nothing', entries: [manifest, { header: { name: 'h', type: 'link', linkname: 'missing' } }], code: 'ERR_BUNDLE_LINK', entry: 'h' },
  { name: 'a hard link outside', entries: [manifest, { header: { name: 'h', type: 'link', linkname: '../etc/shadow' } }], code: 'ERR_BUNDLE_LINK', entry: 'h' },
  { name: 'no manifest', entries: [run], code: 'ERR_BUNDLE_MANIFEST', entry: 'manifest.yaml' },
  { name: 'a manifest that does not pass', entries: [{ header: { name: 'manifest.yaml' }, body: 'name: x\nresources: 12\n' }], code: 'ERR_BUNDLE_MANIFEST', entry: 'manifest.yaml' },
  { name: 'a manifest that is a directory', entries: [{ header: { name: 'manifest.yaml', type: 'directory' } }], code: 'ERR_BUNDLE_MANIFEST', entry: 'manifest.yaml' },
  { name: 'a manifest that is not UTF-8', entries: [{ header: { name: 'manifest.yaml' }, body: Buffer.from([0x6e, 0x3a, 0xff, 0xfe]) }], code: 'ERR_BUNDLE_MANIFEST', entry: 'manifest.yaml' },
  { name: 'too many entries', entries: [manifest, run, { header: { name: 'c' }, body: 'c' }], limits: { maxEntries: 3 }, code: 'ERR_BUNDLE_TOO_LARGE', entry: 'c' },
  { name: 'too many bytes', entries: [manifest, { header: { name: 'big' }, body: Buffer.alloc(4096) }], limits: { maxBytes: 1024 }, code: 'ERR_BUNDLE_TOO_LARGE', entry: 'big' },
  { name: 'a manifest over its limit', entries: [manifest], limits: { maxManifestBytes: 16 }, code: 'ERR_BUNDLE_TOO_LARGE', entry: 'manifest.yaml' },
  { name: 'bytes that are not a tar', bytes: async () => Buffer.from('x'.repeat(2048)), code: 'ERR_BUNDLE_TAR', entry: '' },
  { name: 'an empty stream', bytes: async () => Buffer.alloc(0), code: 'ERR_BUNDLE_TAR', entry: '' },
  { name: 'a gzip archive', bytes: async () => Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), code: 'ERR_BUNDLE_TAR', entry: '' },
  {
    name: 'an archive cut inside a file',
    bytes: async () => (await tarOf([manifest, { header: { name: 'big' }, body: Buffer.alloc(10_000, 1) }])).subarray(0, 3000),
    code: 'ERR_BUNDLE_TAR',
    entry: ''
  },
  {
    name: 'an archive cut between entries',
    bytes: async () => { const b = await tarOf([manifest, run]); return b.subarray(0, b.length - 1024) },
    code: 'ERR_BUNDLE_TAR',
    entry: ''
  }
]

for (const c of bad) {
  t.test(`refused, leaving nothing behind: ${c.name}`, async t => {
    const store = await newStore(t)
    const bytes = c.bytes !== undefined ? await c.bytes() : await tarOf(c.entries ?? [])
    const err = await store.importTar(streamOf(bytes, 1000), c.limits).then(() => undefined, (e: unknown) => e as { code?: string, entry?: string })
    t.ok(err !== undefined, 'the import is refused')
    t.equal(err?.code, c.code)
    if (c.entry !== undefined) t.equal(err?.entry, c.entry, 'the error names the entry')
    t.same(await filesUnder(store.root), [], 'no chunk, record or spool is left')
    t.same(store.list(), [])
  })
}

t.test('a stream that fails midway is refused and leaves nothing', async t => {
  const store = await newStore(t)
  const bytes = await tarOf([manifest, { header: { name: 'big' }, body: Buffer.alloc(100_000, 2) }])
  const source = new Readable({ read () {} })
  source.push(bytes.subarray(0, 20_000))
  setImmediate(() => source.destroy(new Error('client went away')))
  await t.rejects(store.importTar(source), { code: 'ERR_BUNDLE_TAR' })
  t.same(await filesUnder(store.root), [])
})

t.test('a directory import refuses what a tar import refuses', async t => {
  const dir = await tempDir(t)
  const store = await newStore(t)
  const escape = await writeTree(join(dir, 'escape'), { 'manifest.yaml': manifestYaml(), 'x': { link: '../../etc/passwd' } })
  await t.rejects(store.importDirectory(escape), { code: 'ERR_BUNDLE_SYMLINK_ESCAPE', entry: 'x' })
  const fifo = await writeTree(join(dir, 'fifo'), { 'manifest.yaml': manifestYaml() })
  execFileSync('mkfifo', [join(fifo, 'pipe')])
  await t.rejects(store.importDirectory(fifo), { code: 'ERR_BUNDLE_ENTRY_TYPE', entry: 'pipe' })
  const noManifest = await writeTree(join(dir, 'none'), { 'x.txt': 'x' })
  await t.rejects(store.importDirectory(noManifest), { code: 'ERR_BUNDLE_MANIFEST' })
  t.equal(await readlink(join(escape, 'x')), '../../etc/passwd', 'the source is left as it was')
  t.same(await filesUnder(store.root), [])
})
