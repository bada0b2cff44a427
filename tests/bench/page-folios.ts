/**
 * What the size of a buffered write leaves behind in the page cache: a file
 * is filled by 1 MiB of data at a time, each MiB written in pieces of one
 * size (1 MiB down to 4 KiB), then overwritten by 4 KiB writes at a prime
 * stride, all with pwrite on this thread. The kernel gives a write a folio as
 * large as the write (ext4 from Linux 6.16), and a later small write into a
 * large folio costs more. The baseline is the fill the store used before
 * (whole 1 MiB writes), in the same run; the store now writes in 64 KiB
 * pieces (WRITE_PIECE_MAX, daemon/volumes/block/data-file.ts).
 * `npm run bench -- page-folios` (env BENCH_FOLIOS_MIB, file size, default
 * 256; BENCH_FOLIOS_WRITES, 4 KiB overwrites per fill, default 50000).
 */
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WRITE_PIECE_MAX } from '../../daemon/volumes/block/data-file.ts'

const KiB = 1024 // bytes
const MiB = 1024 * KiB // bytes
const SIZE = Number(process.env.BENCH_FOLIOS_MIB ?? 256) * MiB // bytes
const WRITES = Number(process.env.BENCH_FOLIOS_WRITES ?? 50000)
const PAGE = 4 * KiB // bytes
/** A prime number of pages: coprime with the file's size in pages, so the overwrites land on distinct pages with no locality. */
const STRIDE = 7919 * PAGE // bytes
const PIECES = [1024, 256, 64, 16, 4].map(k => k * KiB)
/** The target this bench holds the store's piece size to: small overwrites at most this many times the cost after 4 KiB fills. */
const TARGET_OVER_SMALLEST = 2

interface Row { piece: number, fillMsPerGiB: number, overwriteUs: number }

function cpuUs (): number {
  const u = process.cpuUsage()
  return u.user + u.system
}

function measure (dir: string, piece: number): Row {
  const path = join(dir, `fill-${piece}`)
  const fd = openSync(path, 'w+')
  try {
    const src = Buffer.alloc(MiB, 7)
    let c = cpuUs()
    for (let at = 0; at < SIZE; at += MiB) for (let q = 0; q < MiB; q += piece) writeSync(fd, src, q, piece, at + q)
    const fillMsPerGiB = (cpuUs() - c) / 1000 / (SIZE / MiB) * 1024
    fdatasyncSync(fd)
    const page = Buffer.alloc(PAGE, 9)
    c = cpuUs()
    for (let i = 0; i < WRITES; i++) writeSync(fd, page, 0, PAGE, (i * STRIDE) % SIZE)
    return { piece, fillMsPerGiB, overwriteUs: (cpuUs() - c) / WRITES }
  } finally {
    closeSync(fd)
    // The next fill must not find this one's pages.
    rmSync(path, { force: true })
  }
}

const dir = await mkdtemp(join(tmpdir(), 'trellis-bench-folios-'))
try {
  process.stdout.write(`file ${SIZE / MiB} MiB filled 1 MiB at a time in pieces of each size, then ${WRITES} 4 KiB overwrites at a prime stride; CPU of this process (user + system)\n\n`)
  // Two rounds, taking turns, so a change in the machine's load falls on every size alike; the lower of each is kept.
  const rows = new Map<number, Row>()
  for (let round = 0; round < 2; round++) {
    for (const piece of PIECES) {
      const r = measure(dir, piece)
      const best = rows.get(piece)
      rows.set(piece, best === undefined ? r : { piece, fillMsPerGiB: Math.min(best.fillMsPerGiB, r.fillMsPerGiB), overwriteUs: Math.min(best.overwriteUs, r.overwriteUs) })
    }
  }
  const base = rows.get(MiB)!
  process.stdout.write('| fill written in pieces of | fill, CPU ms per GiB | then a 4 KiB overwrite, CPU µs | overwrite / after 1 MiB pieces |\n| ---: | ---: | ---: | ---: |\n')
  for (const r of rows.values()) {
    process.stdout.write(`| ${r.piece / KiB} KiB${r.piece === WRITE_PIECE_MAX ? ' (the store)' : ''} | ${r.fillMsPerGiB.toFixed(0)} | ${r.overwriteUs.toFixed(1)} | ${(100 * r.overwriteUs / base.overwriteUs).toFixed(0)} % |\n`)
  }
  const store = rows.get(WRITE_PIECE_MAX)!
  const smallest = rows.get(PIECES.at(-1)!)!
  const ratio = store.overwriteUs / smallest.overwriteUs
  process.stdout.write(`\ntarget: a 4 KiB overwrite after the store's ${WRITE_PIECE_MAX / KiB} KiB pieces ≤ ${TARGET_OVER_SMALLEST}× one after 4 KiB pieces: ${ratio.toFixed(2)}×, ${ratio <= TARGET_OVER_SMALLEST ? 'met' : 'MISSED'} ` +
    `(after whole 1 MiB writes: ${(base.overwriteUs / smallest.overwriteUs).toFixed(2)}×); filling in ${WRITE_PIECE_MAX / KiB} KiB pieces costs ${(store.fillMsPerGiB - base.fillMsPerGiB).toFixed(0)} ms more CPU per GiB than in 1 MiB writes\n`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
