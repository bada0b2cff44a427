/**
 * The image half of the state machine: the grid's catalog. An image is
 * recorded by name, version and digest with what a node needs to fetch and
 * check its blob; which nodes hold the whole blob is recorded too, so the
 * leader can keep enough copies and the scheduler can prefer holders. Apps
 * pin the digest their image resolved to when they were applied, and an
 * image an app version pins cannot be deleted.
 */
import type { AppSpec } from '../graph/types.ts'
import type { Command } from './commands.ts'
import { BadCommandError } from './errors.ts'
import type { ApplyResult, GridState, ImageRecord } from './types.ts'

/** A digest: "sha256:" and 64 lowercase hex digits. */
export const IMAGE_DIGEST = /^sha256:[0-9a-f]{64}$/
/** What an image version may be: letters, digits, `.`, `_`, `+` and `-`, starting with a letter or digit. */
export const IMAGE_VERSION = /^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$/

/**
 * Orders versions as people expect: dot-separated parts compared as numbers
 * where both are numbers (1.10 after 1.9), as text otherwise; a release after
 * its pre-releases (1.2.0 after 1.2.0-rc1).
 */
export function compareVersions (a: string, b: string): number {
  const [mainA, preA] = splitPre(a)
  const [mainB, preB] = splitPre(b)
  const pa = mainA.split('.')
  const pb = mainB.split('.')
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0'
    const y = pb[i] ?? '0'
    const c = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0
    if (c !== 0) return Math.sign(c)
  }
  if (preA === preB) return 0
  if (preA === undefined) return 1
  if (preB === undefined) return -1
  return preA < preB ? -1 : 1
}

function splitPre (v: string): [string, string | undefined] {
  const dash = v.indexOf('-')
  return dash < 0 ? [v, undefined] : [v.slice(0, dash), v.slice(dash + 1)]
}

/**
 * The image a reference names: `name` (its newest version), `name@version`,
 * or a digest. Undefined when the catalog has none.
 */
export function resolveImage (state: GridState, ref: string): ImageRecord | undefined {
  if (IMAGE_DIGEST.test(ref)) return state.images.get(ref)
  const at = ref.indexOf('@')
  const name = at < 0 ? ref : ref.slice(0, at)
  const version = at < 0 ? undefined : ref.slice(at + 1)
  let best: ImageRecord | undefined
  for (const image of state.images.values()) {
    if (image.name !== name) continue
    if (version !== undefined) { if (image.version === version) return image; continue }
    if (best === undefined || compareVersions(image.version, best.version) > 0) best = image
  }
  return best
}

/** Every image record, by name then newest version first. */
export function imagesByName (state: GridState): ImageRecord[] {
  return [...state.images.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : compareVersions(b.version, a.version))
}

/** The apps whose present version pins an image's digest. */
export function appsUsing (state: GridState, digest: string): string[] {
  return [...state.apps.values()].filter(a => pinnedDigests(a.spec).includes(digest)).map(a => a.name).sort()
}

/** The digests an app's components were pinned to when it was applied. */
export function pinnedDigests (spec: AppSpec): string[] {
  return [...new Set(spec.components.flatMap(c => c.digest === undefined ? [] : [c.digest]))]
}

/** A pinned digest the catalog does not hold, or undefined when every pin is there. */
export function missingPin (state: GridState, spec: AppSpec): string | undefined {
  for (const c of spec.components) {
    if (c.digest !== undefined && !state.images.has(c.digest)) return `components.${c.name}: image ${c.image} (${c.digest}) is not in the grid's catalog`
  }
  return undefined
}

export function applyPutImage (state: GridState, index: number, command: Command): ApplyResult {
  const p = command.putImage
  const name = p?.name ?? ''
  const version = p?.version ?? ''
  const digest = p?.digest ?? ''
  if (name === '' || !IMAGE_VERSION.test(version) || !IMAGE_DIGEST.test(digest) || (p?.manifest ?? '') === '') {
    throw new BadCommandError('putImage needs a name, a version, a digest and a manifest')
  }
  const existing = resolveImage(state, `${name}@${version}`)
  if (existing !== undefined) {
    if (existing.digest !== digest) {
      return { kind: 'image-put', name, version, digest, change: 'refused', why: `${name}@${version} exists with other content (${existing.digest}); give the new one another version, or delete the old` }
    }
    holdersAdd(state, existing, p?.holder ?? '')
    return { kind: 'image-put', name, version, digest, change: 'unchanged' }
  }
  state.images.set(digest, {
    name,
    version,
    digest,
    size: Number(p?.size ?? 0),
    chunkSize: p?.chunkSize ?? 0,
    chunks: [...(p?.chunks ?? [])],
    manifest: p?.manifest ?? '',
    importedIndex: index,
    holders: (p?.holder ?? '') === '' ? [] : [p!.holder!]
  })
  return { kind: 'image-put', name, version, digest, change: 'created' }
}

export function applyDeleteImage (state: GridState, command: Command): ApplyResult {
  const name = command.deleteImage?.name ?? ''
  const version = command.deleteImage?.version ?? ''
  const image = resolveImage(state, `${name}@${version}`)
  if (image === undefined) return { kind: 'image-deleted', name, version, existed: false, usedBy: [] }
  const usedBy = appsUsing(state, image.digest)
  if (usedBy.length > 0) return { kind: 'image-deleted', name, version, existed: true, usedBy }
  state.images.delete(image.digest)
  return { kind: 'image-deleted', name, version, existed: true, usedBy: [] }
}

export function applyImageHeld (state: GridState, command: Command): ApplyResult {
  const digest = command.imageHeld?.digest ?? ''
  const node = command.imageHeld?.node ?? ''
  const held = command.imageHeld?.held === true
  if (node === '') throw new BadCommandError('imageHeld without node')
  const image = state.images.get(digest)
  if (image === undefined) return { kind: 'image-held', digest, node, applied: false }
  if (held) holdersAdd(state, image, node)
  else state.images.set(digest, { ...image, holders: image.holders.filter(h => h !== node) })
  return { kind: 'image-held', digest, node, applied: true }
}

function holdersAdd (state: GridState, image: ImageRecord, node: string): void {
  if (node === '' || image.holders.includes(node)) return
  state.images.set(image.digest, { ...image, holders: [...image.holders, node].sort() })
}
