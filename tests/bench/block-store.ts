/**
 * The replica store alone: a SparseFileStore in this process, no NBD, no
 * network, beside a bare write + fdatasync on the same disk; once per
 * checksum block size. Isolates what the store's own write path costs from
 * what the replication protocol and libp2p add (the `volumes` bench has
 * both). `npm run bench -- block-store` (env BENCH_STORE_SIZE_MIB, default
 * 256; BENCH_STORE_RAND_OPS, 20000; BENCH_STORE_QD1_OPS, 1000;
 * BENCH_STORE_BLOCKS_KIB, the block sizes to compare, default "64,4").
 *
 * For each block size: sequential 1 MiB writes at QD8 then a flush; 4 KiB
 * writes at QD32 at a prime stride (every one a distinct page, no locality);
 * QD1 4 KiB overwrites with FUA; the checksums of the whole volume as a
 * rebuild compares them; a reopen after a crash with every extent of the
 * volume marked in the activity log (the worst recovery); the table's size.
 */
import { mkdtemp, open, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BLOCK_STORE_FILES, openSparseFileStore, type SparseFileStore } from '../../daemon/volumes/block/index.ts'
import { quantile } from './stats.ts'

const KiB = 1024 // bytes
const MiB = 1024 * KiB // bytes
const SIZE = knob('BENCH_STORE_SIZE_MIB', 256) * MiB // bytes
const SEQ_BLOCK = 1 * MiB // bytes
const SEQ_DEPTH = 8
const RAND_OPS = knob('BENCH_STORE_RAND_OPS', 20000)
const RAND_DEPTH = 32
const RAND_STRIDE = 7919 * 4096 // bytes: a prime number of pages, coprime with any power-of-two volume
const QD1_OPS = knob('BENCH_STORE_QD1_OPS', 1000)
const BLOCKS_KIB = (process.env.BENCH_STORE_BLOCKS_KIB ?? '64,4').split(',').map(Number)
const g = { generation: 1 }

function knob (name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${process.env[name]}`)
  return value
}

/** Runs `ops` calls of `op(i)` with at most `depth` in flight; resolves with seconds taken. */
async function atDepth (ops: number, depth: number, op: (i: number) => Promise<void>): Promise<number> {
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: depth }, async () => { while (next < ops) await op(next++) }))
  return (performance.now() - t0) / 1000
}

/** ms of each 4 KiB pwrite + fdatasync on a file of its own, over allocated blocks. */
async function bareSync (root: string): Promise<number[]> {
  const fh = await open(join(root, 'bare'), 'w')
  try {
    await fh.write(Buffer.alloc(64 * 4096, 7), 0, 64 * 4096, 0)
    await fh.datasync()
    const out: number[] = []
    const page = Buffer.alloc(4096, 9)
    for (let i = 0; i < QD1_OPS; i++) {
      const t0 = performance.now()
      await fh.write(page, 0, 4096, (i % 64) * 4096)
      await fh.datasync()
      out.push(performance.now() - t0)
    }
    return out
  } finally {
    await fh.close()
  }
}

async function measure (root: string, blockSize: number): Promise<string> {
  const dir = join(root, `store-${blockSize}`)
  let store: SparseFileStore = await openSparseFileStore({}, { dir, size: SIZE, blockSize })
  const seqData = Buffer.alloc(SEQ_BLOCK, 0x5a)
  const seqS = await atDepth(SIZE / SEQ_BLOCK, SEQ_DEPTH, async i => { await store.write(i * SEQ_BLOCK, seqData, g) }) +
    await atDepth(1, 1, async () => { await store.flush() })
  const page = Buffer.alloc(4096, 0xa5)
  const randS = await atDepth(RAND_OPS, RAND_DEPTH, async i => { await store.write((i * RAND_STRIDE) % SIZE, page, g) })
  await store.flush()
  const randReadS = await atDepth(RAND_OPS, RAND_DEPTH, async i => { await store.read((i * RAND_STRIDE) % SIZE, 4096) })
  const bare = await bareSync(root)
  const qd1: number[] = []
  const syncsBefore = store.stats().fdatasyncs
  for (let i = 0; i < QD1_OPS; i++) {
    const t0 = performance.now()
    await store.write(((i * 7919) % (SIZE / 4096)) * 4096, page, { ...g, fua: true })
    qd1.push(performance.now() - t0)
  }
  const syncsPerFua = (store.stats().fdatasyncs - syncsBefore) / QD1_OPS
  const t0 = performance.now()
  const sums = await store.checksums(0, SIZE)
  const compareMs = performance.now() - t0
  // The worst crash: every extent marked, as after writes everywhere and no flush.
  await store.close()
  const al = await open(join(dir, BLOCK_STORE_FILES.activity), 'r+')
  await al.write(Buffer.alloc((await al.stat()).size, 0xff), 0)
  await al.close()
  const r0 = performance.now()
  store = await openSparseFileStore({}, { dir, size: SIZE })
  const recoverMs = performance.now() - r0
  await store.close()
  const table = (await stat(join(dir, BLOCK_STORE_FILES.table))).size
  await rm(dir, { recursive: true, force: true })
  const us = (v: number[], q: number): string => (quantile(v, q) * 1000).toFixed(0)
  return `| ${blockSize / KiB} KiB | ${(SIZE / 1e6 / seqS).toFixed(0)} | ${(RAND_OPS / randS).toFixed(0)} | ${(RAND_OPS / randReadS).toFixed(0)} | ` +
    `${us(qd1, 0.5)} | ${us(qd1, 0.99)} | ${us(bare, 0.5)} | +${((quantile(qd1, 0.5) - quantile(bare, 0.5)) * 1000).toFixed(0)} | ${syncsPerFua.toFixed(2)} | ` +
    `${sums.crcs.length} in ${compareMs.toFixed(1)} ms | ${recoverMs.toFixed(0)} ms | ${(table / KiB).toFixed(0)} KiB |\n`
}

const root = await mkdtemp(join(tmpdir(), 'trellis-bench-store-'))
try {
  process.stdout.write(`volume ${SIZE / MiB} MiB under ${root}; sequential ${SEQ_BLOCK / MiB} MiB × QD${SEQ_DEPTH} + flush; 4 KiB × ${RAND_OPS} at QD${RAND_DEPTH} at a prime stride; ` +
    `QD1 4 KiB FUA overwrites × ${QD1_OPS}\n\n`)
  process.stdout.write('| checksum block | seq write MB/s | 4K rand write IOPS | 4K rand read IOPS | QD1 FUA p50 µs | p99 µs | write+fdatasync p50 µs | FUA over fdatasync µs | fdatasyncs per FUA | checksums of the volume | recovery, all extents marked | table file |\n')
  process.stdout.write('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n')
  for (const kib of BLOCKS_KIB) process.stdout.write(await measure(root, kib * KiB))
} finally {
  await rm(root, { recursive: true, force: true })
}
