/**
 * The editor: build or change an app by drawing it. Components come from
 * the catalog, an output is connected to an input by picking both (from the
 * lists, or by clicking the ports in the diagram), the selected component's
 * properties are a form. Every action is an edit of the app's YAML
 * (app-doc.js), shown beside the drawing; editing the text redraws the
 * drawing. The node checks each version as it comes (POST /v1/validate,
 * issues at their line), says what applying it would change (POST
 * /v1/diff), and Apply puts it (PUT /v1/apps) after a confirmation.
 *
 *   catalog / ports / form ──app-doc edit──▶ Document ──▶ YAML text ─┐
 *   YAML text (typed) ──parseDocument──▶ Document ──graphOf──▶ diagram │
 *                                                   validate, diff ◀──┘
 */
import { ApiError, call, get, seg } from './api.js'
import { addComponent, addEntry, appOf, connect, disconnect, graphOf, removeComponent, setField } from './app-doc.js'
import { catalogStamp, loadCatalog } from './catalog.js'
import { drawDiagram } from './diagram.js'
import { confirmAction, notice, perform } from './dialog.js'
import { fill, h } from './dom.js'
import { catalogList, componentForm, connector, diffList } from './editor-panels.js'
import { every } from './live.js'
import { loadYaml } from './yaml.js'
import { yamlEditor } from './yaml-editor.js'

/** @typedef {import('./yaml.js').Yaml} Yaml */
/** @typedef {import('./app-doc.js').Doc} Doc */
/** @typedef {import('./catalog.js').Kind} Kind */
/** @typedef {import('../../client/types.ts').AppDetailView} AppDetailView */
/** @typedef {import('../../client/types.ts').ValidateView} ValidateView */
/** @typedef {import('../../client/types.ts').DiffView} DiffView */
/** @typedef {import('../../client/types.ts').ImageView} ImageView */
/** @typedef {import('../../client/types.ts').ApplyView} ApplyView */
/** @typedef {import('../../client/types.ts').GraphIssueView} GraphIssueView */

/** A pause in typing or drawing this long before the node checks the app, ms. */
const CHECK_AFTER_MS = 300

/**
 * How often the editor asks whether the grid's images changed, ms: an image
 * imported (or a node's seed images arriving) while the editor is open joins
 * its catalog without a reload.
 */
const CATALOG_POLL_MS = 3000

/** A new app's name until the operator gives it one. */
const NEW_APP_NAME = 'new-app'

/**
 * @param {HTMLElement} view
 * @param {string | undefined} name the app to edit; undefined for a new one
 * @param {{ readOnly: boolean }} session
 */
