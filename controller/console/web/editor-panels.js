/**
 * The editor's panels, each drawn from the present app and calling back
 * with what the operator asked for: the catalog to add components from, the
 * form of the selected component (count, properties, volumes, its
 * connections, publishing an input), the output → input connector, and
 * what an apply would change. They change nothing themselves.
 */
import { h } from './dom.js'
import { propertyValue, targetOf } from './app-doc.js'

/** @typedef {import('./catalog.js').Kind} Kind */
/** @typedef {import('../../client/types.ts').AppGraphView} AppGraphView */
/** @typedef {import('../../client/types.ts').DiffView} DiffView */

/**
 * @param {Kind[]} kinds
 * @param {(kind: Kind) => void} add
 */
export function catalogList (kinds, add) {
  return h('ul.catalog', { id: 'catalog' }, kinds.map(k => h('li', { 'data-kind': k.image, class: k.inGrid ? '' : 'absent' },
    h('button', { type: 'button', 'data-add': k.image, title: `add a component of image ${k.image}`, onclick: () => { add(k) } }, '+ ', k.image),
    k.version === '' ? null : h('span.version', null, ` ${k.version}`),
    h('div.detail', null, k.inGrid ? k.description : `From examples/${k.example ?? ''}; not in this grid's catalog: import it before applying.`)
  )))
}

/**
 * The form of one component. Changes are reported field by field as they are made.
 * @param {{ name: string, component: any, kind: Kind | undefined, inputs: string[] }} of
 *   `component` as the YAML holds it; `inputs` the input terminals of its kind
 * @param {{ set: (path: string[], value: unknown) => void, disconnect: (output: string) => void, remove: () => void, publish: (input: string, port: number, entry: string) => void }} on
 */
export function componentForm ({ name, component, kind, inputs }, on) {
  /** @param {string[]} path @param {string} label @param {HTMLElement} input @param {string} [hint] */
  const field = (path, label, input, hint) => {
    input.setAttribute('name', path.join('.'))
    return h('label.field', null, h('span.label', null, label), input, hint === undefined || hint === '' ? null : h('span.hint', null, hint))
  }
  /** @param {string[]} path @param {unknown} value @param {(text: string) => unknown} parse @param {Record<string, any>} [props] */
  const text = (path, value, parse, props = {}) => /** @type {HTMLInputElement} */ (h('input', {
    ...props,
    value: value === undefined || value === null ? '' : String(value),
    spellcheck: 'false',
    autocomplete: 'off',
    onchange: (/** @type {Event} */ e) => { on.set(path, parse(/** @type {HTMLInputElement} */ (e.target).value.trim())) }
  }))
  /** @param {string[]} path @param {unknown} value @param {unknown[]} choices @param {unknown} fallback @param {string} type */
  const choice = (path, value, choices, fallback, type) => h('select', {
    onchange: (/** @type {Event} */ e) => { on.set(path, propertyValue(/** @type {HTMLSelectElement} */ (e.target).value, type)) }
  }, h('option', { value: '' }, fallback === undefined ? '(not set)' : `(default: ${String(fallback)})`),
  choices.map(c => h('option', { value: String(c), selected: value !== undefined && String(value) === String(c) }, String(c))))

  const properties = component?.properties ?? {}
  const volumes = component?.volumes ?? {}
  const connections = Object.entries(component?.connections ?? {})
  const entryPort = /** @type {HTMLInputElement} */ (h('input', { name: 'entry.port', type: 'number', min: 1, max: 65535, placeholder: 'port', 'aria-label': 'entry port' }))
  const entryInput = /** @type {HTMLSelectElement} */ (h('select', { name: 'entry.input', 'aria-label': 'input to publish' }, inputs.map(i => h('option', { value: i }, i))))
  return h('form.component-form', { id: 'inspector-form', 'data-component': name, onsubmit: (/** @type {Event} */ e) => { e.preventDefault() } },
    h('h2', null, name, h('span.detail', null, ` image ${String(component?.image ?? '?')}`)),
    kind === undefined ? h('p.error', null, 'This image is not in the catalog.') : null,
    field(['count'], 'count', text(['count'], component?.count, t => t === '' ? undefined : Number(t), { type: 'number', min: 1, placeholder: '1' }), volumes !== null && Object.keys(volumes).length > 0 ? 'a component with a volume has one instance' : ''),
    (kind?.properties ?? []).length === 0 ? null : h('h3', null, 'Properties'),
    (kind?.properties ?? []).map(p => field(['properties', p.name], `${p.name} (${p.type})`,
      p.enum !== undefined || p.type === 'boolean'
        ? choice(['properties', p.name], properties[p.name], p.enum ?? [true, false], p.default, p.type)
        : text(['properties', p.name], properties[p.name], t => propertyValue(t, p.type), { type: p.type === 'string' ? 'text' : 'number', step: p.type === 'integer' ? 1 : 'any', placeholder: p.default === undefined ? 'required' : String(p.default) }),
      p.description)),
    (kind?.volumes ?? []).length === 0 ? null : h('h3', null, 'Volumes'),
    (kind?.volumes ?? []).map(v => h('div.volume-fields', null,
      field(['volumes', v.name, 'size'], `${v.name} size`, text(['volumes', v.name, 'size'], volumes[v.name]?.size, t => t === '' ? undefined : t, { placeholder: v.required ? 'required, e.g. 1Gi' : 'none' }), v.mount === undefined ? '' : `mounted at ${v.mount}`),
      field(['volumes', v.name, 'replicas'], 'replicas', text(['volumes', v.name, 'replicas'], volumes[v.name]?.replicas, t => t === '' ? undefined : Number(t), { type: 'number', min: 1, max: 5, placeholder: '2' }))
    )),
    h('h3', null, 'Connections'),
    connections.length === 0
      ? h('p.empty', null, 'none from here')
      : h('ul.connections', null, connections.map(([output, to]) => h('li', { 'data-output': output },
        h('code', null, `${output} → ${String(to)}`), ' ',
        h('button.small', { type: 'button', 'data-disconnect': output, title: 'remove this connection', onclick: () => { on.disconnect(output) } }, '×')))),
    inputs.length === 0
      ? null
      : h('div.publish', null, h('h3', null, 'Publish an input'), entryInput, entryPort,
        h('button', { type: 'button', 'data-action': 'publish', onclick: () => { if (entryPort.value !== '') on.publish(entryInput.value, Number(entryPort.value), entryInput.value) } }, 'Publish')),
    h('div.buttons', null, h('button.danger', { type: 'button', 'data-action': 'remove-component', onclick: on.remove }, `Remove ${name}`))
  )
}

