/**
 * The editor's catalog: what a component can be made of. The grid's images
 * (GET /v1/images, each one's manifest from GET /v1/images/NAME) come
 * first; then the kinds the example apps use that this grid has not
 * imported (console file example-kinds.json), offered with their example so
 * the operator sees what to import. Such a kind is described by its
 * manifest when the example ships one, otherwise by how its example wires it.
 */
import { get, seg } from './api.js'

/** @typedef {import('../../client/types.ts').ImageView} ImageView */
/** @typedef {{ image: string, example: string, source: string, manifest?: string }} ExampleKind as controller/console/assets.ts serves it */
/** @typedef {import('./yaml.js').Yaml} Yaml */
/** @typedef {{ name: string, direction: 'in' | 'out', protocol: string, mandatory: boolean }} KindTerminal */
/** @typedef {{ name: string, type: string, default?: unknown, description: string, enum?: unknown[] }} KindProperty */
/** @typedef {{ name: string, required: boolean, mount?: string }} KindVolume */
/**
 * @typedef {object} Kind
 * @property {string} image name to write in a component's `image`
 * @property {string} version '' when not known
 * @property {string} description
 * @property {boolean} inGrid whether the grid's catalog has it (otherwise an apply is refused until it is imported)
 * @property {string} [example] the example app that uses it
 * @property {KindTerminal[]} terminals
 * @property {KindProperty[]} properties
 * @property {KindVolume[]} volumes
 */

/**
 * A kind from an image manifest, as parsed (pure).
 * @param {any} m the manifest
 * @param {boolean} inGrid
 * @returns {Kind}
 */
export function kindFromManifest (m, inGrid) {
  const entries = (/** @type {unknown} */ x) => Object.entries(x !== null && typeof x === 'object' ? x : {})
  return {
    image: String(m?.name ?? ''),
    version: String(m?.version ?? ''),
    description: String(m?.description ?? ''),
    inGrid,
    terminals: entries(m?.terminals).map(([name, t]) => ({ name, direction: t?.direction === 'out' ? 'out' : 'in', protocol: String(t?.protocol ?? ''), mandatory: t?.mandatory === true })),
    properties: entries(m?.properties).map(([name, p]) => ({ name, type: String(p?.type ?? 'string'), default: p?.default, description: String(p?.description ?? ''), enum: Array.isArray(p?.enum) ? p.enum : undefined })),
    volumes: entries(m?.volumes).map(([name, v]) => ({ name, required: v?.required === true, mount: typeof v?.mount === 'string' ? v.mount : undefined }))
  }
}

/**
 * A kind known only from an example app: its terminals are the outputs the
 * example connects and the inputs it connects to, its volumes those it gives (pure).
 * @param {string} image
 * @param {any} app the example app, parsed
 * @returns {Kind}
 */
export function kindFromExample (image, app) {
  const components = Object.entries(app?.components ?? {})
  const mine = new Set(components.filter(([, c]) => c?.image === image).map(([name]) => name))
  /** @type {Map<string, KindTerminal>} */
  const terminals = new Map()
  /** @type {Map<string, KindVolume>} */
  const volumes = new Map()
  const input = (/** @type {unknown} */ to) => {
    const [c, t] = String(to).split('.')
    if (c !== undefined && t !== undefined && mine.has(c)) terminals.set(t, { name: t, direction: 'in', protocol: '', mandatory: false })
  }
  for (const [name, c] of components) {
    for (const [output, to] of Object.entries(c?.connections ?? {})) {
      if (mine.has(name)) terminals.set(output, { name: output, direction: 'out', protocol: '', mandatory: false })
      input(to)
    }
    if (mine.has(name)) for (const v of Object.keys(c?.volumes ?? {})) volumes.set(v, { name: v, required: false })
  }
  for (const e of Object.values(app?.entries ?? {})) input(e?.to)
  return { image, version: '', description: '', inGrid: false, terminals: [...terminals.values()], properties: [], volumes: [...volumes.values()] }
}

/**
 * The newest version of each image (pure).
 * @param {ImageView[]} images
 * @returns {Map<string, ImageView>}
 */
function newestOf (images) {
  /** @type {Map<string, ImageView>} */
  const newest = new Map()
  for (const i of images) if ((newest.get(i.name)?.importedIndex ?? -1) < i.importedIndex) newest.set(i.name, i)
  return newest
}

/**
 * What the catalog is drawn from, as one string: each image with its newest
 * version. The editor loads the catalog again when it changes (pure).
 * @param {ImageView[]} images
 * @returns {string}
 */
export function catalogStamp (images) {
  return [...newestOf(images).values()].map(i => `${i.name}@${i.version}#${i.importedIndex}`).sort().join(' ')
}

/**
 * The catalog as the node and the examples describe it.
 * @param {Yaml} yaml
 * @param {ImageView[]} images the grid's images (GET /v1/images)
 * @returns {Promise<Kind[]>}
 */
export async function loadCatalog (yaml, images) {
  const newest = newestOf(images)
  const kinds = await Promise.all([...newest.keys()].sort().map(async name => {
    const image = /** @type {ImageView} */ (await get(`/v1/images/${seg(name)}`))
    const kind = kindFromManifest(safeParse(yaml, image.manifest ?? ''), true)
    return { ...kind, image: name, version: image.version, description: kind.description || image.description }
  }))
  /** @type {ExampleKind[]} */
  const examples = await /** @type {Promise<ExampleKind[]>} */ (get('/console/example-kinds.json')).catch(() => [])
  for (const e of examples) {
    if (newest.has(e.image)) continue
    const kind = e.manifest === undefined ? kindFromExample(e.image, safeParse(yaml, e.source)) : kindFromManifest(safeParse(yaml, e.manifest), false)
    kinds.push({ ...kind, image: e.image, inGrid: false, example: e.example })
  }
  return kinds
}

/** @param {Yaml} yaml @param {string} text */
function safeParse (yaml, text) {
  try { return yaml.parse(text) } catch { return undefined }
}
