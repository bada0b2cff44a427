/**
 * The grid map: one card per node with its resources, power, zone, state,
 * admin state and whether it leads the replicated log; cordon, uncordon and
 * drain behind a confirmation. Cards are kept by node id and updated in
 * place, so a button under the pointer survives the next refresh.
 */
import { call, get, seg } from './api.js'
import { confirmAction, perform } from './dialog.js'
import { bar, fill, h } from './dom.js'
import { ago, bytes, fixed } from './format.js'
import { every } from './live.js'

/** @typedef {import('../../client/types.ts').NodeView} NodeView */
/** @typedef {import('../../client/types.ts').RaftView} RaftView */

/**
 * @param {HTMLElement} view
 * @returns {() => void} unmount
 */
export function mountGrid (view) {
  const summary = h('p.summary')
  const cards = h('div.cards', { id: 'nodes' })
  fill(view, h('h1', null, 'Grid'), summary, cards)
  /** @type {Map<string, { card: HTMLElement, update: (n: NodeView, leader: boolean, voter: string | undefined) => void }>} */
  const known = new Map()

  const live = every(async () => {
    const [nodes, raft] = await Promise.all([
      get('/v1/nodes').then(x => /** @type {NodeView[]} */ (x)),
      // A node outside any grid has no replicated log to show.
      get('/v1/raft').then(x => /** @type {RaftView} */ (x), () => undefined)
    ])
    nodes.sort((a, b) => a.name.localeCompare(b.name))
    const seen = new Set()
    for (const n of nodes) {
      seen.add(n.id)
      let entry = known.get(n.id)
      if (entry === undefined) {
        entry = nodeCard(n.name, () => live.nudge())
        known.set(n.id, entry)
      }
      const peer = raft?.peers.find(p => p.id === n.id)
      entry.update(n, raft?.leader === n.id, peer?.suffrage)
    }
    for (const [id, entry] of known) if (!seen.has(id)) { entry.card.remove(); known.delete(id) }
    cards.replaceChildren(...nodes.map(n => known.get(n.id)?.card).filter(c => c !== undefined))
    const up = nodes.filter(n => n.state === 'up').length
    const leader = nodes.find(n => n.id === raft?.leader)
    fill(summary, `${nodes.length} node${nodes.length === 1 ? '' : 's'}, ${up} up`,
      raft === undefined ? ' · a lone node' : ` · leader ${leader?.name ?? 'none'} · term ${raft.term} · commit ${raft.commit}`)
  })
  return () => { live.stop() }
}

/**
 * @param {string} name
 * @param {() => void} changed
 */
function nodeCard (name, changed) {
  const title = h('h2')
  const badges = h('div.badges')
  const facts = h('dl.facts')
  const meters = h('div.meters')
  const admin = (/** @type {'cordon' | 'uncordon' | 'drain'} */ action, /** @type {string} */ words, /** @type {string} */ label) => h('button.write', {
    type: 'button',
    'data-action': action,
    onclick: async () => {
      const ok = await confirmAction({ title: `${label} ${name}?`, body: words, confirm: label, danger: action === 'drain' })
      if (ok === undefined) return
      await perform(`${label} ${name}`, () => call('POST', `/v1/nodes/${seg(name)}/${action}`))
      changed()
    }
  }, label)
  const cordon = admin('cordon', 'The node keeps what it runs but takes nothing new.', 'Cordon')
  const uncordon = admin('uncordon', 'The node takes new instances again (this also ends a drain).', 'Uncordon')
  const drain = admin('drain', 'Every instance on the node moves elsewhere, one per app at a time; the node takes nothing new.', 'Drain')
  const card = h('article.card.node', { 'data-node': name }, h('header', null, title, badges), facts, meters, h('div.actions', null, cordon, uncordon, drain))

  /** @param {NodeView} n @param {boolean} leader @param {string | undefined} suffrage */
  const update = (n, leader, suffrage) => {
    fill(title, n.name, n.self ? h('span.self', { title: 'the node serving this page' }, ' (this node)') : null)
    fill(badges,
      h('span.badge.state', { class: n.state }, n.state),
      n.admin === undefined ? null : h('span.badge.admin', { class: n.admin }, n.admin),
      leader ? h('span.badge.leader', { title: 'leader of the replicated log' }, '★ leader') : suffrage === undefined ? null : h('span.badge.suffrage', null, suffrage)
    )
    const power = n.power.source === 'battery'
      ? `battery${n.power.chargePercent !== undefined ? ` ${Math.round(n.power.chargePercent)} %` : ''}${n.power.charging ? ', charging' : ''}`
      : n.power.source
    fill(facts,
      h('dt', null, 'zone'), h('dd.zone', null, n.zone === '' ? '—' : n.zone),
      h('dt', null, 'power'), h('dd.power', null, power),
      h('dt', null, 'version'), h('dd', null, n.version),
      h('dt', null, 'seen'), h('dd', null, n.lastSeen > 0 ? ago(n.lastSeen) : '—'),
      h('dt', null, 'address'), h('dd.address', { title: n.address }, n.address.split(',')[0] ?? '')
    )
    const usedMemory = n.memory.total - n.memory.free
    fill(meters,
      h('div.meter', null, h('span.label', null, 'CPU'), bar(n.cpu.load1 / Math.max(1, n.cpu.cores), `load ${fixed(n.cpu.load1, 2)} of ${n.cpu.cores} cores · ${fixed(n.cpu.allocated, 2)} allocated`, 'cpu')),
      h('div.meter', null, h('span.label', null, 'Memory'), bar(usedMemory / n.memory.total, `${bytes(usedMemory)} of ${bytes(n.memory.total)} used · ${bytes(n.memory.allocated)} allocated`, 'memory')),
      h('div.meter', null, h('span.label', null, 'Disk'), bar((n.disk.total - n.disk.free) / n.disk.total, `${bytes(n.disk.free)} free of ${bytes(n.disk.total)}`, 'disk')),
      n.power.chargePercent === undefined ? null : h('div.meter', null, h('span.label', null, 'Battery'), bar(n.power.chargePercent / 100, `${Math.round(n.power.chargePercent)} %`, 'battery'))
    )
    cordon.hidden = n.admin !== undefined
    uncordon.hidden = n.admin === undefined
    drain.hidden = n.admin === 'draining' || n.admin === 'parking'
    card.classList.toggle('down', n.state === 'down' || n.state === 'left')
  }
  return { card, update }
}
