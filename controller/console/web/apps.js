/**
 * Apps: the list, and one app's page — its graph as a diagram with the
 * instances live in it, the instances as a table (each with a console into
 * it), the app's events beside them, and delete and clone behind a
 * confirmation; Edit opens the app in the editor (editor.js).
 */
import { call, get, send, seg } from './api.js'
import { drawDiagram, healthOf, updateInstances } from './diagram.js'
import { confirmAction, notice, perform } from './dialog.js'
import { fill, h } from './dom.js'
import { ago, clockTime } from './format.js'
import { every } from './live.js'
import { ConsolePanel } from './terminal.js'

/** @typedef {import('../../client/types.ts').AppSummaryView} AppSummaryView */
/** @typedef {import('../../client/types.ts').AppDetailView} AppDetailView */

/** Events shown beside the diagram, newest first. */
const EVENTS_SHOWN = 60

/** @param {HTMLElement} view */
export function mountApps (view) {
  const body = h('tbody')
  const empty = h('p.empty', { hidden: true }, 'No apps yet. ', h('a', { href: '#/apply' }, 'Apply one'), '.')
  fill(view, h('header.page', null, h('h1', null, 'Apps'), h('div.actions', null, h('a.button', { href: '#/edit', 'data-action': 'new' }, 'New app…'))), empty,
    h('table.list', { id: 'apps' }, h('thead', null, h('tr', null, h('th', null, 'app'), h('th', null, 'status'), h('th', null, 'healthy'), h('th', null, 'components'), h('th', null, 'version'), h('th', null, 'entries'))), body))
  const live = every(async () => {
    const apps = /** @type {AppSummaryView[]} */ (await get('/v1/apps'))
    empty.hidden = apps.length > 0
    fill(body, apps.map(a => h('tr', { 'data-app': a.name },
      h('td', null, h('a', { href: `#/apps/${seg(a.name)}` }, a.name)),
      h('td', null, h('span.badge.status', { class: a.status }, a.status)),
      h('td', null, `${a.healthy} of ${a.instances}`),
      h('td', null, a.components),
      h('td', null, a.version),
      h('td', null, a.entries.join(', '))
    )))
  })
  return () => { live.stop() }
}

/**
 * @param {HTMLElement} view
 * @param {string} name
 */
