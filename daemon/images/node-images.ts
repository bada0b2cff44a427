import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import type { Logger } from 'pino'
import { packImage } from '../../controller/catalog/index.ts'
import { Periodic, type Clock } from '../../controller/clock/index.ts'
import { imageHeld, putImage, resolveImage, type CommandLog, type ImageRecord as StateImage } from '../../controller/state/index.ts'
import type { BlobFetcher } from './fetcher.ts'
import { planReplication, type ReplicationNode } from './replication.ts'
import type { BlobStore } from './store.ts'
import type { FetchProgress, ImageRecord } from './types.ts'

/** How often a node tends its images without being told of a change, ms. */
const TEND_MS = 5000
/** How long a blob must have been out of the grid's catalog before this node deletes it, ms: an import still on its way to the log is not out. */
const FORGET_AFTER_MS = 60_000
/** Pause before a failed seed import is tried again, ms (the grid may have no leader yet). */
const SEED_RETRY_MS = 2000

/** A node of the grid as the image replication sees it. */
export interface ImageNode {
  id: string
  up: boolean
  /** Takes new blobs (not cordoned or draining). */
  accepting: boolean
  zone: string
  freeDisk: number
}

/** What NodeImages needs. */
export interface NodeImagesComponents {
  store: BlobStore
  fetcher: BlobFetcher
  log: CommandLog
  clock: Clock
  logger: Logger
  /** The grid's nodes, for picking sources and keeping enough copies; a lone node has only itself. */
  nodes: () => ImageNode[]
  /** Says something about an instance (or an app's subject), for `describe app`. */
  record: (subject: string, kind: string, detail: string) => void
  /** A node's name, for events. */
  nameOf: (id: string) => string
}

/** How NodeImages runs. */
export interface NodeImagesInit {
  selfId: string
  /** Copies of every image the grid keeps. */
  replicas: number
  /** Image folders imported into the grid's catalog at start when it lacks them (the bundled catalog). */
  seedDir?: string
}

/** What an import did. */
export interface ImportOutcome {
  image: StateImage
  change: 'created' | 'unchanged'
}

/** Thrown when the grid refuses an import: the same name and version exist with other content. */
export class ImageConflictError extends Error {
  readonly code = 'ERR_CONFLICT'
  override name = 'ImageConflictError'
}

/**
 * This node's part in the grid's image catalog: imports bundles into its
 * blob store and records them in the log; fetches the blob of an image an
 * instance here needs from the nodes that hold it; keeps every image on
 * `replicas` nodes (each node computes the same plan and takes the fetches
 * it is given); records what it holds; and deletes blobs the catalog
 * dropped.
 */
export class NodeImages {
  readonly #c: NodeImagesComponents
  readonly #init: NodeImagesInit
  readonly #tend: Periodic
  /** Digests being imported or fetched here: never forgotten meanwhile. */
  readonly #busy = new Set<string>()
  /** Instances waiting on a digest's fetch, told when it lands. */
  readonly #waiting = new Map<string, Set<string>>()
  readonly #absentSince = new Map<string, number>()
  /** The last failure told of a digest's fetch, so a retry that fails alike is not told again. */
  readonly #failures = new Map<string, string>()
  readonly #listeners = new Set<() => void>()
  readonly seeded: Promise<void>
  #resolveSeeded!: () => void
  #unsubscribe: (() => void) | undefined
  #stopped = false

