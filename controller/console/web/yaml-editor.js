/**
 * A YAML text box with line numbers, whose issues (as POST /v1/validate
 * reports them) are marked at their line in the gutter and listed below
 * with their path; clicking one puts the caret there. The Apply page and
 * the editor both use it.
 */
import { fill, h } from './dom.js'

/** @typedef {import('../../client/types.ts').GraphIssueView} GraphIssueView */

/**
 * @param {{ placeholder?: string }} [options]
 * @returns {{ box: HTMLElement, text: HTMLTextAreaElement, issues: HTMLElement, show: (found: GraphIssueView[]) => void, set: (value: string) => void }}
 *   `box` holds the gutter and the text; `issues` is the list, for the caller to place; `set` replaces the text without an input event.
 */
export function yamlEditor (options = {}) {
  const gutter = h('div.gutter', { id: 'gutter', 'aria-hidden': 'true' })
  const text = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'yaml', wrap: 'off', spellcheck: 'false', autocomplete: 'off', 'aria-label': 'app YAML', placeholder: options.placeholder }))
  const issues = h('ol.issues', { id: 'issues' })

  const renumber = () => {
    const count = text.value.split('\n').length
    if (gutter.childElementCount !== count) {
      fill(gutter, Array.from({ length: count }, (_, i) => h('div', { 'data-line': i + 1 }, i + 1)))
    }
  }

  /** Puts the caret at a line (and column) and scrolls to it. @param {number} line @param {number} [column] */
  const goTo = (line, column = 1) => {
    const lines = text.value.split('\n')
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1
    text.focus()
    text.setSelectionRange(offset, offset + Math.max(1, (lines[line - 1]?.length ?? 0) - column + 1))
    text.scrollTop = Math.max(0, (line - 3) * (parseFloat(getComputedStyle(text).lineHeight) || 18))
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

  text.addEventListener('input', renumber)
  text.addEventListener('scroll', () => { gutter.scrollTop = text.scrollTop })
  // Tab indents rather than leaving the text: YAML is indented by spaces.
  text.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || e.shiftKey) return
    e.preventDefault()
    text.setRangeText('  ', text.selectionStart, text.selectionEnd, 'end')
    text.dispatchEvent(new Event('input'))
  })
  renumber()
  return {
    box: h('div.editor', null, gutter, text),
    text,
    issues,
    show,
    set: (value) => { text.value = value; renumber() }
  }
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