export function mountApp (view, name) {
  const status = h('span.badge.status')
  const counts = h('span.counts')
  const holder = h('div.diagram-holder', { id: 'diagram' }, h('p.empty', null, 'Laying out the graph…'))
  const instances = h('tbody')
  const events = h('ol.events', { id: 'events' })
  const entries = h('ul.entries')
  const actions = h('div.actions',
    null,
    h('a.button', { href: `#/edit/${seg(name)}`, 'data-action': 'edit' }, 'Edit'),
    h('button.write', { type: 'button', 'data-action': 'clone', onclick: () => { void clone() } }, 'Clone…'),
    h('button.write.danger', { type: 'button', 'data-action': 'delete', onclick: () => { void remove() } }, 'Delete…')
  )
  fill(view,
    h('header.page', null, h('h1', null, h('a', { href: '#/apps' }, 'Apps'), ' / ', name), status, counts, actions),
    h('div.app-page', null,
      h('section.main', null, holder, h('h2', null, 'Entries'), entries, h('h2', null, 'Instances'),
        h('table.list', { id: 'instances' }, h('thead', null, h('tr', null, ...['instance', 'node', 'state', 'health', 'restarts', 'since', ''].map(c => h('th', null, c)))), instances)),
      h('aside.side', null, h('h2', null, 'Events'), events))
  )
  /** @type {SVGSVGElement | undefined} */
  let svg
  let shape = ''
  /** @type {AppDetailView | undefined} */
  let last

  const live = every(async () => {
    let app
    try {
      app = /** @type {AppDetailView} */ (await get(`/v1/apps/${seg(name)}`))
    } catch (err) {
      if (/** @type {{ code?: string }} */ (err).code === 'ERR_NOT_FOUND') { fill(holder, h('p.empty', null, `There is no app ${name} (any more).`)); svg = undefined; shape = ''; return }
      throw err
    }
    last = app
    status.className = `badge status ${app.status}`
    status.textContent = app.status
    counts.textContent = `${app.healthy} of ${app.instances} healthy · version ${app.version}`
    // Laid out again only when the graph itself changed; instances move within it.
    const nextShape = JSON.stringify(app.graph)
    if (nextShape !== shape) {
      shape = nextShape
      try {
        svg = await drawDiagram(app.graph)
        fill(holder, svg)
      } catch (err) {
        svg = undefined
        fill(holder, h('p.error', null, `Could not draw the graph: ${/** @type {Error} */ (err).message}`))
      }
    }
    if (svg !== undefined) updateInstances(svg, app.instanceList)
    fill(entries, app.entryList.length === 0 ? h('li.empty', null, 'none') : app.entryList.map(e => h('li', null, h('code', null, e.name), ` ${e.address} → ${e.to}`)))
    fill(instances, app.instanceList.map(i => h('tr', { 'data-instance': i.id, class: healthOf(i) },
      h('td', null, i.id),
      h('td.node', null, i.nodeName ?? i.node),
      h('td', null, i.state),
      h('td', null, i.health),
      h('td', null, i.restarts),
      h('td', null, i.since !== undefined ? ago(i.since) : ''),
      h('td', null, h('button.write', { type: 'button', 'data-action': 'console', title: `a shell in ${i.id} (its console, for a VM)`, onclick: () => { openConsole(i.id, i.nodeName ?? i.node) } }, 'Console'))
    )))
    fill(events, app.events.slice(-EVENTS_SHOWN).reverse().map(e => h('li', { class: `kind-${e.kind}` },
      h('time', { datetime: new Date(e.at).toISOString() }, clockTime(e.at)), ' ',
      h('span.kind', null, e.kind), ' ', h('span.subject', null, e.instance), h('div.detail', null, e.detail)
    )))
  })

  /** @type {ConsolePanel | undefined} */
  let terminal
  /** @param {string} instance @param {string | undefined} node */
  function openConsole (instance, node) {
    terminal?.close()
    terminal = new ConsolePanel({ app: name, instance, node }, () => { terminal = undefined })
  }

  async function remove () {
    const ok = await confirmAction({
      title: `Delete app ${name}?`,
      body: 'Its instances stop and its volumes are deleted with their data, on every node. This cannot be undone.',
      confirm: 'Delete',
      danger: true,
      mustType: name
    })
    if (ok === undefined) return
    if (await perform(`delete ${name}`, () => call('DELETE', `/v1/apps/${seg(name)}`))) location.hash = '#/apps'
  }

  async function clone () {
    const entryNames = last?.graph.entries.map(e => e.name) ?? []
    const values = await confirmAction({
      title: `Clone ${name}`,
      body: 'A copy of the graph under a new name, with a copy of each volume\'s present data. Entries need their own ports; leave one empty to leave that entry out.',
      confirm: 'Clone',
      fields: [
        { name: 'name', label: 'new app name', pattern: '[a-z]([a-z0-9\\-]{0,61}[a-z0-9])?', placeholder: `${name}-staging` },
        ...entryNames.map(e => ({ name: `port:${e}`, label: `port for entry ${e}`, pattern: '[0-9]{1,5}', required: false }))
      ]
    })
    if (values === undefined) return
    /** @type {Record<string, number>} */
    const ports = {}
    for (const e of entryNames) if ((values[`port:${e}`] ?? '') !== '') ports[e] = Number(values[`port:${e}`])
    const target = values.name ?? ''
    if (await perform(`clone ${name} as ${target}`, () => send('POST', `/v1/apps/${seg(name)}/clone`, { name: target, ports }))) {
      notice(`opening ${target}`)
      location.hash = `#/apps/${seg(target)}`
    }
  }
  return () => { live.stop(); terminal?.close() }
}