  constructor (components: NodeImagesComponents, init: NodeImagesInit) {
    this.#c = components
    this.#init = init
    this.seeded = new Promise(resolve => { this.#resolveSeeded = resolve })
    this.#tend = new Periodic(
      { clock: components.clock, onError: err => { components.logger.warn({ err }, 'image pass failed') } },
      { intervalMs: TEND_MS, pokeGapMs: 500, aligned: true, run: async () => { await this.#pass() } }
    )
  }

  start (): void {
    this.#unsubscribe = this.#c.log.onApplied(result => { if (result.kind.startsWith('image-')) this.#tend.poke() })
    this.#tend.start()
    void this.#seed()
  }

  async stop (): Promise<void> {
    this.#stopped = true
    this.#unsubscribe?.()
    this.#resolveSeeded()
    await this.#tend.stop()
  }

  /** Calls listener whenever an image an instance waited for is ready here. */
  onReady (listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  /** Imports a bundle sent as a tar stream into this node's store and the grid's catalog. */
  async import (source: Readable): Promise<ImportOutcome> {
    const record = await this.#c.store.importTar(source)
    return await this.#record(record)
  }

  /** Packs an image folder (links followed, bundle.packages added) and imports it. */
  async importFolder (dir: string): Promise<ImportOutcome> {
    return await this.import(await packImage(dir))
  }

  /**
   * The unpacked folder of an image, when its blob is here; otherwise starts
   * fetching it from its holders for `instance` and returns undefined (the
   * onReady listeners hear when it lands).
   */
  async local (digest: string, instance: string): Promise<string | undefined> {
    if (this.#c.store.has(digest)) return await this.#c.store.unpack(digest)
    const image = this.#c.log.state.images.get(digest)
    if (image === undefined) throw new Error(`image ${digest} is not in the grid's catalog`)
    let waiting = this.#waiting.get(digest)
    if (waiting === undefined) { waiting = new Set(); this.#waiting.set(digest, waiting) }
    if (!waiting.has(instance)) {
      waiting.add(instance)
      this.#c.record(instance, 'image-fetching', `${image.name}@${image.version} (${formatMiB(image.size)}) from ${image.holders.length} node${image.holders.length === 1 ? '' : 's'}`)
    }
    void this.#fetch(image)
    return undefined
  }

  /** A fetch of the digest running here, with its progress. */
  progress (digest: string): FetchProgress | undefined {
    return this.#c.fetcher.progress(digest)
  }

  /** The canonical tar of an image held here. */
  export (digest: string): Readable {
    return this.#c.store.export(digest)
  }

  async #record (record: ImageRecord): Promise<ImportOutcome> {
    this.#busy.add(record.digest)
    try {
      const result = await this.#c.log.propose(putImage({
        name: record.name,
        version: record.version,
        digest: record.digest,
        size: record.size,
        chunkSize: record.chunkSize,
        chunks: record.chunks,
        manifest: record.manifestText,
        holder: this.#init.selfId
      }))
      if (result.kind !== 'image-put') throw new Error('import produced no image record')
      if (result.change === 'refused') {
        if (this.#c.log.state.images.get(record.digest) === undefined) await this.#c.store.delete(record.digest)
        throw new ImageConflictError(result.why ?? `${record.name}@${record.version} was refused`)
      }
      this.#c.logger.info({ image: `${record.name}@${record.version}`, digest: record.digest, size: record.size, change: result.change }, 'image imported')
      return { image: this.#c.log.state.images.get(record.digest)!, change: result.change }
    } finally {
      this.#busy.delete(record.digest)
    }
  }

  /** Imports every image folder of the seed dir the catalog lacks, retrying while the log cannot take them. */
  async #seed (): Promise<void> {
    const dir = this.#init.seedDir
    try {
      if (dir === undefined) return
      const folders = (await readdir(dir, { withFileTypes: true })).filter(d => d.isDirectory() && !d.name.startsWith('.')).map(d => d.name).sort()
      for (const folder of folders) {
        const path = join(dir, folder)
        if ((await stat(join(path, 'manifest.yaml')).catch(() => undefined)) === undefined) continue
        for (;;) {
          if (this.#stopped) return
          try {
            const { image, change } = await this.importFolder(path)
            if (change === 'created') this.#c.logger.info({ image: `${image.name}@${image.version}` }, 'seeded the grid\'s catalog')
            break
          } catch (err) {
            if ((err as { code?: string }).code?.startsWith('ERR_BUNDLE') === true || err instanceof ImageConflictError) {
              this.#c.logger.error({ err, folder: path }, 'image folder not seeded')
              break
            }
            this.#c.logger.debug({ err, folder: path }, 'seeding waits for the grid')
            await this.#c.clock.sleep(SEED_RETRY_MS)
          }
        }
      }
    } finally {
      this.#resolveSeeded()
    }
  }

  async #fetch (image: StateImage, peers: string[] = []): Promise<void> {
    if (this.#busy.has(image.digest)) return
    this.#busy.add(image.digest)
    const up = new Set(this.#c.nodes().filter(n => n.up).map(n => n.id))
    const sources = image.holders.filter(h => h !== this.#init.selfId && up.has(h))
    try {
      if (sources.length === 0) throw new Error('no node that holds it is up')
      const result = await this.#c.fetcher.fetch(image, { sources, peers, image: { name: image.name, version: image.version } })
      for (const d of result.dropped) this.#c.logger.warn({ image: image.digest, source: d.node, why: d.reason }, 'image source dropped')
      await this.#c.log.propose(imageHeld(image.digest, this.#init.selfId, true))
      const waiting = this.#waiting.get(image.digest) ?? new Set()
      for (const instance of waiting) this.#c.record(instance, 'image-fetched', `${image.name}@${image.version}: ${formatMiB(result.bytesFetched)} in ${(result.ms / 1000).toFixed(1)} s from ${result.sources.filter(s => s.chunks > 0).length} node(s)${result.dropped.length > 0 ? `; dropped ${result.dropped.map(d => `${this.#c.nameOf(d.node)} (${d.reason})`).join(', ')}` : ''}`)
      this.#waiting.delete(image.digest)
      this.#failures.delete(image.digest)
      this.#c.logger.info({ image: `${image.name}@${image.version}`, bytes: result.bytesFetched, ms: result.ms }, 'image fetched')
      for (const l of this.#listeners) l()
    } catch (err) {
      const why = (err as Error).message
      if (this.#failures.get(image.digest) !== why) {
        this.#failures.set(image.digest, why)
        for (const instance of this.#waiting.get(image.digest) ?? []) this.#c.record(instance, 'image-fetch-failed', `${image.name}@${image.version}: ${why}; trying again`)
        this.#c.logger.warn({ err, image: image.digest }, 'image fetch failed')
      }
    } finally {
      this.#busy.delete(image.digest)
    }
  }

  /** Records what this node holds, fetches what the replication plan gives it, deletes what the catalog dropped. */
  async #pass (): Promise<void> {
    const state = this.#c.log.state
    const now = this.#c.clock.now()
    for (const blob of this.#c.store.list()) {
      const image = state.images.get(blob.digest)
      if (image === undefined) {
        if (this.#busy.has(blob.digest)) continue
        const since = this.#absentSince.get(blob.digest) ?? now
        this.#absentSince.set(blob.digest, since)
        if (now - since >= FORGET_AFTER_MS) {
          await this.#c.store.delete(blob.digest)
          this.#absentSince.delete(blob.digest)
          this.#c.logger.info({ image: blob.digest }, 'image blob deleted: the grid\'s catalog no longer has it')
        }
        continue
      }
      this.#absentSince.delete(blob.digest)
      if (blob.complete && !image.holders.includes(this.#init.selfId)) await this.#c.log.propose(imageHeld(blob.digest, this.#init.selfId, true))
    }
    for (const image of state.images.values()) {
      // Recorded as holding a blob it no longer has (a wiped data dir): say so, so nobody asks here.
      if (image.holders.includes(this.#init.selfId) && !this.#c.store.has(image.digest) && !this.#busy.has(image.digest)) {
        await this.#c.log.propose(imageHeld(image.digest, this.#init.selfId, false))
      }
    }
    // Instances waiting on a fetch that failed try again.
    for (const digest of this.#waiting.keys()) {
      const image = state.images.get(digest)
      if (image !== undefined) void this.#fetch(image)
    }
    const plan = planReplication(
      [...state.images.values()].map(i => ({ digest: i.digest, size: i.size })),
      this.#c.nodes().map((n): ReplicationNode => ({
        id: n.id,
        up: n.up,
        accepting: n.accepting,
        zone: n.zone,
        freeDisk: n.freeDisk,
        holds: [...state.images.values()].filter(i => i.holders.includes(n.id)).map(i => i.digest),
        fetching: n.id === this.#init.selfId ? [...this.#busy] : []
      })),
      { replicas: this.#init.replicas }
    )
    for (const f of plan.fetches) {
      if (f.node !== this.#init.selfId) continue
      const image = resolveImage(state, f.digest)
      if (image !== undefined) void this.#fetch(image, f.peers)
    }
  }
}

function formatMiB (bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}
