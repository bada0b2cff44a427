/**
 * An app's YAML as the editor changes it: each drawing action (add or
 * remove a component, connect an output to an input, set a property, a
 * count, a volume, an entry) is one edit of the `yaml` library's Document,
 * so the rest of the text — comments, order, quoting — stays as the
 * operator wrote it. graphOf() reads the document back as the graph the
 * diagram draws. Pure: no DOM, no requests (the tests run it in Node).
 *
 *   drawing action ──edit──▶ Document ──toString()──▶ the YAML text
 *   the YAML text ──parseDocument()──▶ Document ──graphOf()──▶ diagram
 */

/** @typedef {import('/console/yaml/index.js').Document} Doc */
/** @typedef {import('/console/yaml/index.js').YAMLMap} YAMLMap */
/** @typedef {import('./catalog.js').Kind} Kind */
/** @typedef {import('../../client/types.ts').AppGraphView} AppGraphView */

/** A new volume's size, when its image requires one. */
export const NEW_VOLUME_SIZE = '1Gi'

/** A DNS label, as component, entry and app names must be. */
const LABEL = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/

/** The app's plain value (empty when the text does not parse to a map). @param {Doc} doc */
export function appOf (doc) {
  /** @type {any} */
  let app
  try { app = doc.toJS() } catch { app = undefined }
  return app !== null && typeof app === 'object' && !Array.isArray(app) ? app : {}
}

/** @param {Doc} doc @returns {Record<string, any>} components by name */
function components (doc) {
  const c = appOf(doc).components
  return c !== null && typeof c === 'object' && !Array.isArray(c) ? c : {}
}

/**
 * `base`, or `base-2`, `base-3`, … : the first name no component has.
 * @param {Doc} doc @param {string} base
 */
export function freeName (doc, base) {
  const taken = new Set(Object.keys(components(doc)))
  const stem = LABEL.test(base) ? base : 'component'
  for (let i = 1; ; i++) {
    const name = i === 1 ? stem : `${stem}-${i}`
    if (!taken.has(name)) return name
  }
}

/**
 * The map at a path, made (in block style) when absent, empty or not a map.
 * @param {Doc} doc @param {string[]} path
 */
function mapAt (doc, path) {
  const node = /** @type {any} */ (doc.getIn(path, true))
  if (node?.constructor?.tagName !== 'tag:yaml.org,2002:map') {
    doc.setIn(path, doc.createNode({}))
  }
  const map = /** @type {any} */ (doc.getIn(path, true))
  // `components: {}` as written is a flow map; what the editor adds reads better as blocks.
  if (map.items.length === 0) map.flow = false
  return map
}

/**
 * Adds a component of a kind: its image, its required volumes (NEW_VOLUME_SIZE),
 * nothing else — properties keep their defaults, and a required one without
 * a default is left for the validator to ask for.
 * @param {Doc} doc @param {Kind} kind @param {string} [name] default: a free name after the image
 * @returns {string} the component's name
 */
export function addComponent (doc, kind, name = freeName(doc, kind.image)) {
  mapAt(doc, ['components'])
  /** @type {Record<string, unknown>} */
  const c = { image: kind.image }
  const volumes = kind.volumes.filter(v => v.required)
  if (volumes.length > 0) c.volumes = Object.fromEntries(volumes.map(v => [v.name, { size: NEW_VOLUME_SIZE }]))
  doc.setIn(['components', name], doc.createNode(c))
  return name
}

/**
 * Removes a component with every connection and entry into it.
 * @param {Doc} doc @param {string} name
 */
export function removeComponent (doc, name) {
  doc.deleteIn(['components', name])
  const left = /** @type {any} */ (doc.getIn(['components'], true))
  if (left?.items?.length === 0) left.flow = true
  for (const [other, c] of Object.entries(components(doc))) {
    for (const [output, to] of Object.entries(c?.connections ?? {})) {
      if (targetOf(to)?.component === name) disconnect(doc, other, output)
    }
  }
  for (const [entry, e] of Object.entries(appOf(doc).entries ?? {})) {
    if (targetOf(e?.to)?.component === name) doc.deleteIn(['entries', entry])
  }
  if (Object.keys(appOf(doc).entries ?? {}).length === 0 && doc.hasIn(['entries'])) doc.deleteIn(['entries'])
}

