/**
 * A node's blob store: the chunks of the images it holds, each stored once
 * under its hash, and one record per blob saying which chunks make it up.
 *
 *   <root>/blobs/<hex>.json      the blob's descriptor, image name/version, complete or not
 *   <root>/chunks/<hh>/<hash>    one chunk, named by its sha256 (shared by blobs that share it)
 *   <root>/tmp/                  temporary files; emptied on open
 *   <unpackRoot>/<hex>/          a complete blob unpacked for the runtime (unpack.ts)
 *
 * Every file appears by rename after fsync (files.ts), so a crash leaves a
 * record or chunk whole or absent. A blob being fetched has its record from
 * the start; which chunks it has is which chunk files exist, so a fetch
 * resumes after a restart with only the missing chunks.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import type { Logger } from 'pino'
import { cutChunks } from './canonical.ts'
import { CHUNK_SIZE, chunkLength, digestHex, assertDescriptor, formatDigest } from './digest.ts'
import {
  BlobIncompleteError, ChunkMismatchError, DigestMismatchError, InvalidDescriptorError, MissingChunkError, UnknownBlobError
} from './errors.ts'
import { fsyncDir, writeFileAtomic } from './files.ts'
import { importFromDirectory, importFromTar, type Ingest } from './import.ts'
import { clearUnpackLeftovers, exportBlob, unpackBlob } from './unpack.ts'
import type { BlobDescriptor, BlobImage, BlobInfo, BundleLimits, ImageRecord } from './types.ts'

/** What a BlobStore uses. */
export interface BlobStoreComponents {
  logger: Logger
}

/** Where a BlobStore keeps its files. */
export interface BlobStoreInit {
  /** The store's own directory, e.g. `<dataDir>/images`; created if missing. */
  root: string
  /**
   * Where unpack() puts bundles for the runtime; default `<root>/unpacked`.
   * Instances run as other users must be able to reach it: every directory
   * above it needs o+x (the data dir is 0700, so the daemon passes a path outside it).
   */
  unpackRoot?: string
  /** Limits of imports; see BundleLimits. */
  limits?: BundleLimits
}

/** The record file of one blob. */
interface StoredBlob {
  format: 1
  descriptor: BlobDescriptor
  complete: boolean
  image?: BlobImage
}

const RECORD_FORMAT = 1

/** Opens (creating if need be) the store at init.root: clears temporary files and chunks no record uses. */
export async function openBlobStore (components: BlobStoreComponents, init: BlobStoreInit): Promise<BlobStore> {
  const store = new BlobStore(components, init)
  await store.load()
  return store
}

/** The chunks and records of the blobs on one node; made by openBlobStore. */
export class BlobStore {
  readonly root: string
  readonly unpackRoot: string
  readonly #log: Logger
  readonly #limits: BundleLimits
  readonly #blobs = new Map<string, StoredBlob>()
  readonly #present = new Set<string>()
  /** Chunks an import or fetch under way relies on; never collected while pinned. */
  readonly #pins = new Map<string, number>()
  readonly #unpacking = new Map<string, Promise<string>>()

  constructor (components: BlobStoreComponents, init: BlobStoreInit) {
    this.root = init.root
    this.unpackRoot = init.unpackRoot ?? join(init.root, 'unpacked')
    this.#log = components.logger.child({ component: 'blob-store' })
    this.#limits = init.limits ?? {}
  }

  get #tmp (): string { return join(this.root, 'tmp') }

