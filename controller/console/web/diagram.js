/**
 * An app's graph as a diagram: components are boxes, their terminals are
 * ports (inputs on the left, outputs on the right), connections are edges,
 * entries are small boxes feeding the input they publish. elkjs's layered
 * algorithm places them (a layout engine made for diagrams with ports);
 * this module draws its answer as SVG.
 *
 * Instances are drawn inside their component's box, one row each, coloured
 * by health and labelled with their node. A refresh whose graph is the same
 * only rewrites those rows; a new graph is laid out again.
 *
 *   AppGraphView ──elkGraph()──▶ ELK JSON ──ELK.layout()──▶ positions ──draw()──▶ <svg>
 *   instances ──────────────────────────────────────────────updateInstances()──▶ rows
 */
import { s } from './dom.js'

/** @typedef {import('../../client/types.ts').AppGraphView} AppGraphView */
/** @typedef {import('../../client/types.ts').InstanceStatusView} InstanceStatusView */
/** @typedef {import('elkjs/lib/elk-api.js').ElkNode} ElkNode */
/** @typedef {import('elkjs/lib/elk-api.js').ElkExtendedEdge} ElkExtendedEdge */

/** Sizes of the drawing, px. */
const HEADER = 40
const ROW = 24
const PORT = 10
const PORT_GAP = 26
const ENTRY_WIDTH = 100
const ENTRY_HEIGHT = 44
/** Width of an instance row, between the port labels, px. */
const ROW_WIDTH = 130
/** Width of one character of a port label (11 px monospace), px. */
const LABEL_CHAR = 6.7

/**
 * Room for the port labels on each side of a box, so instance rows never cover them.
 * @param {string[]} names terminal names on that side
 */
const inset = (names) => Math.ceil(Math.max(12, 10 + Math.max(0, ...names.map(n => n.length)) * LABEL_CHAR))

/** @param {string} component */
export const boxId = (component) => `c/${component}`
/** @param {string} component @param {string} terminal */
export const portId = (component, terminal) => `p/${component}/${terminal}`

/**
 * The ELK graph of an app (pure: no DOM, no layout).
 * @param {AppGraphView} graph
 * @returns {ElkNode}
 */
export function elkGraph (graph) {
  /** @type {Map<string, Map<string, 'in' | 'out'>>} terminals by component, from the images and from the connections */
  const terminals = new Map(graph.components.map(c => [c.name, new Map(c.terminals.map(t => [t.name, t.direction]))]))
  const need = (/** @type {string} */ c, /** @type {string} */ t, /** @type {'in' | 'out'} */ d) => {
    const m = terminals.get(c) ?? new Map()
    if (!m.has(t)) m.set(t, d)
    terminals.set(c, m)
  }
  // An image gone from the catalog still gets the ports its connections use.
  for (const k of graph.connections) { need(k.from, k.output, 'out'); need(k.to, k.input, 'in') }
  for (const e of graph.entries) need(e.to, e.input, 'in')

  /** @type {ElkNode[]} */
  const children = graph.components.map(c => {
    const ports = [...(terminals.get(c.name) ?? new Map())]
    const inputs = ports.filter(([, d]) => d === 'in').map(([t]) => t)
    const outputs = ports.filter(([, d]) => d === 'out').map(([t]) => t)
    const height = Math.max(HEADER + c.count * ROW + 12, 20 + Math.max(inputs.length, outputs.length) * PORT_GAP)
    const title = Math.max(c.name.length * 9, (c.image.length + 12) * 6.5)
    return {
      id: boxId(c.name),
      width: Math.max(inset(inputs) + ROW_WIDTH + inset(outputs), title + 24),
      height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_SIDE', 'elk.spacing.portPort': String(PORT_GAP - PORT) },
      ports: ports.map(([t, d]) => ({
        id: portId(c.name, t),
        width: PORT,
        height: PORT,
        layoutOptions: { 'elk.port.side': d === 'in' ? 'WEST' : 'EAST' }
      }))
    }
  })
  for (const e of graph.entries) {
    children.push({
      id: `e/${e.name}`,
      width: ENTRY_WIDTH,
      height: ENTRY_HEIGHT,
      layoutOptions: { 'elk.portConstraints': 'FIXED_SIDE' },
      ports: [{ id: `e/${e.name}/out`, width: PORT, height: PORT, layoutOptions: { 'elk.port.side': 'EAST' } }]
    })
  }
  /** @type {ElkExtendedEdge[]} */
  const edges = [
    ...graph.connections.map((k, i) => ({ id: `k${i}`, sources: [portId(k.from, k.output)], targets: [portId(k.to, k.input)] })),
    ...graph.entries.map((e, i) => ({ id: `en${i}`, sources: [`e/${e.name}/out`], targets: [portId(e.to, e.input)] }))
  ]
  return {
    id: 'app',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.layered.spacing.edgeNodeBetweenLayers': '30',
      'elk.padding': '[top=24,left=24,bottom=24,right=24]'
    },
    children,
    edges
  }
}

/** @type {Promise<InstanceType<NonNullable<Window['ELK']>>> | undefined} */
let engine

/** Loads elk.bundled.js once, on the first diagram. */
function layoutEngine () {
  engine ??= new Promise((resolve, reject) => {
    if (window.ELK !== undefined) { resolve(new window.ELK()); return }
    const script = document.createElement('script')
    script.src = '/console/elk.bundled.js'
    script.onload = () => { window.ELK === undefined ? reject(new Error('the layout engine did not load')) : resolve(new window.ELK()) }
    script.onerror = () => { engine = undefined; reject(new Error('could not load the layout engine')) }
    document.head.append(script)
  })
  return engine
}

