/**
 * Distributing an image: a 1 GiB bundle imported on one node, then fetched
 * over `/trellis/blob/1` by 4 nodes at once (sharing chunks with each other,
 * as Kraken's peers do), against one copy from the single source and the raw
 * stream speed between two nodes, all in one run.
 *
 *   source (child): import DIR ─▶ BlobStore ─▶ BlobServer ══ libp2p ══▶ node 1..4 (children): BlobFetcher ─▶ BlobStore
 *   raw:            /trellis/bench/raw/1: source writes N bytes ══ libp2p ══▶ node 1 counts them
 *
 * Every node is a MeshHost (tcp · noise · yamux, as the daemon builds
 * it) in a process of its own: in one process all five would share one
 * JavaScript thread, and the noise cipher runs on it, so per-node figures
 * would measure that thread rather than the protocol. Processes let the two
 * cores run two nodes' ciphers at once, as two machines would (five
 * processes on two cores still share them: see docs/benchmarks.md). Fetches
 * are unthrottled. Stores live under one temp dir on one disk, and every
 * chunk is fsynced as it is stored.
 *
 * `npm run bench -- images` (env BENCH_IMAGE_MIB, default 1024; BENCH_IMAGE_NODES, default 4;
 * BENCH_IMAGE_WINDOW, chunk requests in flight per holder, default the fetcher's).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createCipheriv, createHash } from 'node:crypto'
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { quantile, replies, stopChildren } from './stats.ts'
import { onProcessEnd } from '../helpers/process-end.ts'

const MiB = 1024 * 1024 // bytes
const IMAGE_BYTES = Number(process.env.BENCH_IMAGE_MIB ?? 1024) * MiB
const FETCHERS = Number(process.env.BENCH_IMAGE_NODES ?? 4)
/** Chunk requests in flight per holder; the fetcher's default unless set. */
const WINDOW = process.env.BENCH_IMAGE_WINDOW === undefined ? undefined : Number(process.env.BENCH_IMAGE_WINDOW)
const RAW_PROTOCOL = '/trellis/bench/raw/1'
const RAW_WRITE = 4 * MiB // bytes per write on the raw stream: what the blob server writes
const TARGET = 0.5 // of the raw link per node (Uber Kraken: > 50 % of each host's download speed)

type Message =
  | { kind: 'ready', peerId: string, address: string }
  | { kind: 'imported', record: Record<string, unknown> & { digest: string, size: number, chunks: string[] }, ms: number }
  | { kind: 'raw', ms: number, bytes: number }
  | { kind: 'fetched', ms: number, fromPeers: number, fromSource: number }
  | { kind: 'deleted' }
  | { kind: 'connected' }
  | { kind: 'error', message: string }

const reply = replies<Message>()

if (process.argv[2] === '--node') await node(process.argv[3] as string)
else await main()

// ───────────────────────────── the coordinator ─────────────────────────────

