/**
 * Real NBD clients against our server: qemu-io, qemu-img, nbdcopy, nbdinfo.
 * Skipped with a reason when the Debian packages are absent
 * (qemu-utils, libnbd-bin; tests/setup.ts installs them).
 */
import t from 'tap'
import { createHash, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BlockStore } from '../../../../daemon/volumes/block/index.ts'
import { MiB, attempt, needs, run, serve } from './helpers.ts'

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

t.test('qemu-io writes patterns that read back, over TCP and a Unix socket', { skip: needs('qemu-io') }, async t => {
  const { uri, socketPath } = await serve(t)
  const out = await run(t, 'qemu-io', ['-f', 'raw',
    '-c', 'write -P 0xab 0 1M',
    '-c', 'write -P 0xcd 1000448 4096',
    '-c', 'write -P 0x11 33554432 512',
    '-c', 'write -P 0x22 67108352 512',
    uri])
  t.match(out, /wrote 512\/512 bytes at offset 67108352/)
  const check = await run(t, 'qemu-io', ['-f', 'raw', '-r',
    '-c', 'read -P 0xab 0 1000448',
    '-c', 'read -P 0xcd 1000448 4096',
    '-c', 'read -P 0xab 1004544 44032',
    '-c', 'read -P 0x11 33554432 512',
    '-c', 'read -P 0 33554944 512',
    '-c', 'read -P 0x22 67108352 512',
    `nbd+unix:///vol?socket=${socketPath}`])
  t.notMatch(check, /Pattern verification failed|failed/, check)
  t.equal(check.match(/^read /gm)?.length, 6, 'every read verified')
})

t.test('nbdcopy copies a random 64 MiB image in and out unchanged', { skip: needs('nbdcopy') }, async t => {
  const { uri, dir, server } = await serve(t)
  const src = join(dir, 'in.img')
  const dst = join(dir, 'out.img')
  const data = randomBytes(64 * MiB)
  await writeFile(src, data)
  await run(t, 'nbdcopy', [src, uri])
  // Its writes (256 KiB, many in flight) arrive in pieces: joined into pooled buffers, used again once written.
  const { payloadsPooled, payloadsReused } = server.stats()
  t.ok(payloadsPooled > 100 && payloadsReused > 100, `payload buffers pooled (${payloadsPooled}) and reused (${payloadsReused})`)
  await run(t, 'nbdcopy', [uri, dst])
  // Its reads are read into pooled buffers, each used again once its reply left: one given back too early would corrupt the copy.
  t.equal(sha(await readFile(dst)), sha(data))
  const after = server.stats()
  t.ok(after.payloadsPooled - payloadsPooled > 100 && after.payloadsReused - payloadsReused > 100,
    `read buffers pooled (${after.payloadsPooled - payloadsPooled}) and reused (${after.payloadsReused - payloadsReused})`)
})

t.test('nbdinfo lists the export with its size and block sizes; qemu-img info reads it', { skip: needs('nbdinfo', 'qemu-img') }, async t => {
  const { uri, port } = await serve(t, { exp: { description: 'a trellis volume' } })
  const info = JSON.parse(await run(t, 'nbdinfo', ['--json', uri])) as { exports: Array<Record<string, unknown>> }
  t.match(info.exports[0], {
    'export-name': 'vol',
    description: 'a trellis volume',
    'export-size': 64 * MiB,
    is_read_only: false,
    can_flush: true,
    can_fua: true,
    can_trim: true,
    can_zero: true,
    can_multi_conn: true,
    block_size_minimum: 512,
    block_size_preferred: 4096,
    block_size_maximum: 32 * MiB
  })
  const list = await run(t, 'nbdinfo', ['--list', `nbd://127.0.0.1:${port}`])
  t.match(list, /export="vol"/)
  const img = JSON.parse(await run(t, 'qemu-img', ['info', '--output=json', uri])) as Record<string, unknown>
  t.match(img, { format: 'raw', 'virtual-size': 64 * MiB })
})

t.test('trim and write-zeroes through qemu-io read back zeroes', { skip: needs('qemu-io') }, async t => {
  const { uri } = await serve(t)
  await run(t, 'qemu-io', ['-f', 'raw', '-c', 'write -P 0x77 0 4M', uri])
  const out = await run(t, 'qemu-io', ['-f', 'raw',
    '-c', 'discard 0 128k',
    '-c', 'write -z 1M 64k',
    '-c', 'write -z 2M 4096',
    '-c', 'read -P 0 0 128k',
    '-c', 'read -P 0x77 128k 896k',
    '-c', 'read -P 0 1M 64k',
    '-c', 'read -P 0 2M 4096',
    '-c', 'read -P 0x77 2101248 4096',
    uri])
  t.notMatch(out, /failed/, out)
  t.equal(out.match(/^read /gm)?.length, 5)
})

t.test('FUA and flush from a client reach fdatasync', { skip: needs('qemu-io') }, async t => {
  const calls = { fua: 0, flush: 0 }
  const wrap = (s: BlockStore): BlockStore => Object.assign(Object.create(s) as BlockStore, {
    write: async (o: number, d: Uint8Array, opts: { generation: number, fua?: boolean }) => { if (opts.fua === true) calls.fua++; await s.write(o, d, opts) },
    flush: async () => { calls.flush++; await s.flush() }
  })
  const { uri, store } = await serve(t, { wrap })
  const before = store.stats().fdatasyncs
  await run(t, 'qemu-io', ['-f', 'raw', '-c', 'write -f -P 1 0 4096', '-c', 'write -f -P 2 8192 4096', uri])
  t.equal(calls.fua, 2, 'both FUA writes reached the store with fua set')
  const afterFua = store.stats().fdatasyncs
  t.ok(afterFua - before >= 4, `each FUA write synced data and checksums (${afterFua - before} fdatasyncs)`)
  await run(t, 'qemu-io', ['-f', 'raw', '-c', 'write -P 3 16384 4096', '-c', 'flush', uri])
  t.ok(calls.flush >= 1, 'the flush reached the store')
  t.ok(store.stats().fdatasyncs - afterFua >= 2, 'and synced both files')
})

t.test('a read-only export refuses writes', { skip: needs('qemu-io') }, async t => {
  const { uri } = await serve(t, { exp: { readOnly: true } })
  const r = await attempt('qemu-io', ['-f', 'raw', '-c', 'write -P 1 0 4096', uri])
  t.not(r.status === 0 && !/failed|read-only|Permission|denied/i.test(r.stdout + r.stderr), true, r.stdout + r.stderr)
  const ok = await run(t, 'qemu-io', ['-f', 'raw', '-r', '-c', 'read -P 0 0 4096', uri])
  t.notMatch(ok, /failed/)
})
