/**
 * The console's entry: login, the header, and a router from the URL's hash
 * (#/grid, #/apps, #/apps/NAME, #/volumes, #/images, #/apply, #/edit,
 * #/edit/NAME) to the view
 * that fills the page. Each view returns its unmount, which stops its
 * refreshes. A read-only session gets the class `read-only` on <body>,
 * which hides every control that writes; the node refuses such writes too.
 */
import { currentSession, login, logout, whenLoggedOut } from './api.js'
import { mountApp, mountApps } from './apps.js'
import { mountApply } from './apply.js'
import { notice } from './dialog.js'
import { mountEditor } from './editor.js'
import { fill, h } from './dom.js'
import { mountGrid } from './grid.js'
import { whenRefreshed } from './live.js'
import { mountImages, mountVolumes } from './volumes.js'

/** @typedef {import('./api.js').Session} Session */

const view = /** @type {HTMLElement} */ (document.getElementById('view'))
const top = /** @type {HTMLElement} */ (document.getElementById('top'))
const loginBox = /** @type {HTMLElement} */ (document.getElementById('login'))
const loginForm = /** @type {HTMLFormElement} */ (document.getElementById('login-form'))
const loginError = /** @type {HTMLElement} */ (document.getElementById('login-error'))
const whoami = /** @type {HTMLElement} */ (document.getElementById('whoami'))

/** @type {(() => void) | undefined} */
let unmount
/** @type {Session | undefined} */
let session

function route () {
  unmount?.()
  unmount = undefined
  if (session === undefined) return
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent)
  const page = parts[0] === '' ? 'grid' : parts[0]
  for (const a of top.querySelectorAll('nav a')) a.classList.toggle('current', a.getAttribute('href') === `#/${page}`)
  const readOnly = session.role !== 'admin'
  switch (page) {
    case 'grid': unmount = mountGrid(view); break
    case 'apps': unmount = parts[1] === undefined || parts[1] === '' ? mountApps(view) : mountApp(view, parts[1]); break
    case 'volumes': unmount = mountVolumes(view); break
    case 'images': unmount = mountImages(view); break
    case 'apply': unmount = mountApply(view, { readOnly }); break
    case 'edit': unmount = mountEditor(view, parts[1] === undefined || parts[1] === '' ? undefined : parts[1], { readOnly }); break
    default: fill(view, h('h1', null, 'Not here'), h('p', null, h('a', { href: '#/grid' }, 'Back to the grid')))
  }
}

/** @param {Session | undefined} s */
function enter (s) {
  session = s
  loginBox.hidden = s !== undefined
  top.hidden = s === undefined
  view.hidden = s === undefined
  document.body.classList.toggle('read-only', s !== undefined && s.role !== 'admin')
  if (s === undefined) {
    unmount?.()
    unmount = undefined
    fill(view)
    const field = /** @type {HTMLInputElement} */ (loginForm.elements.namedItem('token'))
    field.focus()
    return
  }
  fill(whoami, h('span.who', null, s.who), ' ', h('span.badge.role', { class: s.role }, s.role))
  route()
}

loginForm.addEventListener('submit', async (e) => {
  e.preventDefault()
  const field = /** @type {HTMLInputElement} */ (loginForm.elements.namedItem('token'))
  loginError.textContent = ''
  try {
    const s = await login(field.value)
    field.value = ''
    enter(s)
  } catch (err) {
    loginError.textContent = /** @type {Error} */ (err).message
  }
})

document.getElementById('logout')?.addEventListener('click', async () => {
  try { await logout() } catch {}
  enter(undefined)
})

whenLoggedOut(() => {
  if (session === undefined) return
  notice('The node no longer knows this session (it expired, the token was revoked, or the node restarted): log in again.', 'error')
  enter(undefined)
})

const live = /** @type {HTMLElement} */ (document.getElementById('live'))
const island = /** @type {HTMLElement} */ (document.getElementById('island'))
whenRefreshed((error, stale) => {
  live.classList.toggle('stale', error !== undefined || stale !== undefined)
  live.title = error !== undefined
    ? `not current: ${error.message}`
    : stale !== undefined ? `as this node last knew it: ${stale}` : `current as of ${new Date().toLocaleTimeString([], { hour12: false })}`
  island.hidden = error !== undefined || stale === undefined
  island.title = stale ?? ''
})

window.addEventListener('hashchange', route)
enter(await currentSession().catch((err) => {
  loginError.textContent = `cannot reach the node: ${/** @type {Error} */ (err).message}`
  return undefined
}))
