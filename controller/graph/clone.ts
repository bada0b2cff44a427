/**
 * The YAML of an app's clone: the same graph under another name, with its
 * entries moved to ports the caller chose (two apps cannot publish on one
 * port) or left out. Pure; the result is validated like any submitted app.
 */
import { isMap, parseDocument } from 'yaml'

export class CloneSpecError extends Error {
  readonly code = 'ERR_INVALID_CLONE'
  override name = 'CloneSpecError'
}

/** Rewrites `source` for a clone named `name`; `ports` maps entry names to their new ports. */
export function cloneSource (source: string, name: string, ports: Readonly<Record<string, number>>): { source: string, dropped: string[] } {
  const doc = parseDocument(source)
  doc.set('name', name)
  const entries = doc.get('entries')
  const dropped: string[] = []
  const known = new Set<string>()
  if (isMap(entries)) {
    for (const pair of [...entries.items]) {
      const entry = String((pair.key as { value?: unknown })?.value ?? pair.key)
      known.add(entry)
      const port = ports[entry]
      if (port === undefined) { entries.delete(pair.key); dropped.push(entry); continue }
      doc.setIn(['entries', entry, 'port'], port)
    }
    if (entries.items.length === 0) doc.delete('entries')
  }
  for (const entry of Object.keys(ports)) {
    if (!known.has(entry)) throw new CloneSpecError(`the app has no entry "${entry}"${known.size > 0 ? ` (it has ${[...known].join(', ')})` : ''}`)
  }
  return { source: doc.toString(), dropped }
}