/**
 * Lays the app out and draws it.
 * @param {AppGraphView} graph
 * @returns {Promise<SVGSVGElement>}
 */
export async function drawDiagram (graph) {
  const laid = await (await layoutEngine()).layout(elkGraph(graph))
  return draw(graph, laid)
}

/**
 * @param {AppGraphView} graph
 * @param {ElkNode} laid
 */
function draw (graph, laid) {
  const width = Math.ceil(laid.width ?? 0)
  const height = Math.ceil(laid.height ?? 0)
  const svg = /** @type {SVGSVGElement} */ (s('svg.diagram', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'app graph' },
    s('defs', null, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z' })))
  ))
  const byId = new Map((laid.children ?? []).map(n => [n.id, n]))
  for (const edge of /** @type {ElkExtendedEdge[]} */ (laid.edges ?? [])) {
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
      svg.append(s('path.edge', { class: edge.id.startsWith('en') ? 'entry-edge' : '', d: points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' '), 'marker-end': 'url(#arrow)', 'data-edge': `${edge.sources[0]}->${edge.targets[0]}` }))
    }
  }
  for (const e of graph.entries) {
    const n = byId.get(`e/${e.name}`)
    if (n === undefined) continue
    svg.append(s('g.entry', { transform: `translate(${n.x} ${n.y})`, 'data-entry': e.name },
      s('rect', { width: n.width, height: n.height, rx: 22 }),
      s('text', { x: (n.width ?? 0) / 2, y: 18, 'text-anchor': 'middle', class: 'entry-name' }, `entry ${e.name}`),
      s('text', { x: (n.width ?? 0) / 2, y: 34, 'text-anchor': 'middle', class: 'entry-port' }, `:${e.port}`)
    ))
  }
  for (const c of graph.components) {
    const n = byId.get(boxId(c.name))
    if (n === undefined) continue
    const w = n.width ?? 0
    const ports = (n.ports ?? []).map(p => ({ p, terminal: p.id.split('/').slice(2).join('/'), input: (p.x ?? 0) < w / 2 }))
    const left = inset(ports.filter(x => x.input).map(x => x.terminal))
    const right = inset(ports.filter(x => !x.input).map(x => x.terminal))
    const box = s('g.component', { transform: `translate(${n.x} ${n.y})`, 'data-component': c.name },
      s('rect.box', { width: w, height: n.height, rx: 6 }),
      s('text.name', { x: w / 2, y: 17, 'text-anchor': 'middle' }, c.name),
      s('text.image', { x: w / 2, y: 32, 'text-anchor': 'middle' }, `image ${c.image}${c.count > 1 ? ` ×${c.count}` : ''}${c.volumes.length > 0 ? ` · volume ${c.volumes.join(', ')}` : ''}`),
      s('g.instances', { 'data-left': left, 'data-width': w - left - right })
    )
    for (const { p, terminal, input } of ports) {
      box.append(s('g.port', { class: input ? 'in' : 'out', 'data-terminal': terminal },
        s('rect', { x: p.x, y: p.y, width: p.width, height: p.height }),
        s('text', { x: input ? (p.x ?? 0) + PORT + 4 : (p.x ?? 0) - 4, y: (p.y ?? 0) + PORT - 1, 'text-anchor': input ? 'start' : 'end' }, terminal)
      ))
    }
    svg.append(box)
  }
  return svg
}

/**
 * How an instance looks: ok (serving), bad (failed, unhealthy, in back-off),
 * lost (its node is not up), wait (starting, pending, no verdict yet).
 * @param {InstanceStatusView} i
 */
export function healthOf (i) {
  if (/\(node /.test(i.state)) return 'lost'
  if (i.ready) return 'ok'
  if (i.health === 'unhealthy' || i.state === 'failed' || i.state === 'backoff') return 'bad'
  return 'wait'
}

/**
 * Writes the instance rows into their component boxes.
 * @param {SVGSVGElement} svg
 * @param {InstanceStatusView[]} instances
 */
export function updateInstances (svg, instances) {
  for (const group of svg.querySelectorAll('g.component')) {
    const component = /** @type {SVGElement} */ (group).dataset.component
    const rows = /** @type {SVGElement | null} */ (group.querySelector('g.instances'))
    if (rows === null) continue
    const left = Number(rows.dataset.left)
    const width = Number(rows.dataset.width)
    const mine = instances.filter(i => i.component === component).sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }))
    rows.replaceChildren(...mine.map((i, k) => {
      const health = healthOf(i)
      const short = i.id.split('.').slice(1).join('.')
      return s('g.instance', { class: health, transform: `translate(${left} ${HEADER + k * ROW})`, 'data-instance': i.id, 'data-health': health },
        s('title', null, `${i.id}: ${i.state}, health ${i.health}${i.restarts > 0 ? `, ${i.restarts} restarts` : ''}`),
        s('rect', { width, height: ROW - 5, rx: 9 }),
        s('circle', { cx: 10, cy: (ROW - 5) / 2, r: 4 }),
        s('text', { x: 20, y: ROW - 10 }, s('tspan.iname', null, short), s('tspan.at', null, ' on '), s('tspan.inode', null, i.nodeName ?? (i.node === '' ? 'unplaced' : i.node.slice(-8))))
      )
    }))
  }
}
