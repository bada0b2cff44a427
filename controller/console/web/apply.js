/**
 * Apply an app: its YAML in an editor with line numbers, checked by the node
 * as it is typed (POST /v1/validate), each issue marked at its line and
 * listed with its path; Apply (PUT /v1/apps) after a confirmation. An
 * existing app's YAML can be loaded to edit it. A read-only session may
 * validate but not apply.
 */
import { ApiError, call, get, seg } from './api.js'
import { confirmAction, perform } from './dialog.js'
import { fill, h } from './dom.js'
import { yamlEditor } from './yaml-editor.js'

/** @typedef {import('../../client/types.ts').GraphIssueView} GraphIssueView */
/** @typedef {import('../../client/types.ts').ValidateView} ValidateView */
/** @typedef {import('../../client/types.ts').AppSummaryView} AppSummaryView */
/** @typedef {import('../../client/types.ts').AppDetailView} AppDetailView */
/** @typedef {import('../../client/types.ts').ApplyView} ApplyView */

/** Typing pauses this long before the text is checked, ms. */
const VALIDATE_AFTER_MS = 400

/**
 * @param {HTMLElement} view
 * @param {{ readOnly: boolean }} session
 */
export function mountApply (view, session) {
  const yaml = yamlEditor({ placeholder: 'name: my-app\ncomponents:\n  web:\n    image: web' })
  const editor = yaml.text
  const verdict = h('p.verdict', { id: 'verdict', role: 'status' })
  const load = /** @type {HTMLSelectElement} */ (h('select', { id: 'load', 'aria-label': 'load an app' }, h('option', { value: '' }, 'Load an app\'s YAML…')))
  const applyButton = /** @type {HTMLButtonElement} */ (h('button.primary.write', { type: 'button', id: 'apply', disabled: true }, 'Apply…'))
  fill(view,
    h('header.page', null, h('h1', null, 'Apply an app'), load),
    session.readOnly ? h('p.note', { id: 'read-only-note' }, 'This session is read-only: you can check an app here but not apply it.') : null,
    yaml.box,
    h('div.apply-bar', null, verdict, applyButton),
    yaml.issues
  )
  const show = yaml.show

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  let checked = ''
  let round = 0

  const validate = async () => {
    const text = editor.value
    if (text.trim() === '') { verdict.textContent = ''; show([]); applyButton.disabled = true; checked = ''; return }
    const mine = ++round
    let result
    try {
      result = /** @type {ValidateView} */ (await call('POST', '/v1/validate', { body: text }))
    } catch (err) {
      if (mine !== round) return
      verdict.textContent = `could not check: ${/** @type {Error} */ (err).message}`
      verdict.className = 'verdict error'
      return
    }
    // An answer to older text is of no use.
    if (mine !== round || text !== editor.value) return
    checked = text
    show(result.issues)
    verdict.textContent = result.ok ? 'valid' : `${result.issues.length} issue${result.issues.length === 1 ? '' : 's'}`
    verdict.className = `verdict ${result.ok ? 'ok' : 'error'}`
    applyButton.disabled = !result.ok || session.readOnly
  }

  editor.addEventListener('input', () => {
    applyButton.disabled = true
    clearTimeout(timer)
    timer = setTimeout(() => { void validate() }, VALIDATE_AFTER_MS)
  })

  load.addEventListener('change', async () => {
    if (load.value === '') return
    const app = /** @type {AppDetailView} */ (await get(`/v1/apps/${seg(load.value)}`))
    editor.value = app.source
    load.value = ''
    editor.dispatchEvent(new Event('input'))
  })
  void get('/v1/apps').then(apps => {
    for (const a of /** @type {AppSummaryView[]} */ (apps)) load.append(h('option', { value: a.name }, a.name))
  }, () => {})

  applyButton.addEventListener('click', async () => {
    const text = editor.value
    if (text !== checked) return
    const name = /^name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? 'this app'
    const ok = await confirmAction({ title: `Apply ${name}?`, body: 'The grid creates the app, or updates it to this graph: instances may restart or move.', confirm: 'Apply' })
    if (ok === undefined) return
    await perform(`apply ${name}`, async () => {
      try {
        const r = /** @type {ApplyView} */ (await call('PUT', '/v1/apps', { body: text }))
        verdict.textContent = `${r.name} ${r.change}, version ${r.version}`
        verdict.className = 'verdict ok'
        fill(yaml.issues, h('li.applied', null, h('a', { href: `#/apps/${seg(r.name)}` }, `open ${r.name}`)))
      } catch (err) {
        // The node checked again and found issues (the catalog or the nodes changed): show them where they are.
        if (err instanceof ApiError && Array.isArray(err.details)) show(/** @type {GraphIssueView[]} */ (err.details))
        throw err
      }
    })
  })
  return () => { clearTimeout(timer) }
}
