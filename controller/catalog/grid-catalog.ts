import { imagesByName, resolveImage, type GridState, type ImageRecord } from '../state/index.ts'
import { parseManifest } from './manifest.ts'
import type { Catalog, ImageManifest } from './types.ts'

/**
 * The grid's catalog, read from the committed state: every image imported
 * into the grid, by name, `name@version` or digest. Manifests are parsed
 * once per digest (a digest's content never changes). An image whose
 * manifest no longer parses (imported by a newer Trellis) is left out.
 */
export class GridCatalog implements Catalog {
  readonly #state: () => GridState
  readonly #parsed = new Map<string, ImageManifest | null>()

  constructor (state: () => GridState) {
    this.#state = state
  }

  /** The manifest, with where the blob is and how large it is for the scheduler's image locality. */
  get (ref: string): (ImageManifest & { holders: readonly string[], size: number }) | undefined {
    const record = resolveImage(this.#state(), ref)
    const m = record === undefined ? undefined : this.#manifest(record)
    return m === undefined ? undefined : { ...m, holders: record!.holders, size: record!.size }
  }

  list (): ImageManifest[] {
    const seen = new Set<string>()
    const out: ImageManifest[] = []
    for (const record of imagesByName(this.#state())) {
      if (seen.has(record.name)) continue
      const m = this.#manifest(record)
      if (m === undefined) continue
      seen.add(record.name)
      out.push(m)
    }
    return out
  }

  #manifest (record: ImageRecord): ImageManifest | undefined {
    let m = this.#parsed.get(record.digest)
    if (m === undefined) {
      const result = parseManifest(record.manifest, '', { expectName: record.name })
      m = result.ok ? { ...result.manifest, digest: record.digest } : null
      this.#parsed.set(record.digest, m)
    }
    return m ?? undefined
  }
}