  /** Reads the records and the chunk list from disk; called once by openBlobStore. */
  async load (): Promise<void> {
    await mkdir(join(this.root, 'blobs'), { recursive: true, mode: 0o700 })
    await mkdir(join(this.root, 'chunks'), { recursive: true, mode: 0o700 })
    await rm(this.#tmp, { recursive: true, force: true })
    await mkdir(this.#tmp, { recursive: true, mode: 0o700 })
    for (const name of await readdir(join(this.root, 'blobs'))) {
      if (!name.endsWith('.json')) continue
      try {
        const stored = JSON.parse(await readFile(join(this.root, 'blobs', name), 'utf8')) as StoredBlob
        assertDescriptor(stored.descriptor)
        if (stored.format !== RECORD_FORMAT || `${digestHex(stored.descriptor.digest)}.json` !== name) throw new InvalidDescriptorError('record does not match its file name or format')
        this.#blobs.set(stored.descriptor.digest, stored)
      } catch (err) {
        this.#log.error({ err, file: name }, 'ignoring an unreadable blob record')
      }
    }
    for (const dir of await readdir(join(this.root, 'chunks'))) {
      for (const name of await readdir(join(this.root, 'chunks', dir))) this.#present.add(name)
    }
    await this.#collect([...this.#present])
    await clearUnpackLeftovers(this.unpackRoot)
  }

  /** Imports a bundle sent as a tar stream; see docs/images.md for what is refused. Nothing is left behind on failure. */
  async importTar (source: Readable, limits: BundleLimits = {}): Promise<ImageRecord> {
    return await importFromTar(source, { tmpDir: this.#tmp, limits: { ...this.#limits, ...limits }, ingest: this.#ingest })
  }

  /** Imports a bundle from a local directory (the bundled images, tests). */
  async importDirectory (dir: string, limits: BundleLimits = {}): Promise<ImageRecord> {
    return await importFromDirectory(dir, { tmpDir: this.#tmp, limits: { ...this.#limits, ...limits }, ingest: this.#ingest })
  }

  /** True when every chunk of the blob is held and the whole was checked. */
  has (digest: string): boolean {
    return this.#blobs.get(digest)?.complete === true
  }

  /** The blob's descriptor, complete or not; undefined when the store has no record of it. */
  descriptor (digest: string): BlobDescriptor | undefined {
    return this.#blobs.get(digest)?.descriptor
  }

  info (digest: string): BlobInfo | undefined {
    const b = this.#blobs.get(digest)
    if (b === undefined) return undefined
    const d = b.descriptor
    return {
      digest: d.digest,
      size: d.size,
      complete: b.complete,
      chunks: d.chunks.length,
      chunksHeld: d.chunks.filter(c => this.#present.has(c)).length,
      ...(b.image === undefined ? {} : { image: { ...b.image } })
    }
  }

  /** Every blob with a record, complete or partial, by digest. */
  list (): BlobInfo[] {
    return [...this.#blobs.keys()].sort().map(d => this.info(d) as BlobInfo)
  }

  /** Indexes of the chunks not held yet. */
  missing (digest: string): number[] {
    const d = this.#require(digest).descriptor
    const out: number[] = []
    d.chunks.forEach((c, i) => { if (!this.#present.has(c)) out.push(i) })
    return out
  }

  hasChunk (digest: string, index: number): boolean {
    const c = this.#blobs.get(digest)?.descriptor.chunks[index]
    return c !== undefined && this.#present.has(c)
  }

  /**
   * Reads a chunk and checks it against its hash. A chunk that fails (the
   * disk changed it) is removed and the blob marked incomplete, so this node
   * stops serving it and can fetch it again.
   */
  async readChunk (digest: string, index: number): Promise<Buffer> {
    const d = this.#require(digest).descriptor
    const hash = d.chunks[index]
    if (hash === undefined || !this.#present.has(hash)) throw new MissingChunkError(digest, index)
    let data: Buffer
    try {
      data = await readFile(this.#chunkPath(hash))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      this.#present.delete(hash)
      throw new MissingChunkError(digest, index)
    }
    if (data.length !== chunkLength(d, index) || createHash('sha256').update(data).digest('hex') !== hash) {
      this.#log.error({ digest, index, chunk: hash }, 'a stored chunk no longer matches its hash; removed it')
      await this.#dropChunk(hash)
      throw new MissingChunkError(digest, index)
    }
    return data
  }

  /**
   * Records a blob to be fetched (idempotent): its chunks are then expected,
   * served as they arrive, and survive a restart. Throws
   * InvalidDescriptorError for a malformed descriptor or one that disagrees
   * with the record already held.
   */
  async begin (descriptor: BlobDescriptor, image?: BlobImage): Promise<void> {
    assertDescriptor(descriptor)
    const held = this.#blobs.get(descriptor.digest)
    if (held !== undefined) {
      if (held.descriptor.size !== descriptor.size || held.descriptor.chunks.some((c, i) => descriptor.chunks[i] !== c)) {
        throw new InvalidDescriptorError(`the descriptor of ${descriptor.digest} disagrees with the one this node holds`)
      }
      return
    }
    const d = { digest: descriptor.digest, size: descriptor.size, chunkSize: descriptor.chunkSize, chunks: [...descriptor.chunks] }
    await this.#saveRecord({ format: RECORD_FORMAT, descriptor: d, complete: false, ...(image === undefined ? {} : { image: { name: image.name, version: image.version } }) })
  }

  /**
   * Stores one chunk of a begun blob after checking its length and hash; the
   * chunk is durable when this resolves. Returns false when it was held
   * already. Throws ChunkMismatchError (and stores nothing) for wrong bytes.
   */
  async writeChunk (digest: string, index: number, data: Uint8Array): Promise<boolean> {
    const d = this.#require(digest).descriptor
    const hash = d.chunks[index]
    if (hash === undefined) throw new ChunkMismatchError(digest, index, `the blob has ${d.chunks.length} chunks`)
    if (data.byteLength !== chunkLength(d, index)) throw new ChunkMismatchError(digest, index, `${data.byteLength} bytes where ${chunkLength(d, index)} belong`)
    if (createHash('sha256').update(data).digest('hex') !== hash) throw new ChunkMismatchError(digest, index, 'the bytes do not hash to the chunk')
    return await this.#putChunk(hash, data)
  }

  /**
   * Marks a blob complete once every chunk is held and, read in order, they
   * hash to the digest. A mismatch (a descriptor whose chunks do not make up
   * its digest) throws DigestMismatchError and drops the blob.
   */
  async complete (digest: string): Promise<void> {
    const b = this.#require(digest)
    if (b.complete) return
    const missing = this.missing(digest).length
    if (missing > 0) throw new BlobIncompleteError(digest, missing)
    const whole = createHash('sha256')
    for (let i = 0; i < b.descriptor.chunks.length; i++) whole.update(await this.readChunk(digest, i))
    const actual = formatDigest(whole.digest('hex'))
    if (actual !== digest) {
      await this.delete(digest)
      throw new DigestMismatchError(digest, actual)
    }
    await this.#saveRecord({ ...b, complete: true })
  }

  /** Removes a blob's record, its unpacked copy and the chunks no other blob uses. False when there was no such blob. */
  async delete (digest: string): Promise<boolean> {
    const b = this.#blobs.get(digest)
    if (b === undefined) return false
    this.#blobs.delete(digest)
    const hex = digestHex(digest)
    await unlink(join(this.root, 'blobs', `${hex}.json`)).catch(() => {})
    await fsyncDir(join(this.root, 'blobs'))
    await rm(join(this.unpackRoot, hex), { recursive: true, force: true })
    await this.#collect(b.descriptor.chunks)
    return true
  }

  /** The blob as its canonical tar (byte for byte what was imported); throws BlobIncompleteError unless complete. */
  export (digest: string): Readable {
    const b = this.#require(digest)
    if (!b.complete) throw new BlobIncompleteError(digest, this.missing(digest).length)
    return exportBlob(b.descriptor.chunks.length, i => this.readChunk(digest, i))
  }

  /**
   * Unpacks a complete blob into `<unpackRoot>/<hex>` (once; later calls
   * return the same directory) and returns its path: root-owned, directories
   * 0755, files 0644 or 0755, so any user can read and none but root write.
   */
  unpack (digest: string): Promise<string> {
    const running = this.#unpacking.get(digest)
    if (running !== undefined) return running
    const p = (async () => {
      this.export(digest).destroy() // throws for an unknown or incomplete blob before any work
      return await unpackBlob(() => this.export(digest), this.unpackRoot, digestHex(digest))
    })().finally(() => { this.#unpacking.delete(digest) })
    this.#unpacking.set(digest, p)
    return p
  }

  /** Stores a canonical tar as it is cut into chunks; the import functions call it through Ingest. */
  readonly #ingest: Ingest = async (canonical, image) => {
    const pinned: string[] = []
    try {
      const cut = await cutChunks(canonical, CHUNK_SIZE, async (data, hash) => {
        this.#pin(hash)
        pinned.push(hash)
        await this.#putChunk(hash, data)
      })
      const descriptor = { digest: formatDigest(cut.hex), size: cut.size, chunkSize: CHUNK_SIZE, chunks: cut.chunks }
      const held = this.#blobs.get(descriptor.digest)
      if (held === undefined || !held.complete) {
        await this.#saveRecord({ format: RECORD_FORMAT, descriptor, complete: true, image })
      }
      return descriptor
    } finally {
      for (const h of pinned) this.#unpin(h)
      // On success every chunk is referenced by the record; on failure this removes what the import wrote.
      await this.#collect(pinned)
    }
  }

  async #putChunk (hash: string, data: Uint8Array): Promise<boolean> {
    if (this.#present.has(hash)) return false
    const dir = join(this.root, 'chunks', hash.slice(0, 2))
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await writeFileAtomic(join(dir, hash), data, this.#tmp, 0o600)
    this.#present.add(hash)
    return true
  }

  async #dropChunk (hash: string): Promise<void> {
    this.#present.delete(hash)
    await unlink(this.#chunkPath(hash)).catch(() => {})
    for (const b of this.#blobs.values()) {
      if (b.complete && b.descriptor.chunks.includes(hash)) await this.#saveRecord({ ...b, complete: false })
    }
  }

  /** Deletes those of `hashes` that no record lists and nothing pins. */
  async #collect (hashes: readonly string[]): Promise<void> {
    const used = new Set<string>()
    for (const b of this.#blobs.values()) for (const c of b.descriptor.chunks) used.add(c)
    for (const h of new Set(hashes)) {
      if (used.has(h) || this.#pins.has(h) || !this.#present.has(h)) continue
      this.#present.delete(h)
      await unlink(this.#chunkPath(h)).catch(() => {})
    }
  }

  #pin (hash: string): void { this.#pins.set(hash, (this.#pins.get(hash) ?? 0) + 1) }

  #unpin (hash: string): void {
    const n = (this.#pins.get(hash) ?? 1) - 1
    if (n <= 0) this.#pins.delete(hash)
    else this.#pins.set(hash, n)
  }

  async #saveRecord (b: StoredBlob): Promise<void> {
    const file = join(this.root, 'blobs', `${digestHex(b.descriptor.digest)}.json`)
    await writeFileAtomic(file, Buffer.from(JSON.stringify(b)), this.#tmp, 0o600)
    this.#blobs.set(b.descriptor.digest, b)
  }

  #require (digest: string): StoredBlob {
    const b = this.#blobs.get(digest)
    if (b === undefined) throw new UnknownBlobError(digest)
    return b
  }

  #chunkPath (hash: string): string {
    return join(this.root, 'chunks', hash.slice(0, 2), hash)
  }
}
