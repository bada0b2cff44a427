/**
 * Building the page: h() makes an element from a tag, properties and
 * children; text always goes in as text, never as HTML, so nothing the grid
 * reports (an event's detail, an app's name) can become markup.
 */

/**
 * @param {string} tag e.g. 'div' or 'span.badge.ok'
 * @param {Record<string, any> | null} [props] attributes; `on*` functions become listeners, `class` adds classes
 * @param {...(Node | string | number | null | undefined | false | Array<Node | string | null | undefined | false>)} children
 * @returns {HTMLElement}
 */
export function h (tag, props, ...children) {
  const [name, ...classes] = tag.split('.')
  const el = document.createElement(name || 'div')
  if (classes.length > 0) el.classList.add(...classes)
  setProps(el, props)
  append(el, children)
  return el
}

const SVG_NS = 'http://www.w3.org/2000/svg'

/**
 * An SVG element, as h() makes HTML ones.
 * @param {string} tag
 * @param {Record<string, any> | null} [props]
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {SVGElement}
 */
export function s (tag, props, ...children) {
  const [name, ...classes] = tag.split('.')
  const el = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, name))
  if (classes.length > 0) el.classList.add(...classes)
  setProps(el, props)
  append(el, children)
  return el
}

/** @param {Element} el @param {Record<string, any> | null | undefined} props */
function setProps (el, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value)
    else if (key === 'class') el.classList.add(...String(value).split(/\s+/).filter(Boolean))
    else if (key === 'dataset') Object.assign(/** @type {HTMLElement} */ (el).dataset, value)
    else el.setAttribute(key, value === true ? '' : String(value))
  }
}

/** @param {Element} el @param {any[]} children */
function append (el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    el.append(child instanceof Node ? child : String(child))
  }
}

/**
 * Replaces an element's children.
 * @param {Element} el
 * @param {...any} children
 */
export function fill (el, ...children) {
  el.replaceChildren()
  append(el, children)
}

/**
 * A bar showing part of a whole, with words beside it.
 * @param {number} fraction 0..1
 * @param {string} words
 * @param {string} [kind] a class: cpu, memory, disk, battery, sync
 */
export function bar (fraction, words, kind = '') {
  const inner = h('span.fill')
  const f = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0
  inner.style.width = `${(f * 100).toFixed(1)}%`
  if (f > 0.9) inner.classList.add('high')
  return h('span.bar', { class: kind, role: 'meter', 'aria-valuenow': Math.round(f * 100), 'aria-valuemin': 0, 'aria-valuemax': 100 }, h('span.track', null, inner), h('span.words', null, words))
}