/**
 * Every output and every input of the drawn app, as `component.terminal`.
 * @param {AppGraphView} graph
 */
export function terminalsOf (graph) {
  const outputs = graph.components.flatMap(c => c.terminals.filter(t => t.direction === 'out').map(t => ({ ref: `${c.name}.${t.name}`, protocol: t.protocol })))
  const inputs = graph.components.flatMap(c => c.terminals.filter(t => t.direction === 'in').map(t => ({ ref: `${c.name}.${t.name}`, protocol: t.protocol })))
  return { outputs, inputs }
}

/**
 * The connector: an output, an input, Connect.
 * @param {AppGraphView} graph
 * @param {(from: string, output: string, to: string, input: string) => void} connect
 */
export function connector (graph, connect) {
  const { outputs, inputs } = terminalsOf(graph)
  const label = (/** @type {{ ref: string, protocol: string }} */ t) => `${t.ref}${t.protocol === '' ? '' : ` (${t.protocol})`}`
  const from = /** @type {HTMLSelectElement} */ (h('select', { id: 'connect-from', 'aria-label': 'output' }, outputs.map(t => h('option', { value: t.ref }, label(t)))))
  const to = /** @type {HTMLSelectElement} */ (h('select', { id: 'connect-to', 'aria-label': 'input' }, inputs.map(t => h('option', { value: t.ref }, label(t)))))
  const go = () => {
    const a = targetOf(from.value)
    const b = targetOf(to.value)
    if (a !== undefined && b !== undefined) connect(a.component, a.terminal, b.component, b.terminal)
  }
  return h('div.connector', null, h('span.label', null, 'Connect output'), from, h('span', null, '→ input'), to,
    h('button', { type: 'button', id: 'connect', disabled: outputs.length === 0 || inputs.length === 0, onclick: go }, 'Connect'),
    h('span.hint', null, 'or click an output port (filled), then an input port (hollow)'))
}

/**
 * What applying would change, as `trellis diff` prints it.
 * @param {DiffView} diff
 */
export function diffList (diff) {
  const show = (/** @type {unknown} */ v) => JSON.stringify(v) ?? ''
  const words = [
    diff.exists ? `updates ${diff.name} (now revision ${diff.revision ?? '?'})` : `creates ${diff.name}`,
    diff.starts.length > 0 ? `starts ${diff.starts.join(', ')}` : '',
    diff.restarts.length > 0 ? `restarts ${diff.restarts.join(', ')}` : '',
    diff.stops.length > 0 ? `stops ${diff.stops.join(', ')}` : ''
  ].filter(Boolean).join(' · ')
  return [
    h('p.diff-summary', null, diff.exists && diff.changes.length === 0 ? `no changes to ${diff.name}` : words),
    // A new app's "changes" are the whole spec as the node completes it: the summary says it better.
    diff.exists ? h('ul.diff', null, diff.changes.map(c => h('li', { class: c.kind, 'data-path': c.path },
      h('span.sign', null, c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~'), ' ',
      h('code', null, c.path), c.kind === 'added' ? `: ${show(c.to)}` : c.kind === 'removed' ? `: ${show(c.from)}` : `: ${show(c.from)} → ${show(c.to)}`))) : null
  ]
}
