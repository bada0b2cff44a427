/** `trellis app history`, `trellis app rollback` and `trellis diff`: an app's versions as people count them. */
import type { TrellisClient } from '../client/index.ts'
import type { AppChangesView, SpecChangeView } from '../client/types.ts'
import { readSource, type Format, type Output } from './commands.ts'
import { rolloutLine, waitForRollout } from './rollout.ts'
import { table } from './format.ts'

export async function appHistory (client: TrellisClient, out: Output, app: string, format: Format): Promise<number> {
  const revisions = await client.history(app)
  if (format === 'json') { out.write(JSON.stringify(revisions, null, 2)); return 0 }
  out.write(table(['REVISION', 'VERSION', 'CHANGE'], revisions.map(r => [
    `${r.revision}${r.current ? ' *' : ''}`,
    String(r.version),
    r.revision === 1 ? 'created' : `${r.rollbackOf !== undefined ? `rollback to ${r.rollbackOf}: ` : ''}${summary(r)}`
  ])))
  return 0
}

export async function appRollback (client: TrellisClient, out: Output, app: string, revision: number | undefined, wait: number | undefined, format: Format): Promise<number> {
  const r = await client.rollback(app, revision)
  if (format === 'json' && wait === undefined) { out.write(JSON.stringify(r, null, 2)); return 0 }
  if (format !== 'json') out.write(r.change === 'unchanged' ? `app ${app} already runs that revision` : `app ${app} rolled back: revision ${r.revision ?? '?'} (version ${r.version})`)
  if (wait === undefined) return 0
  const { done, app: now } = await waitForRollout(client, out, app, wait, process.stderr.isTTY === true)
  if (format === 'json') out.write(JSON.stringify(now, null, 2))
  if (!done) out.error(`app ${app} not rolled out after ${wait}s: ${rolloutLine(now)}`)
  return done ? 0 : 1
}

/** Exit 0 when applying the file changes nothing, 1 when it would change something (as diff(1) and kubectl diff do). */
export async function diff (client: TrellisClient, out: Output, file: string, format: Format): Promise<number> {
  const d = await client.diff(await readSource(file))
  if (format === 'json') { out.write(JSON.stringify(d, null, 2)); return d.changes.length === 0 ? 0 : 1 }
  if (!d.exists) { out.write(`app ${d.name} does not exist: applying creates it, starting ${d.starts.join(', ')}`); return 1 }
  if (d.changes.length === 0) { out.write(`app ${d.name}: no changes (revision ${d.revision ?? '?'})`); return 0 }
  out.write([`app ${d.name}, from revision ${d.revision ?? '?'}:`, ...d.changes.map(line), effects(d)].filter(l => l !== '').join('\n'))
  return 1
}

function line (c: SpecChangeView): string {
  if (c.kind === 'added') return `+ ${c.path}: ${show(c.to)}`
  if (c.kind === 'removed') return `- ${c.path}: ${show(c.from)}`
  return `~ ${c.path}: ${show(c.from)} → ${show(c.to)}`
}

function effects (c: AppChangesView): string {
  const parts = [
    c.restarts.length > 0 ? `restarts ${c.restarts.join(', ')}` : '',
    c.starts.length > 0 ? `starts ${c.starts.join(', ')}` : '',
    c.stops.length > 0 ? `stops ${c.stops.join(', ')}` : ''
  ].filter(p => p !== '')
  return parts.length === 0 ? '' : `applying it ${parts.join('; ')}`
}

function summary (c: AppChangesView): string {
  const paths = c.changes.map(x => `${x.path} ${x.kind}`)
  const shown = paths.length > 3 ? [...paths.slice(0, 3), `${paths.length - 3} more`] : paths
  const effect = effects(c).replace(/^applying it /, '')
  return [shown.join(', ') || 'no change kept', effect].filter(p => p !== '').join('; ')
}

function show (v: unknown): string {
  const text = JSON.stringify(v)
  return text.length > 80 ? text.slice(0, 77) + '...' : text
}