async function main (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-bench-images-'))
  const children: ChildProcess[] = []
  const kill = (): void => { for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL') }
  onProcessEnd(kill)
  try {
    const bundle = await writeBundle(join(dir, 'bundle'))
    const { GridKey } = await import('../../daemon/mesh/index.ts')
    const env = { ...process.env, BENCH_GRID_KEY: Buffer.from(GridKey.create().encode()).toString('base64') }
    for (let i = 0; i <= FETCHERS; i++) children.push(fork(fileURLToPath(import.meta.url), ['--node', join(dir, `node-${i}`)], { env, stdio: 'inherit' }))
    const ready = await Promise.all(children.map(async c => await reply(c, 'ready')))
    for (const c of children) c.send({ kind: 'connect', peers: ready.map(r => ({ peerId: r.peerId, address: r.address })) })
    await Promise.all(children.map(async c => await reply(c, 'connected')))
    const [source, ...fetchers] = children as [ChildProcess, ...ChildProcess[]]
    const ids = ready.map(r => r.peerId)
    const sourceId = ids[0] as string
    const fetcherIds = ids.slice(1)
    const first = fetchers[0] as ChildProcess

    source.send({ kind: 'import', dir: bundle })
    const imported = await reply(source, 'imported')
    const record = imported.record
    const mb = (bytes: number, ms: number): number => bytes / MiB / (ms / 1000)
    process.stdout.write(`image ${(record.size / MiB).toFixed(0)} MiB in ${record.chunks.length} chunks; 1 source + ${FETCHERS} fetching nodes, each a process of its own on ${(await import('node:os')).cpus().length} cores\n`)
    process.stdout.write(`  import on the source (canonical tar, chunks fsynced): ${(imported.ms / 1000).toFixed(2)} s, ${mb(record.size, imported.ms).toFixed(0)} MB/s\n`)

    const rawStream = async (): Promise<number> => {
      first.send({ kind: 'raw', from: sourceId, bytes: record.size })
      const raw = await reply(first, 'raw')
      return mb(raw.bytes, raw.ms)
    }
    // Measured before and after the fetches, the faster taken: the machine is shared, and a slow moment must not flatter the ratios.
    const rawBefore = await rawStream()

    first.send({ kind: 'fetch', record, sources: [sourceId], peers: [] })
    const one = await reply(first, 'fetched')
    first.send({ kind: 'delete', digest: record.digest })
    await reply(first, 'deleted')

    const together = async (peers: boolean): Promise<Array<Extract<Message, { kind: 'fetched' }>>> => {
      fetchers.forEach((c, i) => { c.send({ kind: 'fetch', record, sources: [sourceId], peers: peers ? fetcherIds.filter((_, j) => j !== i) : [] }) })
      const out = await Promise.all(fetchers.map(async c => await reply(c, 'fetched')))
      fetchers.forEach(c => { c.send({ kind: 'delete', digest: record.digest }) })
      await Promise.all(fetchers.map(async c => await reply(c, 'deleted')))
      return out
    }
    const report = (label: string, runs: Array<Extract<Message, { kind: 'fetched' }>>, link: number): number => {
      const per = runs.map(r => mb(record.size, r.ms))
      const slowest = Math.max(...runs.map(r => r.ms))
      const fromPeers = runs.reduce((s, r) => s + r.fromPeers, 0)
      const total = runs.reduce((s, r) => s + r.fromPeers + r.fromSource, 0)
      process.stdout.write(`  ${label}: all done in ${(slowest / 1000).toFixed(2)} s = ${(slowest / one.ms).toFixed(2)} × one copy (${FETCHERS} copies one after another: ${(FETCHERS * one.ms / 1000).toFixed(2)} s); ` +
        `${(100 * fromPeers / total).toFixed(0)} % of chunks from peers\n`)
      process.stdout.write(`    per node ${per.map(v => v.toFixed(0)).join(', ')} MB/s (median ${quantile(per, 0.5).toFixed(0)}, slowest ${Math.min(...per).toFixed(0)}) = ` +
        `${(100 * Math.min(...per) / link).toFixed(0)}–${(100 * Math.max(...per) / link).toFixed(0)} % of the raw stream; all nodes together ${per.reduce((a, b) => a + b, 0).toFixed(0)} MB/s\n`)
      return Math.min(...per) / link
    }
    const sharing = await together(true)
    const alone = await together(false)
    const rawAfter = await rawStream()
    const link = Math.max(rawBefore, rawAfter)
    process.stdout.write(`  raw stream source → node 1 (Transport over libp2p, ${RAW_WRITE / MiB} MiB writes): ${rawBefore.toFixed(0)} MB/s before the fetches, ${rawAfter.toFixed(0)} after; ratios below are against ${link.toFixed(0)}\n`)
    process.stdout.write(`  one copy, node 1 from the source alone: ${(one.ms / 1000).toFixed(2)} s, ${mb(record.size, one.ms).toFixed(0)} MB/s = ${(100 * mb(record.size, one.ms) / link).toFixed(0)} % of the raw stream\n`)
    const shared = report(`${FETCHERS} nodes at once, sharing chunks`, sharing, link)
    report(`${FETCHERS} nodes at once, from the source only`, alone, link)
    process.stdout.write(`  target: every node ≥ ${TARGET * 100} % of the raw stream (Uber Kraken: > 50 % of each host's download speed): ` +
      `${shared >= TARGET ? 'met' : 'MISSED'} (slowest node ${(100 * shared).toFixed(0)} %)\n`)
  } finally {
    await stopChildren(children)
    await rm(dir, { recursive: true, force: true })
  }
}

/** A bundle of a manifest and one disk image of pseudo-random (incompressible) bytes, written in 16 MiB pieces. */
async function writeBundle (dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'manifest.yaml'), [
    'name: bench', 'version: 1.0.0', 'description: a big image', 'resources:',
    '  min: { cpu: 0.1, memory: 32Mi }', '  default: { cpu: 0.1, memory: 64Mi }', 'start:', '  driver: process', '  command: [./run]', ''
  ].join('\n'))
  const cipher = createCipheriv('aes-256-ctr', createHash('sha256').update('bench').digest(), Buffer.alloc(16))
  const fh = await open(join(dir, 'disk.img'), 'w')
  const piece = Buffer.alloc(16 * MiB)
  for (let at = 0; at < IMAGE_BYTES; at += piece.length) await fh.write(cipher.update(piece.subarray(0, Math.min(piece.length, IMAGE_BYTES - at))))
  await fh.close()
  return dir
}


