/** `trellis volume list|describe`: replicated volumes, their replicas and catch-up progress. */
import type { TrellisClient } from '../client/index.ts'
import type { VolumeView } from '../client/types.ts'
import type { Format, Output } from './commands.ts'
import { bytes, table } from './format.ts'
import { rolloutLine, waitForRollout } from './rollout.ts'

export async function volumeList (client: TrellisClient, out: Output, format: Format): Promise<number> {
  const volumes = await client.volumes()
  if (format === 'json') { out.write(JSON.stringify(volumes, null, 2)); return 0 }
  if (volumes.length === 0) { out.write('no volumes'); return 0 }
  out.write(table(['VOLUME', 'STATE', 'SIZE', 'IN SYNC', 'PRIMARY', 'GENERATION'],
    volumes.map(v => [v.id, stateText(v), bytes(v.sizeBytes), `${v.members.filter(m => m.inSync).length}/${v.replicas}`, v.primary?.name ?? '-', String(v.generation)])))
  return 0
}

export async function volumeDescribe (client: TrellisClient, out: Output, id: string, format: Format): Promise<number> {
  const v = await client.volume(id)
  if (format === 'json') { out.write(JSON.stringify(v, null, 2)); return 0 }
  out.write([
    `Volume:      ${v.id}`,
    `App:         ${v.app} (component ${v.component})`,
    `State:       ${stateText(v)}`,
    `Size:        ${bytes(v.sizeBytes)}`,
    `Replicas:    ${v.members.filter(m => m.inSync).length} in sync of ${v.replicas} wanted`,
    `Primary:     ${v.primary?.name ?? '- (not attached)'}`,
    `Generation:  ${v.generation}`,
    '',
    table(['REPLICA', 'NODE', 'IN SYNC', 'ROLE', 'CATCH-UP'], v.members.map(m => [
      m.name,
      m.node,
      m.inSync ? 'yes' : 'no',
      m.primary ? 'primary' : 'replica',
      m.sync === undefined ? '-' : `${m.sync.percent}% compared, ${bytes(m.sync.copiedBytes)} copied`
    ]))
  ].join('\n'))
  return 0
}

function stateText (v: VolumeView): string {
  const rebuilding = v.members.find(m => m.sync !== undefined)
  return rebuilding?.sync !== undefined ? `${v.state} ${rebuilding.sync.percent}%` : v.state
}

export async function volumeSnapshot (client: TrellisClient, out: Output, id: string, name: string, format: Format, wait?: number): Promise<number> {
  const v = await client.snapshotVolume(id, name)
  if (format === 'json' && wait === undefined) { out.write(JSON.stringify(v, null, 2)); return 0 }
  if (format !== 'json') out.write(`snapshot ${v.id} committed; it is copied on ${v.members[0]?.name ?? '?'} (trellis volume describe ${v.id})`)
  return wait === undefined ? 0 : await volumeWait(client, out, v.id, wait, format)
}

/** Sync stands, in one line: `shop.db.data: 1/2 in sync; node-2 catching up 45%`. */
function syncLine (v: VolumeView): string {
  const catching = v.members.filter(m => m.sync !== undefined).map(m => `${m.name} catching up ${m.sync!.percent}%`)
  return `${v.id}: ${v.members.filter(m => m.inSync).length}/${v.replicas} in sync${catching.length > 0 ? `; ${catching.join(', ')}` : ''}`
}

/**
 * Waits until every replica the volume wants is in sync (a snapshot copied,
 * a rebuild or catch-up done), printing each change; exit 1 after `seconds`.
 */
export async function volumeWait (client: TrellisClient, out: Output, id: string, seconds: number, format: Format): Promise<number> {
  const deadline = Date.now() + seconds * 1000
  let last = ''
  for (;;) {
    const v = await client.volume(id)
    const line = syncLine(v)
    if (line !== last) out.error(line)
    last = line
    if (v.members.filter(m => m.inSync).length >= v.replicas) {
      out.write(format === 'json' ? JSON.stringify(v, null, 2) : `${v.id}: every replica in sync (${v.replicas})`)
      return 0
    }
    if (Date.now() > deadline) { out.error(`${v.id} not in sync after ${seconds}s: ${line}`); return 1 }
    await new Promise(resolve => setTimeout(resolve, 500))
  }
}

export async function volumeDelete (client: TrellisClient, out: Output, id: string, format: Format): Promise<number> {
  const r = await client.deleteSnapshot(id)
  if (format === 'json') { out.write(JSON.stringify(r, null, 2)); return 0 }
  out.write(r.existed ? `snapshot ${id} deleted` : `no snapshot ${id}`)
  return r.existed ? 0 : 1
}

export async function appClone (client: TrellisClient, out: Output, app: string, name: string, ports: Record<string, number>, format: Format, wait?: number): Promise<number> {
  const r = await client.cloneApp(app, name, ports)
  if (format === 'json' && wait === undefined) { out.write(JSON.stringify(r, null, 2)); return 0 }
  if (format !== 'json') {
    out.write(`app ${r.name} created from ${app} (version ${r.version}); volumes copied: ${r.volumes.join(', ') || 'none'}`)
    if (r.droppedEntries.length > 0) out.write(`entries left out (give --port <entry>=<port> to keep them): ${r.droppedEntries.join(', ')}`)
  }
  if (wait === undefined) return 0
  // The copies first (the clone's instances wait for them), then the clone running, healthy.
  const deadline = Date.now() + wait * 1000
  for (const volume of r.volumes) {
    if (await volumeWait(client, out, volume, Math.max(1, (deadline - Date.now()) / 1000), 'table') !== 0) return 1
  }
  const { done, app: now } = await waitForRollout(client, out, r.name, Math.max(1, (deadline - Date.now()) / 1000), process.stderr.isTTY === true)
  if (!done) { out.error(`clone ${r.name} not healthy after ${wait}s: ${rolloutLine(now)}`); return 1 }
  out.write(format === 'json' ? JSON.stringify(now, null, 2) : `app ${r.name} running: ${now.healthy}/${now.instances} healthy`)
  return 0
}
