/**
 * NBD volume throughput, IOPS and FUA latency: our NbdServer over a local
 * SparseFileStore, beside `nbdkit file` on the same disk, in the same run,
 * driven by the same small node:net client (tests/daemon/volumes/nbd/client.ts).
 * Each server runs in its own process so that neither shares the client's
 * event loop. `npm run bench -- nbd`
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectNbd, type NbdClient, type Target } from '../daemon/volumes/nbd/client.ts'
import { nbdProtocol as C } from '../../daemon/volumes/nbd/index.ts'
import { startNbdkitFile } from './nbdkit.ts'
import { quantile, summary } from './stats.ts'

const MiB = 1024 * 1024 // bytes
const SIZE = Number(process.env.BENCH_NBD_SIZE_MIB ?? 512) * MiB // bytes per volume
const SEQ_BLOCK = 1 * MiB // bytes per sequential request
const SEQ_DEPTH = 8 // sequential requests in flight
const RAND_OPS = Number(process.env.BENCH_NBD_RAND_OPS ?? 20000)
const RAND_DEPTH = 32 // random requests in flight
const QD1_OPS = Number(process.env.BENCH_NBD_QD1_OPS ?? 1000)

if (process.argv[2] === '--serve') {
  // Child mode: host our server over a store in argv[3] and print the port.
  const { pino } = await import('pino')
  const { openSparseFileStore } = await import('../../daemon/volumes/block/index.ts')
  const { NbdServer } = await import('../../daemon/volumes/nbd/index.ts')
  const store = await openSparseFileStore({}, { dir: process.argv[3]!, size: SIZE, blockSize: Number(process.env.BENCH_NBD_BLOCK_KIB ?? 64) * 1024 })
  const server = new NbdServer({ logger: pino({ level: 'warn' }) }, { exports: [{ name: 'vol', store, generation: 1 }] })
  const address = await server.listen({ port: 0 })
  process.stdout.write(`${'port' in address ? address.port : 0}\n`)
  process.on('SIGTERM', () => { void server.close().then(async () => { await store.close(); process.exit(0) }) })
} else {
  await main()
}

interface Figures { seqWrite: number, seqRead: number, randWrite: number, randRead: number, qd1: number[] }

async function main (): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'trellis-bench-nbd-'))
  const children: ChildProcess[] = []
  try {
    const fsyncs = baseline(root)
    process.stdout.write(`baseline: write+fdatasync of 4 KiB on this disk ${summary(fsyncs, ' ms')}\n`)
    process.stdout.write(`volume ${SIZE / MiB} MiB, checksum block ${process.env.BENCH_NBD_BLOCK_KIB ?? 64} KiB; sequential ${SEQ_BLOCK / MiB} MiB × QD${SEQ_DEPTH}; random 4 KiB × ${RAND_OPS} at QD${RAND_DEPTH}; QD1 4 KiB FUA writes × ${QD1_OPS}\n`)

    const ours = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', join(root, 'trellis')], { stdio: ['ignore', 'pipe', 'inherit'] })
    children.push(ours)
    const trellis = await measure('trellis', { port: await firstLine(ours) })

    let nbdkit: Figures | undefined
    if (spawnSync('sh', ['-c', 'command -v nbdkit'], { stdio: 'ignore' }).status === 0) {
      const kit = await startNbdkitFile(root, SIZE)
      children.push(kit.child)
      nbdkit = await measure('nbdkit file', kit.target)
    } else {
      process.stdout.write('nbdkit not installed (Debian: nbdkit): no baseline this run\n')
    }
    if (nbdkit !== undefined) {
      const pct = (a: number, b: number): string => `${(100 * a / b).toFixed(0)} %`
      process.stdout.write(`ratio trellis/nbdkit: seq write ${pct(trellis.seqWrite, nbdkit.seqWrite)}, seq read ${pct(trellis.seqRead, nbdkit.seqRead)}, ` +
        `rand write ${pct(trellis.randWrite, nbdkit.randWrite)}, rand read ${pct(trellis.randRead, nbdkit.randRead)}, ` +
        `QD1 FUA p50 +${(quantile(trellis.qd1, 0.5) - quantile(nbdkit.qd1, 0.5)).toFixed(3)} ms\n`)
    }
    process.stdout.write(`QD1 FUA p50 over a bare fdatasync: trellis +${(quantile(trellis.qd1, 0.5) - quantile(fsyncs, 0.5)).toFixed(3)} ms\n`)
  } finally {
    for (const c of children) c.kill('SIGTERM')
    await new Promise(resolve => setTimeout(resolve, 300))
    await rm(root, { recursive: true, force: true })
  }
}

async function measure (label: string, target: Target): Promise<Figures> {
  const c = await connectNbd(target, 'vol')
  try {
    const seqWrite = await sequential(c, true)
    const seqRead = await sequential(c, false)
    const randWrite = await random(c, true)
    const randRead = await random(c, false)
    const qd1 = await fuaLatency(c)
    process.stdout.write(`${label}: seq write ${seqWrite.toFixed(0)} MB/s, seq read ${seqRead.toFixed(0)} MB/s, ` +
      `4K rand write ${randWrite.toFixed(0)} IOPS, 4K rand read ${randRead.toFixed(0)} IOPS, ` +
      `QD1 4K FUA write ${summary(qd1, ' ms')}\n`)
    return { seqWrite, seqRead, randWrite, randRead, qd1 }
  } finally {
    await c.disconnect()
  }
}

/** MB/s over the whole volume, flushed at the end for writes. */
async function sequential (c: NbdClient, write: boolean): Promise<number> {
  const payload = Buffer.alloc(SEQ_BLOCK, 0x5a)
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: SEQ_DEPTH }, async () => {
    while (next < SIZE) {
      const offset = next
      next += SEQ_BLOCK
      const r = write ? await c.request(C.NBD_CMD_WRITE, 0, offset, SEQ_BLOCK, payload) : await c.request(C.NBD_CMD_READ, 0, offset, SEQ_BLOCK)
      if (r.error !== 0) throw new Error(`error ${r.error}`)
    }
  }))
  if (write) await c.request(C.NBD_CMD_FLUSH, 0, 0, 0)
  return SIZE / 1e6 / ((performance.now() - t0) / 1000)
}

