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
  const gutter = h('div.gutter', { id: 'gutter', 'aria-hidden': 'true' })
  const editor = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'yaml', wrap: 'off', spellcheck: 'false', autocomplete: 'off', 'aria-label': 'app YAML', placeholder: 'name: my-app\ncomponents:\n  web:\n    image: web' }))
  const verdict = h('p.verdict', { id: 'verdict', role: 'status' })
  const issues = h('ol.issues', { id: 'issues' })
  const load = /** @type {HTMLSelectElement} */ (h('select', { id: 'load', 'aria-label': 'load an app' }, h('option', { value: '' }, 'Load an app\'s YAML…')))
  const applyButton = /** @type {HTMLButtonElement} */ (h('button.primary.write', { type: 'button', id: 'apply', disabled: true }, 'Apply…'))
  fill(view,
    h('header.page', null, h('h1', null, 'Apply an app'), load),
    session.readOnly ? h('p.note', { id: 'read-only-note' }, 'This session is read-only: you can check an app here but not apply it.') : null,
    h('div.editor', null, gutter, editor),
    h('div.apply-bar', null, verdict, applyButton),
    issues
  )

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  let checked = ''
  let round = 0

  const renumber = () => {
    const count = editor.value.split('\n').length
    if (gutter.childElementCount !== count) {
      fill(gutter, Array.from({ length: count }, (_, i) => h('div', { 'data-line': i + 1 }, i + 1)))
    }
  }

  /** @param {GraphIssueView[]} found */
  const show = (found) => {
    for (const line of gutter.querySelectorAll('.error')) { line.classList.remove('error'); line.removeAttribute('title') }
    for (const [line, messages] of issueLines(found)) {
      const mark = gutter.querySelector(`[data-line="${line}"]`)
      if (mark === null) continue
      mark.classList.add('error')
      mark.setAttribute('title', messages.join('\n'))
    }
    fill(issues, found.map(i => h('li', { 'data-line': i.line ?? '', 'data-code': i.code, onclick: () => { if (i.line !== undefined) goTo(i.line, i.column) } },
      h('span.where', null, i.line !== undefined ? `line ${i.line}${i.column !== undefined ? `, column ${i.column}` : ''}` : 'document'),
      i.path === '' ? null : h('code', null, i.path), ' ', i.message
    )))
  }

  /** Puts the caret at a line (and column) and scrolls to it. @param {number} line @param {number} [column] */
  const goTo = (line, column = 1) => {
    const lines = editor.value.split('\n')
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1
    editor.focus()
    editor.setSelectionRange(offset, offset + Math.max(1, (lines[line - 1]?.length ?? 0) - column + 1))
    editor.scrollTop = Math.max(0, (line - 3) * lineHeight())
  }
  const lineHeight = () => parseFloat(getComputedStyle(editor).lineHeight) || 18

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
    renumber()
    applyButton.disabled = true
    clearTimeout(timer)
    timer = setTimeout(() => { void validate() }, VALIDATE_AFTER_MS)
  })
  editor.addEventListener('scroll', () => { gutter.scrollTop = editor.scrollTop })
  // Tab indents rather than leaving the editor: YAML is indented by spaces.
  editor.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || e.shiftKey) return
    e.preventDefault()
    editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end')
    editor.dispatchEvent(new Event('input'))
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
        fill(issues, h('li.applied', null, h('a', { href: `#/apps/${seg(r.name)}` }, `open ${r.name}`)))
      } catch (err) {
        // The node checked again and found issues (the catalog or the nodes changed): show them where they are.
        if (err instanceof ApiError && Array.isArray(err.details)) show(/** @type {GraphIssueView[]} */ (err.details))
        throw err
      }
    })
  })
  renumber()
  return () => { clearTimeout(timer) }
}

/**
 * Issues by line, for the gutter; issues without a line belong to the whole document.
 * @param {GraphIssueView[]} issues
 * @returns {Map<number, string[]>} line → messages
 */
function issueLines (issues) {
  /** @type {Map<number, string[]>} */
  const lines = new Map()
  for (const i of issues) {
    if (i.line === undefined) continue
    lines.set(i.line, [...(lines.get(i.line) ?? []), i.path === '' ? i.message : `${i.path}: ${i.message}`])
  }
  return lines
}
