/**
 * The app-graph validator: text or data in, a normalized AppSpec or every
 * issue found out. Pure: it reads only its arguments and changes nothing.
 *
 *   text ──readYaml──▶ data ──schema──▶ components ──▶ wiring ──▶ fit ──▶ AppSpec
 *          syntax,            shape       images,        terminals,  nodes
 *          repeated keys                  properties,    entries
 *                                         resources, volumes
 *
 * Each stage runs on whatever the earlier ones could read, so one pass reports
 * everything; only a syntax error stops it, as nothing after it is trustworthy.
 */
import type { Catalog, ImageManifest } from '../catalog/types.ts'
import schema from './app.schema.json' with { type: 'json' }
import { normalizeComponent, normalizeConstraints } from './component.ts'
import { GraphValidationError, IssueCode } from './errors.ts'
import { checkFit } from './fit.ts'
import type { NodeCapacity } from './fit.ts'
import { asRecord, collector } from './path.ts'
import type { Report } from './path.ts'
import { compileShapeCheck } from './schema.ts'
import { didYouMean } from './suggest.ts'
import type { NormalizedComponent } from './component.ts'
import type { AppSpec, EntrySpec, GraphIssue } from './types.ts'
import { resolveEntry, wireConnections } from './wiring.ts'
import type { ComponentTable } from './wiring.ts'
import { readYaml } from './yaml.ts'
import type { DuplicateRule, Position } from './yaml.ts'

/** Largest app text accepted, in UTF-16 code units (about bytes for YAML); a graph is a page, not a file system. */
export const MAX_APP_CHARS = 1024 * 1024

/** What an app is validated against. */
export interface ValidationContext {
  catalog: Catalog
  /** The grid's nodes; an empty list skips the check that some node could hold each instance. */
  nodes: readonly NodeCapacity[]
}

/** The outcome of validateApp. */
export type ValidationResult = { ok: true, app: AppSpec } | { ok: false, errors: GraphIssue[] }

const checkShape = compileShapeCheck(schema)

// A repeated key means something different depending on where it is.
const appDuplicates: DuplicateRule = (parent, key) => {
  if (parent.length === 1 && parent[0] === 'components') return { code: IssueCode.DUPLICATE_NAME, message: `component "${key}" is defined more than once` }
  if (parent.length === 1 && parent[0] === 'entries') return { code: IssueCode.DUPLICATE_NAME, message: `entry "${key}" is defined more than once` }
  if (parent.length === 3 && parent[0] === 'components' && parent[2] === 'connections') return { code: IssueCode.OUTPUT_CONNECTED_TWICE, message: 'output connected twice' }
  return undefined
}

/**
 * Validates an app given as YAML text or as already-parsed data and returns it
 * normalized (defaults applied), or every issue found. Issues from text carry
 * the line and column of their path.
 */
export function validateApp (input: string | unknown, ctx: ValidationContext): ValidationResult {
  const { issues, report, add } = collector()
  let value = input
  let position: ((path: string) => Position | undefined) | undefined
  if (typeof input === 'string') {
    if (input.length > MAX_APP_CHARS) {
      return { ok: false, errors: [{ path: '', code: IssueCode.TOO_LARGE, message: `the app is ${input.length} characters; at most ${MAX_APP_CHARS} are accepted` }] }
    }
    const text = readYaml(input, appDuplicates)
    if (text.value === undefined) return { ok: false, errors: text.issues }
    text.issues.forEach(add)
    value = text.value
    position = text.position
  }
  checkShape(value).forEach(add)
  const app = buildApp(value, ctx, report)
  if (issues.length === 0) return { ok: true, app }
  if (position === undefined) return { ok: false, errors: issues }
  for (const issue of issues) {
    if (issue.line !== undefined) continue
    const pos = position(issue.path)
    if (pos !== undefined) { issue.line = pos.line; issue.column = pos.column }
  }
  // In the order of the text, so a reader works down the file; the sort is stable.
  return { ok: false, errors: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)) }
}

/** validateApp for callers that want the AppSpec or an exception. Throws GraphValidationError. */
export function assertApp (input: string | unknown, ctx: ValidationContext): AppSpec {
  const result = validateApp(input, ctx)
  if (!result.ok) throw new GraphValidationError(result.errors)
  return result.app
}

function buildApp (value: unknown, ctx: ValidationContext, report: Report): AppSpec {
  const root = asRecord(value) ?? {}
  const rawComponents = asRecord(root.components) ?? {}
  const table: ComponentTable = new Map()
  const fitting: NormalizedComponent[] = []
  for (const [name, raw] of Object.entries(rawComponents)) {
    const c = asRecord(raw) ?? {}
    const image = findImage(name, c.image, ctx.catalog, report)
    const normalized = normalizeComponent(name, c, image, report)
    table.set(name, { spec: normalized.spec, image })
    fitting.push(normalized)
  }
  for (const [name, raw] of Object.entries(rawComponents)) {
    wireConnections(name, asRecord(raw)?.connections, table, report)
  }
  for (const c of fitting) checkFit(c.spec, c.known, ctx.nodes, report)
  const entries: EntrySpec[] = []
  const ports = new Map<number, string>()
  for (const [name, raw] of Object.entries(asRecord(root.entries) ?? {})) {
    const entry = resolveEntry(name, raw, table, ports, report)
    if (entry !== undefined) entries.push(entry)
  }
  return {
    name: typeof root.name === 'string' ? root.name : '',
    components: [...table.values()].map(e => e.spec),
    entries,
    constraints: normalizeConstraints(root.constraints, ['constraints'], report)
  }
}

function findImage (component: string, name: unknown, catalog: Catalog, report: Report): ImageManifest | undefined {
  if (typeof name !== 'string') return undefined
  const image = catalog.get(name)
  if (image === undefined) {
    const known = catalog.list().map(i => i.name)
    report(IssueCode.UNKNOWN_IMAGE, ['components', component, 'image'], `no image "${name}" in the catalog${didYouMean(name, known)}`)
  }
  return image
}