/** IOPS of 4 KiB requests at random aligned offsets (a fixed LCG, so both servers see the same offsets). */
async function random (c: NbdClient, write: boolean): Promise<number> {
  const payload = Buffer.alloc(4096, 0xa5)
  let seed = 12345
  const offset = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return (seed % (SIZE / 4096)) * 4096 }
  let done = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: RAND_DEPTH }, async () => {
    while (done < RAND_OPS) {
      done++
      const r = write ? await c.request(C.NBD_CMD_WRITE, 0, offset(), 4096, payload) : await c.request(C.NBD_CMD_READ, 0, offset(), 4096)
      if (r.error !== 0) throw new Error(`error ${r.error}`)
    }
  }))
  return RAND_OPS / ((performance.now() - t0) / 1000)
}

/** Latency in ms of 4 KiB FUA writes, one at a time. */
async function fuaLatency (c: NbdClient): Promise<number[]> {
  const payload = Buffer.alloc(4096, 0x3c)
  const out: number[] = []
  for (let i = 0; i < QD1_OPS; i++) {
    const t0 = performance.now()
    const r = await c.request(C.NBD_CMD_WRITE, C.NBD_CMD_FLAG_FUA, (i * 7919 % (SIZE / 4096)) * 4096, 4096, payload)
    out.push(performance.now() - t0)
    if (r.error !== 0) throw new Error(`error ${r.error}`)
  }
  return out
}

function baseline (root: string): number[] {
  const fd = openSync(join(root, 'fsync'), 'w')
  const block = Buffer.alloc(4096, 7)
  const out: number[] = []
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now()
    writeSync(fd, block, 0, block.length, (i % 64) * 4096)
    fdatasyncSync(fd)
    out.push(performance.now() - t0)
  }
  closeSync(fd)
  return out
}

async function firstLine (child: ChildProcess): Promise<number> {
  return await new Promise((resolve, reject) => {
    let text = ''
    child.stdout!.on('data', (d: Buffer) => { text += d.toString(); if (text.includes('\n')) resolve(Number(text.trim())) })
    child.once('exit', code => { reject(new Error(`server exited ${code}`)) })
  })
}