/**
 * Connects output `output` of `from` to input `input` of `to` (replacing
 * where that output went before: one output connects to one input).
 * @param {Doc} doc @param {string} from @param {string} output @param {string} to @param {string} input
 */
export function connect (doc, from, output, to, input) {
  mapAt(doc, ['components', from, 'connections'])
  doc.setIn(['components', from, 'connections', output], `${to}.${input}`)
}

/** @param {Doc} doc @param {string} from @param {string} output */
export function disconnect (doc, from, output) {
  doc.deleteIn(['components', from, 'connections', output])
  if (Object.keys(components(doc)[from]?.connections ?? {}).length === 0) doc.deleteIn(['components', from, 'connections'])
}

/**
 * Sets one field of a component (`count`, `properties.NAME`,
 * `volumes.NAME.size`, ...); undefined removes it, and a map it leaves empty.
 * @param {Doc} doc @param {string} component @param {string[]} path under the component @param {unknown} value
 */
export function setField (doc, component, path, value) {
  const full = ['components', component, ...path]
  if (value === undefined) {
    doc.deleteIn(full)
    for (let i = full.length - 1; i > 2; i--) {
      const parent = /** @type {any} */ (doc.getIn(full.slice(0, i)))
      if (parent === null || typeof parent !== 'object' || Object.keys(parent.toJSON?.() ?? parent).length > 0) break
      doc.deleteIn(full.slice(0, i))
    }
    return
  }
  for (let i = 3; i < full.length; i++) mapAt(doc, full.slice(0, i))
  doc.setIn(full, value)
}

/**
 * A property's value from a form field: '' means "the image's default";
 * numbers and booleans as the manifest types them, so YAML writes them bare.
 * @param {string} text @param {string} type the manifest's property type
 * @returns {unknown}
 */
export function propertyValue (text, type) {
  if (text === '') return undefined
  if ((type === 'integer' || type === 'number') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text)
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true'
  return text
}

/**
 * Publishes an input as an entry: a port on every node.
 * @param {Doc} doc @param {string} name @param {number} port @param {string} component @param {string} input
 */
export function addEntry (doc, name, port, component, input) {
  mapAt(doc, ['entries'])
  doc.setIn(['entries', name], doc.createNode({ port, to: `${component}.${input}` }))
}

/** `web.http` → { component: 'web', terminal: 'http' }. @param {unknown} ref */
export function targetOf (ref) {
  if (typeof ref !== 'string') return undefined
  const dot = ref.indexOf('.')
  if (dot <= 0 || dot === ref.length - 1) return undefined
  return { component: ref.slice(0, dot), terminal: ref.slice(dot + 1) }
}

/**
 * The graph to draw: each component with its kind's terminals (and any its
 * connections name that the kind does not have, so a wrong one is drawn
 * where the validator points), connections and entries between components
 * that exist. What cannot be drawn is left out; the validator says why.
 * @param {Doc} doc @param {Kind[]} catalog
 * @returns {AppGraphView}
 */
export function graphOf (doc, catalog) {
  const kinds = new Map(catalog.map(k => [k.image, k]))
  const comps = Object.entries(components(doc)).filter(([, c]) => c !== null && typeof c === 'object')
  const names = new Set(comps.map(([name]) => name))
  /** @type {AppGraphView['connections']} */
  const connections = []
  for (const [from, c] of comps) {
    for (const [output, to] of Object.entries(c.connections ?? {})) {
      const target = targetOf(to)
      if (target !== undefined && names.has(target.component)) connections.push({ from, output, to: target.component, input: target.terminal })
    }
  }
  /** @type {AppGraphView['entries']} */
  const entries = []
  for (const [name, e] of Object.entries(appOf(doc).entries ?? {})) {
    const target = targetOf(/** @type {any} */ (e)?.to)
    if (target !== undefined && names.has(target.component)) entries.push({ name, port: Number(/** @type {any} */ (e)?.port) || 0, to: target.component, input: target.terminal })
  }
  return {
    components: comps.map(([name, c]) => ({
      name,
      image: String(c.image ?? '?'),
      count: Number.isSafeInteger(c.count) && c.count > 0 ? c.count : 1,
      terminals: (kinds.get(String(c.image))?.terminals ?? []).map(t => ({ name: t.name, direction: t.direction, protocol: t.protocol })),
      volumes: Object.keys(c.volumes ?? {})
    })),
    connections,
    entries
  }
}