export function mountEditor (view, name, session) {
  const status = h('p.edit-status', { id: 'edit-status', role: 'status' }, 'Loading the catalog…')
  const nameField = /** @type {HTMLInputElement} */ (h('input', { id: 'app-name', 'aria-label': 'app name', spellcheck: 'false', autocomplete: 'off', pattern: '[a-z]([a-z0-9\\-]{0,61}[a-z0-9])?' }))
  const palette = h('aside.palette', null, h('h2', null, 'Catalog'))
  const connectBar = h('div.connector-holder')
  const drawing = h('div.diagram-holder', { id: 'edit-diagram' })
  const inspector = h('aside.inspector', { id: 'inspector' }, h('p.empty', null, 'Add a component, or click one to set its properties.'))
  const yaml = yamlEditor()
  const verdict = h('p.verdict', { id: 'verdict', role: 'status' })
  const diffBox = h('div.diff-box', { id: 'diff' }, h('p.empty', null, 'The changes an apply makes show here once the app is valid.'))
  const applyButton = /** @type {HTMLButtonElement} */ (h('button.primary.write', { type: 'button', id: 'apply', disabled: true }, 'Apply…'))
  fill(view,
    h('header.page', null, h('h1', null, h('a', { href: '#/apps' }, 'Apps'), ' / ', name === undefined ? 'new app' : h('a', { href: `#/apps/${seg(name)}` }, name), ' / edit'),
      h('label.name-field', null, 'name ', nameField), status),
    session.readOnly ? h('p.note', null, 'This session is read-only: you can draw and check an app here but not apply it.') : null,
    h('div.edit-page', null, palette, h('section.canvas', null, connectBar, drawing), inspector),
    h('div.edit-text', null,
      h('section', null, h('h2', null, 'YAML'), yaml.box, verdict, yaml.issues),
      h('section', null, h('h2', null, 'What Apply changes'), diffBox, h('div.apply-bar', null, applyButton)))
  )

  /** @type {Yaml | undefined} */
  let lib
  /** @type {Kind[]} */
  let catalog = []
  /** @type {Doc | undefined} */
  let doc
  /** @type {string | undefined} */
  let selected
  /** @type {{ component: string, terminal: string } | undefined} an output clicked, waiting for its input */
  let pending
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  /** @type {DiffView | undefined} what applying the checked text changes */
  let changes
  let checked = ''
  let round = 0
  let drawn = 0
  let gone = false
  /** Whether the text as it stands parses (the drawing edits only such a text). */
  let parses = true

  /** One drawing action: an edit of the document, then the text, the drawing and a check follow. @param {(d: Doc) => void} edit */
  const change = (edit) => {
    if (doc === undefined) return
    if (!parses) { notice('Fix the YAML first: the drawing edits a text that parses.', 'error'); return }
    edit(doc)
    yaml.set(doc.toString())
    refresh()
  }

  const refresh = () => {
    if (doc === undefined) return
    const app = appOf(doc)
    if (document.activeElement !== nameField) nameField.value = typeof app.name === 'string' ? app.name : ''
    const components = app.components !== null && typeof app.components === 'object' ? app.components : {}
    if (selected !== undefined && components[selected] === undefined) selected = undefined
    const graph = graphOf(doc, catalog)
    fill(connectBar, connector(graph, (from, output, to, input) => { change(d => { connect(d, from, output, to, input) }) }))
    renderInspector(components)
    void redraw(graph)
    schedule()
  }

  /** @param {Record<string, any>} components */
  const renderInspector = (components) => {
    if (selected === undefined) { fill(inspector, h('p.empty', null, 'Add a component, or click one in the drawing to set its properties.')); return }
    const at = selected
    const component = components[at]
    const kind = catalog.find(k => k.image === component?.image)
    // The form is drawn again after each change: keep the field the operator tabbed to.
    const focused = inspector.contains(document.activeElement) ? document.activeElement?.getAttribute('name') : undefined
    fill(inspector, componentForm({ name: at, component, kind, inputs: (kind?.terminals ?? []).filter(t => t.direction === 'in').map(t => t.name) }, {
      set: (path, value) => { change(d => { setField(d, at, path, value) }) },
      disconnect: (output) => { change(d => { disconnect(d, at, output) }) },
      remove: () => { change(d => { removeComponent(d, at) }) },
      publish: (input, port, entry) => { change(d => { addEntry(d, entry, port, at, input) }) }
    }))
    if (focused !== undefined && focused !== null) /** @type {HTMLElement | null} */ (inspector.querySelector(`[name="${CSS.escape(focused)}"]`))?.focus()
  }

  /** @param {import('../../client/types.ts').AppGraphView} graph */
  const redraw = async (graph) => {
    const mine = ++drawn
    if (graph.components.length === 0) { fill(drawing, h('p.empty', null, 'No components yet: add one from the catalog.')); return }
    try {
      const svg = await drawDiagram(graph)
      if (mine !== drawn || gone) return
      for (const box of svg.querySelectorAll('g.component')) box.classList.toggle('selected', /** @type {SVGElement} */ (box).dataset.component === selected)
      fill(drawing, svg)
    } catch (err) {
      if (mine === drawn) fill(drawing, h('p.error', null, `Could not draw the app: ${/** @type {Error} */ (err).message}`))
    }
  }

  // Clicks in the drawing: a component selects it; an output port then an input port connect them.
  drawing.addEventListener('click', (e) => {
    const target = /** @type {Element} */ (e.target)
    const box = /** @type {SVGElement | null} */ (target.closest('g.component'))
    const port = /** @type {SVGElement | null} */ (target.closest('g.port'))
    const component = box?.dataset.component
    if (component === undefined) return
    if (port !== null) {
      const terminal = port.dataset.terminal ?? ''
      if (port.classList.contains('out')) {
        pending = { component, terminal }
        for (const p of drawing.querySelectorAll('g.port.pending')) p.classList.remove('pending')
        port.classList.add('pending')
        status.textContent = `${component}.${terminal}: now click the input to connect it to`
        return
      }
      if (pending !== undefined) {
        const from = pending
        pending = undefined
        status.textContent = `connected ${from.component}.${from.terminal} → ${component}.${terminal}`
        change(d => { connect(d, from.component, from.terminal, component, terminal) })
        return
      }
    }
    selected = component
    for (const b of drawing.querySelectorAll('g.component')) b.classList.toggle('selected', /** @type {SVGElement} */ (b).dataset.component === selected)
    if (doc !== undefined) renderInspector(appOf(doc).components ?? {})
  })

  nameField.addEventListener('change', () => { change(d => { d.set('name', nameField.value.trim()) }) })

  yaml.text.addEventListener('input', () => {
    if (lib === undefined) return
    applyButton.disabled = true
    const next = lib.parseDocument(yaml.text.value)
    if (next.errors.length > 0) {
      // The node's check puts the syntax error at its line; the drawing waits for a text that parses.
      parses = false
      status.textContent = 'the YAML does not parse: the drawing shows the last text that did'
      schedule()
      return
    }
    status.textContent = ''
    parses = true
    doc = next
    refresh()
  })

  const schedule = () => {
    applyButton.disabled = true
    clearTimeout(timer)
    timer = setTimeout(() => { void check() }, CHECK_AFTER_MS)
  }

  const check = async () => {
    const text = yaml.text.value
    const mine = ++round
    let result
    /** @type {DiffView | undefined} */
    let diff
    try {
      result = /** @type {ValidateView} */ (await call('POST', '/v1/validate', { body: text }))
      if (result.ok) diff = /** @type {DiffView} */ (await call('POST', '/v1/diff', { body: text }))
    } catch (err) {
      if (mine !== round) return
      verdict.textContent = `could not check: ${/** @type {Error} */ (err).message}`
      verdict.className = 'verdict error'
      return
    }
    // An answer to older text is of no use.
    if (mine !== round || text !== yaml.text.value || gone) return
    checked = text
    changes = undefined
    yaml.show(result.issues)
    verdict.textContent = result.ok ? 'valid' : `${result.issues.length} issue${result.issues.length === 1 ? '' : 's'}`
    verdict.className = `verdict ${result.ok ? 'ok' : 'error'}`
    if (diff === undefined) {
      fill(diffBox, h('p.empty', null, 'Fix the issues first: then the changes an apply makes show here.'))
      return
    }
    changes = diff
    fill(diffBox, diffList(diff))
    applyButton.disabled = session.readOnly || (diff.exists && diff.changes.length === 0)
  }

  applyButton.addEventListener('click', async () => {
    const text = yaml.text.value
    if (text !== checked || changes === undefined) return
    const target = changes.name
    const ok = await confirmAction({ title: `Apply ${target}?`, body: h('div.diff-box', null, diffList(changes)), confirm: 'Apply' })
    if (ok === undefined) return
    await perform(`apply ${target}`, async () => {
      try {
        const r = /** @type {ApplyView} */ (await call('PUT', '/v1/apps', { body: text }))
        location.hash = `#/apps/${seg(r.name)}`
      } catch (err) {
        // The node checked again and found issues (the catalog or the nodes changed): show them where they are.
        if (err instanceof ApiError && Array.isArray(err.details)) yaml.show(/** @type {GraphIssueView[]} */ (err.details))
        throw err
      }
    })
  })

  /** @param {Kind[]} kinds */
  const showCatalog = (kinds) => {
    catalog = kinds
    const list = catalogList(kinds, kind => {
      change(d => { selected = addComponent(d, kind) })
    })
    const shown = palette.querySelector('#catalog')
    if (shown === null) palette.append(list)
    else shown.replaceWith(list)
  }

  /** @type {{ stop: () => void } | undefined} */
  let watching
  /**
   * Loads the catalog again whenever the grid's images change, and redraws what depends on it.
   * @param {Yaml} yamlLib @param {string} stamp what the catalog shown was drawn from
   */
  const watchCatalog = (yamlLib, stamp) => {
    watching = every(async () => {
      const images = /** @type {ImageView[]} */ (await get('/v1/images'))
      const next = catalogStamp(images)
      if (next === stamp) return
      const kinds = await loadCatalog(yamlLib, images)
      if (gone) return
      stamp = next
      showCatalog(kinds)
      // Not while the operator types in the form (a redraw would drop what the field holds and has not yet sent): the next edit redraws with it.
      if (!inspector.contains(document.activeElement)) refresh()
    }, CATALOG_POLL_MS, { later: true })
  }

  const start = async () => {
    lib = await loadYaml()
    const images = /** @type {ImageView[]} */ (await get('/v1/images'))
    const [kinds, source] = await Promise.all([
      loadCatalog(lib, images),
      name === undefined ? Promise.resolve(`name: ${NEW_APP_NAME}\ncomponents: {}\n`) : get(`/v1/apps/${seg(name)}`).then(a => /** @type {AppDetailView} */ (a).source)
    ])
    if (gone) return
    showCatalog(kinds)
    status.textContent = ''
    yaml.set(source)
    doc = lib.parseDocument(source)
    refresh()
    watchCatalog(lib, catalogStamp(images))
  }
  start().catch(err => {
    status.textContent = `could not start the editor: ${/** @type {Error} */ (err).message}`
    status.classList.add('error')
  })
  return () => { gone = true; clearTimeout(timer); watching?.stop() }
}

