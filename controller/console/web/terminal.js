/**
 * A console into an instance, in the page: xterm.js speaking the session
 * protocol of docs/console-exec.md over a WebSocket that the session cookie
 * opens (the node accepts the cookie there only from this page's origin).
 *
 *   keys ──term.onData──▶ [0, …utf-8] ──▶ WebSocket ──▶ the instance's shell
 *   screen ◀─term.write── [1, …bytes] ◀──┘
 *   panel size ──fit──▶ term.onResize ──▶ {type:'resize'}
 *
 * xterm.js and its fit addon are served by the node from node_modules
 * (controller/console/assets.ts) and loaded on the first console.
 */
import { currentSession, seg } from './api.js'
import { fill, h } from './dom.js'

/** @typedef {import('@xterm/xterm').Terminal} Terminal */
/** @typedef {import('@xterm/addon-fit').FitAddon} FitAddon */

/** The session protocol's subprotocol (controller/client/session-protocol.ts). */
const SUBPROTOCOL = 'trellis.session.v1'
/** Channel bytes of binary messages. */
const STDIN = 0
const STDOUT = 1
const STDERR = 2
/** Most bytes after the channel byte in one message; a longer paste goes in pieces. */
const MAX_CHUNK_BYTES = 64 * 1024 // bytes
/** TERM the shell gets: what xterm.js emulates. */
const TERM = 'xterm-256color'

/** The modules' addresses as strings, so the type-checker does not look for them on disk. */
const XTERM_URL = /** @type {string} */ ('/console/xterm.mjs')
const FIT_URL = /** @type {string} */ ('/console/addon-fit.mjs')

/** What the protocol's error codes mean to the person at the terminal. */
const REASONS = /** @type {Record<string, string>} */ ({
  ERR_NOT_RUNNING: 'is not running now (not placed, starting, restarting or stopped): try again once it runs',
  ERR_UNREACHABLE: 'cannot be reached: its node is down or cut off from this one, or the connection to it broke',
  ERR_NOT_SUPPORTED: 'cannot give a terminal here (no node-pty on its node)',
  ERR_CONSOLE_BUSY: 'has a client on its serial console already: one at a time',
  ERR_SESSION_START: 'could not start its console program',
  ERR_BAD_SESSION_MESSAGE: 'refused a message from this page'
})

/** @type {Promise<{ Terminal: typeof import('@xterm/xterm').Terminal, FitAddon: typeof import('@xterm/addon-fit').FitAddon }> | undefined} */
let modules

function loadModules () {
  modules ??= Promise.all([import(XTERM_URL), import(FIT_URL)]).then(([x, f]) => ({ Terminal: x.Terminal, FitAddon: f.FitAddon }))
  modules.catch(() => { modules = undefined })
  return modules
}

/**
 * A console into one instance, in a panel at the foot of the page; one at a
 * time. close() hangs it up (the node sends the shell SIGHUP).
 */
export class ConsolePanel {
  /** @type {HTMLElement} */
  #panel
  /** @type {HTMLElement} */
  #screen
  /** @type {HTMLElement} */
  #status
  /** @type {Terminal | undefined} */
  #term
  /** @type {WebSocket | undefined} */
  #ws
  /** @type {Array<() => void>} */
  #undo = []
  #closed = false

