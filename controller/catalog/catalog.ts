import { UnknownImageError } from './errors.ts'
import type { Catalog, ImageManifest } from './types.ts'

/** An in-memory Catalog over the given manifests; a later manifest of the same name replaces an earlier one. */
export function createCatalog (manifests: Iterable<ImageManifest>): Catalog {
  const byName = new Map<string, ImageManifest>()
  for (const m of manifests) byName.set(m.name, m)
  const sorted = [...byName.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  return {
    get: (name) => byName.get(name),
    list: () => [...sorted]
  }
}

/** The image of that name. Throws UnknownImageError when the catalog lacks it. */
export function requireImage (catalog: Catalog, name: string): ImageManifest {
  const image = catalog.get(name)
  if (image === undefined) throw new UnknownImageError(name)
  return image
}
