import type { Readable } from 'node:stream'
import type { Logger } from 'pino'
import type { ImageView, ImportView } from '../controller/client/types.ts'
import { parseManifest } from '../controller/catalog/index.ts'
import { appsUsing, deleteImage, imagesByName, resolveImage, type CommandLog, type ImageRecord } from '../controller/state/index.ts'
import { ApiError, notFound, type ImageService } from './api/index.ts'
import type { NodeImages } from './images/index.ts'
import type { GridNodes } from './membership/index.ts'

/** What the image API reads and changes. */
export interface ImageServiceComponents {
  log: CommandLog
  images: NodeImages
  nodes: GridNodes
  logger: Logger
}

/**
 * The admin API's view of the grid's image catalog: imports go into this
 * node's store and the log; listings come from the committed state, with
 * holders named and this node's fetches under way.
 */
export class CatalogService implements ImageService {
  readonly #c: ImageServiceComponents
  readonly #replicas: number

  constructor (components: ImageServiceComponents, init: { replicas: number }) {
    this.#c = components
    this.#replicas = init.replicas
  }

  async importImage (bundle: Readable): Promise<ImportView> {
    try {
      const { image, change } = await this.#c.images.import(bundle)
      return { image: this.#view(image, false), change }
    } catch (err) {
      const e = err as Error & { code?: string, entry?: string, issues?: unknown }
      // A refused bundle names what is wrong and where; nothing was kept.
      if (e.code?.startsWith('ERR_BUNDLE') === true) throw new ApiError('ERR_BAD_REQUEST', e.message, { code: e.code, entry: e.entry, issues: e.issues })
      throw err
    }
  }

  async images (): Promise<ImageView[]> {
    await this.#c.log.readBarrier?.()
    return imagesByName(this.#c.log.state).map(i => this.#view(i, false))
  }

  async image (ref: string): Promise<ImageView> {
    await this.#c.log.readBarrier?.()
    return this.#view(this.#resolve(ref), true)
  }

  async deleteImage (ref: string): Promise<{ name: string, version: string, deleted: boolean }> {
    const image = this.#resolve(ref)
    const result = await this.#c.log.propose(deleteImage(image.name, image.version))
    if (result.kind !== 'image-deleted') throw new Error('delete produced no image result')
    if (result.usedBy.length > 0) {
      throw new ApiError('ERR_CONFLICT', `${image.name}@${image.version} is used by app${result.usedBy.length === 1 ? '' : 's'} ${result.usedBy.join(', ')}: apply ${result.usedBy.length === 1 ? 'it' : 'them'} with another version, or delete ${result.usedBy.length === 1 ? 'it' : 'them'}, first`, { apps: result.usedBy })
    }
    this.#c.logger.info({ image: `${image.name}@${image.version}` }, 'image deleted')
    return { name: image.name, version: image.version, deleted: result.existed }
  }

  async exportImage (ref: string): Promise<{ name: string, version: string, digest: string, size: number, tar: Readable }> {
    const image = this.#resolve(ref)
    let tar: Readable
    try {
      tar = this.#c.images.export(image.digest)
    } catch {
      const at = image.holders.map(h => this.#c.nodes.nameOf(h)).join(', ')
      throw new ApiError('ERR_CONFLICT', `this node holds no copy of ${image.name}@${image.version}; ask a node that does (${at === '' ? 'none is recorded' : at})`)
    }
    return { name: image.name, version: image.version, digest: image.digest, size: image.size, tar }
  }

  #resolve (ref: string): ImageRecord {
    const image = resolveImage(this.#c.log.state, ref)
    if (image === undefined) throw notFound(`image ${ref}`)
    return image
  }

  #view (image: ImageRecord, full: boolean): ImageView {
    const parsed = parseManifest(image.manifest, '', { expectName: image.name })
    const fetching = this.#c.images.progress(image.digest)
    return {
      name: image.name,
      version: image.version,
      digest: image.digest,
      size: image.size,
      chunks: image.chunks.length,
      description: parsed.ok ? parsed.manifest.description : '',
      driver: parsed.ok ? parsed.manifest.start.driver : '',
      importedIndex: image.importedIndex,
      holders: image.holders.map(id => ({ id, name: this.#c.nodes.nameOf(id), state: this.#c.nodes.stateOf(id) ?? 'unknown' })),
      replicas: this.#replicas,
      usedBy: appsUsing(this.#c.log.state, image.digest),
      ...(fetching !== undefined
        ? { fetching: { bytesDone: fetching.bytesDone, bytesTotal: fetching.bytesTotal, rate: fetching.rate, sources: fetching.sources.map(s => ({ node: this.#c.nodes.nameOf(s.node), state: s.state, bytes: s.bytes })) } }
        : {}),
      ...(full ? { manifest: image.manifest } : {})
    }
  }
}