  /**
   * @param {{ app: string, instance: string, node?: string }} target
   * @param {() => void} onClose called when the user closes the panel
   */
  constructor (target, onClose) {
    this.target = target
    this.#screen = h('div.screen')
    this.#status = h('p.status', { role: 'status' })
    this.#panel = h('section.terminal', { id: 'terminal', 'data-instance': target.instance },
      h('header', null,
        h('h2', null, 'Console ', h('code', null, target.instance)),
        target.node === undefined ? null : h('span.where', null, `on ${target.node}`),
        this.#status,
        h('button', { type: 'button', 'data-action': 'reconnect', onclick: () => { void this.#connect() } }, 'Reconnect'),
        h('button', { type: 'button', 'data-action': 'close-console', onclick: () => { this.close(); onClose() } }, 'Close')),
      this.#screen)
    document.body.append(this.#panel)
    document.body.classList.add('with-terminal')
    void this.#connect()
  }

  /** Hangs up and removes the panel. */
  close () {
    if (this.#closed) return
    this.#closed = true
    this.#hangUp()
    this.#panel.remove()
    document.body.classList.remove('with-terminal')
  }

  /**
   * @param {'connecting' | 'open' | 'ended' | 'failed'} state
   * @param {string} text
   */
  #say (state, text) {
    this.#panel.dataset.state = state
    this.#status.className = `status ${state}`
    this.#status.textContent = text
  }

  #hangUp () {
    for (const undo of this.#undo.splice(0)) undo()
    this.#term = undefined
    this.#ws = undefined
  }

  async #connect () {
    this.#hangUp()
    const { app, instance } = this.target
    this.#say('connecting', 'connecting…')
    let Terminal, FitAddon
    try {
      ({ Terminal, FitAddon } = await loadModules())
    } catch (err) {
      this.#say('failed', `Could not load the terminal: ${/** @type {Error} */ (err).message}`)
      return
    }
    if (this.#closed) return
    fill(this.#screen)
    const term = new Terminal({ cursorBlink: true, fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace', fontSize: 13, scrollback: 5000, theme: { background: '#17201c', foreground: '#e3ebe6', cursor: '#7fd8a4' } })
    const fit = new FitAddon()
    term.loadAddon(fit)
    this.#undo.push(mirrorStyles(this.#screen))
    term.open(this.#screen)
    this.#undo.push(() => { term.dispose() })
    this.#term = term
    fit.fit()
    const resized = new ResizeObserver(() => { if (this.#screen.clientHeight > 0) fit.fit() })
    resized.observe(this.#screen)
    this.#undo.push(() => { resized.disconnect() })

    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
    const ws = new WebSocket(`${scheme}//${location.host}/v1/apps/${seg(app)}/instances/${seg(instance)}/console`, [SUBPROTOCOL])
    ws.binaryType = 'arraybuffer'
    this.#ws = ws
    this.#undo.push(() => { ws.onclose = null; ws.close(1000) })
    let opened = false
    let last = ''
    /** @param {object} message */
    const control = (message) => { if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message)) }

    ws.onopen = () => {
      opened = true
      control({ type: 'start', cols: term.cols, rows: term.rows, term: TERM })
      this.#say('open', 'connected')
      term.focus()
    }
    ws.onmessage = (e) => {
      if (e.data instanceof ArrayBuffer) {
        const bytes = new Uint8Array(e.data)
        if (bytes[0] === STDOUT || bytes[0] === STDERR) term.write(bytes.subarray(1))
        return
      }
      let message
      try { message = JSON.parse(String(e.data)) } catch { return }
      if (message.type === 'exit') {
        last = message.signal !== null ? `The session ended: the shell was killed by ${message.signal}.` : `The session ended: the shell exited with code ${message.code}.`
        this.#say('ended', last)
      } else if (message.type === 'error') {
        last = `${instance} ${REASONS[message.code] ?? 'could not open a console'} (${message.code}: ${message.message})`
        this.#say('failed', last)
      }
    }
    ws.onclose = (e) => {
      if (this.#ws !== ws) return
      if (last !== '') return
      if (opened) { this.#say('ended', `The connection closed (${e.code}${e.reason === '' ? '' : `: ${e.reason}`}).`); return }
      // A refused upgrade reaches a browser only as a failed socket: ask the node what it thinks of the session.
      void currentSession().then(
        s => { this.#say('failed', s === undefined ? 'The session with this node has ended: log in again.' : `The node refused a console into ${instance} (it may be gone, or not in this app).`) },
        () => { this.#say('failed', 'The node cannot be reached.') })
    }

    const encoder = new TextEncoder()
    /** @param {Uint8Array} bytes */
    const stdin = (bytes) => {
      for (let at = 0; at < bytes.length; at += MAX_CHUNK_BYTES) {
        const piece = bytes.subarray(at, at + MAX_CHUNK_BYTES)
        const message = new Uint8Array(1 + piece.length)
        message[0] = STDIN
        message.set(piece, 1)
        if (ws.readyState === WebSocket.OPEN) ws.send(message)
      }
    }
    const typed = term.onData(data => { stdin(encoder.encode(data)) })
    // Mouse reports in some modes come as bytes in a string, one char each.
    const binary = term.onBinary(data => { stdin(Uint8Array.from(data, c => c.charCodeAt(0) & 0xff)) })
    const sized = term.onResize(({ cols, rows }) => { control({ type: 'resize', cols, rows }) })
    this.#undo.push(() => { typed.dispose(); binary.dispose(); sized.dispose() })
  }
}

/**
 * xterm.js writes its theme and cell sizes into <style> elements, which the
 * page's content security policy (style-src 'self') does not apply. Their
 * text goes into constructed style sheets instead, which the policy allows:
 * the page keeps its strict policy, the terminal its colours and sizes.
 * @param {HTMLElement} host
 * @returns {() => void} stops mirroring and drops the sheets
 */
function mirrorStyles (host) {
  /** @type {Map<HTMLStyleElement, CSSStyleSheet>} */
  const sheets = new Map()
  const sync = () => {
    for (const el of host.querySelectorAll('style')) {
      let sheet = sheets.get(el)
      if (sheet === undefined) { sheet = new CSSStyleSheet(); sheets.set(el, sheet) }
      sheet.replaceSync(el.textContent ?? '')
    }
    for (const el of sheets.keys()) if (!el.isConnected) sheets.delete(el)
    adopt([...sheets.values()])
  }
  /** @type {CSSStyleSheet[]} */
  let adopted = []
  /** @param {CSSStyleSheet[]} next */
  const adopt = (next) => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter(s => !adopted.includes(s)), ...next]
    adopted = next
  }
  /** @param {Node} n */
  const isStyle = (n) => n.nodeName === 'STYLE'
  const observer = new MutationObserver(records => {
    // Rows change on every write; only a <style> changing matters.
    if (records.some(r => isStyle(r.target) || r.target.parentNode?.nodeName === 'STYLE' || [...r.addedNodes, ...r.removedNodes].some(isStyle))) sync()
  })
  observer.observe(host, { subtree: true, childList: true, characterData: true })
  return () => { observer.disconnect(); adopt([]) }
}