// ───────────────────────────── a node: MeshHost, store, server, fetcher ─────────────────────────────

async function node (root: string): Promise<void> {
  const { multiaddr } = await import('@multiformats/multiaddr')
  const { pino } = await import('pino')
  const { benchMeshNode } = await import('./mesh-node.ts')
  const { RealClock } = await import('../../controller/clock/index.ts')
  const { BlobFetcher, BlobServer, openBlobStore } = await import('../../daemon/images/index.ts')
  const logger = pino({ level: 'silent' })
  const send = (m: Message): void => { process.send?.(m) }
  process.on('disconnect', () => process.exit(0))
  try {
    const { host, transport } = await benchMeshNode(logger)
    const store = await openBlobStore({ logger }, { root })
    const server = new BlobServer({ transport, store, logger })
    server.start()
    const fetcher = new BlobFetcher({ transport, store, clock: new RealClock(), logger }, { bytesPerSecond: 0, ...(WINDOW === undefined ? {} : { window: WINDOW }) })
    // The raw stream: a dialer sends the byte count it wants; this node writes that many and ends.
    transport.handle(RAW_PROTOCOL, stream => {
      stream.on('error', () => {})
      stream.once('data', (head: Buffer) => {
        void (async () => {
          const want = Number(head.readBigUInt64BE(0))
          const block = Buffer.alloc(RAW_WRITE, 7)
          for (let sent = 0; sent < want; sent += block.length) {
            if (!stream.write(block.subarray(0, Math.min(block.length, want - sent)))) await once(stream, 'drain')
          }
          stream.end()
        })()
      })
    })
    const run = async (m: { kind: string, [k: string]: unknown }): Promise<void> => {
      if (m.kind === 'connect') {
        for (const p of m.peers as Array<{ peerId: string, address: string }>) if (p.peerId !== host.peerId) await host.libp2p.dial(multiaddr(p.address))
        send({ kind: 'connected' })
      } else if (m.kind === 'import') {
        const t0 = performance.now()
        const record = await store.importDirectory(m.dir as string)
        send({ kind: 'imported', record: { ...record, manifest: {} }, ms: performance.now() - t0 })
      } else if (m.kind === 'raw') {
        const stream = await transport.dial(m.from as string, RAW_PROTOCOL)
        stream.on('error', () => {})
        const head = Buffer.alloc(8)
        head.writeBigUInt64BE(BigInt(m.bytes as number))
        const t0 = performance.now()
        stream.write(head)
        let got = 0
        for await (const data of stream) got += (data as Buffer).length
        send({ kind: 'raw', ms: performance.now() - t0, bytes: got })
      } else if (m.kind === 'fetch') {
        const record = m.record as Parameters<typeof fetcher.fetch>[0]
        const t0 = performance.now()
        const result = await fetcher.fetch(record, { sources: m.sources as string[], peers: m.peers as string[] })
        const fromPeers = result.sources.filter(s => !(m.sources as string[]).includes(s.node)).reduce((n, s) => n + s.chunks, 0)
        send({ kind: 'fetched', ms: performance.now() - t0, fromPeers, fromSource: result.chunksFetched - fromPeers })
      } else if (m.kind === 'delete') {
        await store.delete(m.digest as string)
        send({ kind: 'deleted' })
      } else if (m.kind === 'stop') {
        await server.close()
        await transport.close()
        process.exit(0)
      }
    }
    process.on('message', (m: { kind: string }) => { run(m).catch((err: unknown) => { send({ kind: 'error', message: (err as Error).stack ?? String(err) }) }) })
    send({ kind: 'ready', peerId: host.peerId, address: host.addresses[0] as string })
  } catch (err) {
    send({ kind: 'error', message: (err as Error).stack ?? String(err) })
    process.exit(1)
  }
}
