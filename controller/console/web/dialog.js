/**
 * Confirmation before any change: a modal dialog that says what will
 * happen, with fields when the action needs words (a clone's name, a
 * snapshot's name). Resolves to the fields' values, or undefined when
 * cancelled.
 */
import { fill, h } from './dom.js'

/**
 * @typedef {{ name: string, label: string, value?: string, pattern?: string, placeholder?: string, required?: boolean }} Field
 * @param {{ title: string, body?: string | Node, confirm: string, danger?: boolean, fields?: Field[], mustType?: string }} spec
 *   `mustType`: the action is enabled only once this exact text is typed (deleting an app asks for its name).
 * @returns {Promise<Record<string, string> | undefined>}
 */
export function confirmAction (spec) {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById('dialog'))
  const inputs = (spec.fields ?? []).map(f => h('input', { name: f.name, value: f.value ?? '', pattern: f.pattern, placeholder: f.placeholder, required: f.required !== false, autocomplete: 'off', spellcheck: 'false' }))
  const typed = spec.mustType === undefined ? undefined : h('input', { name: '__confirm', autocomplete: 'off', spellcheck: 'false', 'aria-label': `type ${spec.mustType} to confirm` })
  const ok = /** @type {HTMLButtonElement} */ (h('button', { value: 'ok', class: spec.danger === true ? 'danger' : 'primary', 'data-role': 'confirm' }, spec.confirm))
  const cancel = h('button', { value: 'cancel', type: 'button', formnovalidate: true, 'data-role': 'cancel' }, 'Cancel')
  const form = /** @type {HTMLFormElement} */ (h('form', { method: 'dialog' },
    h('h2', null, spec.title),
    spec.body === undefined ? null : h('div.body', null, spec.body),
    (spec.fields ?? []).map((f, i) => h('label', null, f.label, inputs[i])),
    typed === undefined ? null : h('label', null, 'Type ', h('code', null, spec.mustType), ' to confirm', typed),
    h('div.buttons', null, cancel, ok)
  ))
  if (typed !== undefined) {
    ok.disabled = true
    typed.addEventListener('input', () => { ok.disabled = /** @type {HTMLInputElement} */ (typed).value !== spec.mustType })
  }
  fill(dialog, form)
  return new Promise(resolve => {
    let result
    cancel.addEventListener('click', () => { dialog.close() })
    form.addEventListener('submit', () => {
      result = Object.fromEntries((spec.fields ?? []).map((f, i) => [f.name, /** @type {HTMLInputElement} */ (inputs[i]).value.trim()]))
    })
    dialog.addEventListener('close', () => { resolve(result) }, { once: true })
    dialog.showModal()
    const first = inputs[0] ?? typed ?? ok
    first.focus()
  })
}

/**
 * A short message at the bottom of the page: what an action did or why it failed.
 * @param {string} text
 * @param {'ok' | 'error'} [kind]
 */
export function notice (text, kind = 'ok') {
  const box = document.getElementById('notices')
  if (box === null) return
  const item = h('div.notice', { class: kind, role: kind === 'error' ? 'alert' : 'status' }, text, h('button.close', { type: 'button', 'aria-label': 'dismiss', onclick: () => { item.remove() } }, '×'))
  box.append(item)
  if (kind === 'ok') setTimeout(() => { item.remove() }, 8000)
}

/**
 * Runs an API action, telling the user how it went.
 * @param {string} what
 * @param {() => Promise<unknown>} action
 * @returns {Promise<boolean>} whether it succeeded
 */
export async function perform (what, action) {
  try {
    await action()
    notice(`${what}: done`)
    return true
  } catch (err) {
    const e = /** @type {{ code?: string, message?: string }} */ (err)
    notice(`${what}: ${e.message ?? String(err)}${e.code !== undefined ? ` (${e.code})` : ''}`, 'error')
    return false
  }
}
