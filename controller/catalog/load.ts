/**
 * Reads a catalog folder: every <dir>/<name>/manifest.yaml. This is the I/O
 * edge of the catalog; parsing and checking are parseManifest's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { GraphIssue } from '../graph/index.ts'
import { createCatalog } from './catalog.ts'
import { CatalogIssueCode } from './errors.ts'
import { parseManifest } from './manifest.ts'
import type { Catalog, ImageManifest } from './types.ts'
import { vmFiles } from './vm.ts'

/** The file each image folder holds its manifest in. */
export const MANIFEST_FILE = 'manifest.yaml'

/** What loadCatalog found: the images that passed, and every issue of those that did not. */
export interface LoadedCatalog {
  catalog: Catalog
  errors: GraphIssue[]
}

/**
 * Loads every image folder under `dir`. An image with any issue is left out of
 * the catalog and its issues returned, with paths prefixed by its folder name
 * (`web.resources.min.cpu`) and `file` set; the other images load regardless.
 * A folder without a manifest is not an image (images/shared holds code the
 * appliances share) and is passed over, as are folders starting with `.`.
 */
export function loadCatalog (dir: string): LoadedCatalog {
  const root = resolve(dir)
  const errors: GraphIssue[] = []
  const manifests: ImageManifest[] = []
  let folders: string[]
  try {
    folders = readdirSync(root, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort()
  } catch (err) {
    const message = `cannot read the catalog folder ${root}: ${(err as Error).message}`
    return { catalog: createCatalog([]), errors: [{ path: '', code: CatalogIssueCode.MANIFEST_READ, message, file: root }] }
  }
  for (const folder of folders) {
    if (folder.startsWith('.')) continue
    const imageDir = join(root, folder)
    const file = join(imageDir, MANIFEST_FILE)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue
      errors.push({ path: folder, code: CatalogIssueCode.MANIFEST_READ, message: `cannot read ${MANIFEST_FILE}: ${(err as Error).message}`, file })
      continue
    }
    const result = parseManifest(text, imageDir, { expectName: folder })
    const missing = result.ok ? missingVmFiles(result.manifest, folder, file) : []
    if (result.ok && missing.length === 0) manifests.push(result.manifest)
    else if (result.ok) errors.push(...missing)
    else errors.push(...result.errors.map(e => ({ ...e, path: e.path === '' ? folder : `${folder}.${e.path}`, file })))
  }
  return { catalog: createCatalog(manifests), errors }
}

/** A vm image whose kernel, initrd or disk is not a file in its folder cannot boot anywhere: one issue per missing file. */
function missingVmFiles (manifest: ImageManifest, folder: string, file: string): GraphIssue[] {
  if (manifest.vm === undefined) return []
  return vmFiles(manifest.vm).flatMap(([field, path]) => {
    let ok = false
    try { ok = statSync(join(manifest.dir, path)).isFile() } catch {}
    return ok ? [] : [{ path: `${folder}.vm.${field}`, code: CatalogIssueCode.VM_FILE, message: `${path} is not a file in the image folder`, file }]
  })
}
