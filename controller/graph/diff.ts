/**
 * What changes between two versions of an app, for `trellis diff` and
 * `trellis app history`: the normalized graphs are compared, so a reordered
 * or reformatted YAML changes nothing, and named lists (components,
 * connections, volumes, entries) are compared by name, not by position.
 */
import type { AppSpec } from './types.ts'

/** One difference, at a dotted path such as `components.web.properties.title`. */
export interface SpecChange {
  path: string
  kind: 'added' | 'removed' | 'changed'
  from?: unknown
  to?: unknown
}


// Lists whose items have a name: compared item by item under that name.
const KEYED: Record<string, (item: Record<string, unknown>) => string> = {
  components: i => String(i.name),
  entries: i => String(i.name),
  volumes: i => String(i.name),
  connections: i => String(i.output)
}

/** Differences from `before` (absent: a new app) to `after`. Pure. */
export function diffApps (before: AppSpec | undefined, after: AppSpec): SpecChange[] {
  const changes: SpecChange[] = []
  compare(before ?? {}, after, '', changes)
  return changes
}

function compare (a: unknown, b: unknown, path: string, out: SpecChange[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return
  const key = path.split('.').pop() ?? ''
  if (Array.isArray(a) && Array.isArray(b) && KEYED[key] !== undefined) {
    const name = KEYED[key]
    const left = new Map(a.map(i => [name(i as Record<string, unknown>), i]))
    const right = new Map(b.map(i => [name(i as Record<string, unknown>), i]))
    for (const [k, v] of left) if (!right.has(k)) out.push({ path: join(path, k), kind: 'removed', from: v })
    for (const [k, v] of right) {
      if (!left.has(k)) out.push({ path: join(path, k), kind: 'added', to: v })
      else compare(left.get(k), v, join(path, k), out)
    }
    return
  }
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) if (!(k in b)) out.push({ path: join(path, k), kind: 'removed', from: a[k] })
    for (const k of Object.keys(b)) {
      if (!(k in a)) out.push({ path: join(path, k), kind: 'added', to: b[k] })
      else compare(a[k], b[k], join(path, k), out)
    }
    return
  }
  out.push({ path, kind: 'changed', from: a, to: b })
}

function isObject (v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function join (path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}
