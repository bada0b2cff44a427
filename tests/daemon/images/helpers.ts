/**
 * Bundles, archives and stores for the image tests: everything made here
 * lives in a temp dir removed at teardown.
 */
import type { Test } from 'tap'
import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pino } from 'pino'
import { pack as tarPack, type Header } from 'tar-stream'
import { RealClock } from '../../../controller/clock/index.ts'
import { BlobFetcher, BlobServer, openBlobStore, type BlobSource, type BlobStore, type ImageRecord } from '../../../daemon/images/index.ts'
import type { Transport } from '../../../daemon/network/index.ts'

export const MiB = 1024 * 1024 // bytes
export const logger = pino({ level: process.env.TRELLIS_TEST_LOG ?? 'silent' })

/** A manifest that passes parseManifest. */
export function manifestYaml (name = 'app', version = '1.0.0'): string {
  return [
    `name: ${name}`,
    `version: ${version}`,
    'description: a test appliance',
    'resources:',
    '  min: { cpu: 0.1, memory: 32Mi }',
    '  default: { cpu: 0.1, memory: 64Mi }',
    'terminals:',
    '  http: { direction: in, protocol: http }',
    'start:',
    '  driver: process',
    '  command: [./bin/run]',
    ''
  ].join('\n')
}

/** A temp dir removed when the test ends. */
export async function tempDir (t: Test, prefix = 'trellis-images-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** What a bundle directory holds: path → content (a string or bytes), `{ link }` for a symlink, `{ exec }` for an executable. */
export type Tree = Record<string, string | Uint8Array | { link: string } | { exec: string } | { dir: true }>

/** Writes a bundle directory from a tree. */
export async function writeTree (dir: string, tree: Tree): Promise<string> {
  await mkdir(dir, { recursive: true })
  for (const [path, v] of Object.entries(tree)) {
    const abs = join(dir, path)
    await mkdir(dirname(abs), { recursive: true })
    if (typeof v === 'string' || v instanceof Uint8Array) await writeFile(abs, v)
    else if ('link' in v) await symlink(v.link, abs)
    else if ('exec' in v) { await writeFile(abs, v.exec); await chmod(abs, 0o755) }
    else await mkdir(abs, { recursive: true })
  }
  return dir
}

/** A small valid bundle tree; `bytes` adds a file of that many seeded pseudo-random bytes. */
export function sampleTree (bytes = 0, seed = 'seed'): Tree {
  const tree: Tree = {
    'manifest.yaml': manifestYaml(),
    'bin/run': { exec: '#!/bin/sh\necho hello\n' },
    'lib/data.txt': 'some data\n',
    'run': { link: 'bin/run' }
  }
  if (bytes > 0) tree['disk.img'] = pseudoRandom(bytes, seed)
  return tree
}

/** Deterministic incompressible bytes: AES-256-CTR keyed by the seed, over zeroes. */
export function pseudoRandom (bytes: number, seed: string): Buffer {
  const cipher = createCipheriv('aes-256-ctr', createHash('sha256').update(seed).digest(), Buffer.alloc(16))
  return Buffer.concat([cipher.update(Buffer.alloc(bytes)), cipher.final()])
}

/** One archive entry for tarOf: a tar-stream header and, for files, the content. */
export interface TarEntry { header: Partial<Header> & { name: string }, body?: string | Buffer }

/** The bytes of a tar made of exactly these entries, in this order (hostile archives included). */
export async function tarOf (entries: TarEntry[]): Promise<Buffer> {
  const pack = tarPack()
  const parts: Buffer[] = []
  const reading = (async () => { for await (const b of pack) parts.push(b as Buffer) })()
  for (const e of entries) {
    await new Promise<void>((resolve, reject) => {
      const cb = (err?: Error | null): void => { if (err == null) resolve(); else reject(err) }
      if (e.body !== undefined) pack.entry({ mtime: new Date(0), ...e.header }, e.body, cb)
      else pack.entry({ mtime: new Date(0), ...e.header }, cb)
    })
  }
  pack.finalize()
  await reading
  return Buffer.concat(parts)
}

/** A readable of bytes, in pieces of `piece` bytes (archives arrive in pieces over HTTP). */
export function streamOf (bytes: Buffer, piece = 7919): Readable {
  const pieces: Buffer[] = []
  for (let at = 0; at < bytes.length; at += piece) pieces.push(bytes.subarray(at, at + piece))
  return Readable.from(pieces, { objectMode: false })
}

/** Opens a store in a fresh temp dir. */
export async function newStore (t: Test, root?: string): Promise<BlobStore> {
  return await openBlobStore({ logger }, { root: root ?? join(await tempDir(t), 'store') })
}

/** Every file under dir, recursively, as paths relative to it. */
export async function filesUnder (dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isDirectory()) out.push(join(e.parentPath, e.name).slice(dir.length + 1))
  }
  return out.sort()
}

/** Every stored chunk file hashes to its own name: nothing corrupt was kept. */
export async function chunksIntact (store: BlobStore): Promise<boolean> {
  const root = join(store.root, 'chunks')
  for (const f of await filesUnder(root)) {
    const name = f.split('/').pop() as string
    if (createHash('sha256').update(await readFile(join(root, f))).digest('hex') !== name) return false
  }
  return true
}

/** A node of a blob mesh: its transport, store, server and fetcher; closed at teardown. */
export interface BlobNode {
  id: string
  transport: Transport
  store: BlobStore
  server: BlobServer
  fetcher: BlobFetcher
}

/** Sets up store, server and fetcher on a transport; `source` overrides what the server reads (a corrupt or slow holder). */
export async function blobNode (t: Test, transport: Transport, options: { source?: (store: BlobStore) => BlobSource, fetcher?: ConstructorParameters<typeof BlobFetcher>[1] } = {}): Promise<BlobNode> {
  const store = await newStore(t)
  const server = new BlobServer({ transport, store: options.source?.(store) ?? store, logger })
  server.start()
  const fetcher = new BlobFetcher({ transport, store, clock: new RealClock(), logger }, { bytesPerSecond: 0, ...options.fetcher })
  t.teardown(() => server.close())
  return { id: transport.nodeId, transport, store, server, fetcher }
}

/** Imports the same bundle into several stores (canonical form: the same digest everywhere); returns the record. */
export async function seed (stores: BlobStore[], dir: string): Promise<ImageRecord> {
  let record: ImageRecord | undefined
  for (const s of stores) {
    const r = await s.importDirectory(dir)
    if (record !== undefined && r.digest !== record.digest) throw new Error('canonical form differs between stores')
    record = r
  }
  if (record === undefined) throw new Error('no store to seed')
  return record
}

/** A holder that serves every chunk with one byte flipped: its answers are the right length and the wrong content. */
export function corruptSource (store: BlobStore): BlobSource {
  return {
    descriptor: d => store.descriptor(d),
    hasChunk: (d, i) => store.hasChunk(d, i),
    readChunk: async (d, i) => {
      const data = Buffer.from(await store.readChunk(d, i))
      data[data.length >> 1] = (data[data.length >> 1] ?? 0) ^ 0xff
      return data
    }
  }
}

/** A holder that says it has everything and never sends a chunk. */
export function silentSource (store: BlobStore): BlobSource {
  return {
    descriptor: d => store.descriptor(d),
    hasChunk: (d, i) => store.hasChunk(d, i),
    readChunk: async () => await new Promise<Buffer>(() => {})
  }
}

/** Random bytes, for content no two tests share. */
export function noise (bytes: number): Buffer {
  return randomBytes(bytes)
}
