/**
 * Volumes: each replicated volume with its state, generation and replicas
 * (in sync or not, the primary, a progress bar while one is caught up or
 * rebuilt); snapshot a volume, delete a snapshot. And the image catalog.
 */
import { call, get, send, seg } from './api.js'
import { confirmAction, perform } from './dialog.js'
import { bar, fill, h } from './dom.js'
import { bytes } from './format.js'
import { every } from './live.js'

/** @typedef {import('../../client/types.ts').VolumeView} VolumeView */
/** @typedef {import('../../client/types.ts').ImageView} ImageView */

/** @param {HTMLElement} view */
export function mountVolumes (view) {
  const list = h('div.volumes', { id: 'volumes' })
  fill(view, h('h1', null, 'Volumes'), list)
  const live = every(async () => {
    const volumes = /** @type {VolumeView[]} */ (await get('/v1/volumes'))
    fill(list, volumes.length === 0 ? h('p.empty', null, 'No volumes: an app gets one when a component asks for it.') : volumes.map(v => volumeCard(v, () => live.nudge())))
  })
  return () => { live.stop() }
}

/** @param {VolumeView} v @param {() => void} changed */
function volumeCard (v, changed) {
  const inSync = v.members.filter(m => m.inSync).length
  const snapshot = v.id.includes('@')
  const action = snapshot
    ? h('button.write.danger', { type: 'button', 'data-action': 'delete-snapshot', onclick: async () => {
      if (await confirmAction({ title: `Delete snapshot ${v.id}?`, body: 'Its data goes from every replica.', confirm: 'Delete', danger: true }) === undefined) return
      await perform(`delete ${v.id}`, () => call('DELETE', `/v1/volumes/${seg(v.id)}`))
      changed()
    } }, 'Delete…')
    : h('button.write', { type: 'button', 'data-action': 'snapshot', onclick: async () => {
      const values = await confirmAction({
        title: `Snapshot ${v.id}`,
        body: 'A copy of the volume\'s present data, kept as its own volume and replicated like it.',
        confirm: 'Snapshot',
        fields: [{ name: 'name', label: 'snapshot name', pattern: '[a-z0-9][a-z0-9._\\-]{0,62}', placeholder: 'before-upgrade' }]
      })
      if (values === undefined) return
      await perform(`snapshot ${v.id}@${values.name}`, () => send('POST', `/v1/volumes/${seg(v.id)}/snapshots`, { name: values.name }))
      changed()
    } }, 'Snapshot…')
  return h('article.card.volume', { 'data-volume': v.id },
    h('header', null, h('h2', null, v.id), h('span.badge.status', { class: v.state }, v.state), action),
    h('p.facts', null,
      `${bytes(v.sizeBytes)} · ${inSync} of ${v.replicas} replicas in sync · generation ${v.generation}`,
      v.primary === undefined ? ' · not attached' : ` · attached on ${v.primary.name}`,
      v.app === '' ? '' : ` · app ${v.app}, component ${v.component}`),
    h('table.list.members', null,
      h('thead', null, h('tr', null, ...['replica on', 'in sync', 'role', 'catch-up'].map(c => h('th', null, c)))),
      h('tbody', null, v.members.map(m => h('tr', { 'data-member': m.name },
        h('td', null, m.name, h('span.node-state', null, ` (${m.node})`)),
        h('td', null, m.inSync ? h('span.badge.ok', null, 'in sync') : h('span.badge.bad', null, 'behind')),
        h('td', null, m.primary ? 'primary' : 'replica'),
        h('td', null, m.sync === undefined ? '' : bar(m.sync.percent / 100, `${Math.floor(m.sync.percent)} % · ${bytes(m.sync.copiedBytes)} copied`, 'sync'))
      ))))
  )
}

/** @param {HTMLElement} view */
export function mountImages (view) {
  const body = h('tbody')
  fill(view, h('h1', null, 'Images'),
    h('table.list', { id: 'images' }, h('thead', null, h('tr', null, ...['image', 'version', 'driver', 'size', 'copies (wanted)', 'held by', 'used by', 'digest'].map(c => h('th', null, c)))), body))
  const live = every(async () => {
    const images = /** @type {ImageView[]} */ (await get('/v1/images'))
    fill(body, images.map(i => h('tr', { 'data-image': `${i.name}@${i.version}` },
      h('td', null, h('strong', null, i.name), h('div.detail', null, i.description)),
      h('td', null, i.version),
      h('td', null, i.driver),
      h('td', null, bytes(i.size)),
      h('td', null, `${i.holders.length} (${i.replicas})`, i.fetching === undefined ? null : bar(i.fetching.bytesDone / Math.max(1, i.fetching.bytesTotal), `fetching ${bytes(i.fetching.bytesDone)} of ${bytes(i.fetching.bytesTotal)}`, 'sync')),
      h('td', null, i.holders.map(x => x.name).join(', ')),
      h('td', null, i.usedBy.join(', ')),
      h('td.digest', { title: i.digest }, i.digest.slice(0, 19))
    )))
  }, 3000)
  return () => { live.stop() }
}
